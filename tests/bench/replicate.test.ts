// GIVEN a store of original documents THEN the SQL copy writes exactly what replicateDocument + ingest would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replicateDocument, replicateInSql, spanDays } from '../../bench/corpus/bench-stores.ts';
import { migrate } from '../../src/store/migrate.ts';
import type { Database } from '../../src/store/sql.ts';
import { createSqlEventStore } from '../../src/store/sql-event-store.ts';
import type { ParsedDocument } from '../../src/store/types.ts';
import { testDatabases } from '../helpers/databases.ts';
import { liveBlog } from '../store/sample-documents.ts';

for (const target of testDatabases()) {
  describe(`replicateInSql on ${target.name}`, () => {
    let db: Database;
    let copyDb: Database;
    const docs: ParsedDocument[] = [liveBlog('a'), liveBlog('b')];
    beforeAll(async () => {
      db = await target.open();
      copyDb = await target.open();
      await migrate(db);
      await migrate(copyDb);
    });
    afterAll(async () => {
      await db?.close();
      await copyDb?.close();
    });

    it('GIVEN two originals THEN copies match replicateDocument, the last copy stops at whole articles under the target', async () => {
      const viaSql = createSqlEventStore(db);
      const viaIngest = createSqlEventStore(copyDb);
      for (const doc of docs) {
        await viaSql.ingest(doc);
        await viaIngest.ingest(doc);
      }
      const perCopy = docs.reduce((n, d) => n + d.events.length, 0);
      const perDoc = docs[0]!.events.length;
      // Two full copies and one article of the third.
      const have = await replicateInSql(db, perCopy * 3 + perDoc);
      expect(have).toBe(perCopy * 3 + perDoc);
      const days = spanDays(docs);
      for (const k of [1, 2])
        for (const doc of docs) await viaIngest.ingest(replicateDocument(doc, k, k * days));
      await viaIngest.ingest(replicateDocument(docs[0]!, 3, 3 * days));
      const a = await viaSql.exportAll();
      const b = await viaIngest.exportAll();
      expect(a.articles).toEqual(b.articles);
      expect(a.events).toEqual(b.events);
      expect((await viaSql.stats()).events).toBe(have);
      expect(await viaSql.search('Coalition declaration')).toEqual(
        await viaIngest.search('Coalition declaration'),
      );
      expect(await viaSql.quotes({ speaker: 'Starmer', limit: 100 })).toEqual(
        await viaIngest.quotes({ speaker: 'Starmer', limit: 100 }),
      );
      expect(await viaSql.lists({ limit: 100 })).toEqual(await viaIngest.lists({ limit: 100 }));
      // Already at the target: nothing more is copied.
      expect(await replicateInSql(db, perCopy * 3 + perDoc)).toBe(have);
    });
  });
}
