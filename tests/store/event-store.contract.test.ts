// The EventStore contract: the same suite against PGlite always and Postgres when TEST_DATABASE_URL is set.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EventStore } from '../../src/store/event-store.ts';
import { migrate } from '../../src/store/migrate.ts';
import type { Database } from '../../src/store/sql.ts';
import { createSqlEventStore, SEARCH_CANDIDATES } from '../../src/store/sql-event-store.ts';
import { testDatabases } from '../helpers/databases.ts';
import { event, liveBlog } from './sample-documents.ts';

for (const target of testDatabases()) {
  describe(`EventStore contract on ${target.name}`, () => {
    let db: Database;
    let store: EventStore;

    // One database per suite (opening PGlite takes seconds); every test starts from empty tables.
    beforeAll(async () => {
      db = await target.open();
      await migrate(db);
      store = createSqlEventStore(db);
    });
    beforeEach(async () => {
      await db.exec('TRUNCATE articles, events, quotes, lists');
    });
    afterAll(async () => {
      await db.close();
    });

    it('GIVEN a migrated database THEN migrating again applies nothing, also when run concurrently', async () => {
      expect(await migrate(db)).toEqual([]);
      const again = await Promise.all([migrate(db), migrate(db)]);
      expect(again.flat()).toEqual([]);
      const rows = await db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
      expect(rows.rows.map((r) => r.name)).toContain('001_events.sql');
    });

    it('GIVEN a document THEN ingest adds every event and reads them back unchanged', async () => {
      const doc = liveBlog();
      const res = await store.ingest(doc);
      expect(res.createdArticle).toBe(true);
      expect(res.added.map((e) => e.id)).toEqual(doc.events.map((e) => e.id));
      expect(res.updated).toEqual([]);
      expect(res.unchanged).toBe(0);
      const back = await store.eventsByIds(doc.events.map((e) => e.id).reverse());
      expect(back).toEqual([...doc.events].reverse());
      expect(await store.article(doc.article.id)).toEqual(doc.article);
      expect(await store.article('missing')).toBeNull();
    });

    it('GIVEN the same document twice THEN the second ingest changes nothing', async () => {
      await store.ingest(liveBlog());
      const before = await store.exportAll();
      const res = await store.ingest(liveBlog());
      expect(res.createdArticle).toBe(false);
      expect(res.added).toEqual([]);
      expect(res.updated).toEqual([]);
      expect(res.unchanged).toBe(5);
      expect(await store.exportAll()).toEqual(before);
    });

    it('GIVEN an edited entry and a newer snapshot THEN only the edit is updated and only new entries added', async () => {
      await store.ingest(liveBlog());
      const next = liveBlog();
      next.events[1] = {
        ...next.events[1],
        paragraphs: ['Edited: the protocols will deter attacks, Witkoff said.'],
        quotes: [
          { speaker: 'Steve Witkoff', speakerId: 'steve-witkoff', text: 'the protocols will deter attacks' },
        ],
      };
      next.events.unshift(event('blog', 6, { headline: 'Zelensky thanks allies', position: 200 }));
      const res = await store.ingest(next);
      expect(res.added.map((e) => e.id)).toEqual(['blog-e6']);
      expect(res.updated.map((e) => e.id)).toEqual(['blog-e2']);
      expect(res.unchanged).toBe(4);
      const [edited] = await store.eventsByIds(['blog-e2']);
      expect(edited.paragraphs).toEqual(['Edited: the protocols will deter attacks, Witkoff said.']);
      const quotes = await store.quotes({ speakerId: 'steve-witkoff' });
      expect(quotes.map((q) => q.quote.text)).toEqual(['the protocols will deter attacks']);
      expect((await store.search('deter')).map((r) => r.event.id)).toEqual(['blog-e2']);
    });

    it('GIVEN a newer snapshot that moves every old entry down THEN nothing old counts as updated', async () => {
      await store.ingest(liveBlog());
      const next = liveBlog();
      next.events = next.events.map((e) => ({ ...e, position: e.position + 2 }));
      next.events.unshift(event('blog', 7, { headline: 'Newest entry at the top', position: 0 }));
      const res = await store.ingest(next);
      expect(res.added.map((e) => e.id)).toEqual(['blog-e7']);
      expect(res.updated).toEqual([]);
      expect(res.unchanged).toBe(5);
    });

    it('GIVEN a document with an invalid event THEN ingest fails and writes nothing', async () => {
      const doc = liveBlog();
      doc.events[3] = { ...doc.events[3], time: 'not a time' };
      await expect(store.ingest(doc)).rejects.toThrow();
      expect(await store.stats()).toMatchObject({ articles: 0, events: 0 });
    });

    it('GIVEN several documents in one outer transaction that fails THEN none of them is written', async () => {
      await expect(
        db.transaction(async (tx) => {
          const inTx = createSqlEventStore(tx);
          await inTx.ingest(liveBlog('a'));
          await inTx.ingest(liveBlog('b'));
          throw new Error('third file failed');
        }),
      ).rejects.toThrow('third file failed');
      expect((await store.stats()).events).toBe(0);
    });

    it('GIVEN a time window THEN events honour inclusive from, exclusive to, untimed, topic, order and limit', async () => {
      await store.ingest(liveBlog());
      const all = await store.events({});
      expect(all.map((e) => e.id)).toEqual(['blog-e1', 'blog-e2', 'blog-e3', 'blog-e5', 'blog-e4']);
      const window = await store.events({ from: '2026-01-06T08:59:00.000Z', to: '2026-01-06T09:29:00.000Z' });
      expect(window.map((e) => e.id)).toEqual(['blog-e2', 'blog-e3']);
      const withUntimed = await store.events({
        from: '2026-01-06T08:59:00.000Z',
        to: '2026-01-06T09:29:00.000Z',
        includeUntimed: true,
      });
      expect(withUntimed.map((e) => e.id)).toEqual(['blog-e2', 'blog-e3', 'blog-e4']);
      const topic = await store.events({ topic: 'security-guarantees', order: 'desc' });
      expect(topic.map((e) => e.id)).toEqual(['blog-e2', 'blog-e1']);
      expect((await store.events({ order: 'desc', limit: 2 })).map((e) => e.id)).toEqual([
        'blog-e5',
        'blog-e3',
      ]);
      expect(await store.events({ articleId: 'other' })).toEqual([]);
    });

    it('GIVEN a search THEN matches are ranked with headline hits first and websearch syntax works', async () => {
      await store.ingest(liveBlog());
      const hits = await store.search('Greenland');
      expect(hits.map((h) => h.event.id)).toEqual(['blog-e3', 'blog-e4']);
      expect(hits[0].rank).toBeGreaterThan(hits[1].rank);
      expect((await store.search('security -Witkoff')).map((h) => h.event.id)).toEqual([]);
      expect((await store.search('"military hubs"')).map((h) => h.event.id)).toEqual(['blog-e1']);
      expect((await store.search('greenland', { topic: 'greenland' })).map((h) => h.event.id)).toEqual([
        'blog-e3',
      ]);
      expect(await store.search('   ')).toEqual([]);
      expect(await store.search('the')).toEqual([]);
    });

    it('GIVEN quotes THEN they are found by speaker id, by name case-insensitively, and by window', async () => {
      await store.ingest(liveBlog());
      expect((await store.quotes({ speakerId: 'steve-witkoff' })).map((q) => q.quote.text)).toEqual([
        'Those security protocols are meant to deter',
        'And they will do both',
      ]);
      const byName = await store.quotes({ speaker: 'WITKOFF' });
      expect(byName).toHaveLength(2);
      expect(byName[0].event.id).toBe('blog-e2');
      expect((await store.quotes({ speaker: 'frederiksen' }))[0].quote).toEqual({
        speaker: 'Mette Frederiksen',
        speakerId: null,
        text: 'Greenland belongs to its people',
      });
      expect(await store.quotes({ speaker: '100%' })).toEqual([]);
      expect(await store.quotes({ speakerId: 'keir-starmer', from: '2026-01-06T09:00:00.000Z' })).toEqual([]);
      expect(await store.quotes({ topic: 'greenland' })).toHaveLength(1);
    });

    it('GIVEN lists THEN they are found by words of the title or items', async () => {
      await store.ingest(liveBlog());
      const found = await store.lists({ query: 'promises' });
      expect(found).toHaveLength(1);
      expect(found[0].list.items).toHaveLength(5);
      expect(found[0].list.declaredCount).toBe(5);
      expect(found[0].event.id).toBe('blog-e1');
      expect(await store.lists({ query: 'military hubs' })).toHaveLength(1);
      expect(await store.lists({ query: 'sanctions' })).toEqual([]);
      expect(await store.lists({})).toHaveLength(1);
      expect(await store.lists({ from: '2026-01-07T00:00:00.000Z' })).toEqual([]);
    });

    it('GIVEN quotes THEN speakers lists the most quoted first and filters by word prefix', async () => {
      await store.ingest(liveBlog());
      const all = await store.speakers();
      expect(all[0]).toMatchObject({ id: 'steve-witkoff', count: 2 });
      expect(all).toHaveLength(3);
      const wit = await store.speakers('wit');
      expect(wit.map((s) => s.id)).toEqual(['steve-witkoff']);
      expect((await store.speakers('mette')).map((s) => s.name)).toEqual(['Mette Frederiksen']);
    });

    it('GIVEN two documents THEN stats, articles and exportAll cover both', async () => {
      await store.ingest(liveBlog('a'));
      await store.ingest({
        ...liveBlog('b'),
        article: { ...liveBlog('b').article, publishedAt: '2025-02-19T04:58:00.000Z', kind: 'article' },
      });
      const stats = await store.stats();
      expect(stats).toEqual({
        articles: 2,
        events: 10,
        earliest: '2026-01-06T08:49:00.000Z',
        latest: '2026-01-06T09:29:00.000Z',
      });
      expect((await store.articles()).map((a) => a.id)).toEqual(['a', 'b']);
      const dump = await store.exportAll();
      expect(dump.articles.map((a) => a.id)).toEqual(['b', 'a']);
      expect(dump.events).toHaveLength(10);
      expect(dump.events[0].articleId).toBe('b');
    });

    it('GIVEN times without milliseconds or with offsets THEN they are stored as UTC ISO and stay idempotent', async () => {
      const doc = liveBlog();
      doc.events[0] = { ...doc.events[0], time: '2026-01-06T09:49:00+01:00' };
      const first = await store.ingest(doc);
      expect(first.added[0].time).toBe('2026-01-06T08:49:00.000Z');
      const second = await store.ingest(doc);
      expect(second.added).toEqual([]);
      expect(second.updated).toEqual([]);
    });

    it('GIVEN ingests, re-ingests, edits, a rolled-back write and a deleted article THEN stats counts stay exact', async () => {
      const counted = async () => {
        const res = await db.query<{ a: number; e: number }>(
          'SELECT (SELECT count(*)::int FROM articles) AS a, (SELECT count(*)::int FROM events) AS e',
        );
        return { articles: Number(res.rows[0].a), events: Number(res.rows[0].e) };
      };
      await store.ingest(liveBlog('a'));
      await store.ingest(liveBlog('a'));
      const edited = liveBlog('a');
      edited.events[1] = { ...edited.events[1], headline: 'Edited headline' };
      edited.events.push(event('a', 6));
      await store.ingest(edited);
      await store.ingest(liveBlog('b'));
      await expect(
        db.transaction(async (tx) => {
          await createSqlEventStore(tx).ingest(liveBlog('c'));
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(await store.stats()).toMatchObject({ articles: 2, events: 11 });
      expect(await store.stats()).toMatchObject(await counted());
      await db.query('DELETE FROM articles WHERE id = $1', ['a']);
      expect(await store.stats()).toMatchObject({ articles: 1, events: 5 });
      expect(await store.stats()).toMatchObject(await counted());
    });

    it('GIVEN articles THEN articlesByIds reads several at once in the order asked, skipping unknown ids', async () => {
      await store.ingest(liveBlog('a'));
      await store.ingest(liveBlog('b'));
      const found = await store.articlesByIds(['b', 'missing', 'a', 'b']);
      expect(found.map((a) => a.id)).toEqual(['b', 'a', 'b']);
      expect(found[1]).toEqual(liveBlog('a').article);
      expect(await store.articlesByIds([])).toEqual([]);
    });

    it('GIVEN coverage THEN latestCoverage is the newest timed entry with its article, also per topic', async () => {
      expect(await store.latestCoverage()).toBeNull();
      await store.ingest(liveBlog('a'));
      const latest = await store.latestCoverage();
      expect(latest?.event.id).toBe('a-e5');
      expect(latest?.article).toEqual(liveBlog('a').article);
      const newest = await store.events({ from: '1970-01-01T00:00:00Z', order: 'desc', limit: 1 });
      expect(latest?.event).toEqual(newest[0]);
      expect((await store.latestCoverage({ topic: 'greenland' }))?.event.id).toBe('a-e3');
      expect(await store.latestCoverage({ topic: 'no-such-topic' })).toBeNull();
    });

    it('GIVEN coverage THEN recentSpan is the time span of the newest timed entries, also per topic', async () => {
      expect(await store.recentSpan({ limit: 3 })).toBeNull();
      await store.ingest(liveBlog('a'));
      for (const [query, limit] of [
        [{}, 3],
        [{}, 100],
        [{ topic: 'greenland' }, 1],
        [{ topic: 'security-guarantees' }, 5],
      ] as const) {
        const newest = await store.events({ from: '1970-01-01T00:00:00Z', ...query, order: 'desc', limit });
        expect(await store.recentSpan({ ...query, limit })).toEqual({
          oldest: newest.at(-1)!.time,
          newest: newest[0]!.time,
        });
      }
      expect(await store.recentSpan({ topic: 'no-such-topic', limit: 5 })).toBeNull();
    });

    it('GIVEN articles THEN articleRanges gives each one its first and last entry in one call', async () => {
      await store.ingest(liveBlog('a'));
      const other = liveBlog('b');
      other.events = [event('b', 7, { time: null }), event('b', 8, { time: null })];
      await store.ingest(other);
      const ranges = await store.articleRanges(['b', 'missing', 'a']);
      expect(ranges.map((r) => [r.articleId, r.first.id, r.last.id])).toEqual([
        ['b', 'b-e7', 'b-e8'],
        ['a', 'a-e1', 'a-e5'],
      ]);
      for (const r of ranges) {
        const asc = await store.events({
          articleId: r.articleId,
          includeUntimed: true,
          order: 'asc',
          limit: 1,
        });
        const desc = await store.events({
          articleId: r.articleId,
          includeUntimed: true,
          order: 'desc',
          limit: 1,
        });
        expect([r.first, r.last]).toEqual([asc[0], desc[0]]);
      }
      expect(await store.articleRanges([])).toEqual([]);
    });

    it('GIVEN more matches than SEARCH_CANDIDATES THEN search ranks the newest ones, headline hits first', async () => {
      const many = liveBlog('big');
      const n = SEARCH_CANDIDATES + 10;
      many.events = Array.from({ length: n }, (_, i) =>
        event('big', i + 1, {
          headline: i === 0 || i === n - 20 ? 'Drone strike on depot' : `Entry ${i + 1}`,
          paragraphs: [`A drone was reported near the border, report ${i + 1}.`],
          position: n - i,
        }),
      );
      await store.ingest(many);
      const hits = await store.search('drone', { limit: 3 });
      // The oldest headline hit is outside the newest SEARCH_CANDIDATES matches; the newer one leads.
      expect(hits[0].event.id).toBe(`big-e${n - 19}`);
      expect(hits.map((h) => h.event.id)).not.toContain('big-e1');
      expect(hits[0].rank).toBeGreaterThan(hits[1].rank);
      // With planner statistics the newest spans are read first: the same candidates, the same answer.
      await db.exec('ANALYZE events');
      expect(await store.search('drone', { limit: 3 })).toEqual(hits);
      expect(await store.search('drone', { limit: 3, topic: 'none' })).toEqual([]);
    });

    it('GIVEN planner statistics THEN search reads only a recent span when it holds enough candidates, same answer', async () => {
      const small = createSqlEventStore(db, { searchCandidates: 20 });
      const doc = liveBlog('span');
      // 300 entries over ~2 days, every one mentioning a drone; a few headline hits spread over time.
      doc.events = Array.from({ length: 300 }, (_, i) =>
        event('span', i + 1, {
          headline: i % 37 === 0 ? 'Drone strike on depot' : `Entry ${i + 1}`,
          paragraphs: [`A drone was reported near the border, report ${i + 1}.`],
          position: 300 - i,
        }),
      );
      await store.ingest(doc);
      const withoutStats = await small.search('drone', { limit: 5 });
      await db.exec('ANALYZE events');
      // A store opened after the ANALYZE (the check is cached); its queries are recorded.
      const seen: string[] = [];
      const recording = new Proxy(db, {
        get(target, name, receiver) {
          if (name !== 'query') return Reflect.get(target, name, receiver);
          return (sql: string, params?: unknown[]) => {
            seen.push(sql);
            return target.query(sql, params);
          };
        },
      });
      const withStats = await createSqlEventStore(recording, { searchCandidates: 20 }).search('drone', {
        limit: 5,
      });
      expect(withStats).toEqual(withoutStats);
      // It sized a recent span from the planner's estimate and needed no second read.
      expect(seen.filter((q) => q.includes('EXPLAIN'))).toHaveLength(1);
      expect(seen.filter((q) => q.includes('ts_rank'))).toHaveLength(1);
      expect(seen.find((q) => q.includes('ts_rank'))).toContain('m.time >=');
      // The newest 20 matches are entries 281–300: the best of them is the headline hit among them (e297).
      expect(withStats[0].event.id).toBe('span-e297');
      expect(withStats.every((h) => Number(h.event.id.split('-e')[1]) > 280)).toBe(true);
    });
  });
}
