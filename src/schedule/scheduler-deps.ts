// What the scheduler needs, injected: stores, clock, the digest builder and one publisher per platform.
import type { Briefing } from '../briefings/briefing.ts';
import type { Clock } from '../clock.ts';
import type { DeliveryLedger, LedgerEntry } from '../store/delivery-ledger.ts';
import type { SubscriptionStore } from '../store/subscription-store.ts';
import type { Subscription } from '../store/types.ts';
import type { CatchUpPolicy } from './due-time.ts';
import type { Publisher } from './publisher.ts';

/** A coverage window (ISO instants); null asks for the latest digest (the latest day with coverage). */
export type DigestWindow = { from: Date; to: Date } | null;

/**
 * Builds the digest of a window for topics ([] = the whole story), with local times shown in `timezone`;
 * null when there is no coverage in it.
 */
export type DigestBuilder = (
  window: DigestWindow,
  topics: string[],
  timezone?: string,
) => Promise<Briefing | null>;

/** Structured log sink (pino-compatible shape): an event name and its fields. */
export type SchedulerLog = (event: string, fields: Record<string, unknown>) => void;

export interface SchedulerDeps {
  subscriptions: SubscriptionStore;
  ledger: DeliveryLedger;
  clock: Clock;
  buildDigest: DigestBuilder;
  // biome-ignore lint/suspicious/noExplicitAny: each platform's publisher has its own message type.
  publishers: Partial<Record<Subscription['platform'], Publisher<any>>>;
  catchUp?: Partial<CatchUpPolicy>;
  /** Deliveries in flight at once (default 16): a slow or failing channel holds one slot, never the others. */
  concurrency?: number;
  log?: SchedulerLog;
  /** Rebuilds an alert delivery's content from its ledger row (resends after a crash). */
  alertContent?: (entry: LedgerEntry) => Promise<Briefing | null>;
  /** True once shutdown began: claim nothing new, release what has not started. */
  stopping?: () => boolean;
}

/** What one pass did; tests and benchmarks read it. */
export interface PassReport {
  at: string;
  owner: string;
  claimed: number;
  reclaimed: number;
  sent: number;
  late: number;
  skipped: number;
  missed: number;
  paused: number;
  failed: number;
  released: number;
  /** Digest briefings built (one per distinct window + topics). */
  builds: number;
  /** Renders (one per distinct briefing, platform and late flag). */
  renders: number;
  /** Message parts posted (or found already posted). */
  messages: number;
  rateLimitedMs: number;
  retries: number;
}

export function emptyReport(at: Date, owner: string): PassReport {
  return {
    at: at.toISOString(),
    owner,
    claimed: 0,
    reclaimed: 0,
    sent: 0,
    late: 0,
    skipped: 0,
    missed: 0,
    paused: 0,
    failed: 0,
    released: 0,
    builds: 0,
    renders: 0,
    messages: 0,
    rateLimitedMs: 0,
    retries: 0,
  };
}
