// GIVEN a publisher's server on 127.0.0.1 THEN polls ingest only new entries, send conditional GETs, back off and pause.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDiscordPublisher } from '../../src/bots/discord/publisher.ts';
import type { Clock } from '../../src/clock.ts';
import { announceNewEvents } from '../../src/schedule/alerts.ts';
import { PAUSE_AFTER_MS } from '../../src/sources/backoff.ts';
import { createFetcher, type Fetcher } from '../../src/sources/fetch-url.ts';
import { type PollDeps, pollSources, type SourcePollReport } from '../../src/sources/poll-sources.ts';
import { createDeliveryLedger } from '../../src/store/delivery-ledger.ts';
import type { EventStore } from '../../src/store/event-store.ts';
import { migrate } from '../../src/store/migrate.ts';
import { createSourceStore, type SourceStore } from '../../src/store/source-store.ts';
import type { Database } from '../../src/store/sql.ts';
import { createSqlEventStore } from '../../src/store/sql-event-store.ts';
import { createSubscriptionStore } from '../../src/store/subscription-store.ts';
import type { Event } from '../../src/store/types.ts';
import { createFakeDiscordDeliveryApi, type FakeDiscordDeliveryApi } from '../fakes/delivery-discord-api.ts';
import { testDatabases } from '../helpers/databases.ts';
import { createFixtureServer, type FixtureServer } from './fixture-server.ts';
import { fixture } from './fixtures.ts';

const MIN = 60_000;

/** A clock the test moves by hand. */
function createManualClock(
  iso: string,
): Clock & { set(iso: string | Date): void; advance(ms: number): void } {
  let t = new Date(iso).getTime();
  return {
    now: () => new Date(t),
    set: (v) => {
      t = new Date(v).getTime();
    },
    advance: (ms) => {
      t += ms;
    },
  };
}

