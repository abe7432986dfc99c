// The composition root of the running product: one set of command services shared by every adapter.
import type { Writable } from 'node:stream';
import type { CommandServices } from '../bots/command-types.ts';
import { createConsolePublisher } from '../bots/console/publisher.ts';
import type { OpenedStore } from '../cli/context.ts';
import { type Clock, systemClock } from '../clock.ts';
import { UserError } from '../errors.ts';
import type { Story } from '../ingest/story.ts';
import { announceNewEvents } from '../schedule/alerts.ts';
import { createFollowService, type FollowService } from '../schedule/follow-service.ts';
import type { PassReport, SchedulerDeps, SchedulerLog } from '../schedule/scheduler-deps.ts';
import { createSchedulerDeps } from '../schedule/wiring.ts';
import { createSourceStore } from '../store/source-store.ts';
import type { Event } from '../store/types.ts';
import { DISCORD_LIMITS, pacedPublisher, SLACK_LIMITS } from './paced-publisher.ts';
import { loadStories } from './stories.ts';

export interface AppServicesOptions {
  store: OpenedStore;
  env: NodeJS.ProcessEnv;
  clock?: Clock;
  log?: SchedulerLog;
  stopping?: () => boolean;
  /** When set, `console` subscriptions are delivered by printing here (console mode). */
  consoleOutput?: Writable;
}

/** Everything the adapters, the scheduler and the pollers share. */
export interface AppServices {
  story: Story;
  commands: CommandServices;
  scheduler: SchedulerDeps;
  follow: FollowService;
  /** Announces newly ingested entries to the channels with breaking alerts on. */
  announce(added: Event[]): Promise<PassReport | null>;
}

/** Builds the shared services from an opened store: story, scheduler deps, follow service, sources. */
export async function createAppServices(opts: AppServicesOptions): Promise<AppServices> {
  const stories = await loadStories();
  const story = stories[0];
  if (!story) throw new UserError('BAD_STORY', 'no story definition found in data/stories');
  const clock = opts.clock ?? systemClock;
  const scheduler = createSchedulerDeps({
    db: opts.store.db,
    events: opts.store.events,
    story,
    env: opts.env,
    clock,
    log: opts.log,
    stopping: opts.stopping,
  });
  // Fan-outs wait for their slot under each platform's rate limit instead of drawing 429s.
  const { discord, slack } = scheduler.publishers;
  if (discord) scheduler.publishers.discord = pacedPublisher(discord, DISCORD_LIMITS);
  if (slack) scheduler.publishers.slack = pacedPublisher(slack, SLACK_LIMITS);
  if (opts.consoleOutput) scheduler.publishers.console = createConsolePublisher(opts.consoleOutput);
  const follow = createFollowService({
    subscriptions: scheduler.subscriptions,
    catalogue: story,
    clock,
    scheduler,
  });
  const commands: CommandServices = {
    events: opts.store.events,
    clock,
    story,
    stories,
    follow,
    sources: createSourceStore(opts.store.db),
  };
  return {
    story,
    commands,
    scheduler,
    follow,
    async announce(added) {
      if (added.length === 0 || Object.keys(scheduler.publishers).length === 0) return null;
      return announceNewEvents(added, { ...scheduler, events: opts.store.events });
    },
  };
}
