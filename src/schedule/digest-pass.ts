// One scheduler pass: claim due digests in the database, build each distinct digest once, fan out per channel.
import type { Briefing } from '../briefings/briefing.ts';
import type { ClaimInput, LedgerEntry } from '../store/delivery-ledger.ts';
import type { ScheduledSubscription } from '../store/subscription-store.ts';
import { type DeliveryJob, deliverOne } from './deliver-one.ts';
import { createDeliveryPool } from './delivery-pool.ts';
import { DEFAULT_CATCH_UP, dueStatus, dueWindows } from './due-time.ts';
import { emptyReport, type PassReport, type SchedulerDeps } from './scheduler-deps.ts';

const DAY_MS = 24 * 3600_000;

/** The key deliveries share when they carry the same digest: window, topics (and the zone its times show in). */
export function contentKey(
  entry: Pick<LedgerEntry, 'windowFrom' | 'windowTo'>,
  sub: { topics: string[]; timezone: string },
): string {
  return `${entry.windowFrom ?? 'latest'}|${entry.windowTo ?? 'latest'}|${[...sub.topics].sort().join(',')}|${sub.timezone}`;
}

interface Candidate {
  sub: ScheduledSubscription;
  windowKey: string;
  dueAt: Date;
}

/** Due windows of active subscriptions that have no ledger row yet, rotated by a random offset per replica. */
async function dueCandidates(
  deps: SchedulerDeps,
  subs: ScheduledSubscription[],
  now: Date,
): Promise<Candidate[]> {
  const policy = { ...DEFAULT_CATCH_UP, ...deps.catchUp };
  const all: Candidate[] = [];
  for (const sub of subs) {
    for (const w of dueWindows(sub, now, {
      notBefore: new Date(sub.createdAt),
      lookbackDays: policy.lookbackDays,
    }))
      all.push({ sub, windowKey: w.windowKey, dueAt: w.dueAt });
  }
  const taken = await deps.ledger.existing(
    [...new Set(all.map((c) => c.sub.id))],
    [...new Set(all.map((c) => c.windowKey))],
  );
  const open = all.filter((c) => !taken.has(`${c.sub.id}|${c.windowKey}`));
  // Replicas start at different subscriptions of the list, so they mostly claim different windows; a
  // subscription's windows stay together, oldest first (its channel gets them in order).
  const starts = open.flatMap((c, i) => (i === 0 || open[i - 1]?.sub.id !== c.sub.id ? [i] : []));
  const offset = starts.length ? (starts[Math.floor(Math.random() * starts.length)] ?? 0) : 0;
  return [...open.slice(offset), ...open.slice(0, offset)];
}

/**
 * Claims a batch of candidates (the database decides: ON CONFLICT DO NOTHING), handing each claimed job to
 * `take` at once; records missed and empty ones.
 */
async function claimBatch(
  deps: SchedulerDeps,
  batch: Candidate[],
  now: Date,
  report: PassReport,
  take: (job: DeliveryJob) => void,
): Promise<void> {
  const policy = { ...DEFAULT_CATCH_UP, ...deps.catchUp };
  for (const { sub, windowKey, dueAt } of batch) {
    if (deps.stopping?.()) break;
    const status = dueStatus(dueAt, now, policy);
    const base: ClaimInput = {
      subscriptionId: sub.id,
      windowKey,
      kind: 'digest',
      dueAt,
      late: status === 'late',
    };
    if (status === 'missed') {
      if (await deps.ledger.record({ ...base, state: 'missed' })) report.missed++;
      continue;
    }
    const from = sub.lastWindowEnd ? new Date(sub.lastWindowEnd) : new Date(dueAt.getTime() - DAY_MS);
    if (from.getTime() >= dueAt.getTime()) {
      if (await deps.ledger.record({ ...base, state: 'skipped', error: 'window already covered' }))
        report.skipped++;
      continue;
    }
    const entry = await deps.ledger.claim({ ...base, windowFrom: from, windowTo: dueAt });
    if (!entry) continue;
    report.claimed++;
    take({ entry, sub, resumed: false });
  }
}

/** Takes over deliveries whose replica died (expired lease); drops those no longer owed. */
async function reclaim(
  deps: SchedulerDeps,
  byId: Map<string, ScheduledSubscription>,
  now: Date,
  report: PassReport,
) {
  const policy = { ...DEFAULT_CATCH_UP, ...deps.catchUp };
  const jobs: DeliveryJob[] = [];
  for (const entry of await deps.ledger.reclaimExpired()) {
    const sub = byId.get(entry.subscriptionId) ?? (await deps.subscriptions.get(entry.subscriptionId));
    if (!sub || sub.paused) {
      await deps.ledger.finish(entry.id, 'failed', {
        error: sub ? `paused: ${sub.pausedReason}` : 'unfollowed',
      });
      report.failed++;
      continue;
    }
    const stale =
      entry.kind === 'digest' && entry.dueAt && dueStatus(new Date(entry.dueAt), now, policy) === 'missed';
    if (stale && entry.partsSent === 0 && entry.state === 'claimed') {
      await deps.ledger.finish(entry.id, 'missed', { error: 'not sent within the catch-up horizon' });
      report.missed++;
      continue;
    }
    report.reclaimed++;
    jobs.push({ entry, sub, resumed: true });
  }
  return jobs;
}

function keyOf(job: DeliveryJob): string {
  if (job.contentKey) return job.contentKey;
  if (job.entry.kind === 'alert' || job.entry.kind === 'alert-more')
    return `${job.entry.kind}:${job.entry.id}`;
  return contentKey(job.entry, job.sub);
}

