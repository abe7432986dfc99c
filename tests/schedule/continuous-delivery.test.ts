// GIVEN a pass whose first delivery is slow THEN the other channels are claimed and delivered meanwhile, one at a time per channel, every claim leased.
import { afterEach, describe, expect, it } from 'vitest';
import type { Briefing } from '../../src/briefings/briefing.ts';
import { fixedClock } from '../../src/clock.ts';
import { runDigestPass } from '../../src/schedule/digest-pass.ts';
import type { DeliveryTarget, PartKey, Publisher } from '../../src/schedule/publisher.ts';
import type { SchedulerDeps } from '../../src/schedule/scheduler-deps.ts';
import { createDeliveryLedger } from '../../src/store/delivery-ledger.ts';
import { migrate } from '../../src/store/migrate.ts';
import { createPgliteDatabase } from '../../src/store/pglite-database.ts';
import type { Database } from '../../src/store/sql.ts';
import { createSubscriptionStore } from '../../src/store/subscription-store.ts';

const NOW = new Date('2026-01-07T08:01:00Z');
const DAY = 86_400_000;

interface Send {
  channel: string;
  delivery: string;
  part: number;
  start: number;
  end: number;
}

/**
 * An in-memory Slack-like publisher: two parts per digest, each send a few ms, except that `hold(channel)`
 * makes a send wait for the returned promise to settle first.
 */
function recordingPublisher(hold: (send: Send) => Promise<void> | null) {
  const sends: Send[] = [];
  const inFlight = new Map<string, number>();
  let maxPerChannel = 0;
  const publisher: Publisher<string> = {
    platform: 'slack',
    render: (b: Briefing) => [`${b.title} (1/2)`, `${b.title} (2/2)`],
    async send(target: DeliveryTarget, _message: string, key: PartKey) {
      const send: Send = {
        channel: target.channel,
        delivery: key.deliveryId,
        part: key.part,
        start: performance.now(),
        end: Number.NaN,
      };
      const n = (inFlight.get(target.channel) ?? 0) + 1;
      inFlight.set(target.channel, n);
      maxPerChannel = Math.max(maxPerChannel, n);
      sends.push(send);
      await (hold(send) ?? new Promise((r) => setTimeout(r, 3)));
      inFlight.set(target.channel, (inFlight.get(target.channel) ?? 1) - 1);
      send.end = performance.now();
      return { ok: true, messageId: `${target.channel}-${sends.length}` };
    },
    findSent: async () => null,
  };
  return { publisher, sends, maxPerChannel: () => maxPerChannel };
}

const digest = (window: { from: Date; to: Date } | null): Briefing => ({
  kind: 'digest',
  title: `Digest to ${window?.to.toISOString() ?? 'latest'}`,
  subtitle: '',
  sections: [],
});

async function setUp(channels: string[], owedDays: number) {
  const db = await createPgliteDatabase();
  await migrate(db);
  const subscriptions = createSubscriptionStore(db);
  const since = new Date(NOW.getTime() - (owedDays - 1) * DAY - 23 * 3600_000);
  const ids = new Map<string, string>();
  for (const channel of channels) {
    const { subscription } = await subscriptions.follow(
      {
        platform: 'slack',
        workspace: 'w',
        channel,
        time: '08:00',
        timezone: 'Europe/London',
        topics: [],
        alerts: false,
        createdBy: null,
      },
      since,
    );
    ids.set(channel, subscription.id);
  }
  return { db, subscriptions, ids };
}

