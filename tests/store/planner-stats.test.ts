// GIVEN stores that grow THEN planner statistics are gathered, so topic queries walk the time index.
import { afterEach, describe, expect, it } from 'vitest';
import { writePrepared } from '../../src/app/ingest-files.ts';
import { migrate } from '../../src/store/migrate.ts';
import { ensurePlannerStats } from '../../src/store/planner-stats.ts';
import type { Database } from '../../src/store/sql.ts';
import type { ParsedDocument } from '../../src/store/types.ts';
import { testDatabases } from '../helpers/databases.ts';
import { article, event } from './sample-documents.ts';

function blog(id: string, entries: number): ParsedDocument {
  return {
    article: article(id),
    events: Array.from({ length: entries }, (_, n) =>
      event(id, n, { topics: n % 3 === 0 ? ['territory'] : ['peace-talks'], position: entries - n }),
    ),
  };
}

async function analysedRows(db: Database): Promise<number> {
  const res = await db.query<{ r: number }>(
    `SELECT reltuples::float8 AS r FROM pg_class WHERE oid = to_regclass('events')`,
  );
  return Number(res.rows[0].r);
}

for (const target of testDatabases()) {
  describe(`planner statistics on ${target.name}`, () => {
    let db: Database;
    afterEach(async () => db?.close());

    it('GIVEN a small ingest THEN nothing is analysed; GIVEN a large one THEN the tables are', async () => {
      db = await target.open();
      await migrate(db);
      await writePrepared(db, [{ file: 'small.txt', doc: blog('small', 50) }]);
      expect(await analysedRows(db)).toBeLessThan(0);
      await writePrepared(db, [{ file: 'large.txt', doc: blog('large', 1200) }]);
      expect(await analysedRows(db)).toBeGreaterThan(1000);
    });

    it('GIVEN a store that holds rows but was never analysed THEN opening analyses it once', async () => {
      db = await target.open();
      await migrate(db);
      // Written without the ingest path's bookkeeping, as a restore or a bulk copy would.
      await db.transaction(async (tx) => {
        const { createSqlEventStore } = await import('../../src/store/sql-event-store.ts');
        await createSqlEventStore(tx).ingest(blog('restored', 1100));
      });
      expect(await analysedRows(db)).toBeLessThan(0);
      expect(await ensurePlannerStats(db)).toBe(true);
      expect(await analysedRows(db)).toBeGreaterThan(1000);
      expect(await ensurePlannerStats(db)).toBe(false);
    });
  });
}
