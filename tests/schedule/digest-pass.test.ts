// GIVEN channels following the seeded story on both platforms THEN a pass delivers each due digest exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordPublisher } from '../../src/bots/discord/publisher.ts';
import { createSlackPublisher } from '../../src/bots/slack/publisher.ts';
import { fixedClock } from '../../src/clock.ts';
import { runDigestPass } from '../../src/schedule/digest-pass.ts';
import type { DigestBuilder, SchedulerDeps } from '../../src/schedule/scheduler-deps.ts';
import { createStoryDigestBuilder } from '../../src/schedule/story-digest.ts';
import { createDeliveryLedger } from '../../src/store/delivery-ledger.ts';
import { createPgliteDatabase } from '../../src/store/pglite-database.ts';
import type { Database } from '../../src/store/sql.ts';
import { createSubscriptionStore, type FollowInput } from '../../src/store/subscription-store.ts';
import { createFakeDiscordDeliveryApi, type FakeDiscordDeliveryApi } from '../fakes/delivery-discord-api.ts';
import { createFakeSlackDeliveryApi, type FakeSlackDeliveryApi } from '../fakes/delivery-slack-api.ts';
import { briefingStory, seededStore } from './seeded-store.ts';

const FAST_RETRY = { baseDelayMs: 5, maxDelayMs: 20 };
const NOW = new Date('2026-01-07T08:01:00Z'); // 08:01 in London, the morning after seed 002's coverage
const CREATED = new Date('2026-01-05T00:00:00Z');

function sub(platform: 'discord' | 'slack', channel: string, extra: Partial<FollowInput> = {}): FollowInput {
  return {
    platform,
    workspace: 'w1',
    channel,
    time: '08:00',
    timezone: 'Europe/London',
    topics: [],
    alerts: false,
    createdBy: 'u',
    ...extra,
  };
}

