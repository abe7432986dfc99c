// Builds the scheduler's dependencies from an opened store and the environment (tokens, API bases, replica id).
import { hostname } from 'node:os';
import { createDiscordPublisher } from '../bots/discord/publisher.ts';
import { createSlackPublisher } from '../bots/slack/publisher.ts';
import type { Story } from '../briefings/story-access.ts';
import { type Clock, systemClock } from '../clock.ts';
import { createDeliveryLedger } from '../store/delivery-ledger.ts';
import type { EventStore } from '../store/event-store.ts';
import type { Sql } from '../store/sql.ts';
import { createSubscriptionStore } from '../store/subscription-store.ts';
import { alertContentFor } from './alerts.ts';
import type { Publisher } from './publisher.ts';
import type { SchedulerDeps, SchedulerLog } from './scheduler-deps.ts';
import { createStoryDigestBuilder } from './story-digest.ts';

export interface SchedulerWiring {
  db: Sql;
  events: EventStore;
  story: Story;
  env: NodeJS.ProcessEnv;
  clock?: Clock;
  log?: SchedulerLog;
  stopping?: () => boolean;
}

/** Publishers for the platforms whose tokens are set (DISCORD_TOKEN, SLACK_BOT_TOKEN; *_API_URL overrides). */
export function publishersFromEnv(env: NodeJS.ProcessEnv): SchedulerDeps['publishers'] {
  // biome-ignore lint/suspicious/noExplicitAny: per-platform message types.
  const out: Partial<Record<'discord' | 'slack', Publisher<any>>> = {};
  if (env.DISCORD_TOKEN)
    out.discord = createDiscordPublisher({ token: env.DISCORD_TOKEN, apiUrl: env.DISCORD_API_URL });
  if (env.SLACK_BOT_TOKEN)
    out.slack = createSlackPublisher({ token: env.SLACK_BOT_TOKEN, apiUrl: env.SLACK_API_URL });
  return out;
}

/**
 * The scheduler's dependencies. STORYBRIEF_REPLICA_ID names this replica in the ledger (default host-pid);
 * STORYBRIEF_DELIVERY_LEASE_MS is how long a claim survives a dead replica (default 60 s);
 * STORYBRIEF_DELIVERY_CONCURRENCY is how many deliveries one replica has in flight (default 16).
 */
export function createSchedulerDeps(w: SchedulerWiring): SchedulerDeps {
  const lease = Number(w.env.STORYBRIEF_DELIVERY_LEASE_MS);
  const concurrency = Number(w.env.STORYBRIEF_DELIVERY_CONCURRENCY);
  return {
    subscriptions: createSubscriptionStore(w.db),
    ledger: createDeliveryLedger(w.db, {
      owner: w.env.STORYBRIEF_REPLICA_ID || `${hostname()}-${process.pid}`,
      leaseMs: Number.isFinite(lease) && lease > 0 ? lease : 60_000,
    }),
    clock: w.clock ?? systemClock,
    buildDigest: createStoryDigestBuilder({ events: w.events, story: w.story, clock: w.clock }),
    publishers: publishersFromEnv(w.env),
    alertContent: (entry) => alertContentFor(entry, w.events),
    log: w.log,
    stopping: w.stopping,
    concurrency: Number.isInteger(concurrency) && concurrency > 0 ? concurrency : undefined,
  };
}
