// GIVEN three `digest run` processes against one Postgres and faulty fake APIs THEN each due channel gets one digest, even across a SIGKILL.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { PassReport } from '../../src/schedule/scheduler-deps.ts';
import { createDeliveryLedger } from '../../src/store/delivery-ledger.ts';
import { createPostgresDatabase } from '../../src/store/postgres-database.ts';
import type { Database } from '../../src/store/sql.ts';
import { createSubscriptionStore } from '../../src/store/subscription-store.ts';
import { createFakeDiscordDeliveryApi, type FakeDiscordDeliveryApi } from '../fakes/delivery-discord-api.ts';
import { createFakeSlackDeliveryApi, type FakeSlackDeliveryApi } from '../fakes/delivery-slack-api.ts';
import { withSearchPath } from '../helpers/databases.ts';
import { seededStore } from './seeded-store.ts';

const url = process.env.TEST_DATABASE_URL;
const BIN = fileURLToPath(new URL('../../bin/storybrief.js', import.meta.url));
const CWD = fileURLToPath(new URL('../../', import.meta.url));
const NOW = '2026-01-07T08:01:00Z';
const LEASE_MS = 2000;
const CHANNELS_PER_PLATFORM = 15;

interface Env {
  schema: string;
  dbUrl: string;
  db: Database;
  discord: FakeDiscordDeliveryApi;
  slack: FakeSlackDeliveryApi;
}

async function setUp(): Promise<Env> {
  if (!url) throw new Error('TEST_DATABASE_URL unset');
  const schema = `sched_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const dbUrl = withSearchPath(url, schema);
  const db = await createPostgresDatabase(dbUrl, { max: 4 });
  await seededStore(db);
  const subs = createSubscriptionStore(db);
  const created = new Date('2026-01-05T00:00:00Z');
  for (const platform of ['discord', 'slack'] as const) {
    for (let i = 0; i < CHANNELS_PER_PLATFORM; i++) {
      await subs.follow(
        {
          platform,
          workspace: 'w',
          channel: `${platform}-${i}`,
          time: '08:00',
          timezone: 'Europe/London',
          topics: i % 3 === 0 ? ['security-guarantees'] : [],
          alerts: false,
          createdBy: null,
        },
        created,
      );
    }
    await subs.follow(
      {
        platform,
        workspace: 'w',
        channel: `${platform}-gone`,
        time: '08:00',
        timezone: 'Europe/London',
        topics: [],
        alerts: false,
        createdBy: null,
      },
      created,
    );
  }
  const discord = await createFakeDiscordDeliveryApi({ latencyMs: 150 });
  const slack = await createFakeSlackDeliveryApi({ latencyMs: 150 });
  discord.goneChannel('discord-gone', 404);
  slack.goneChannel('slack-gone', 'channel_not_found');
  return { schema, dbUrl, db, discord, slack };
}

async function tearDown(env: Env | undefined) {
  if (!env) return;
  await env.discord.close();
  await env.slack.close();
  await env.db.close();
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS ${env.schema} CASCADE`);
  await admin.end();
}

