// GIVEN the sources table on each test database THEN add/find/remove, claims, successes and failures behave.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/store/migrate.ts';
import { createSourceStore, type SourceStore, sourceIdFor } from '../../src/store/source-store.ts';
import type { Database } from '../../src/store/sql.ts';
import { testDatabases } from '../helpers/databases.ts';

for (const target of testDatabases()) {
  describe(`source store on ${target.name}`, () => {
    let db: Database;
    let store: SourceStore;
    const at = new Date('2026-03-10T08:00:00Z');
    const url = 'https://www.northern-ledger.example/world/harbour-talks-live';

    beforeAll(async () => {
      db = await target.open();
      await migrate(db);
      store = createSourceStore(db);
    });
    afterAll(async () => {
      await db?.close();
    });

    it('adds a URL once, updates its settings on a second add, finds it by id or URL', async () => {
      const first = await store.add(
        { url, storyId: null, intervalMs: 300_000, timezone: 'Europe/London' },
        at,
      );
      expect(first.created).toBe(true);
      expect(first.source).toMatchObject({
        id: sourceIdFor(url),
        kind: 'unknown',
        nextFetchAt: at.toISOString(),
        failures: 0,
        paused: false,
      });
      const again = await store.add(
        { url, storyId: 'ukraine-russia', intervalMs: 600_000, timezone: null },
        at,
      );
      expect(again.created).toBe(false);
      expect(again.source).toMatchObject({ storyId: 'ukraine-russia', intervalMs: 600_000, timezone: null });
      expect((await store.find(url))?.id).toBe(first.source.id);
      expect((await store.find(first.source.id))?.url).toBe(url);
      expect(await store.list()).toHaveLength(1);
    });

    it('claims a due source once: a second claim (another replica) gets nothing until the lease ends', async () => {
      const claimed = await store.claimDue(at, 60_000);
      expect(claimed.map((s) => s.url)).toEqual([url]);
      expect(await store.claimDue(at, 60_000)).toEqual([]);
      expect(await store.claimDue(new Date(at.getTime() + 59_000), 60_000)).toEqual([]);
      expect((await store.claimDue(new Date(at.getTime() + 60_000), 60_000)).map((s) => s.url)).toEqual([
        url,
      ]);
    });

    it('records failures with backoff and pause, and a success resets them while keeping validators on a 304', async () => {
      const id = sourceIdFor(url);
      await store.recordSuccess(id, {
        at,
        nextFetchAt: new Date(at.getTime() + 300_000),
        kind: 'page',
        title: 'T',
        etag: '"v1"',
        lastModified: 'Tue, 10 Mar 2026 08:00:00 GMT',
        added: 3,
      });
      await store.recordFailure(id, {
        at,
        error: 'HTTP 500',
        nextFetchAt: new Date(at.getTime() + 300_000),
        pausedReason: null,
      });
      await store.recordFailure(id, {
        at: new Date(at.getTime() + 300_000),
        error: 'HTTP 502',
        nextFetchAt: new Date(at.getTime() + 900_000),
        pausedReason: null,
      });
      let s = await store.get(id);
      expect(s).toMatchObject({
        failures: 2,
        firstFailureAt: at.toISOString(),
        lastError: 'HTTP 502',
        paused: false,
        etag: '"v1"',
        eventsAdded: 3,
      });
      await store.recordSuccess(id, { at, nextFetchAt: new Date(at.getTime() + 300_000) });
      s = await store.get(id);
      expect(s).toMatchObject({
        failures: 0,
        firstFailureAt: null,
        lastError: null,
        etag: '"v1"',
        kind: 'page',
        title: 'T',
      });
      await store.recordFailure(id, {
        at,
        error: 'HTTP 500',
        nextFetchAt: at,
        pausedReason: 'paused after 48 h',
      });
      s = await store.get(id);
      expect(s).toMatchObject({ paused: true, pausedReason: 'paused after 48 h' });
      expect(await store.claimDue(new Date(at.getTime() + 86_400_000), 60_000)).toEqual([]);
      await store.resume(id, at);
      expect((await store.get(id))?.paused).toBe(false);
    });

    it('remembers feed items and forgets them with their source', async () => {
      const id = sourceIdFor(url);
      await store.markItem(id, 'https://x.example/a', '2026-03-10T12:45:00Z', 'art1', at);
      await store.markItem(id, 'https://x.example/a', '2026-03-10T13:00:00Z', 'art1', at);
      expect(await store.seenItems(id)).toEqual(new Map([['https://x.example/a', '2026-03-10T13:00:00Z']]));
      expect(await store.remove(url)).toBe(true);
      expect(await store.remove(url)).toBe(false);
      expect(await store.seenItems(id)).toEqual(new Map());
    });
  });
}
