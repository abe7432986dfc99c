// GIVEN a newer snapshot of a live blog adds entries THEN channels with alerts on get them once, capped per hour.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordPublisher } from '../../src/bots/discord/publisher.ts';
import { createSlackPublisher } from '../../src/bots/slack/publisher.ts';
import { fixedClock } from '../../src/clock.ts';
import { type AlertDeps, alertWorthy, announceNewEvents } from '../../src/schedule/alerts.ts';
import { createDeliveryLedger } from '../../src/store/delivery-ledger.ts';
import type { EventStore } from '../../src/store/event-store.ts';
import { migrate } from '../../src/store/migrate.ts';
import { createPgliteDatabase } from '../../src/store/pglite-database.ts';
import type { Database } from '../../src/store/sql.ts';
import { createSqlEventStore } from '../../src/store/sql-event-store.ts';
import { createSubscriptionStore } from '../../src/store/subscription-store.ts';
import type { Event } from '../../src/store/types.ts';
import { createFakeDiscordDeliveryApi, type FakeDiscordDeliveryApi } from '../fakes/delivery-discord-api.ts';
import { createFakeSlackDeliveryApi, type FakeSlackDeliveryApi } from '../fakes/delivery-slack-api.ts';
import { loadStory, seedDocument } from './seeded-store.ts';

describe('breaking alerts on PGlite', () => {
  let db: Database;
  let events: EventStore;
  let discord: FakeDiscordDeliveryApi;
  let slack: FakeSlackDeliveryApi;
  let deps: AlertDeps;
  let before: Event[];
  let added: Event[];

  beforeAll(async () => {
    db = await createPgliteDatabase();
    await migrate(db);
    events = createSqlEventStore(db);
    const story = loadStory();
    const full = seedDocument('002', story);
    // The earlier snapshot: the blog's oldest entries (newest-first blog: the tail of the text).
    const cut = Math.floor(full.events.length / 2);
    const older = [...full.events].sort((a, b) => (a.time ?? '').localeCompare(b.time ?? '')).slice(0, cut);
    const first = await events.ingest({ article: full.article, events: older });
    before = first.added;
    // The newer snapshot adds the rest; one new entry carries the 'breaking' hint (as a breaking banner would).
    const olderIds = new Set(older.map((e) => e.id));
    const flagged = full.events.filter((e) => !olderIds.has(e.id) && !e.duplicateOf).at(-1)?.id;
    const newer = full.events.map((e) =>
      e.id === flagged ? { ...e, hints: [...e.hints, 'breaking' as const] } : e,
    );
    added = (await events.ingest({ article: full.article, events: newer })).added;
    discord = await createFakeDiscordDeliveryApi();
    slack = await createFakeSlackDeliveryApi();
    const subscriptions = createSubscriptionStore(db);
    const base = { workspace: 'w', time: '08:00', timezone: 'Europe/London', createdBy: null };
    const at = new Date('2026-01-07T03:00:00Z');
    await subscriptions.follow(
      { ...base, platform: 'discord', channel: 'alerts-all', topics: [], alerts: true },
      at,
    );
    await subscriptions.follow(
      { ...base, platform: 'slack', channel: 'alerts-slack', topics: [], alerts: true },
      at,
    );
    await subscriptions.follow(
      { ...base, platform: 'discord', channel: 'alerts-off', topics: [], alerts: false },
      at,
    );
    await subscriptions.follow(
      { ...base, platform: 'discord', channel: 'alerts-venezuela', topics: ['venezuela'], alerts: true },
      at,
    );
    deps = {
      subscriptions,
      events,
      ledger: createDeliveryLedger(db, { owner: 'ingest' }),
      clock: fixedClock('2026-01-07T03:00:00Z'),
      buildDigest: async () => null,
      publishers: {
        discord: createDiscordPublisher({ token: 't', apiUrl: discord.apiUrl }),
        slack: createSlackPublisher({ token: 't', apiUrl: slack.apiUrl }),
      },
      capPerHour: 2,
    };
  });
  afterAll(async () => {
    await discord?.close();
    await slack?.close();
    await db?.close();
  });

  it('announces only new, worthy entries matching each channel, capped with the excess folded', async () => {
    expect(added.length).toBeGreaterThan(0);
    expect(before.some((b) => added.some((a) => a.id === b.id))).toBe(false);
    const worthy = alertWorthy(added);
    expect(worthy.map((e) => e.id)).toContain(added.find((e) => e.hints.includes('breaking'))?.id);
    expect(worthy.length).toBeGreaterThan(2); // more than the cap, so a fold is due

    const report = await announceNewEvents(added, deps);
    const all = discord.messages('alerts-all');
    // Two alerts (the cap) + one "N more updates".
    expect(all).toHaveLength(3);
    const text = all.map((m) => JSON.stringify(m.embeds));
    expect(text[2]).toContain(`${worthy.length - 2} more update`);
    for (const t of text) for (const old of before) expect(t).not.toContain(old.id);
    expect(slack.messages('alerts-slack')).toHaveLength(3);
    expect(discord.messages('alerts-off')).toHaveLength(0);
    const venezuela = worthy.filter((e) => e.topics.includes('venezuela'));
    expect(discord.messages('alerts-venezuela').length).toBe(
      Math.min(venezuela.length, 2) + (venezuela.length > 2 ? 1 : 0),
    );
    expect(report.sent).toBe(3 + 3 + discord.messages('alerts-venezuela').length);

    // Announcing the same entries again (a re-run, another replica) sends nothing.
    const again = await announceNewEvents(added, deps);
    expect(again.sent).toBe(0);
    expect(discord.messages('alerts-all')).toHaveLength(3);
    // An ingest that adds nothing announces nothing.
    expect((await announceNewEvents([], deps)).sent).toBe(0);
  });
});
