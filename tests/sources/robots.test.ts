// GIVEN a publisher's robots.txt on 127.0.0.1 THEN disallowed pages are never requested, 4xx allows, 5xx blocks once.
import { afterEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/clock.ts';
import { createFetcher, type FetchOutcome } from '../../src/sources/fetch-url.ts';
import { pollSources } from '../../src/sources/poll-sources.ts';
import { createRobotsFetcher, ROBOTS_TTL_MS } from '../../src/sources/robots.ts';
import { migrate } from '../../src/store/migrate.ts';
import { createPgliteDatabase } from '../../src/store/pglite-database.ts';
import { createSourceStore } from '../../src/store/source-store.ts';
import { createFixtureServer, type FixtureServer } from './fixture-server.ts';
import { fixture } from './fixtures.ts';

const PAGE = '<html><body><p>hello</p></body></html>';
const robotsTxt = (body: string) => ({ body, type: 'text/plain' });

function manualClock(iso: string): Clock & { advance(ms: number): void } {
  let t = new Date(iso).getTime();
  return {
    now: () => new Date(t),
    advance: (ms) => {
      t += ms;
    },
  };
}

describe('createRobotsFetcher', () => {
  let server: FixtureServer | undefined;
  const start = async () => {
    server = await createFixtureServer();
    server.set('/live', { body: PAGE });
    server.set('/other', { body: PAGE });
    return server;
  };
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('does not fetch a page robots.txt disallows for storybrief, and fetches the pages it allows', async () => {
    const s = await start();
    s.set('/robots.txt', robotsTxt('User-agent: *\nAllow: /\n\nUser-agent: storybrief\nDisallow: /live\n'));
    const fetcher = createRobotsFetcher(createFetcher({ timeoutMs: 2000 }));

    const blocked = await fetcher.fetch({ url: `${s.url}/live` });
    expect(blocked).toEqual({
      kind: 'failed',
      reason: `disallowed by robots.txt (${s.url}/robots.txt)`,
      status: null,
    });
    expect(s.requests('/live')).toHaveLength(0);

    const allowed = await fetcher.fetch({ url: `${s.url}/other` });
    expect(allowed.kind).toBe('ok');
    expect(s.requests('/other')).toHaveLength(1);
    // robots.txt went through the polite fetcher: our User-Agent, asked once for both pages.
    const robots = s.requests('/robots.txt');
    expect(robots).toHaveLength(1);
    expect(robots[0]?.headers['user-agent']).toMatch(/^storybrief\//);
  });

  it('matches the versioned User-Agent group `storybrief/0.1` as the storybrief token', async () => {
    const s = await start();
    s.set('/robots.txt', robotsTxt('User-agent: storybrief/0.1\nDisallow: /\n'));
    const outcome = await createRobotsFetcher(createFetcher({ timeoutMs: 2000 })).fetch({
      url: `${s.url}/other`,
    });
    expect(outcome.kind).toBe('failed');
    expect(s.requests('/other')).toHaveLength(0);
  });

  it('is not blocked by a rule for another agent', async () => {
    const s = await start();
    s.set('/robots.txt', robotsTxt('User-agent: otherbot\nDisallow: /\n'));
    const outcome = await createRobotsFetcher(createFetcher({ timeoutMs: 2000 })).fetch({
      url: `${s.url}/live`,
    });
    expect(outcome.kind).toBe('ok');
    expect(s.requests('/live')).toHaveLength(1);
  });

  it('allows everything when robots.txt is 404', async () => {
    const s = await start(); // no /robots.txt route: the server answers 404
    const fetcher = createRobotsFetcher(createFetcher({ timeoutMs: 2000 }));
    expect((await fetcher.fetch({ url: `${s.url}/live` })).kind).toBe('ok');
    expect((await fetcher.fetch({ url: `${s.url}/other` })).kind).toBe('ok');
    expect(s.requests('/robots.txt').map((r) => r.status)).toEqual([404]);
    expect(s.requests('/live')).toHaveLength(1);
  });

  it('blocks the attempt while robots.txt answers 500, without caching it, and fetches once it recovers', async () => {
    const s = await start();
    s.set('/robots.txt', { status: 500, body: 'oops' });
    const fetcher = createRobotsFetcher(createFetcher({ timeoutMs: 2000 }));

    const first = await fetcher.fetch({ url: `${s.url}/live` });
    expect(first.kind).toBe('failed');
    expect(first.kind === 'failed' && first.reason).toBe(
      `robots.txt unreachable (HTTP 500 Internal Server Error), so not fetched this attempt (${s.url}/robots.txt)`,
    );
    expect(s.requests('/live')).toHaveLength(0);

    s.set('/robots.txt', robotsTxt('User-agent: *\nDisallow: /private\n'));
    const second = await fetcher.fetch({ url: `${s.url}/live` });
    expect(second.kind).toBe('ok');
    expect(s.requests('/live')).toHaveLength(1);
    expect(s.requests('/robots.txt').map((r) => r.status)).toEqual([500, 200]);
  });

  it('blocks the attempt when robots.txt cannot be reached at all', async () => {
    const s = await start();
    const url = s.url;
    await s.close();
    server = undefined;
    const outcome = await createRobotsFetcher(createFetcher({ timeoutMs: 2000 })).fetch({
      url: `${url}/live`,
    });
    expect(outcome.kind).toBe('failed');
    expect(outcome.kind === 'failed' && outcome.reason).toMatch(
      new RegExp(
        `^robots\\.txt unreachable \\(network error .*\\), so not fetched this attempt \\(${url}/robots\\.txt\\)$`,
      ),
    );
  });

  it('fetches robots.txt once per origin within the TTL (also for concurrent requests), and again after it', async () => {
    const s = await start();
    s.set('/robots.txt', robotsTxt('User-agent: storybrief\nDisallow: /private\n'));
    const clock = manualClock('2026-03-10T10:45:00Z');
    const fetcher = createRobotsFetcher(createFetcher({ timeoutMs: 2000 }), { clock, ttlMs: 60_000 });

    const together = await Promise.all([
      fetcher.fetch({ url: `${s.url}/live` }),
      fetcher.fetch({ url: `${s.url}/other` }),
    ]);
    expect(together.map((o) => o.kind)).toEqual(['ok', 'ok']);
    clock.advance(59_000);
    expect((await fetcher.fetch({ url: `${s.url}/live` })).kind).toBe('ok');
    expect((await fetcher.fetch({ url: `${s.url}/private/x` })).kind).toBe('failed');
    expect(s.requests('/robots.txt')).toHaveLength(1);

    // Past the TTL the rules are read again, and a change is obeyed.
    s.set('/robots.txt', robotsTxt('User-agent: storybrief\nDisallow: /live\n'));
    clock.advance(2_000);
    expect((await fetcher.fetch({ url: `${s.url}/live` })).kind).toBe('failed');
    expect(s.requests('/robots.txt')).toHaveLength(2);
    expect(s.requests('/live')).toHaveLength(2);
    expect(s.requests('/private/x')).toHaveLength(0);
  });

  it('keeps the rules for 24 hours by default', async () => {
    const s = await start();
    s.set('/robots.txt', robotsTxt('User-agent: *\nAllow: /\n'));
    const clock = manualClock('2026-03-10T10:45:00Z');
    const fetcher = createRobotsFetcher(createFetcher({ timeoutMs: 2000 }), { clock });
    await fetcher.fetch({ url: `${s.url}/live` });
    clock.advance(ROBOTS_TTL_MS - 1000);
    await fetcher.fetch({ url: `${s.url}/live` });
    expect(s.requests('/robots.txt')).toHaveLength(1);
    clock.advance(2000);
    await fetcher.fetch({ url: `${s.url}/live` });
    expect(s.requests('/robots.txt')).toHaveLength(2);
    expect(ROBOTS_TTL_MS).toBe(24 * 60 * 60 * 1000);
  });

  it('records the robots.txt refusal as the source failure shown by `sources list`', async () => {
    const s = await start();
    s.set('/live', { body: fixture('live-blog-1.html') });
    s.set('/robots.txt', robotsTxt('User-agent: storybrief\nDisallow: /live\n'));
    const db = await createPgliteDatabase('memory://');
    try {
      await migrate(db);
      const clock = manualClock('2026-03-10T10:45:00Z');
      const store = createSourceStore(db);
      await store.add(
        { url: `${s.url}/live`, storyId: null, intervalMs: 300_000, timezone: null },
        clock.now(),
      );
      const fetcher = createRobotsFetcher(createFetcher({ timeoutMs: 2000 }), { clock });
      const reports = await pollSources({ db, clock, fetcher });
      expect(reports.map((r) => r.outcome)).toEqual(['failed']);
      const [source] = await store.list();
      expect(source?.lastError).toBe(`disallowed by robots.txt (${s.url}/robots.txt)`);
      expect(source?.failures).toBe(1);
      expect(s.requests('/live')).toHaveLength(0);
    } finally {
      await db.close();
    }
  });

  it('passes URLs it cannot attribute to an http(s) origin straight to the inner fetcher', async () => {
    const seen: string[] = [];
    const inner = {
      fetch: async (req: { url: string }): Promise<FetchOutcome> => {
        seen.push(req.url);
        return { kind: 'failed', reason: 'inner', status: null };
      },
    };
    const outcome = await createRobotsFetcher(inner).fetch({ url: 'not a url' });
    expect(outcome).toEqual({ kind: 'failed', reason: 'inner', status: null });
    expect(seen).toEqual(['not a url']);
  });
});
