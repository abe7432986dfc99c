// GIVEN the subscription store and delivery ledger on PGlite (and Postgres when set) THEN claims are exclusive and crash-safe.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDeliveryLedger } from '../../src/store/delivery-ledger.ts';
import { migrate } from '../../src/store/migrate.ts';
import type { Database } from '../../src/store/sql.ts';
import { createSubscriptionStore } from '../../src/store/subscription-store.ts';
import { testDatabases } from '../helpers/databases.ts';

const follow = {
  platform: 'discord' as const,
  workspace: 'g1',
  channel: 'c1',
  time: '08:00',
  timezone: 'Europe/London',
  topics: ['security-guarantees'],
  alerts: true,
  createdBy: 'u1',
};

for (const engine of testDatabases()) {
  describe(`subscriptions and ledger on ${engine.name}`, () => {
    let db: Database;
    beforeEach(async () => {
      db = await engine.open();
      await migrate(db);
    });
    afterEach(async () => {
      await db.close();
    });

    it('follows, re-follows (update, resume), lists, pauses and unfollows a channel', async () => {
      const subs = createSubscriptionStore(db);
      const first = await subs.follow(follow, new Date('2026-01-06T10:00:00Z'));
      expect(first.created).toBe(true);
      expect(first.subscription).toMatchObject({
        channel: 'c1',
        time: '08:00',
        topics: ['security-guarantees'],
        paused: false,
      });
      await subs.pause(first.subscription.id, 'Discord 404: Unknown Channel');
      expect((await subs.get(first.subscription.id))?.pausedReason).toBe('Discord 404: Unknown Channel');
      const again = await subs.follow(
        { ...follow, time: '09:30', topics: [] },
        new Date('2026-01-07T10:00:00Z'),
      );
      expect(again.created).toBe(false);
      expect(again.subscription).toMatchObject({
        id: first.subscription.id,
        time: '09:30',
        topics: [],
        paused: false,
      });
      expect(again.subscription.createdAt).toBe('2026-01-06T10:00:00.000Z');
      await subs.markDelivered(
        first.subscription.id,
        new Date('2026-01-07T09:31:00Z'),
        new Date('2026-01-07T09:30:00Z'),
      );
      const got = await subs.find({ platform: 'discord', workspace: 'g1', channel: 'c1' });
      expect(got?.lastDeliveredAt).toBe('2026-01-07T09:31:00.000Z');
      expect(got?.lastWindowEnd).toBe('2026-01-07T09:30:00.000Z');
      expect(await subs.list()).toHaveLength(1);
      expect(await subs.unfollow({ platform: 'discord', workspace: 'g1', channel: 'c1' })).toBe(true);
      expect(await subs.unfollow({ platform: 'discord', workspace: 'g1', channel: 'c1' })).toBe(false);
      expect(await subs.list()).toHaveLength(0);
    });

    it('lets exactly one of many concurrent claimants take a window', async () => {
      const subs = createSubscriptionStore(db);
      const { subscription } = await subs.follow(follow, new Date('2026-01-06T10:00:00Z'));
      const ledgers = Array.from({ length: 8 }, (_, i) => createDeliveryLedger(db, { owner: `r${i}` }));
      const results = await Promise.all(
        ledgers.map((l) =>
          l.claim({ subscriptionId: subscription.id, windowKey: 'digest:2026-01-07', kind: 'digest' }),
        ),
      );
      const winners = results.filter((r) => r !== null);
      expect(winners).toHaveLength(1);
      expect(winners[0]?.state).toBe('claimed');
      // A recorded skip or miss also occupies the window.
      expect(
        await ledgers[0].record({
          subscriptionId: subscription.id,
          windowKey: 'digest:2026-01-07',
          kind: 'digest',
          state: 'missed',
        }),
      ).toBe(false);
      expect(
        await ledgers[0].record({
          subscriptionId: subscription.id,
          windowKey: 'digest:2026-01-08',
          kind: 'digest',
          state: 'skipped',
        }),
      ).toBe(true);
    });

    it('hands an expired claim to exactly one other replica, and fences the old holder out', async () => {
      const subs = createSubscriptionStore(db);
      const { subscription } = await subs.follow(follow, new Date('2026-01-06T10:00:00Z'));
      const dead = createDeliveryLedger(db, { owner: 'dead', leaseMs: 100 });
      const claimed = await dead.claim({
        subscriptionId: subscription.id,
        windowKey: 'digest:2026-01-07',
        kind: 'digest',
      });
      expect(claimed).not.toBeNull();
      expect(await dead.markSending(claimed?.id ?? '')).toBe(true);
      const a = createDeliveryLedger(db, { owner: 'a' });
      const b = createDeliveryLedger(db, { owner: 'b' });
      expect(await a.reclaimExpired()).toEqual([]); // lease still running
      await new Promise((r) => setTimeout(r, 250));
      const [ra, rb] = await Promise.all([a.reclaimExpired(), b.reclaimExpired()]);
      const taken = [...ra, ...rb];
      expect(taken).toHaveLength(1);
      expect(taken[0].state).toBe('sending');
      expect(taken[0].attempts).toBe(2);
      const winner = ra.length ? a : b;
      expect(await dead.finish(claimed?.id ?? '', 'sent')).toBe(false);
      expect(await winner.finish(claimed?.id ?? '', 'sent', { messageId: 'm1' })).toBe(true);
      const row = await a.get(subscription.id, 'digest:2026-01-07');
      expect(row).toMatchObject({ state: 'sent', platformMessageId: 'm1', claimedBy: winner.owner });
    });

    it('releases a held claim so another replica may take it at once (graceful shutdown)', async () => {
      const subs = createSubscriptionStore(db);
      const { subscription } = await subs.follow(follow, new Date('2026-01-06T10:00:00Z'));
      const leaving = createDeliveryLedger(db, { owner: 'leaving', leaseMs: 60_000 });
      const c = await leaving.claim({
        subscriptionId: subscription.id,
        windowKey: 'digest:2026-01-07',
        kind: 'digest',
      });
      await leaving.release(c?.id ?? '');
      const other = createDeliveryLedger(db, { owner: 'other' });
      expect((await other.reclaimExpired()).map((d) => d.id)).toEqual([c?.id]);
    });
  });
}
