// Digest fan-out benchmark: N subscriptions, one digest pass, fake Discord (50 req/s) and Slack (1 msg/s/channel) APIs.

import { DISCORD_LIMITS, pacedPublisher, SLACK_LIMITS } from '../src/app/paced-publisher.ts';
import { createDiscordPublisher } from '../src/bots/discord/publisher.ts';
import { createSlackPublisher } from '../src/bots/slack/publisher.ts';
import type { Story } from '../src/briefings/story-access.ts';
import { fixedClock } from '../src/clock.ts';
import { runDigestPass } from '../src/schedule/digest-pass.ts';
import { dueStatus, dueWindows } from '../src/schedule/due-time.ts';
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
  /** Deliveries the subscriptions were owed in the passes (one per due window). */
  owed: number;
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
  /** The slowest channel's rate (messages/s), or null. */
  slackSlowestChannelRate: number | null;
  slackLimit: number;
  slackMessages: number;
  /** Digests each Slack channel was owed in the pass (catch-up after an outage of that many days). */
  slackDigestsPerChannel: number;
  slack429: number;
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
  opts: {
    discord: number;
    slack: number;
    discordLimit?: number;
    slackLimit?: number;
    /** Digests owed per Slack channel: the scheduler was down this many days minus one (default 4). */
    slackDigestsPerChannel?: number;
  },
): Promise<FanoutResult> {
  const owed = Math.max(1, Math.floor(opts.slackDigestsPerChannel ?? 4));
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
  // Slack channels followed `owed` days ago and missed the digests since (an outage): one pass owes each channel
  // `owed` digests, so the per-channel limit (1 message/s) is what paces them.
  const slackCreated = new Date(now.getTime() - (owed - 1) * 86_400_000 - 23 * 3_600_000);
  const catchUp = { horizonMs: owed * 86_400_000, lookbackDays: owed };

  const subscriptions = createSubscriptionStore(db);
  let owedDeliveries = 0;
  const follow = async (platform: 'discord' | 'slack', i: number, pairs: Set<string>) => {
    const timezone = ZONES[i % ZONES.length];
    const topics = TOPIC_SETS[Math.floor(i / ZONES.length) % TOPIC_SETS.length];
    const since = platform === 'slack' ? slackCreated : created;
    for (const w of dueWindows({ time: '08:00', timezone }, now, { notBefore: since, lookbackDays: owed }))
      if (dueStatus(w.dueAt, now, { graceMs: 5 * 60_000, ...catchUp }) !== 'missed') {
        pairs.add(`${w.localDate}|${timezone}|${topics.join(',')}`);
        owedDeliveries++;
      }
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
    await subscriptions.follow(input, since);
  };

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
      catchUp,
      // Paced as `npm start` wires them (src/app/services.ts): each send waits for its slot under the limits.
      publishers: {
        discord: pacedPublisher(
          createDiscordPublisher({ token: 'bench', apiUrl: discord.url }),
          DISCORD_LIMITS,
        ),
        slack: pacedPublisher(
          createSlackPublisher({ token: 'xoxb-bench', apiUrl: slack.apiUrl }),
          SLACK_LIMITS,
        ),
      },
    };
    // One pass per platform, each over its own subscriptions, so each rate is measured against its own limit: a Slack
    // delivery waiting for its channel's 1/s slot still holds one slot of the pass's pool (no longer its claim batch).
    const cpu = process.cpuUsage();
    const at = performance.now();
    let distinctPairs = 0;
    const report = { sent: 0, skipped: 0, failed: 0, rateLimitedMs: 0 };
    for (const [platform, count] of [
      ['discord', opts.discord],
      ['slack', opts.slack],
    ] as const) {
      await db.exec('DELETE FROM deliveries; DELETE FROM subscriptions;');
      const pairs = new Set<string>();
      for (let i = 0; i < count; i++) await follow(platform, i, pairs);
      distinctPairs += pairs.size;
      const r = await runDigestPass(deps);
      report.sent += r.sent;
      report.skipped += r.skipped;
      report.failed += r.failed;
      report.rateLimitedMs += r.rateLimitedMs;
    }
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
    const slackPosts = slack.callsTo('chat.postMessage');
    for (let i = 0; i < opts.slack; i++) {
      const calls = slackPosts
        .filter((c) => c.body.channel === channelId('slack', i) && c.status === 200)
        .map((c) => c.at)
        .sort((a, b) => a - b);
      slackMessages += calls.length;
      if (calls.length > 1) rates.push((calls.length - 1) / ((calls[calls.length - 1] - calls[0]) / 1000));
    }
    return {
      discordSubscriptions: opts.discord,
      slackSubscriptions: opts.slack,
      distinctPairs,
      owed: owedDeliveries,
      builds,
      sent: report.sent,
      skipped: report.skipped,
      failed: report.failed,
      discordMessages: accepted.length,
      discordSeconds,
      discordRate,
      discordLimit,
      slackChannelRate: rates.length ? rates.reduce((a, b) => a + b, 0) / rates.length : null,
      slackSlowestChannelRate: rates.length ? Math.min(...rates) : null,
      slackLimit,
      slackMessages,
      slackDigestsPerChannel: owed,
      slack429: slackPosts.filter((c) => c.status === 429).length,
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
