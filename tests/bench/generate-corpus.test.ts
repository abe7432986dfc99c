// The bench corpus generator: deterministic, every seed shape present, and the real ingest path finds what it planted.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusDocuments } from '../../bench/corpus/corpus-cache.ts';
import type { CorpusDocument } from '../../bench/corpus/generate-corpus.ts';
import { loadEnricher } from '../../src/app/enricher.ts';
import { ingestFiles } from '../../src/app/ingest-files.ts';
import { migrate } from '../../src/store/migrate.ts';
import { createPgliteDatabase } from '../../src/store/pglite-database.ts';
import type { Database } from '../../src/store/sql.ts';
import { createSqlEventStore } from '../../src/store/sql-event-store.ts';
import type { Event } from '../../src/store/types.ts';

const EVENTS = 600;

describe('GIVEN the generator with a seed', () => {
  it('THEN the same seed writes the same texts and another seed different ones', async () => {
    const a = await corpusDocuments({ seed: 3, events: 300 });
    const b = await corpusDocuments({ seed: 3, events: 300 });
    const c = await corpusDocuments({ seed: 4, events: 300 });
    expect(a.map((d) => d.text)).toEqual(b.map((d) => d.text));
    expect(c.map((d) => d.text)).not.toEqual(a.map((d) => d.text));
  });

  it('THEN the planted events add up to the size asked for, over several days and every layout', async () => {
    const docs = await corpusDocuments({ seed: 5, events: 2000 });
    expect(docs.reduce((n, d) => n + d.expected.events, 0)).toBe(2000);
    expect(new Set(docs.map((d) => d.layout))).toEqual(new Set(['stamped', 'fused', 'headlines', 'article']));
    expect(new Set(docs.map((d) => d.date)).size).toBeGreaterThan(3);
    expect(docs.some((d) => d.expected.rollsOver)).toBe(true);
    expect(docs.some((d) => d.expected.keyPoints > 0)).toBe(true);
    expect(docs.some((d) => d.expected.repeats > 0)).toBe(true);
    const text = docs.map((d) => d.text).join('\n');
    expect(text).toMatch(/^[A-Z][^\n]*\d{1,2} [A-Z][a-z]+ \d{4} \d\d:\d\d$/m); // fused stamp "Author12 February 2025 18:00"
    expect(text).toMatch(/^\d\d:\d\d , [A-Z]/m); // "HH:MM , Author"
    expect(text).toMatch(/^(Three|Four|Five|Six|Seven) key /m);
    expect(text).toMatch(/^- /m);
    expect(text).toMatch(/“[^”]+,” Mr [A-Z]/);
    expect(text).toContain('Your support helps us to tell the story');
  });
});

describe('GIVEN a small corpus written to files and ingested through the real path (parse, enrich, store)', () => {
  let dir: string;
  let db: Database;
  let docs: CorpusDocument[];
  let stored: Event[];

  beforeAll(async () => {
    docs = await corpusDocuments({ seed: 9, events: EVENTS });
    dir = await mkdtemp(join(tmpdir(), 'bench-corpus-'));
    for (const d of docs) await writeFile(join(dir, d.file), d.text);
    await writeFile(
      join(dir, 'manifest.json'),
      JSON.stringify({
        story: 'ukraine-russia',
        sources: docs.map((d) => ({ file: d.file, date: d.date, timezone: d.timezone })),
      }),
    );
    db = await createPgliteDatabase('memory://');
    await migrate(db);
    const result = await ingestFiles(
      db,
      docs.map((d) => d.file),
      { cwd: dir, bundledSourcesDir: dir, enrich: await loadEnricher() },
    );
    if (!result.ok) throw new Error(result.error.message);
    stored = (await createSqlEventStore(db).exportAll()).events;
  }, 120_000);

  afterAll(async () => {
    await db?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const byArticleSource = (file: string) => stored.filter((e) => e.source === file);

  it('THEN the store holds exactly the planted events, article by article', () => {
    expect(stored).toHaveLength(EVENTS);
    for (const d of docs) expect(byArticleSource(d.file)).toHaveLength(d.expected.events);
  });

  it('THEN dashed lists, untimed entries and repeats come out as planted', () => {
    for (const d of docs) {
      const events = byArticleSource(d.file);
      expect(events.filter((e) => e.lists.length > 0)).toHaveLength(d.expected.lists);
      expect(events.filter((e) => e.timeEstimated)).toHaveLength(d.expected.untimed);
      expect(events.filter((e) => e.duplicateOf !== null).length).toBeGreaterThanOrEqual(d.expected.repeats);
    }
    const lists = stored.flatMap((e) => e.lists);
    expect(lists.length).toBeGreaterThan(0);
    for (const l of lists) expect(l.items).toHaveLength(l.declaredCount ?? -1);
  });

  it("THEN the editors' Key Points are read from the header", async () => {
    const articles = await createSqlEventStore(db).articles();
    for (const d of docs) {
      const article = articles.find((a) => a.source === d.file);
      expect(article?.editorKeyPoints).toHaveLength(d.expected.keyPoints);
    }
  });

  it('THEN stamped blogs that run past midnight put their newest entries on the next local day', () => {
    const rolling = docs.filter((d) => d.expected.rollsOver);
    expect(rolling.length).toBeGreaterThan(0);
    for (const d of rolling) {
      const newest = byArticleSource(d.file)
        .map((e) => e.time)
        .filter((t): t is string => t !== null)
        .sort()
        .at(-1)!;
      expect(DateTime.fromISO(newest, { zone: d.timezone }).toISODate()! > d.date).toBe(true);
    }
  });

  it('THEN enrichment finds quotes with speakers, entities and topics in the generated text', () => {
    expect(stored.filter((e) => e.quotes.length > 0).length).toBeGreaterThan(EVENTS / 10);
    expect(stored.filter((e) => e.entities.length > 0).length).toBeGreaterThan(EVENTS / 2);
    expect(stored.filter((e) => e.topics.length > 0).length).toBeGreaterThan(EVENTS / 2);
  });
});