function replica(
  env: Env,
  id: string,
  extraEnv: Record<string, string> = {},
): {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: string | null; report: PassReport | null; stderr: string }>;
} {
  const child = spawn(process.execPath, [BIN, '--db', env.dbUrl, 'digest', 'run', '--now', NOW, '--json'], {
    cwd: CWD,
    env: {
      ...process.env,
      DISCORD_TOKEN: 'fake-discord-token',
      DISCORD_API_URL: env.discord.apiUrl,
      SLACK_BOT_TOKEN: 'xoxb-fake',
      SLACK_API_URL: env.slack.apiUrl,
      STORYBRIEF_REPLICA_ID: id,
      STORYBRIEF_DELIVERY_LEASE_MS: String(LEASE_MS),
      STORYBRIEF_DELIVERY_CONCURRENCY: '2',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (err += d));
  const done = new Promise<{
    code: number | null;
    signal: string | null;
    report: PassReport | null;
    stderr: string;
  }>((resolve) =>
    child.on('exit', (code, signal) => {
      const line = out
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .at(-1);
      resolve({ code, signal, report: line ? (JSON.parse(line) as PassReport) : null, stderr: err });
    }),
  );
  return { child, done };
}

/** Per healthy channel: the delivery ids whose parts reached it, and whether any part arrived twice. */
function deliveriesByChannel(env: Env) {
  const out = new Map<string, { deliveries: Set<string>; parts: string[] }>();
  const add = (channel: string, key: string, delivery: string) => {
    const e = out.get(channel) ?? { deliveries: new Set<string>(), parts: [] };
    e.deliveries.add(delivery);
    e.parts.push(key);
    out.set(channel, e);
  };
  for (const m of env.discord.messages()) add(m.channel_id, m.nonce ?? m.id, m.nonce ? 'nonce-scoped' : m.id);
  for (const m of env.slack.messages()) {
    const p = m.metadata?.event_payload ?? {};
    add(m.channel, `${p.delivery_id}:${p.part}`, String(p.delivery_id));
  }
  return out;
}

async function expectExactlyOnce(env: Env) {
  const seen = deliveriesByChannel(env);
  const subs = await createSubscriptionStore(env.db).list();
  const ledger = createDeliveryLedger(env.db, { owner: 'checker' });
  const rows = await ledger.list({ kind: 'digest' });
  let messages = 0;
  for (const s of subs) {
    const got = seen.get(s.channel);
    const row = rows.find((r) => r.subscriptionId === s.id && r.windowKey === 'digest:2026-01-07');
    if (s.channel.endsWith('-gone')) {
      expect(got, s.channel).toBeUndefined();
      expect(s.paused).toBe(true);
      expect(s.pausedReason).toMatch(/404|channel_not_found/);
      expect(row?.state).toBe('failed');
      continue;
    }
    expect(row?.state, s.channel).toBe('sent');
    expect(got, s.channel).toBeDefined();
    // Every part arrived exactly once, and all parts belong to one delivery.
    if (new Set(got?.parts).size !== got?.parts.length)
      console.log(
        'DUP',
        s.channel,
        JSON.stringify(env.slack.messages(s.channel).map((m) => [m.ts, m.metadata])),
        JSON.stringify(row),
      );
    expect(new Set(got?.parts).size, `${s.channel} duplicates`).toBe(got?.parts.length);
    expect(got?.parts.length, `${s.channel} parts`).toBe(row?.partsSent);
    if (s.platform === 'slack') expect([...(got?.deliveries ?? [])], s.channel).toEqual([row?.id]);
    messages += got?.parts.length ?? 0;
  }
  return { messages, channels: subs.length, rows };
}

describe.skipIf(!url)('replicas against one Postgres', () => {
  let env: Env | undefined;
  afterAll(async () => tearDown(env));

  it('three processes at once, with 429s and 500s: one digest per due channel, gone channels paused', async () => {
    env = await setUp();
    env.discord.faultEvery(5, { status: 500 });
    env.discord.injectFault({ status: 429, retryAfter: 0.05, times: 4 });
    env.slack.faultEvery(4, { status: 429, retryAfter: 0 });
    env.slack.injectFault({ status: 503, times: 3 });
    const runs = await Promise.all(['r1', 'r2', 'r3'].map((id) => replica(env as Env, id).done));
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    const { messages } = await expectExactlyOnce(env);
    const reports = runs.map((r) => r.report as PassReport);
    const sent = reports.reduce((n, r) => n + r.sent, 0);
    expect(sent).toBe(2 * CHANNELS_PER_PLATFORM);
    expect(reports.reduce((n, r) => n + r.paused, 0)).toBe(2);
    const faults = { discord: env.discord.statusCounts(), slack: env.slack.statusCounts() };
    expect((faults.discord[500] ?? 0) + (faults.discord[429] ?? 0)).toBeGreaterThan(0);
    expect((faults.slack[429] ?? 0) + (faults.slack[503] ?? 0)).toBeGreaterThan(0);
    console.log(
      `[replicas] 3 processes: ${sent} deliveries (${messages} message parts) to ${2 * CHANNELS_PER_PLATFORM} channels, ` +
        `sent per replica ${reports.map((r) => r.sent).join('/')}, builds per replica ${reports.map((r) => r.builds).join('/')}, ` +
        `faults discord ${JSON.stringify(faults.discord)} slack ${JSON.stringify(faults.slack)}`,
    );
  }, 120_000);

  it('a replica SIGKILLed mid-fan-out, then restarted: still exactly one digest per due channel', async () => {
    await tearDown(env);
    env = await setUp();
    const e = env;
    // The victim has 8 deliveries in flight at a time, so the kill lands in the middle of a fan-out.
    const victim = replica(e, 'victim', { STORYBRIEF_DELIVERY_CONCURRENCY: '8' });
    // Let part of the fan-out land, then hold one Discord and one Slack post (stored, never answered) and kill.
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (e.discord.messages().length + e.slack.messages().length >= 4) {
          clearInterval(poll);
          resolve();
        }
      }, 5);
      void victim.done.then(() => {
        clearInterval(poll);
        resolve();
      });
    });
    let held = 0;
    const killOnHold = () => {
      held++;
      victim.child.kill('SIGKILL');
    };
    e.discord.holdAfterStore(1, killOnHold);
    e.slack.holdAfterStore(1, killOnHold);
    setTimeout(() => victim.child.kill('SIGKILL'), 10_000).unref();
    const killed = await victim.done;
    expect(killed.signal).toBe('SIGKILL');
    e.discord.holdAfterStore(0);
    e.slack.holdAfterStore(0);
    const beforeRestart = e.discord.messages().length + e.slack.messages().length;
    const open = (await createDeliveryLedger(e.db, { owner: 'checker' }).list({ kind: 'digest' })).filter(
      (r) => r.state === 'claimed' || r.state === 'sending',
    );
    expect(open.length, 'the kill left deliveries in flight').toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, LEASE_MS + 500));
    const restarted = await Promise.all([replica(e, 'victim').done, replica(e, 'other').done]);
    for (const r of restarted) expect(r.code, r.stderr).toBe(0);
    const { messages } = await expectExactlyOnce(e);
    const reclaimed = restarted.reduce((n, r) => n + (r.report?.reclaimed ?? 0), 0);
    expect(reclaimed).toBe(open.length);
    // At least one post that landed before the kill was resent safely: Discord answered the nonce with the
    // original message, or the Slack channel was searched by metadata before posting.
    expect(
      e.discord.nonceReplays() + (e.slack.callCounts()['conversations.history'] ?? 0),
    ).toBeGreaterThanOrEqual(1);
    const sum = (k: keyof PassReport) => restarted.reduce((n, r) => n + Number(r.report?.[k] ?? 0), 0);
    console.log(
      `[replicas] SIGKILL: 1 kill (${held ? 'on a held post' : 'by timer'}) with ${open.length} deliveries in flight (${open.filter((r) => r.state === 'sending').length} sending), ` +
        `${beforeRestart} parts posted before restart, ${messages} parts after; reclaimed ${reclaimed}, ` +
        `sent after restart ${restarted.map((r) => r.report?.sent ?? 0).join('/')} (paused ${sum('paused')}, released ${sum('released')}, ` +
        `failed ${sum('failed')}), Discord nonce replays ${e.discord.nonceReplays()}, Slack history lookups ${e.slack.callCounts()['conversations.history'] ?? 0}`,
    );
  }, 120_000);
});
