// GIVEN a fan-out through the paced publisher THEN sends stay under the platform limits and draw no 429s.
import { afterEach, describe, expect, it } from 'vitest';
import { createPacer, pacedPublisher } from '../../src/app/paced-publisher.ts';
import { createDiscordPublisher } from '../../src/bots/discord/publisher.ts';
import { createSlackPublisher } from '../../src/bots/slack/publisher.ts';
import type { Briefing } from '../../src/briefings/briefing.ts';
import { type FakeDiscordApi, startFakeDiscordApi } from '../fakes/discord-api.ts';
import { createFakeSlackApi, type FakeSlackApi } from '../fakes/slack-api.ts';

/** A clock that moves only when a paced caller sleeps or a send takes time. */
function virtualTime() {
  let now = 0;
  return {
    now: () => now,
    sleep: async (ms: number) => {
      now += ms;
    },
    advance(ms: number) {
      now += ms;
    },
  };
}

const BRIEFING: Briefing = {
  kind: 'digest',
  title: 'Digest',
  subtitle: 'one item',
  sections: [{ heading: 'Key Points', items: [{ text: 'A point.', citation: null }] }],
  sources: [],
};

describe('pacer', () => {
  it('GIVEN 150 sends under 50/s THEN starts are spaced, each second after a finish holds ≤ 50 starts, rate ≥ 95%', async () => {
    const time = virtualTime();
    const pacer = createPacer({ globalPerSecond: 50 }, time);
    const starts: number[] = [];
    const finishes: number[] = [];
    for (let i = 0; i < 150; i++) {
      const release = await pacer.acquire(`c${i}`);
      starts.push(time.now());
      time.advance(7); // the request's round trip
      finishes.push(time.now());
      release();
    }
    // The server sees request i between its start and its finish: at most 50 arrivals in any second.
    for (let i = 50; i < 150; i++) expect(starts[i]! - finishes[i - 50]!).toBeGreaterThanOrEqual(1000);
    for (let i = 1; i < 150; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(20);
    const rate = (starts.length - 1) / ((starts.at(-1)! - starts[0]!) / 1000);
    expect(rate).toBeGreaterThanOrEqual(47.5);
    expect(rate).toBeLessThanOrEqual(50);
  });

  it('GIVEN a per-channel limit THEN each channel waits a second after its last send, and channels do not wait for each other', async () => {
    const time = virtualTime();
    const pacer = createPacer({ channelPerSecond: 1 }, time);
    const at: Array<[string, number, number]> = [];
    for (const channel of ['a', 'a', 'b', 'a', 'b']) {
      const release = await pacer.acquire(channel);
      const start = time.now();
      time.advance(3);
      release();
      at.push([channel, start, time.now()]);
    }
    for (const channel of ['a', 'b']) {
      const mine = at.filter(([c]) => c === channel);
      for (let i = 1; i < mine.length; i++)
        expect(mine[i]![1] - mine[i - 1]![2]).toBeGreaterThanOrEqual(1000);
    }
    // b's first send waits for no one: it starts as soon as a's previous send has finished.
    const firstB = at.findIndex(([c]) => c === 'b');
    expect(at[firstB]![1]).toBe(at[firstB - 1]![2]);
  });
});

describe('paced publishers against the fake platform APIs', () => {
  let discord: FakeDiscordApi | null = null;
  let slack: FakeSlackApi | null = null;
  afterEach(async () => {
    await discord?.close();
    await slack?.close();
    discord = null;
    slack = null;
  });

  it('GIVEN 75 concurrent Discord posts under a 50/s fixed window THEN all are delivered without one 429', async () => {
    discord = await startFakeDiscordApi({ rateLimit: { limit: 50, windowMs: 1000, scope: 'global' } });
    const publisher = pacedPublisher(createDiscordPublisher({ token: 't', apiUrl: discord.url }), {
      globalPerSecond: 50,
    });
    const [message] = publisher.render(BRIEFING);
    const results = await Promise.all(
      Array.from({ length: 75 }, (_, i) =>
        publisher.send({ workspace: 'g', channel: String(900_000_000_000_000_000n + BigInt(i)) }, message!, {
          deliveryId: `d${i}`,
          part: 0,
        }),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(discord.rateLimited()).toBe(0);
  }, 10_000);

  it('GIVEN three concurrent Slack posts into one channel under 1/s THEN all arrive, a second apart, without a 429', async () => {
    slack = await createFakeSlackApi({ rateLimitPerChannelPerSecond: 1 });
    const publisher = pacedPublisher(createSlackPublisher({ token: 'xoxb-t', apiUrl: slack.apiUrl }), {
      channelPerSecond: 1,
    });
    const [message] = publisher.render(BRIEFING);
    const results = await Promise.all(
      [0, 1, 2].map((i) =>
        publisher.send({ workspace: 'T', channel: 'C1' }, message!, { deliveryId: `d${i}`, part: 0 }),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const calls = slack.callsTo('chat.postMessage');
    expect(calls.map((c) => c.status)).toEqual([200, 200, 200]);
    for (let i = 1; i < calls.length; i++)
      expect(calls[i]!.at - calls[i - 1]!.at).toBeGreaterThanOrEqual(1000);
  }, 10_000);
});
