// Sends one claimed delivery: resumes after a crash without duplicates, pauses gone channels, releases on trouble.
import type { Briefing } from '../briefings/briefing.ts';
import type { LedgerEntry } from '../store/delivery-ledger.ts';
import type { ScheduledSubscription } from '../store/subscription-store.ts';
import type { Publisher } from './publisher.ts';
import type { PassReport, SchedulerDeps } from './scheduler-deps.ts';

export type DeliveryOutcome = 'sent' | 'paused' | 'failed' | 'released' | 'lost';

/** A delivery this replica holds, with its subscription and rendered parts. */
export interface DeliveryJob {
  entry: LedgerEntry;
  sub: ScheduledSubscription;
  /** Taken over from an expired lease (an earlier attempt may have posted some parts). */
  resumed: boolean;
  /** Content given up front (alerts) instead of a digest built for the entry's window. */
  briefing?: Briefing | null;
  /** Jobs with the same content key share one render per platform. */
  contentKey?: string;
}

/**
 * Posts the parts of one delivery in order, recording progress in the ledger after each part. A job found
 * in state 'sending' first asks the platform which parts are already in the channel.
 */
export async function deliverOne(
  job: DeliveryJob,
  // biome-ignore lint/suspicious/noExplicitAny: platform message type.
  publisher: Publisher<any>,
  messages: unknown[],
  deps: SchedulerDeps,
  report: PassReport,
): Promise<DeliveryOutcome> {
  const { entry, sub } = job;
  const { ledger } = deps;
  const log = deps.log ?? (() => {});
  const target = { workspace: sub.workspace, channel: sub.channel };
  let next = entry.partsSent;
  let firstId = entry.platformMessageId;
  if (job.resumed && entry.state === 'sending') {
    try {
      while (next < messages.length) {
        const found = await publisher.findSent(
          target,
          { deliveryId: entry.id, part: next },
          new Date(entry.createdAt),
        );
        if (!found) break;
        log('delivery.part_found', { delivery: entry.id, part: next, messageId: found });
        next++;
        firstId ??= found;
        report.messages++;
        await ledger.progress(entry.id, next, firstId);
      }
    } catch (err) {
      await ledger.release(entry.id, err instanceof Error ? err.message : String(err));
      return 'released';
    }
  }
  if (!(await ledger.markSending(entry.id))) return 'lost';
  for (let part = next; part < messages.length; part++) {
    const r = await publisher.send(target, messages[part], { deliveryId: entry.id, part });
    if (r.ok) {
      firstId ??= r.messageId;
      report.messages++;
      report.rateLimitedMs += r.rateLimitedMs ?? 0;
      report.retries += r.retries ?? 0;
      await ledger.progress(entry.id, part + 1, firstId);
      continue;
    }
    log('delivery.error', { delivery: entry.id, channel: sub.channel, kind: r.kind, reason: r.reason });
    if (r.kind === 'gone') {
      await deps.subscriptions.pause(sub.id, r.reason);
      await ledger.finish(entry.id, 'failed', { error: r.reason });
      return 'paused';
    }
    if (r.kind === 'rejected') {
      await ledger.finish(entry.id, 'failed', { error: r.reason });
      return 'failed';
    }
    await ledger.release(entry.id, r.reason);
    return 'released';
  }
  if (!(await ledger.finish(entry.id, 'sent', { messageId: firstId }))) return 'lost';
  if (entry.kind === 'digest' || entry.kind === 'backfill') {
    const windowEnd = entry.windowTo ? new Date(entry.windowTo) : deps.clock.now();
    await deps.subscriptions.markDelivered(sub.id, deps.clock.now(), windowEnd);
  }
  return 'sent';
}
