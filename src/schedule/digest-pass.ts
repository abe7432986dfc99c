// One scheduler pass: claim due digests in the database, build each distinct digest once, fan out per channel.
import type { Briefing } from '../briefings/briefing.ts';
import type { ClaimInput, LedgerEntry } from '../store/delivery-ledger.ts';
import type { ScheduledSubscription } from '../store/subscription-store.ts';
import { type DeliveryJob, deliverOne } from './deliver-one.ts';
import { DEFAULT_CATCH_UP, dueStatus, dueWindows } from './due-time.ts';
import { emptyReport, type PassReport, type SchedulerDeps } from './scheduler-deps.ts';

const DAY_MS = 24 * 3600_000;
const DEFAULT_CONCURRENCY = 16;

/** The key deliveries share when they carry the same digest: window, topics (and the zone its times show in). */
export function contentKey(
  entry: Pick<LedgerEntry, 'windowFrom' | 'windowTo'>,
  sub: { topics: string[]; timezone: string },
): string {
  return `${entry.windowFrom ?? 'latest'}|${entry.windowTo ?? 'latest'}|${[...sub.topics].sort().join(',')}|${sub.timezone}`;
}

/** Runs a pool of `concurrency` workers over the items; each item's failure stays its own. */
export async function runPool<T>(
  items: T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let i = 0;
  const worker = async () => {
    while (i < items.length) {
      const item = items[i++];
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
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
  // Replicas start at different points of the list, so they mostly claim different windows.
  const offset = open.length ? Math.floor(Math.random() * open.length) : 0;
  return [...open.slice(offset), ...open.slice(0, offset)];
}

/** Claims a batch of candidates (the database decides: ON CONFLICT DO NOTHING); records missed and empty ones. */
async function claimBatch(deps: SchedulerDeps, batch: Candidate[], now: Date, report: PassReport) {
  const policy = { ...DEFAULT_CATCH_UP, ...deps.catchUp };
  const jobs: DeliveryJob[] = [];
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
    jobs.push({ entry, sub, resumed: false });
  }
  return jobs;
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

/** Delivers held jobs with a pool, renewing their leases while the fan-out runs. */
export async function fanOut(
  deps: SchedulerDeps,
  jobs: DeliveryJob[],
  report: PassReport,
  content: ContentCache = createContentCache(deps, report),
): Promise<void> {
  if (jobs.length === 0) return;
  const log = deps.log ?? (() => {});
  const held = new Set(jobs.map((j) => j.entry.id));
  const heartbeat = setInterval(
    () =>
      void deps.ledger.renew([...held]).catch((err) => log('ledger.renew_failed', { error: String(err) })),
    Math.max(50, Math.floor(deps.ledger.leaseMs / 3)),
  );
  try {
    await runPool(jobs, deps.concurrency ?? DEFAULT_CONCURRENCY, async (job) => {
      const { entry } = job;
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
        log('delivery.done', {
          delivery: entry.id,
          channel: job.sub.channel,
          outcome,
          window: entry.windowKey,
        });
      } catch (err) {
        log('delivery.crashed', {
          delivery: entry.id,
          error: err instanceof Error ? err.message : String(err),
        });
        await deps.ledger.release(entry.id, String(err)).catch(() => {});
        report.released++;
      } finally {
        held.delete(entry.id);
      }
    });
  } finally {
    clearInterval(heartbeat);
  }
}

/**
 * One pass as of the clock's instant: take over deliveries of dead replicas, claim due windows (the
 * database decides who sends), then deliver. Safe to run from several processes at once.
 */
export async function runDigestPass(deps: SchedulerDeps): Promise<PassReport> {
  const now = deps.clock.now();
  const report = emptyReport(now, deps.ledger.owner);
  if (deps.stopping?.()) return report;
  const subs = await deps.subscriptions.list({ active: true });
  const byId = new Map(subs.map((s) => [s.id, s]));
  const content = createContentCache(deps, report);
  await fanOut(deps, await reclaim(deps, byId, now, report), report, content);
  // Claim in batches, so replicas that start later still share the work, and claims never wait long unsent.
  const candidates = await dueCandidates(deps, subs, now);
  const batchSize = Math.max(1, (deps.concurrency ?? DEFAULT_CONCURRENCY) * 2);
  for (let i = 0; i < candidates.length && !deps.stopping?.(); i += batchSize) {
    const jobs = await claimBatch(deps, candidates.slice(i, i + batchSize), now, report);
    await fanOut(deps, jobs, report, content);
  }
  return report;
}
