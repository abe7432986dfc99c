// Backfill on follow: the new follower gets the latest digest at once, through the same exactly-once ledger.
import type { ScheduledSubscription } from '../store/subscription-store.ts';
import { fanOut } from './digest-pass.ts';
import { emptyReport, type PassReport, type SchedulerDeps } from './scheduler-deps.ts';

/** Claims `backfill:<instant>` for the subscription and delivers the latest digest (for its topics) to it. */
export async function backfillSubscription(
  sub: ScheduledSubscription,
  deps: SchedulerDeps,
): Promise<PassReport> {
  const now = deps.clock.now();
  const report = emptyReport(now, deps.ledger.owner);
  const entry = await deps.ledger.claim({
    subscriptionId: sub.id,
    windowKey: `backfill:${now.toISOString()}`,
    kind: 'backfill',
    dueAt: now,
  });
  if (!entry) return report;
  report.claimed++;
  await fanOut(deps, [{ entry, sub, resumed: false }], report);
  return report;
}