for (const target of testDatabases()) {
  describe(`polling sources on ${target.name}`, () => {
    let db: Database;
    let events: EventStore;
    let sources: SourceStore;
    let server: FixtureServer;
    let discord: FakeDiscordDeliveryApi;
    let fetcher: Fetcher;
    const clock = createManualClock('2026-03-10T10:45:00Z');
    const announced: Event[][] = [];
    let deps: PollDeps;

    beforeAll(async () => {
      db = await target.open();
      await migrate(db);
      events = createSqlEventStore(db);
      sources = createSourceStore(db);
      server = await createFixtureServer();
      discord = await createFakeDiscordDeliveryApi();
      fetcher = createFetcher({ timeoutMs: 400 });
      const subscriptions = createSubscriptionStore(db);
      await subscriptions.follow(
        {
          platform: 'discord',
          workspace: 'g',
          channel: 'newsroom',
          time: '08:00',
          timezone: 'Europe/London',
          topics: [],
          alerts: true,
          createdBy: null,
        },
        clock.now(),
      );
      const alertDeps = {
        subscriptions,
        events,
        ledger: createDeliveryLedger(db, { owner: 'poller' }),
        clock,
        buildDigest: async () => null,
        publishers: { discord: createDiscordPublisher({ token: 't', apiUrl: discord.apiUrl }) },
        capPerHour: 50,
      };
      deps = {
        db,
        clock,
        fetcher,
        defaultTimezone: 'Europe/London',
        onAdded: async (added) => {
          announced.push(added);
          return announceNewEvents(added, alertDeps);
        },
      };
    });
    afterAll(async () => {
      await server?.close();
      await discord?.close();
      await db?.close();
    });
    beforeEach(async () => {
      announced.length = 0;
      for (const s of await sources.list()) await sources.remove(s.id);
    });

    const follow = async (path: string, intervalMs = 5 * MIN) =>
      (
        await sources.add(
          { url: `${server.url}${path}`, storyId: null, intervalMs, timezone: 'Europe/London' },
          clock.now(),
        )
      ).source;
    const reportFor = (reports: SourcePollReport[], path: string) => {
      const r = reports.find((x) => x.source.url === `${server.url}${path}`);
      if (!r)
        throw new Error(`${path} was not polled (polled: ${reports.map((x) => x.source.url).join(', ')})`);
      return r;
    };

    it('GIVEN a live blog that grows by two entries THEN only they are added, the breaking edit updates in place and alerts', async () => {
      server.set('/live', { body: fixture('live-blog-1.html'), etag: '"snap-1"' });
      await follow('/live');
      const first = reportFor(await pollSources(deps), '/live');
      expect(first.outcome).toBe('ingested');
      expect(first.documents[0].method).toBe('live-blog-json-ld');
      expect(first.documents[0].added).toHaveLength(3);
      expect(announced.flat()).toHaveLength(3);
      const firstAlerts = discord.messages('newsroom').length;
      expect(firstAlerts).toBeGreaterThan(0);
      announced.length = 0;

      // The page grows; a poll before the interval is over fetches nothing.
      server.set('/live', { body: fixture('live-blog-2.html'), etag: '"snap-2"' });
      clock.advance(2 * MIN);
      expect(await pollSources(deps)).toEqual([]);
      expect(server.requests('/live')).toHaveLength(1);

      clock.advance(3 * MIN);
      const second = reportFor(await pollSources(deps), '/live');
      const doc = second.documents[0];
      expect(doc.added.map((e) => e.headline)).toEqual([
        'Coastal states agree to extend the shipping truce by a week',
        'Fishing unions demand a seat at the table',
      ]);
      // Two edits: the headline now marked breaking (alerts) and a body fix (silent).
      expect(doc.updated).toHaveLength(2);
      const breaking = doc.updated.find((e) => e.hints.includes('breaking'));
      expect(breaking?.headline).toBe('Breaking: Port authority reopens the northern channel to grain ships');
      expect(
        announced
          .flat()
          .map((e) => e.headline)
          .sort(),
      ).toEqual([...doc.added.map((e) => e.headline), breaking?.headline ?? ''].sort());
      const stored = await events.events({ articleId: doc.added[0].articleId, includeUntimed: true });
      expect(stored).toHaveLength(5);
      // The conditional header carried the validator of the first snapshot.
      expect(server.requests('/live')[1].headers['if-none-match']).toBe('"snap-1"');
      expect(server.requests('/live')[1].headers['user-agent']).toMatch(/^storybrief\//);
      // What went out: new alerts name the new entries; nothing announced twice.
      const texts = discord
        .messages('newsroom')
        .slice(firstAlerts)
        .map((m) => JSON.stringify(m.embeds));
      expect(texts.some((t) => t.includes('shipping truce by a week'))).toBe(true);
      expect(texts.some((t) => t.includes('Delegations arrive'))).toBe(false);

      // Unchanged: 304, nothing ingested or announced, the next fetch one interval later.
      announced.length = 0;
      clock.advance(5 * MIN);
      const third = reportFor(await pollSources(deps), '/live');
      expect(third.outcome).toBe('not-modified');
      expect(server.requests('/live')[2]).toMatchObject({
        status: 304,
        headers: { 'if-none-match': '"snap-2"' },
      });
      expect(announced).toEqual([]);
      expect(third.nextFetchAt).toBe(new Date(clock.now().getTime() + 5 * MIN).toISOString());
      expect((await sources.find(`${server.url}/live`))?.eventsAdded).toBe(5);
      await sources.remove(`${server.url}/live`);
    });

    it('GIVEN Last-Modified only THEN If-Modified-Since is sent back and a 304 keeps the validator', async () => {
      const stamp = 'Tue, 10 Mar 2026 09:00:00 GMT';
      server.set('/plain', { body: fixture('article-plain.html'), lastModified: stamp });
      await follow('/plain');
      const first = reportFor(await pollSources(deps), '/plain');
      expect(first.documents[0].method).toBe('readable-text');
      expect(first.documents[0].added).toHaveLength(1);
      expect(first.documents[0].added[0].paragraphs.join(' ')).toContain(
        'what each side would need to give up',
      );
      clock.advance(5 * MIN);
      expect(reportFor(await pollSources(deps), '/plain').outcome).toBe('not-modified');
      expect(server.requests('/plain')[1].headers['if-modified-since']).toBe(stamp);
      await sources.remove(`${server.url}/plain`);
    });

    it('GIVEN an Atom feed THEN each new item link is fetched as an article once; an edited item is fetched again', async () => {
      server.set('/feeds/world.atom', () => ({ body: fixture('feed.atom'), type: 'application/atom+xml' }));
      server.set('/articles/grain-convoy', { body: fixture('article-jsonld.html') });
      server.set('/articles/mediator-path', { body: fixture('article-plain.html') });
      await follow('/feeds/world.atom');
      const first = reportFor(await pollSources(deps), '/feeds/world.atom');
      expect(first.itemErrors).toEqual([]);
      expect(first.documents.map((d) => [d.method, d.title, d.added.length])).toEqual([
        ['article-json-ld', 'Grain convoy leaves Valmora under escort', 1],
        ['readable-text', 'Mediator sets out the path to a harbour deal', 1],
      ]);
      expect((await sources.find(`${server.url}/feeds/world.atom`))?.kind).toBe('feed');

      clock.advance(5 * MIN);
      const second = reportFor(await pollSources(deps), '/feeds/world.atom');
      expect(second.documents).toEqual([]);
      expect(server.requests('/articles/grain-convoy')).toHaveLength(1);

      server.set('/feeds/world.atom', () => ({
        body: fixture('feed.atom').replace(
          '<updated>2026-03-10T12:45:00Z</updated>\n    <author>',
          '<updated>2026-03-10T13:10:00Z</updated>\n    <author>',
        ),
        type: 'application/atom+xml',
      }));
      clock.advance(5 * MIN);
      const third = reportFor(await pollSources(deps), '/feeds/world.atom');
      expect(server.requests('/articles/grain-convoy')).toHaveLength(2);
      expect(server.requests('/articles/mediator-path')).toHaveLength(1);
      expect(third.documents[0].added).toEqual([]);
      await sources.remove(`${server.url}/feeds/world.atom`);
    });

    it('GIVEN a 500 THEN the source backs off 5 min × 2ⁿ and recovers with its failures cleared', async () => {
      let calls = 0;
      server.set('/flaky', () =>
        ++calls <= 2 ? { status: 500, body: 'oops' } : { body: fixture('article-jsonld.html') },
      );
      await follow('/flaky');
      const t0 = clock.now().getTime();
      const fail1 = reportFor(await pollSources(deps), '/flaky');
      expect(fail1).toMatchObject({ outcome: 'failed', error: 'HTTP 500 Internal Server Error' });
      expect(Date.parse(fail1.nextFetchAt ?? '') - t0).toBe(5 * MIN);
      clock.advance(5 * MIN);
      const fail2 = reportFor(await pollSources(deps), '/flaky');
      expect(Date.parse(fail2.nextFetchAt ?? '') - clock.now().getTime()).toBe(10 * MIN);
      expect((await sources.find(`${server.url}/flaky`))?.failures).toBe(2);
      clock.advance(5 * MIN);
      expect(await pollSources(deps)).toEqual([]); // still backing off
      clock.advance(5 * MIN);
      const ok = reportFor(await pollSources(deps), '/flaky');
      expect(ok.outcome).toBe('ingested');
      expect(await sources.find(`${server.url}/flaky`)).toMatchObject({
        failures: 0,
        lastError: null,
        paused: false,
      });
      await sources.remove(`${server.url}/flaky`);
    });

    it('GIVEN a 12 MB page THEN reading stops at 10 MB and the fetch fails with the reason', async () => {
      server.set('/huge', { streamBytes: 12 * 1024 * 1024 });
      await follow('/huge');
      const reports = await pollSources({ ...deps, fetcher: createFetcher({ timeoutMs: 20_000 }) });
      expect(reportFor(reports, '/huge')).toMatchObject({
        outcome: 'failed',
        error: 'the response is larger than 10 MB',
      });
      const stored = await events.events({ includeUntimed: true, from: null, to: null });
      expect(stored.filter((e) => e.source === `${server.url}/huge`)).toEqual([]);
    });

    it('GIVEN a page that never answers THEN the fetch gives up at its timeout', async () => {
      server.set('/hang', { hang: true });
      await follow('/hang');
      const started = Date.now();
      const reports = await pollSources(deps);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(reportFor(reports, '/hang')).toMatchObject({
        outcome: 'failed',
        error: 'no complete answer within 400 ms',
      });
      expect(server.requests('/hang')).toHaveLength(1);
    });

    it('GIVEN a page failing for 48 hours THEN the source pauses with the reason shown in the list, and is not polled', async () => {
      server.set('/gone', { status: 503, body: 'down' });
      await follow('/gone');
      const start = clock.now().getTime();
      let report: SourcePollReport | undefined;
      let passes = 0;
      while (passes++ < 100) {
        const reports = await pollSources(deps);
        report = reports.find((r) => r.source.url === `${server.url}/gone`);
        if (report?.outcome === 'paused') break;
        const next = (await sources.find(`${server.url}/gone`))?.nextFetchAt ?? '';
        clock.set(next);
      }
      expect(report?.outcome).toBe('paused');
      expect(clock.now().getTime() - start).toBeGreaterThanOrEqual(PAUSE_AFTER_MS);
      expect(clock.now().getTime() - start).toBeLessThan(PAUSE_AFTER_MS + 5 * MIN);
      const gone = await sources.find(`${server.url}/gone`);
      expect(gone).toMatchObject({ paused: true });
      expect(gone?.pausedReason).toMatch(/paused after 48 h of failed fetches .*HTTP 503/);
      // 5, 10, 20, … min then capped at 6 h: a handful of requests over two days, not hundreds.
      expect(server.requests('/gone').length).toBeLessThan(20);
      const before = server.requests('/gone').length;
      clock.advance(24 * 3600_000);
      await pollSources(deps);
      expect(server.requests('/gone')).toHaveLength(before);
    });

    it('GIVEN two sources on one host THEN their requests never overlap', async () => {
      server.set('/slow-a', { body: fixture('article-jsonld.html'), delayMs: 150 });
      server.set('/slow-b', { body: fixture('article-plain.html'), delayMs: 150 });
      await new Promise((r) => setTimeout(r, 50));
      server.resetInFlight();
      await follow('/slow-a');
      await follow('/slow-b');
      const reports = await pollSources({ ...deps, fetcher: createFetcher() });
      expect(reports.filter((r) => r.outcome === 'ingested')).toHaveLength(2);
      expect(server.requests('/slow-a')).toHaveLength(1);
      expect(server.maxInFlight()).toBe(1);
    });
  });
}
