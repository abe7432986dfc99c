// GIVEN the /news follow, unfollow and following commands THEN they validate, store, backfill and report subscriptions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandContext, Invoker } from '../../src/bots/command-types.ts';
import { followCommand } from '../../src/bots/commands/follow.ts';
import { followingCommand } from '../../src/bots/commands/following.ts';
import { unfollowCommand } from '../../src/bots/commands/unfollow.ts';
import { createDiscordPublisher } from '../../src/bots/discord/publisher.ts';
import { fixedClock } from '../../src/clock.ts';
import { isUserError } from '../../src/errors.ts';
import { createFollowService } from '../../src/schedule/follow-service.ts';
import type { SchedulerDeps } from '../../src/schedule/scheduler-deps.ts';
import { createStoryDigestBuilder } from '../../src/schedule/story-digest.ts';
import { createDeliveryLedger } from '../../src/store/delivery-ledger.ts';
import { createPgliteDatabase } from '../../src/store/pglite-database.ts';
import type { Database } from '../../src/store/sql.ts';
import { createSubscriptionStore } from '../../src/store/subscription-store.ts';
import { createFakeDiscordDeliveryApi, type FakeDiscordDeliveryApi } from '../fakes/delivery-discord-api.ts';
import { seededStore } from './seeded-store.ts';

describe('/news follow, unfollow, following', () => {
  let db: Database;
  let discord: FakeDiscordDeliveryApi;
  let ctx: (channel: string) => CommandContext;

  beforeAll(async () => {
    db = await createPgliteDatabase();
    const { events, story } = await seededStore(db);
    discord = await createFakeDiscordDeliveryApi();
    const clock = fixedClock('2026-11-21T12:00:00Z');
    const subscriptions = createSubscriptionStore(db);
    const scheduler: SchedulerDeps = {
      subscriptions,
      ledger: createDeliveryLedger(db, { owner: 'chat' }),
      clock,
      buildDigest: createStoryDigestBuilder({ events, story }),
      publishers: { discord: createDiscordPublisher({ token: 't', apiUrl: discord.apiUrl }) },
    };
    const follow = createFollowService({ subscriptions, catalogue: story, clock, scheduler });
    ctx = (channel) => {
      const invoker: Invoker = {
        platform: 'discord',
        workspace: 'guild',
        channel,
        user: 'admin',
        canManageChannel: true,
      };
      return { invoker, services: { events, clock, follow } };
    };
  });
  afterAll(async () => {
    await discord?.close();
    await db?.close();
  });

  it('refuses a bad time, zone or topic with a clear message and stores nothing', async () => {
    expect(followCommand.requiresManageChannel).toBe(true);
    expect(unfollowCommand.requiresManageChannel).toBe(true);
    const bad = [
      [{ time: '8am' }, 'BAD_TIME', /HH:MM/],
      [{ timezone: 'London' }, 'BAD_TIMEZONE', /IANA/],
      [{ topics: 'security-guarantees,unicorns' }, 'UNKNOWN_TOPIC', /unicorns/],
      [{ alerts: 'maybe' }, 'BAD_OPTION', /on or off/],
    ] as const;
    for (const [args, code, message] of bad) {
      const err = await followCommand.run(followCommand.schema.parse(args), ctx('c1')).catch((e) => e);
      expect(isUserError(err), JSON.stringify(args)).toBe(true);
      expect(err.code).toBe(code);
      expect(err.message).toMatch(message);
    }
    const listing = await followingCommand.run({}, ctx('c1'));
    expect(listing.sections).toEqual([]);
  });

  it('follows with a backfill of the latest digest, lists, and unfollows', async () => {
    const res = await followCommand.run(
      followCommand.schema.parse({
        time: '7:30',
        timezone: 'America/New_York',
        topics: 'Security guarantees',
        alerts: 'on',
      }),
      ctx('c1'),
    );
    expect(res.title).toMatch(/now follows/);
    const text = JSON.stringify(res);
    expect(text).toContain('07:30 (America/New_York)');
    expect(text).toContain('security-guarantees');
    expect(text).toContain('Breaking alerts: on');
    // The backfill (latest digest on the topic) reaches the channel in the background.
    for (let i = 0; i < 200 && discord.messages('c1').length === 0; i++)
      await new Promise((r) => setTimeout(r, 25));
    expect(discord.messages('c1').length).toBeGreaterThan(0);
    expect(JSON.stringify(discord.messages('c1')[0].embeds)).toContain('Security guarantees');

    const listing = await followingCommand.run({}, ctx('c2'));
    expect(JSON.stringify(listing)).toContain('Channel c1: daily at 07:30 (America/New_York)');
    await unfollowCommand.run({}, ctx('c1'));
    const err = await unfollowCommand.run({}, ctx('c1')).catch((e) => e);
    expect(err.code).toBe('NOT_FOUND');
  });
});