type ContentCache = ReturnType<typeof createContentCache>;

/** Builds each distinct digest once and renders it once per platform and late flag. */
function createContentCache(deps: SchedulerDeps, report: PassReport) {
  const builds = new Map<string, Promise<Briefing | null>>();
  const renders = new Map<string, unknown[]>();
  return {
    briefing(job: DeliveryJob): Promise<Briefing | null> {
      if (job.briefing !== undefined) return Promise.resolve(job.briefing);
      const key = keyOf(job);
      let b = builds.get(key);
      if (!b) {
        report.builds++;
        const window =
          job.entry.windowFrom && job.entry.windowTo
            ? { from: new Date(job.entry.windowFrom), to: new Date(job.entry.windowTo) }
            : null;
        b =
          job.entry.kind === 'alert' || job.entry.kind === 'alert-more'
            ? (deps.alertContent?.(job.entry) ?? Promise.resolve(null))
            : deps.buildDigest(window, job.sub.topics, job.sub.timezone);
        builds.set(key, b);
      }
      return b;
    },
    render(job: DeliveryJob, briefing: Briefing): unknown[] {
      const platform = job.sub.platform;
      const key = `${keyOf(job)}|${platform}|${job.entry.late}`;
      let r = renders.get(key);
      if (!r) {
        const publisher = deps.publishers[platform];
        if (!publisher) return [];
        report.renders++;
        r = publisher.render(job.entry.late ? { ...briefing, late: true } : briefing);
        renders.set(key, r);
      }
      return r;
    },
  };
}

/** Delivers one held job: every outcome ends with the ledger row finished or released, and is counted. */
async function deliverHeld(
  deps: SchedulerDeps,
  job: DeliveryJob,
  report: PassReport,
  content: ContentCache,
): Promise<void> {
  const { entry } = job;
  const log = deps.log ?? (() => {});
  try {
    if (deps.stopping?.() && !job.resumed && entry.partsSent === 0) {
      await deps.ledger.release(entry.id, 'shutting down');
      report.released++;
      return;
    }
    const publisher = deps.publishers[job.sub.platform];
    if (!publisher) {
      await deps.ledger.release(entry.id, `no ${job.sub.platform} publisher configured`);
      report.released++;
      return;
    }
    let briefing: Briefing | null;
    try {
      briefing = await content.briefing(job);
    } catch (err) {
      log('digest.build_failed', { delivery: entry.id, error: String(err) });
      await deps.ledger.release(entry.id, `digest build failed: ${String(err)}`);
      report.released++;
      return;
    }
    const messages = briefing ? content.render(job, briefing) : [];
    if (messages.length === 0) {
      await deps.ledger.finish(entry.id, 'skipped', { error: 'no new coverage' });
      report.skipped++;
      return;
    }
    const outcome = await deliverOne(job, publisher, messages, deps, report);
    if (outcome === 'sent') {
      report.sent++;
      if (entry.late) report.late++;
    } else if (outcome === 'paused') report.paused++;
    else if (outcome === 'failed') report.failed++;
    else if (outcome === 'released') report.released++;
    log('delivery.done', { delivery: entry.id, channel: job.sub.channel, outcome, window: entry.windowKey });
  } catch (err) {
    log('delivery.crashed', { delivery: entry.id, error: err instanceof Error ? err.message : String(err) });
    await deps.ledger.release(entry.id, String(err)).catch(() => {});
    report.released++;
  }
}

/** Delivers held jobs (alerts, backfills) through a delivery pool, renewing their leases until each ends. */
export async function fanOut(
  deps: SchedulerDeps,
  jobs: DeliveryJob[],
  report: PassReport,
  content: ContentCache = createContentCache(deps, report),
): Promise<void> {
  const pool = createDeliveryPool(deps, (job) => deliverHeld(deps, job, report, content));
  for (const job of jobs) pool.add(job);
  await pool.drain();
}

/**
 * One pass as of the clock's instant: take over deliveries of dead replicas, claim due windows (the
 * database decides who sends), then deliver. Safe to run from several processes at once. Delivery is
 * continuous: claimed jobs start as slots free up, and the next batch is claimed while earlier ones are
 * still in flight, so a slow channel holds one slot and never the claiming or delivery of other channels.
 */
export async function runDigestPass(deps: SchedulerDeps): Promise<PassReport> {
  const now = deps.clock.now();
  const report = emptyReport(now, deps.ledger.owner);
  if (deps.stopping?.()) return report;
  const subs = await deps.subscriptions.list({ active: true });
  const byId = new Map(subs.map((s) => [s.id, s]));
  const content = createContentCache(deps, report);
  const pool = createDeliveryPool(deps, (job) => deliverHeld(deps, job, report, content));
  try {
    // Deliveries of dead replicas first: they are ahead of every new claim in the pool.
    for (const job of await reclaim(deps, byId, now, report)) pool.add(job);
    // Claim in batches, so replicas that start later still share the work, and claims never wait long unsent:
    // the next batch only once fewer jobs are ready to start than there are slots.
    const candidates = await dueCandidates(deps, subs, now);
    const batchSize = pool.concurrency * 2;
    for (let i = 0; i < candidates.length; i += batchSize) {
      await pool.whenBacklogBelow(pool.concurrency);
      if (deps.stopping?.()) break;
      await claimBatch(deps, candidates.slice(i, i + batchSize), now, report, pool.add);
    }
  } finally {
    // Whatever stopped the claiming, everything already claimed is delivered (or released) before the pass ends.
    await pool.drain();
  }
  return report;
}