describe('continuous delivery across claim batches', () => {
  let db: Database | undefined;
  afterEach(async () => {
    await db?.close();
    db = undefined;
  });

  it('keeps claiming and delivering other channels while the first delivery of the pass is stuck', async () => {
    // 12 channels, 2 slots: claim batches of 4. Whichever delivery starts first is held until every other
    // channel has its digest (or 3 s pass); batch-by-batch delivery would hold batches 2 and 3 behind it.
    const channels = Array.from({ length: 12 }, (_, i) => `C${String(i).padStart(2, '0')}`);
    const env = await setUp(channels, 1);
    db = env.db;
    let stuck: string | null = null;
    let freed = false;
    let free = () => {};
    const released = new Promise<void>((resolve) => {
      free = () => {
        freed = true;
        resolve();
      };
    });
    const timer = setTimeout(() => free(), 3000);
    const rec = recordingPublisher((send) => {
      if (stuck === null) stuck = send.channel;
      if (send.channel === stuck) return released;
      return null;
    });
    const deps: SchedulerDeps = {
      subscriptions: env.subscriptions,
      ledger: createDeliveryLedger(env.db, { owner: 'solo', leaseMs: 10_000 }),
      clock: fixedClock(NOW),
      buildDigest: async (window) => digest(window),
      publishers: { slack: rec.publisher },
      concurrency: 2,
    };
    const others = new Set(channels);
    const pass = runDigestPass({
      ...deps,
      log: (event, fields) => {
        if (event !== 'delivery.done' || fields.outcome !== 'sent') return;
        others.delete(String(fields.channel));
        if (stuck && others.size === 1 && others.has(stuck) && !freed) free();
      },
    });
    const report = await pass;
    clearTimeout(timer);
    const stuckSend = rec.sends.find((s) => s.channel === stuck);
    const lastOther = Math.max(...rec.sends.filter((s) => s.channel !== stuck).map((s) => s.end));
    // The 11 other channels were all delivered before the stuck send was let go (not by the 3 s timer).
    expect(stuckSend?.end).toBeGreaterThan(lastOther);
    expect(stuckSend?.end ?? 0).toBeLessThan((stuckSend?.start ?? 0) + 2500);
    expect(report).toMatchObject({ claimed: 12, sent: 12, messages: 24, builds: 1, released: 0 });
    const rows = await deps.ledger.list({ kind: 'digest' });
    expect(rows.map((r) => r.state)).toEqual(Array(12).fill('sent'));
  }, 15_000);

  it("delivers one channel's catch-up digests one after another, oldest first, while other channels proceed", async () => {
    // Each channel owes 4 digests (4 days of outage), 4 slots: without one-delivery-per-channel, a channel's
    // digests would be sent side by side with their parts interleaved.
    const channels = ['CA', 'CB', 'CC', 'CD', 'CE'];
    const env = await setUp(channels, 4);
    db = env.db;
    const rec = recordingPublisher((send) =>
      send.channel === 'CA' ? new Promise((r) => setTimeout(r, 80)) : null,
    );
    const deps: SchedulerDeps = {
      subscriptions: env.subscriptions,
      ledger: createDeliveryLedger(env.db, { owner: 'solo', leaseMs: 10_000 }),
      clock: fixedClock(NOW),
      buildDigest: async (window) => digest(window),
      catchUp: { horizonMs: 4 * DAY, lookbackDays: 4 },
      publishers: { slack: rec.publisher },
      concurrency: 4,
    };
    const report = await runDigestPass(deps);
    expect(report).toMatchObject({ claimed: 20, sent: 20, messages: 40, builds: 4 });
    expect(rec.maxPerChannel()).toBe(1);
    const rows = await deps.ledger.list({ kind: 'digest' });
    for (const channel of channels) {
      const order = rec.sends
        .filter((s) => s.channel === channel)
        .map((s) => rows.find((r) => r.id === s.delivery)?.windowKey);
      expect(order, channel).toEqual([
        'digest:2026-01-04',
        'digest:2026-01-04',
        'digest:2026-01-05',
        'digest:2026-01-05',
        'digest:2026-01-06',
        'digest:2026-01-06',
        'digest:2026-01-07',
        'digest:2026-01-07',
      ]);
    }
    // The slow channel (80 ms a part, 640 ms in all) held one slot: the four others were done well before it.
    const endOf = (channel: string) =>
      Math.max(...rec.sends.filter((s) => s.channel === channel).map((s) => s.end));
    for (const channel of channels.slice(1)) expect(endOf(channel), channel).toBeLessThan(endOf('CA'));
  }, 15_000);

  it('renews the leases of claimed deliveries still waiting behind their channel, so no replica takes them', async () => {
    // One channel owes 3 digests; its first delivery takes 4 leases. The two behind it are claimed, unstarted.
    const env = await setUp(['CSLOW'], 3);
    db = env.db;
    const leaseMs = 600;
    const other = createDeliveryLedger(env.db, { owner: 'other', leaseMs });
    const stolen: string[] = [];
    let first: string | null = null;
    const rec = recordingPublisher((send) => {
      first ??= send.delivery;
      if (send.delivery !== first || send.part > 0) return null;
      return (async () => {
        for (let i = 0; i < 8; i++) {
          await new Promise((r) => setTimeout(r, leaseMs / 2));
          stolen.push(...(await other.reclaimExpired()).map((e) => e.windowKey));
        }
      })();
    });
    const deps: SchedulerDeps = {
      subscriptions: env.subscriptions,
      ledger: createDeliveryLedger(env.db, { owner: 'solo', leaseMs }),
      clock: fixedClock(NOW),
      buildDigest: async (window) => digest(window),
      catchUp: { horizonMs: 3 * DAY, lookbackDays: 3 },
      publishers: { slack: rec.publisher },
      concurrency: 4,
    };
    const report = await runDigestPass(deps);
    expect(stolen).toEqual([]);
    expect(report).toMatchObject({ claimed: 3, sent: 3, released: 0 });
    const rows = await deps.ledger.list({ kind: 'digest' });
    expect(rows.map((r) => [r.state, r.claimedBy, r.attempts])).toEqual(Array(3).fill(['sent', 'solo', 1]));
  }, 15_000);

  it('stops claiming when shutdown begins and releases the claims that have not started', async () => {
    const channels = Array.from({ length: 10 }, (_, i) => `C${i}`);
    const env = await setUp(channels, 1);
    db = env.db;
    let stopping = false;
    const rec = recordingPublisher((send) => {
      if (send.part === 0) stopping = true;
      return null;
    });
    const deps: SchedulerDeps = {
      subscriptions: env.subscriptions,
      ledger: createDeliveryLedger(env.db, { owner: 'solo', leaseMs: 10_000 }),
      clock: fixedClock(NOW),
      buildDigest: async (window) => digest(window),
      publishers: { slack: rec.publisher },
      concurrency: 2,
      stopping: () => stopping,
    };
    const report = await runDigestPass(deps);
    // The first delivery started before the stop and completed; the rest of its batch was released, and
    // nothing more was claimed.
    expect(report.sent).toBeGreaterThanOrEqual(1);
    expect(report.claimed).toBeLessThanOrEqual(4);
    expect(report.sent + report.released).toBe(report.claimed);
    const rows = await deps.ledger.list({ kind: 'digest' });
    expect(rows).toHaveLength(report.claimed);
    for (const r of rows.filter((r) => r.state !== 'sent')) {
      expect(r.state).toBe('claimed');
      expect(r.error).toBe('shutting down');
      expect(new Date(r.leaseUntil ?? 0).getTime()).toBeLessThan(Date.now());
    }
    expect(new Set(rec.sends.map((s) => s.delivery)).size).toBe(report.sent);
  }, 15_000);
});
