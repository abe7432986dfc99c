// GIVEN the fake Discord API THEN it behaves like Discord where our code depends on it (so others can reuse it).
import { REST } from '@discordjs/rest';
import { Routes } from 'discord-api-types/v10';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeDiscordApi, startFakeDiscordApi } from '../../fakes/discord-api.ts';

let api: FakeDiscordApi;
beforeAll(async () => {
  api = await startFakeDiscordApi();
});
afterAll(async () => api.close());
beforeEach(() => {
  api.reset();
  api.setRateLimit(null);
  api.missingChannels.clear();
});
const rest = () => new REST({ api: api.url, retries: 0 }).setToken('t');

describe('fake Discord API', () => {
  it('GIVEN a channel message THEN it is stored and recorded with method, path, headers and JSON body', async () => {
    const sent = (await rest().post(Routes.channelMessages('42'), {
      body: { content: 'hi', allowed_mentions: { parse: [] } },
    })) as {
      id: string;
    };
    expect(api.messages('42').map((m) => [m.id, m.content])).toEqual([[sent.id, 'hi']]);
    const [req] = api.requests;
    expect([req.method, req.route, req.headers.authorization]).toEqual([
      'POST',
      '/channels/42/messages',
      'Bot t',
    ]);
    expect(req.body).toEqual({ content: 'hi', allowed_mentions: { parse: [] } });
  });

  it('GIVEN enforce_nonce with a nonce already used THEN the same message comes back, no duplicate', async () => {
    const body = { content: 'digest', nonce: 'd-1', enforce_nonce: true };
    const a = (await rest().post(Routes.channelMessages('7'), { body })) as { id: string };
    const b = (await rest().post(Routes.channelMessages('7'), { body })) as { id: string };
    expect(b.id).toBe(a.id);
    expect(api.messages('7')).toHaveLength(1);
  });

  it('GIVEN a missing channel THEN 404 Unknown Channel (code 10003)', async () => {
    api.missingChannels.add('9');
    await expect(rest().post(Routes.channelMessages('9'), { body: { content: 'x' } })).rejects.toMatchObject({
      status: 404,
      code: 10003,
    });
  });

  it('GIVEN a hook THEN it overrides chosen routes and falls through for others', async () => {
    api.setHook((r) =>
      r.route === '/channels/5/messages'
        ? { status: 403, body: { message: 'Missing Access', code: 50001 } }
        : undefined,
    );
    await expect(rest().post(Routes.channelMessages('5'), { body: { content: 'x' } })).rejects.toMatchObject({
      code: 50001,
    });
    await expect(rest().post(Routes.channelMessages('6'), { body: { content: 'x' } })).resolves.toBeTruthy();
  });

  it('GIVEN a queued 5xx THEN the client retries and succeeds', async () => {
    api.enqueue({ method: 'POST' }, { status: 502, body: { message: 'Bad Gateway' } });
    const client = new REST({ api: api.url, retries: 2 }).setToken('t');
    await client.post(Routes.channelMessages('3'), { body: { content: 'x' } });
    expect(api.find({ route: '/channels/3/messages' })).toHaveLength(2);
    expect(api.messages('3')).toHaveLength(1);
  });

  it('GIVEN a rate limit of 5 per 500 ms without advertised headers THEN 429s with retry_after, all still delivered', async () => {
    api.setRateLimit({ limit: 5, windowMs: 500, advertise: false });
    const client = rest();
    const started = Date.now();
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        client.post(Routes.channelMessages('1'), { body: { content: `${i}` } }),
      ),
    );
    expect(api.messages('1')).toHaveLength(12);
    expect(api.rateLimited()).toBeGreaterThan(0);
    // 12 messages at 5 per 500 ms need at least two extra windows.
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(api.requests.filter((r) => r.status === 429)).toHaveLength(api.rateLimited());
    // Never more than 5 accepted requests inside any 500 ms window.
    const accepted = api.requests.filter((r) => r.status === 200).map((r) => r.at);
    for (const t of accepted)
      expect(accepted.filter((u) => u >= t && u < t + 490).length).toBeLessThanOrEqual(5);
  });

  it('GIVEN advertised rate-limit headers THEN the client paces itself and hits (almost) no 429', async () => {
    api.setRateLimit({ limit: 10, windowMs: 300 });
    const client = rest();
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        client.post(Routes.channelMessages('2'), { body: { content: `${i}` } }),
      ),
    );
    expect(api.messages('2')).toHaveLength(30);
    expect(api.rateLimited()).toBeLessThanOrEqual(1);
  });
});
