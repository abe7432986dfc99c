// GIVEN SLACK_APP_TOKEN THEN the app runs in Socket Mode: no HTTP listener, commands arrive over the WebSocket.
import { LogLevel } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSlackApp, startSlackApp } from '../../../src/bots/slack/app.ts';
import { fixedClock } from '../../../src/clock.ts';
import type { EventStore } from '../../../src/store/event-store.ts';
import { createFakeSlackApi, type FakeSlackApi } from '../../fakes/slack-api.ts';
import { createTinyCatalogue } from './tiny-catalogue.ts';

let fake: FakeSlackApi;
let running: RunningSlackApp;

beforeAll(async () => {
  fake = await createFakeSlackApi({ token: 'xoxb-test' });
  running = await startSlackApp(
    { botToken: 'xoxb-test', appToken: 'xapp-test', apiUrl: fake.apiUrl },
    { events: {} as EventStore, clock: fixedClock('2026-01-07T08:00:00Z') },
    { catalogue: createTinyCatalogue(), logLevel: LogLevel.ERROR },
  );
}, 20_000);

afterAll(async () => {
  await running?.stop();
  await fake?.close();
});

describe('Slack app in Socket Mode', () => {
  it('connects through apps.connections.open and opens no HTTP port', async () => {
    expect(running.mode).toBe('socket');
    expect(running.port).toBeUndefined();
    expect(fake.callsTo('apps.connections.open')[0].headers.authorization).toBe('Bearer xapp-test');
    await fake.socketConnected();
  });

  it('acknowledges a /news envelope at once and posts the briefing', async () => {
    const sentAt = Date.now();
    fake.socketSend({
      envelope_id: 'env-1',
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: {
        team_id: 'T0FAKE',
        channel_id: 'C0SOCK',
        user_id: 'U0ALICE',
        command: '/news',
        text: 'brief <!channel>',
        api_app_id: 'A0APP',
        response_url: fake.responseUrl('s1'),
        trigger_id: 't',
      },
    });
    const ack = await fake.waitFor((c) => c.method === 'socket_ack' && c.body.envelope_id === 'env-1');
    expect(ack.at - sentAt).toBeLessThan(3000);
    const post = await fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'C0SOCK');
    const json = JSON.stringify(post.body.blocks);
    expect(json).toContain('&lt;!channel&gt;');
    expect(json).not.toContain('<!channel>');
  });
});
