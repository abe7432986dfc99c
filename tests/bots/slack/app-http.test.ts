// GIVEN the Slack app on the HTTP receiver and a fake Slack Web API on 127.0.0.1 THEN signed commands work end to end.
import { LogLevel } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandServices } from '../../../src/bots/command-types.ts';
import { type RunningSlackApp, startSlackApp } from '../../../src/bots/slack/app.ts';
import type { SlashCommandResult } from '../../../src/bots/slack/slash-command.ts';
import { fixedClock } from '../../../src/clock.ts';
import type { EventStore } from '../../../src/store/event-store.ts';
import { createFakeSlackApi, type FakeSlackApi } from '../../fakes/slack-api.ts';
import { postSigned, slashCommandForm } from './signed-request.ts';
import { createTinyCatalogue, type TinyCatalogue } from './tiny-catalogue.ts';

const SECRET = 'test-signing-secret';
let fake: FakeSlackApi;
let running: RunningSlackApp;
let catalogue: TinyCatalogue;
let url: string;
const results: SlashCommandResult[] = [];

const services: CommandServices = {
  events: {} as EventStore, // the tiny catalogue never reads the store
  clock: fixedClock('2026-01-07T08:00:00Z'),
};

function waitForResult(n: number, timeoutMs = 10_000): Promise<SlashCommandResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (results.length >= n) resolve(results[n - 1]);
      else if (Date.now() - started > timeoutMs) reject(new Error(`no result #${n}`));
      else setTimeout(tick, 10);
    };
    tick();
  });
}

beforeAll(async () => {
  fake = await createFakeSlackApi({
    token: 'xoxb-test',
    users: { U0ADMIN: { is_admin: true } },
    channels: { C0NEWS: { creator: 'U0CREATOR' } },
  });
  catalogue = createTinyCatalogue();
  running = await startSlackApp(
    { botToken: 'xoxb-test', signingSecret: SECRET, port: 0, host: '127.0.0.1', apiUrl: fake.apiUrl },
    services,
    { catalogue, logLevel: LogLevel.ERROR, onCommand: (r) => results.push(r) },
  );
  url = `http://127.0.0.1:${running.port}/slack/events`;
});

afterAll(async () => {
  await running?.stop();
  await fake?.close();
});