describe('digest pass on PGlite with fake Discord and Slack APIs', () => {
  let db: Database;
  let discord: FakeDiscordDeliveryApi;
  let slack: FakeSlackDeliveryApi;
  let deps: SchedulerDeps;
  let builds: Array<{ window: string; topics: string }>;
  let subIds: Record<string, string>;

  beforeAll(async () => {
    db = await createPgliteDatabase();
    const { events, story } = await seededStore(db);
    discord = await createFakeDiscordDeliveryApi();
    slack = await createFakeSlackDeliveryApi();
    const subscriptions = createSubscriptionStore(db);
    subIds = {};
    const follows: Array<[string, FollowInput]> = [
      ['d1', sub('discord', 'd1')],
      ['d2', sub('discord', 'd2')],
      ['d3', sub('discord', 'd3')],
      ['s1', sub('slack', 's1')],
      ['s2', sub('slack', 's2')],
      ['d-guarantees', sub('discord', 'd-guarantees', { topics: ['security-guarantees'] })],
      ['d-gone', sub('discord', 'd-gone')],
      ['s-gone', sub('slack', 's-gone')],
      ['d-tokyo', sub('discord', 'd-tokyo', { timezone: 'Asia/Tokyo' })], // due 23:00Z the day before: late
      ['s-auckland', sub('slack', 's-auckland', { timezone: 'Pacific/Auckland' })], // due 19:00Z the day before: missed
      ['d-newyork', sub('discord', 'd-newyork', { timezone: 'America/New_York' })], // not due until 13:00Z
      ['s-covered', sub('slack', 's-covered')], // its last digest already covered up to 07:59: nothing new
    ];
    for (const [name, input] of follows)
      subIds[name] = (await subscriptions.follow(input, CREATED)).subscription.id;
    await subscriptions.markDelivered(
      subIds['s-covered'],
      new Date('2026-01-07T07:59:30Z'),
      new Date('2026-01-07T07:59:00Z'),
    );
    discord.goneChannel('d-gone', 404);
    slack.goneChannel('s-gone', 'channel_not_found');
    discord.injectFault({ status: 429, retryAfter: 0.05, times: 2 });
    discord.injectFault({ status: 500, times: 2 });
    slack.injectFault({ status: 429, retryAfter: 0, times: 2 });
    slack.injectFault({ status: 503, times: 1 });
    const real = createStoryDigestBuilder({ events, story: briefingStory(story) });
    builds = [];
    const counting: DigestBuilder = (window, topics) => {
      builds.push({
        window: window ? `${window.from.toISOString()}/${window.to.toISOString()}` : 'latest',
        topics: topics.join(','),
      });
      return real(window, topics);
    };
    deps = {
      subscriptions,
      ledger: createDeliveryLedger(db, { owner: 'solo', leaseMs: 10_000 }),
      clock: fixedClock(NOW),
      buildDigest: counting,
      publishers: {
        discord: createDiscordPublisher({ token: 't', apiUrl: discord.apiUrl, retry: FAST_RETRY }),
        slack: createSlackPublisher({ token: 't', apiUrl: slack.apiUrl, retry: FAST_RETRY }),
      },
    };
  });
  afterAll(async () => {
    await discord?.close();
    await slack?.close();
    await db?.close();
  });

  it('sends every due digest once, late ones marked, missed and empty ones recorded, gone channels paused', async () => {
    const report = await runDigestPass(deps);
    const delivered = ['d1', 'd2', 'd3', 'd-guarantees', 'd-tokyo'];
    for (const ch of delivered) {
      const msgs = discord.messages(ch);
      expect(msgs.length, ch).toBeGreaterThan(0);
      expect(new Set(msgs.map((m) => m.nonce)).size, `${ch}: each part once`).toBe(msgs.length);
    }
    for (const ch of ['s1', 's2']) {
      const msgs = slack.messages(ch);
      expect(msgs.length, ch).toBeGreaterThan(0);
      const parts = msgs.map(
        (m) => `${m.metadata?.event_payload.delivery_id}:${m.metadata?.event_payload.part}`,
      );
      expect(new Set(parts).size).toBe(msgs.length);
      expect(msgs[0].metadata?.event_type).toBe('storybrief_delivery');
    }
    // Same digest, same rendering: channels sharing window and topics got identical embeds.
    expect(discord.messages('d2').map((m) => m.embeds)).toEqual(discord.messages('d1').map((m) => m.embeds));
    expect(JSON.stringify(discord.messages('d-guarantees')[0].embeds)).toContain('Security guarantees');
    expect(JSON.stringify(discord.messages('d-tokyo').at(-1)?.embeds)).toContain('Sent late');
    for (const ch of ['d-newyork', 'd-gone']) expect(discord.messages(ch)).toEqual([]);
    for (const ch of ['s-auckland', 's-covered', 's-gone']) expect(slack.messages(ch)).toEqual([]);

    const ledger = deps.ledger;
    expect((await ledger.get(subIds['d-tokyo'], 'digest:2026-01-07'))?.late).toBe(true);
    expect(await ledger.get(subIds.d1, 'digest:2026-01-07')).toMatchObject({ state: 'sent', late: false });
    expect((await ledger.get(subIds['s-auckland'], 'digest:2026-01-07'))?.state).toBe('missed');
    expect((await ledger.get(subIds['s-covered'], 'digest:2026-01-07'))?.state).toBe('skipped');
    expect(await ledger.get(subIds['d-newyork'], 'digest:2026-01-07')).toBeNull();
    const gone = await deps.subscriptions.get(subIds['d-gone']);
    expect(gone).toMatchObject({ paused: true });
    expect(gone?.pausedReason).toMatch(/404.*Unknown Channel/);
    expect((await deps.subscriptions.get(subIds['s-gone']))?.pausedReason).toMatch(/channel_not_found/);
    expect((await deps.subscriptions.get(subIds.d1))?.lastWindowEnd).toBe('2026-01-07T08:00:00.000Z');

    // Built once per distinct (window, topics): London-all, London-guarantees, Tokyo, s-covered's empty window.
    expect(builds).toHaveLength(4);
    expect(new Set(builds.map((b) => `${b.window}|${b.topics}`)).size).toBe(4);
    expect(report).toMatchObject({ sent: 9 - 2, late: 1, paused: 2, skipped: 1, builds: 4 });
    expect(report.missed).toBeGreaterThanOrEqual(1);
    // Rendered once per (briefing, platform, late): London-all on Discord and Slack, guarantees, Tokyo (late).
    expect(report.renders).toBe(4);
    expect(discord.statusCounts()[429]).toBe(2);
    expect(discord.statusCounts()[500]).toBe(2);
    expect(slack.statusCounts()[429]).toBe(2);
    expect(slack.statusCounts()[503]).toBe(1);
  });

  it('sends nothing more when the pass runs again, later the same day', async () => {
    const before = discord.messages().length + slack.messages().length;
    const again = await runDigestPass({ ...deps, clock: fixedClock(new Date(NOW.getTime() + 3600_000)) });
    expect(again.sent).toBe(0);
    expect(discord.messages().length + slack.messages().length).toBe(before);
  });
});
