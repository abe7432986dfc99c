// Continuous delivery: up to `concurrency` deliveries in flight, one per channel, fed while it runs; held leases renewed.
import type { DeliveryJob } from './deliver-one.ts';
import type { SchedulerDeps } from './scheduler-deps.ts';

export const DEFAULT_CONCURRENCY = 16;

/** A channel takes one delivery at a time: its digests arrive in order and never interleave their parts. */
function channelOf(job: DeliveryJob): string {
  return `${job.sub.platform}|${job.sub.workspace}|${job.sub.channel}`;
}

/** Claimed jobs go in at any time; each is delivered once a slot and its channel are free. */
export interface DeliveryPool {
  readonly concurrency: number;
  /** Takes a claimed job: its lease is renewed from now until its delivery has ended. */
  add(job: DeliveryJob): void;
  /**
   * Resolves once fewer than `n` jobs are ready to start and wait only for a free slot (jobs waiting behind
   * their channel's delivery not counted); at once when there already are.
   */
  whenBacklogBelow(n: number): Promise<void>;
  /** Resolves when every job added has ended. */
  drain(): Promise<void>;
}

/**
 * A pool over `deliver` (which settles every outcome itself: the ledger row is finished or released when it
 * resolves). A slow channel holds at most one slot; jobs behind it wait without a slot, their leases renewed.
 */
export function createDeliveryPool(
  deps: Pick<SchedulerDeps, 'ledger' | 'concurrency' | 'log'>,
  deliver: (job: DeliveryJob) => Promise<void>,
): DeliveryPool {
  const concurrency = Math.max(1, Math.floor(deps.concurrency ?? DEFAULT_CONCURRENCY));
  const log = deps.log ?? (() => {});
  /** Every job added and not yet ended (running, ready, or waiting behind its channel). */
  const held = new Set<string>();
  /** Jobs free to start, in arrival order. */
  const ready: DeliveryJob[] = [];
  /** Per busy channel, its jobs in order; the first one is ready or running. */
  const channels = new Map<string, DeliveryJob[]>();
  let running = 0;
  let waiters: Array<() => void> = [];
  let heartbeat: ReturnType<typeof setInterval> | null = null;
  let renewing = false;

  const renew = () => {
    if (renewing || held.size === 0) return;
    renewing = true;
    deps.ledger
      .renew([...held])
      .catch((err) => log('ledger.renew_failed', { error: String(err) }))
      .finally(() => {
        renewing = false;
      });
  };
  const wake = () => {
    const w = waiters;
    waiters = [];
    for (const resolve of w) resolve();
  };
  const ended = (job: DeliveryJob) => {
    running--;
    held.delete(job.entry.id);
    const key = channelOf(job);
    const queue = channels.get(key) ?? [];
    queue.shift();
    if (queue.length > 0) ready.push(queue[0] as DeliveryJob);
    else channels.delete(key);
    if (held.size === 0 && heartbeat) {
      clearInterval(heartbeat);
      heartbeat = null;
    }
    pump();
    wake();
  };
  const pump = () => {
    while (running < concurrency && ready.length > 0) {
      const job = ready.shift() as DeliveryJob;
      running++;
      deliver(job)
        .catch((err) => log('delivery.crashed', { delivery: job.entry.id, error: String(err) }))
        .finally(() => ended(job));
    }
  };
  const until = async (done: () => boolean) => {
    while (!done()) await new Promise<void>((resolve) => waiters.push(resolve));
  };

  return {
    concurrency,
    add(job) {
      held.add(job.entry.id);
      heartbeat ??= setInterval(renew, Math.max(50, Math.floor(deps.ledger.leaseMs / 3)));
      const key = channelOf(job);
      const queue = channels.get(key);
      if (queue) {
        queue.push(job);
        return;
      }
      channels.set(key, [job]);
      ready.push(job);
      pump();
    },
    whenBacklogBelow: (n) => until(() => ready.length < n),
    drain: () => until(() => running === 0 && ready.length === 0),
  };
}
