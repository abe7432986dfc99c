// Shared by the schedule CLI commands: the story, the scheduler deps and the follow service for a CLI context.
import { loadStories } from '../app/stories.ts';
import type { Story } from '../briefings/story-access.ts';
import type { CliContext } from '../cli/context.ts';
import type { Clock } from '../clock.ts';
import { UserError } from '../errors.ts';
import type { ScheduledSubscription } from '../store/subscription-store.ts';
import { createFollowService, type FollowService } from './follow-service.ts';
import type { SchedulerDeps } from './scheduler-deps.ts';
import { createSchedulerDeps } from './wiring.ts';

/** The story digests are built from: the first story definition in data/stories. */
export async function scheduleStory(): Promise<Story> {
  const [story] = await loadStories();
  if (!story) throw new UserError('BAD_STORY', 'no story definition found in data/stories');
  return story;
}

export async function cliScheduler(
  ctx: CliContext,
  clock?: Clock,
): Promise<{ deps: SchedulerDeps; follow: FollowService }> {
  const store = await ctx.store();
  const story = await scheduleStory();
  const deps = createSchedulerDeps({ db: store.db, events: store.events, story, env: ctx.env, clock });
  const follow = createFollowService({
    subscriptions: deps.subscriptions,
    catalogue: story,
    clock: deps.clock,
    scheduler: deps,
  });
  return { deps, follow };
}

/** The `following --json` shape of a subscription. */
export function subscriptionJson(s: ScheduledSubscription) {
  return {
    id: s.id,
    platform: s.platform,
    workspace: s.workspace,
    channel: s.channel,
    time: s.time,
    timezone: s.timezone,
    topics: s.topics,
    alerts: s.alerts,
    paused: s.paused,
    pausedReason: s.pausedReason,
    lastDeliveredAt: s.lastDeliveredAt,
    createdAt: s.createdAt,
  };
}
