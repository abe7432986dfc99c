// GIVEN a newcomer's commands THEN `sources add` + `sources poll` bring a live blog's new entries to a followed channel.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, runCli, tempDir } from '../cli/run-storybrief.ts';
import { createFakeDiscordDeliveryApi, type FakeDiscordDeliveryApi } from '../fakes/delivery-discord-api.ts';
import { createFixtureServer, type FixtureServer } from './fixture-server.ts';
import { fixture } from './fixtures.ts';

describe('storybrief sources (CLI)', () => {
  let server: FixtureServer;
  let discord: FakeDiscordDeliveryApi;
  let db: string;
  let env: NodeJS.ProcessEnv;
  const cli = (...args: string[]) => runCli(['--db', db, ...args], { env });

  beforeAll(async () => {
    server = await createFixtureServer();
    discord = await createFakeDiscordDeliveryApi();
    db = join(tempDir('storybrief-sources-'), 'db');
    env = cleanEnv({ DISCORD_TOKEN: 'test-token', DISCORD_API_URL: discord.apiUrl });
  });
  afterAll(async () => {
    await server?.close();
    await discord?.close();
  });

  it('adds, polls, lists and removes; new entries reach a channel with alerts on', async () => {
    server.set('/live', { body: fixture('live-blog-1.html'), etag: '"a"' });
    const url = `${server.url}/live`;
    const follow = await cli(
      'follow',
      '--platform',
      'discord',
      '--workspace',
      'g',
      '--channel',
      'desk',
      '--time',
      '08:00',
      '--tz',
      'Europe/London',
      '--alerts',
      '--no-backfill',
      '--now',
      '2026-03-10T10:00:00Z',
    );
    expect(follow.code, follow.stderr).toBe(0);
    const add = await cli(
      'sources',
      'add',
      url,
      '--every',
      '5m',
      '--tz',
      'Europe/London',
      '--now',
      '2026-03-10T10:44:00Z',
    );
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toContain(`following ${url}`);

    const first = await cli('sources', 'poll', '--now', '2026-03-10T10:45:00Z');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`${url}: added 3 entries, updated 0 (live-blog-json-ld)`);
    // `sources poll` asks for robots.txt first (the fixture has none: 404 allows everything).
    expect(server.requests('/robots.txt').map((r) => r.status)).toEqual([404]);
    const alerted = discord.messages('desk').length;
    expect(alerted).toBeGreaterThan(0);

    server.set('/live', { body: fixture('live-blog-2.html'), etag: '"b"' });
    const early = await cli('sources', 'poll', '--now', '2026-03-10T10:47:00Z');
    expect(early.stdout).toContain('no source is due; the next is due at 2026-03-10T10:50:00.000Z');
    const second = await cli('sources', 'poll', '--now', '2026-03-10T10:50:00Z');
    expect(second.stdout).toContain(`${url}: added 2 entries, updated 2`);
    const fresh = discord
      .messages('desk')
      .slice(alerted)
      .map((m) => JSON.stringify(m.embeds));
    expect(fresh.some((t) => t.includes('shipping truce by a week'))).toBe(true);

    const list = await cli('sources', 'list', '--json');
    const [row] = JSON.parse(list.stdout);
    expect(row).toMatchObject({
      url,
      kind: 'page',
      every: '5m',
      eventsAdded: 5,
      failures: 0,
      paused: false,
      timezone: 'Europe/London',
    });
    expect(row.title).toBe('Harbour talks live: Negotiators meet for second day in Valmora');

    const search = await cli('search', 'fishing unions');
    expect(search.stdout).toContain('Fishing unions demand a seat at the table');

    expect((await cli('sources', 'remove', row.id)).stdout).toContain(`stopped following ${url}`);
    const gone = await cli('sources', 'remove', url);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain('no followed source');
  }, 300_000);

  it('refuses bad input with a reason and changes nothing', async () => {
    for (const args of [
      ['sources', 'add', 'not a url'],
      ['sources', 'add', 'file:///etc/passwd'],
      ['sources', 'add', 'https://x.example/live', '--every', '5s'],
      ['sources', 'add', 'https://x.example/live', '--tz', 'Mars/Olympus'],
      ['sources', 'add', 'https://x.example/live', '--story', 'no-such-story'],
    ]) {
      const r = await cli(...args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(/^storybrief: /);
    }
    expect(JSON.parse((await cli('sources', 'list', '--json')).stdout)).toEqual([]);
  }, 300_000);
});
