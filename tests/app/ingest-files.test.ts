// GIVEN seed files THEN ingestFiles fills options from the manifest, enriches, and writes all files or none.
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ingestFiles, prepareFiles } from '../../src/app/ingest-files.ts';
import { migrate } from '../../src/store/migrate.ts';
import { createPgliteDatabase } from '../../src/store/pglite-database.ts';
import type { Database } from '../../src/store/sql.ts';
import { createSqlEventStore } from '../../src/store/sql-event-store.ts';

const SOURCES = new URL('../../data/sources/', import.meta.url).pathname;
const S003 = '003_49d33fe6c1de1412.txt';
const S004 = '004_325b66f23103642b.txt';

describe('ingestFiles', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createPgliteDatabase('memory://');
    await migrate(db);
  });
  beforeEach(async () => {
    await db.exec('TRUNCATE articles, events, quotes, lists');
  });
  afterAll(async () => {
    await db.close();
  });

  it('GIVEN a seed without a date in its text THEN the bundled manifest gives date, outlet and zone', async () => {
    const res = await prepareFiles([S004], { cwd: SOURCES });
    if (!res.ok) throw new Error(res.error.message);
    const { article, events } = res.value[0].doc;
    expect(article).toMatchObject({ source: S004, outlet: 'The Independent', timezone: 'Europe/London' });
    expect(article.publishedAt?.startsWith('2025-08-13')).toBe(true);
    expect(events.length).toBeGreaterThan(0);
  });

  it('GIVEN options on the command line THEN they win over the manifest', async () => {
    const res = await prepareFiles([S004], {
      cwd: SOURCES,
      date: '2024-05-01',
      outlet: 'Elsewhere',
      timezone: 'Asia/Tokyo',
    });
    if (!res.ok) throw new Error(res.error.message);
    expect(res.value[0].doc.article).toMatchObject({ outlet: 'Elsewhere', timezone: 'Asia/Tokyo' });
    expect(res.value[0].doc.article.publishedAt?.startsWith('2024-0')).toBe(true);
  });

  it('GIVEN a manifest.json beside an unknown file THEN its entry is used', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'storybrief-manifest-'));
    copyFileSync(join(SOURCES, S004), join(dir, 'copy.txt'));
    writeFileSync(
      join(dir, 'manifest.json'),
      JSON.stringify({
        story: 'demo',
        sources: [{ file: 'copy.txt', outlet: 'Local Paper', date: '2023-03-03' }],
      }),
    );
    const res = await prepareFiles(['copy.txt'], { cwd: dir, defaultTimezone: 'UTC' });
    if (!res.ok) throw new Error(res.error.message);
    expect(res.value[0].doc.article).toMatchObject({
      outlet: 'Local Paper',
      timezone: 'UTC',
      storyId: 'demo',
    });
  });

  it('GIVEN an enrichment step THEN its output is what gets stored', async () => {
    const res = await ingestFiles(db, [S003], {
      cwd: SOURCES,
      enrich: (doc) => ({
        ...doc,
        events: doc.events.map((e) => ({ ...e, topics: [...e.topics, 'enriched'] })),
      }),
    });
    if (!res.ok) throw new Error(res.error.message);
    const stored = await createSqlEventStore(db).events({ topic: 'enriched' });
    expect(stored).toHaveLength(res.value[0].added.length);
    expect(stored.length).toBeGreaterThan(0);
  });

  it('GIVEN one bad file among good ones THEN nothing is written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'storybrief-bad-'));
    writeFileSync(join(dir, 'empty.txt'), '');
    const res = await ingestFiles(db, [join(SOURCES, S003), join(dir, 'empty.txt')], { cwd: SOURCES });
    expect(res).toMatchObject({ ok: false, error: { code: 'BAD_INPUT_FILE' } });
    expect((await createSqlEventStore(db).stats()).events).toBe(0);
  });

  it('GIVEN the second document fails while writing THEN the first is rolled back too', async () => {
    let calls = 0;
    await expect(
      ingestFiles(db, [S003, S004], {
        cwd: SOURCES,
        enrich: (doc) => {
          calls++;
          return calls === 2 ? { ...doc, events: doc.events.map((e) => ({ ...e, time: 'garbage' })) } : doc;
        },
      }),
    ).rejects.toThrow(/invalid ISO time/);
    expect(await createSqlEventStore(db).stats()).toMatchObject({ articles: 0, events: 0 });
  });
});
