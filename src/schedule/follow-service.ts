// Follow / unfollow / following for chat commands and the CLI: validate, store, and backfill the new follower.

import type { Clock } from '../clock.ts';
import { UserError } from '../errors.ts';
import type { ChannelRef, ScheduledSubscription, SubscriptionStore } from '../store/subscription-store.ts';
import { backfillSubscription } from './backfill.ts';
import { parseFollow, type RawFollow, type TopicCatalogue } from './follow-input.ts';
import type { PassReport, SchedulerDeps } from './scheduler-deps.ts';

export interface FollowResult {
  subscription: ScheduledSubscription;
  created: boolean;
  /** The backfill delivery (latest digest) when a publisher for the platform is configured; null otherwise. */
  backfill: Promise<PassReport> | null;
}

/** The `subscriptions` command service. */
export interface FollowService {
  follow(raw: RawFollow): Promise<FollowResult>;
  unfollow(ref: ChannelRef): Promise<boolean>;
  list(filter?: {
    platform?: ScheduledSubscription['platform'];
    workspace?: string;
  }): Promise<ScheduledSubscription[]>;
  find(ref: ChannelRef): Promise<ScheduledSubscription | null>;
}

export interface FollowServiceDeps {
  subscriptions: SubscriptionStore;
  catalogue: TopicCatalogue;
  clock: Clock;
  /** When given, a follow delivers the latest digest at once through the delivery ledger. */
  scheduler?: SchedulerDeps | null;
}

export function createFollowService(deps: FollowServiceDeps): FollowService {
  return {
    async follow(raw) {
      const parsed = parseFollow(raw, deps.catalogue);
      if (!parsed.ok) throw new UserError(parsed.error.code, parsed.error.message);
      const { subscription, created } = await deps.subscriptions.follow(parsed.value, deps.clock.now());
      const scheduler = deps.scheduler;
      const backfill =
        scheduler?.publishers[subscription.platform] !== undefined && scheduler
          ? backfillSubscription(subscription, scheduler)
          : null;
      return { subscription, created, backfill };
    },
    unfollow: (ref) => deps.subscriptions.unfollow(ref),
    list: (filter) => deps.subscriptions.list(filter),
    find: (ref) => deps.subscriptions.find(ref),
  };
}
