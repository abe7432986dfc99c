// GIVEN `start` runs the pollers THEN a due source is polled on its own, onAdded gets its entries, and stop() is clean.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import { createFetcher } from '../../src/sources/fetch-url.ts';
import type { SourcePollReport } from '../../src/sources/poll-sources.ts';
import { startPollers } from '../../src/sources/start-pollers.ts';
import { migrate } from '../../src/store/migrate.ts';
import { createPgliteDatabase } from '../../src/store/pglite-database.ts';
import { createSourceStore } from '../../src/store/source-store.ts';
import type { Database } from '../../src/store/sql.ts';
import { createSqlEventStore } from '../../src/store/sql-event-store.ts';
import type { Event } from '../../src/store/types.ts';
import { createFixtureServer, type FixtureServer } from './fixture-server.ts';
import { fixture } from './fixtures.ts';

describe('startPollers', () => {
  let db: Database;
  let server: FixtureServer;
  beforeAll(async () => {
    db = await createPgliteDatabase('memory://');
    await migrate(db);
    server = await createFixtureServer();
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  it('polls due sources each tick never overlapping passes, and stops', async () => {
    server.set('/live', { body: fixture('live-blog-1.html') });
    const clock = fixedClock('2026-03-10T10:45:00Z');
    await createSourceStore(db).add(
      { url: `${server.url}/live`, storyId: null, intervalMs: 300_000, timezone: null },
      clock.now(),
    );
    const added: Event[] = [];
    const passes: SourcePollReport[][] = [];
    const pollers = startPollers({
      db,
      events: createSqlEventStore(db),
      clock,
      fetcher: createFetcher({ timeoutMs: 2000 }),
      tickMs: 20,
      onAdded: async (events) => {
        added.push(...events);
      },
      onPass: (reports) => passes.push(reports),
    });
    const deadline = Date.now() + 20_000;
    while (passes.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await pollers.stop();
    const count = passes.length;
    await new Promise((r) => setTimeout(r, 100));
    expect(passes.length).toBe(count);
    expect(passes.flat().filter((r) => r.outcome === 'ingested')).toHaveLength(1);
    expect(server.requests('/live')).toHaveLength(1);
    expect(added.map((e) => e.headline)).toContain('What the draft agreement says');
  });
});
