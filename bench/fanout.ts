// Digest fan-out benchmark: N subscriptions, one digest pass, fake Discord (50 req/s) and Slack (1 msg/s/channel) APIs.
import { createDiscordPublisher } from '../src/bots/discord/publisher.ts';
import { createSlackPublisher } from '../src/bots/slack/publisher.ts';
import type { Story } from '../src/briefings/story-access.ts';
import { fixedClock } from '../src/clock.ts';
import { runDigestPass } from '../src/schedule/digest-pass.ts';
import type { DigestBuilder, SchedulerDeps } from '../src/schedule/scheduler-deps.ts';
import { createStoryDigestBuilder } from '../src/schedule/story-digest.ts';
import { createDeliveryLedger } from '../src/store/delivery-ledger.ts';
import type { Database } from '../src/store/sql.ts';
import { createSqlEventStore } from '../src/store/sql-event-store.ts';
import { createSubscriptionStore, type FollowInput } from '../src/store/subscription-store.ts';
import { startFakeDiscordApi } from '../tests/fakes/discord-api.ts';
import { createFakeSlackApi } from '../tests/fakes/slack-api.ts';

export interface FanoutResult {
  discordSubscriptions: number;
  slackSubscriptions: number;
  /** Distinct (window, topics) pairs among the subscriptions. */
  distinctPairs: number;
  builds: number;
  sent: number;
  /** Deliveries skipped (no coverage in the window). */
  skipped: number;
  failed: number;
  discordMessages: number;
  discordSeconds: number;
  /** Discord messages per second, first to last accepted post. */
  discordRate: number;
  discordLimit: number;
  /** Mean per-channel Slack rate over channels with several posts (messages/s), or null when none had several. */
  slackChannelRate: number | null;
  slackLimit: number;
  slackMessages: number;
  /** Process CPU (user + system) per sent delivery, ms; includes the in-process fake servers. */
  cpuPerDeliveryMs: number;
  wallSeconds: number;
  /** 429s the fake Discord API answered, and the time the pass spent waiting on rate limits. */
  discord429: number;
  rateLimitedMs: number;
}

const ZONES = ['Europe/London', 'America/New_York'];

/** Discord channel ids are snowflakes (digits); Slack ids start with C. */
function channelId(platform: 'discord' | 'slack', i: number): string {
  return platform === 'discord' ? String(900_000_000_000_000_000n + BigInt(i)) : `CBENCH${i}`;
}
const TOPIC_SETS: string[][] = [[], ['peace-talks']];

/** Runs one pass over `discord` + `slack` subscriptions due at 08:00 local, against a store with coverage. */
export async function benchFanout(
  db: Database,
  story: Story,
  opts: { discord: number; slack: number; discordLimit?: number; slackLimit?: number },
): Promise<FanoutResult> {
  const discordLimit = opts.discordLimit ?? 50;
  const slackLimit = opts.slackLimit ?? 1;
  const events = createSqlEventStore(db);
  // Day D whose 08:00 London / New York digests (windows ending 07:00–08:00Z and 12:00–13:00Z across DST)
  // both hold coverage: the latest entry stamped between 13:00Z and 07:00Z falls in both windows.
  const res = await db.query<{ latest: string | null }>(
    `SELECT to_char(max(time) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS latest FROM events
     WHERE extract(hour FROM time AT TIME ZONE 'UTC') >= 13 OR extract(hour FROM time AT TIME ZONE 'UTC') < 7`,
  );
  if (!res.rows[0]?.latest) throw new Error('fan-out bench needs a store with coverage');
  const latest = new Date(res.rows[0].latest);
  const day = latest.getUTCDate() + (latest.getUTCHours() >= 13 ? 1 : 0);
  const now = new Date(Date.UTC(latest.getUTCFullYear(), latest.getUTCMonth(), day, 13, 5));
  const created = new Date(now.getTime() - 23 * 3_600_000);

  await db.exec('DELETE FROM deliveries; DELETE FROM subscriptions;');
  const subscriptions = createSubscriptionStore(db);
  const pairs = new Set<string>();
  const follow = async (platform: 'discord' | 'slack', i: number) => {
    const timezone = ZONES[i % ZONES.length];
    const topics = TOPIC_SETS[Math.floor(i / ZONES.length) % TOPIC_SETS.length];
    pairs.add(`${timezone}|${topics.join(',')}`);
    const input: FollowInput = {
      platform,
      workspace: 'bench',
      channel: channelId(platform, i),
      time: '08:00',
      timezone,
      topics,
      alerts: false,
      createdBy: 'bench',
    };
    await subscriptions.follow(input, created);
  };
  for (let i = 0; i < opts.discord; i++) await follow('discord', i);
  for (let i = 0; i < opts.slack; i++) await follow('slack', i);

  const discord = await startFakeDiscordApi({
    rateLimit: { limit: discordLimit, windowMs: 1000, scope: 'global' },
  });
  const slack = await createFakeSlackApi({ rateLimitPerChannelPerSecond: slackLimit });
  try {
    const real = createStoryDigestBuilder({ events, story, clock: fixedClock(now) });
    let builds = 0;
    const counting: DigestBuilder = (window, topics, tz) => {
      builds++;
      return real(window, topics, tz);
    };
    const deps: SchedulerDeps = {
      subscriptions,
      ledger: createDeliveryLedger(db, { owner: 'bench', leaseMs: 600_000 }),
      clock: fixedClock(now),
      buildDigest: counting,
      publishers: {
        discord: createDiscordPublisher({ token: 'bench', apiUrl: discord.url }),
        slack: createSlackPublisher({ token: 'xoxb-bench', apiUrl: slack.apiUrl }),
      },
    };
    const cpu = process.cpuUsage();
    const at = performance.now();
    const report = await runDigestPass(deps);
    const wallSeconds = (performance.now() - at) / 1000;
    const used = process.cpuUsage(cpu);

    const posts = discord.requests.filter(
      (r) => r.method === 'POST' && /\/channels\/[^/]+\/messages$/.test(r.route),
    );
    const accepted = posts.filter((r) => r.status !== undefined && r.status < 300);
    const times = accepted.map((r) => r.at).sort((a, b) => a - b);
    const discordSeconds = times.length > 1 ? (times[times.length - 1] - times[0]) / 1000 : 0;
    const discordRate = discordSeconds > 0 ? (times.length - 1) / discordSeconds : 0;

    const rates: number[] = [];
    let slackMessages = 0;
    for (let i = 0; i < opts.slack; i++) {
      const calls = slack
        .callsTo('chat.postMessage')
        .filter((c) => c.body.channel === channelId('slack', i) && c.status === 200)
        .map((c) => c.at)
        .sort((a, b) => a - b);
      slackMessages += calls.length;
      if (calls.length > 1) rates.push((calls.length - 1) / ((calls[calls.length - 1] - calls[0]) / 1000));
    }
    return {
      discordSubscriptions: opts.discord,
      slackSubscriptions: opts.slack,
      distinctPairs: pairs.size,
      builds,
      sent: report.sent,
      skipped: report.skipped,
      failed: report.failed,
      discordMessages: accepted.length,
      discordSeconds,
      discordRate,
      discordLimit,
      slackChannelRate: rates.length ? rates.reduce((a, b) => a + b, 0) / rates.length : null,
      slackLimit,
      slackMessages,
      cpuPerDeliveryMs: report.sent > 0 ? (used.user + used.system) / 1000 / report.sent : Number.NaN,
      wallSeconds,
      discord429: discord.rateLimited(),
      rateLimitedMs: report.rateLimitedMs,
    };
  } finally {
    await discord.close();
    await slack.close();
  }
}