describe('Slack app over HTTP', () => {
  it('acknowledges /news brief within 3 s and posts the briefing in the channel', async () => {
    const before = results.length;
    const res = await postSigned(url, slashCommandForm({ text: 'brief', response_url: fake.responseUrl() }), {
      secret: SECRET,
    });
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3000);
    const result = await waitForResult(before + 1);
    expect(result).toMatchObject({ ok: true, command: 'brief', delivery: 'channel', messages: 1 });
    const post = fake.callsTo('chat.postMessage').at(-1)!;
    expect(post.headers.authorization).toBe('Bearer xoxb-test');
    expect(post.body.channel).toBe('C0NEWS');
    expect(typeof post.body.text).toBe('string');
    expect(String(post.body.text)).toContain('Key Points');
    const blocks = post.body.blocks as Array<{ type: string }>;
    expect(blocks[0].type).toBe('header');
    expect(JSON.stringify(blocks)).toContain('<https://example.com/live#e0|Live blog>');
    expect(catalogue.runs.at(-1)?.ctx.invoker).toMatchObject({
      platform: 'slack',
      workspace: 'T0FAKE',
      channel: 'C0NEWS',
      user: 'U0ALICE',
    });
  });

  it('answers help ephemerally through response_url', async () => {
    const before = results.length;
    const responseUrl = fake.responseUrl('help-1');
    const res = await postSigned(url, slashCommandForm({ text: 'help', response_url: responseUrl }), {
      secret: SECRET,
    });
    expect(res.status).toBe(200);
    await waitForResult(before + 1);
    const reply = await fake.waitFor((c) => c.method === 'response_url' && c.responseId === 'help-1');
    expect(reply.body.response_type).toBe('ephemeral');
    expect(String(reply.body.text)).toContain('storybrief help');
  });

  it('answers an unknown subcommand with an ephemeral error and runs nothing', async () => {
    const before = results.length;
    const runs = catalogue.runs.length;
    await postSigned(
      url,
      slashCommandForm({ text: 'frobnicate <!channel>', response_url: fake.responseUrl('e1') }),
      {
        secret: SECRET,
      },
    );
    const result = await waitForResult(before + 1);
    expect(result).toMatchObject({ ok: false, code: 'UNKNOWN_COMMAND', delivery: 'ephemeral' });
    const reply = await fake.waitFor((c) => c.responseId === 'e1');
    expect(reply.body.response_type).toBe('ephemeral');
    expect(String(reply.body.text)).toContain('frobnicate');
    expect(catalogue.runs.length).toBe(runs);
  });

  it('survives a command that throws and keeps serving', async () => {
    const before = results.length;
    await postSigned(url, slashCommandForm({ text: 'boom', response_url: fake.responseUrl('b1') }), {
      secret: SECRET,
    });
    const result = await waitForResult(before + 1);
    expect(result).toMatchObject({ ok: false, code: 'INTERNAL', delivery: 'ephemeral' });
    const reply = await fake.waitFor((c) => c.responseId === 'b1');
    expect(String(reply.body.text)).not.toContain('kaboom');
    const again = await postSigned(
      url,
      slashCommandForm({ text: 'brief', response_url: fake.responseUrl() }),
      {
        secret: SECRET,
      },
    );
    expect(again.status).toBe(200);
    expect((await waitForResult(before + 2)).ok).toBe(true);
  });

  it('acknowledges within 3 s even when the command takes longer', async () => {
    const before = results.length;
    const res = await postSigned(url, slashCommandForm({ text: 'slow', response_url: fake.responseUrl() }), {
      secret: SECRET,
    });
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(1000);
    expect((await waitForResult(before + 1, 8000)).ok).toBe(true);
  });

  it('refuses a wrong signature with 401 and runs nothing', async () => {
    const runs = catalogue.runs.length;
    const calls = fake.calls.length;
    const body = slashCommandForm({ text: 'brief', response_url: fake.responseUrl() });
    const res = await postSigned(url, body, { secret: 'not-the-secret' });
    expect(res.status).toBe(401);
    const garbled = await postSigned(url, body, { secret: SECRET, signature: 'v0=deadbeef' });
    expect(garbled.status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(catalogue.runs.length).toBe(runs);
    expect(fake.calls.length).toBe(calls);
  });

  it('refuses a correctly signed request older than 5 minutes with 401', async () => {
    const runs = catalogue.runs.length;
    const body = slashCommandForm({ text: 'brief', response_url: fake.responseUrl() });
    const stale = Math.floor(Date.now() / 1000) - 5 * 60 - 10;
    const res = await postSigned(url, body, { secret: SECRET, timestamp: stale });
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(catalogue.runs.length).toBe(runs);
  });

  it('continues a long briefing in a thread, waiting out per-channel rate limits', async () => {
    fake.setRateLimit(1);
    try {
      const before = results.length;
      const posts = fake.callsTo('chat.postMessage').length;
      await postSigned(url, slashCommandForm({ text: 'big n:120', response_url: fake.responseUrl() }), {
        secret: SECRET,
      });
      const result = await waitForResult(before + 1, 20_000);
      expect(result.ok).toBe(true);
      expect(result.delivery).toBe('thread');
      expect(result.messages).toBeGreaterThan(1);
      const accepted = fake
        .callsTo('chat.postMessage')
        .slice(posts)
        .filter((c) => c.status === 200);
      expect(accepted.length).toBe(result.messages);
      const first = fake.messages('C0NEWS').find((m) => m.text === accepted[0].body.text)!;
      for (const reply of accepted.slice(1)) expect(reply.body.thread_ts).toBe(first.ts);
      // Every one of the 120 items reached Slack.
      const all = accepted.map((c) => JSON.stringify(c.body.blocks)).join('\n');
      for (let i = 1; i <= 120; i++) expect(all).toContain(`Item ${i} `);
    } finally {
      fake.setRateLimit(null);
    }
  }, 30_000);

  it('retries a briefing post after a transient 503 from Slack', async () => {
    fake.injectFault('chat.postMessage', { status: 503, channel: 'C0FLAKY' });
    const before = results.length;
    await postSigned(
      url,
      slashCommandForm({ text: 'brief', channel_id: 'C0FLAKY', response_url: fake.responseUrl() }),
      {
        secret: SECRET,
      },
    );
    expect(await waitForResult(before + 1)).toMatchObject({ ok: true, delivery: 'channel' });
    const attempts = fake.callsTo('chat.postMessage').filter((c) => c.body.channel === 'C0FLAKY');
    expect(attempts.map((c) => c.status)).toEqual([503, 200]);
  });

  it('falls back to response_url in channel when the bot may not post there', async () => {
    fake.injectFault('chat.postMessage', { error: 'not_in_channel', channel: 'C0PRIVATE' });
    const before = results.length;
    await postSigned(
      url,
      slashCommandForm({ text: 'brief', channel_id: 'C0PRIVATE', response_url: fake.responseUrl('p1') }),
      { secret: SECRET },
    );
    const result = await waitForResult(before + 1);
    expect(result).toMatchObject({ ok: true, delivery: 'response_url' });
    const reply = await fake.waitFor((c) => c.responseId === 'p1');
    expect(reply.body.response_type).toBe('in_channel');
  });

  it('lets workspace admins follow and tells others they may not', async () => {
    const before = results.length;
    await postSigned(url, slashCommandForm({ text: 'follow', response_url: fake.responseUrl('f1') }), {
      secret: SECRET,
    });
    expect(await waitForResult(before + 1)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await postSigned(
      url,
      slashCommandForm({ text: 'follow', user_id: 'U0ADMIN', response_url: fake.responseUrl('f2') }),
      { secret: SECRET },
    );
    expect(await waitForResult(before + 2)).toMatchObject({ ok: true });
    await postSigned(
      url,
      slashCommandForm({ text: 'follow', user_id: 'U0CREATOR', response_url: fake.responseUrl('f3') }),
      { secret: SECRET },
    );
    expect(await waitForResult(before + 3)).toMatchObject({ ok: true });
  });

  it('publishes the App Home tab with the latest key points and no subscriptions', async () => {
    const event = JSON.stringify({
      token: 'legacy',
      team_id: 'T0FAKE',
      api_app_id: 'A0APP',
      type: 'event_callback',
      event_id: 'Ev0HOME',
      event_time: Math.floor(Date.now() / 1000),
      event: {
        type: 'app_home_opened',
        user: 'U0ALICE',
        channel: 'D0ALICE',
        tab: 'home',
        event_ts: '1.000001',
      },
      authorizations: [{ team_id: 'T0FAKE', user_id: 'U0BOT', is_bot: true }],
    });
    const res = await postSigned(url, event, { secret: SECRET, contentType: 'application/json' });
    expect(res.status).toBe(200);
    const publish = await fake.waitFor((c) => c.method === 'views.publish');
    expect(publish.body.user_id).toBe('U0ALICE');
    const view = JSON.stringify(publish.body.view);
    expect(view).toContain('Key Points');
    expect(view).toContain('none');
  });
});
