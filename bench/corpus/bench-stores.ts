// Bench databases (PGlite directories under bench/.corpus/stores, Postgres schemas) and fast store building by replication.

import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { migrate } from '../../src/store/migrate.ts';
import { createPgliteDatabase } from '../../src/store/pglite-database.ts';
import { ensurePlannerStats } from '../../src/store/planner-stats.ts';
import { createPostgresDatabase } from '../../src/store/postgres-database.ts';
import type { Database } from '../../src/store/sql.ts';
import type { Event, ParsedDocument } from '../../src/store/types.ts';
import { CORPUS_ROOT } from './corpus-cache.ts';

export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';
export const STORES_DIR = join(CORPUS_ROOT, 'stores');

export type Engine = 'pglite' | 'postgres';

/** A bench database and where it lives (a PGlite directory or a Postgres URL with its schema on the search path). */
export interface BenchDatabase {
  engine: Engine;
  db: Database;
  /** What `--db` takes to open the same store (directory or postgres URL). */
  target: string;
}

function withSearchPath(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

/**
 * Opens (and migrates) a named bench store. `fresh` empties it first. PGlite lives in
 * bench/.corpus/stores/<name>/pgdata (the layout `--db bench/.corpus/stores/<name>` opens); Postgres in schema bench_<name>.
 */
export async function openBenchDatabase(
  engine: Engine,
  name: string,
  opts: { fresh?: boolean; postgresUrl?: string } = {},
): Promise<BenchDatabase> {
  if (engine === 'pglite') {
    const dir = join(STORES_DIR, `${name}`);
    if (opts.fresh) await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    const db = await createPgliteDatabase(join(dir, 'pgdata'));
    await migrate(db);
    await ensurePlannerStats(db);
    return { engine, db, target: dir };
  }
  const url = opts.postgresUrl ?? DEFAULT_POSTGRES_URL;
  const schema = `bench_${name.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    if (opts.fresh) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  } finally {
    await admin.end();
  }
  const target = withSearchPath(url, schema);
  const db = await createPostgresDatabase(target, { max: 4 });
  await migrate(db);
  await ensurePlannerStats(db);
  return { engine, db, target };
}

/** Number of events in the store. */
export async function eventCount(db: Database): Promise<number> {
  const res = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM events');
  return Number(res.rows[0].n);
}

function shiftIso(iso: string | null, ms: number): string | null {
  return iso === null ? null : new Date(Date.parse(iso) + ms).toISOString();
}

/** A copy of a prepared document as if published `days` later under another source name (copy number k). */
export function replicateDocument(doc: ParsedDocument, k: number, days: number): ParsedDocument {
  const ms = days * 86_400_000;
  const tag = `~r${k}`;
  const articleId = `${doc.article.id}${tag}`;
  const source = doc.article.source.replace(/(\.txt)?$/, `${tag}$1`);
  const events: Event[] = doc.events.map((e) => ({
    ...e,
    id: `${e.id}${tag}`,
    articleId,
    source,
    time: shiftIso(e.time, ms),
    duplicateOf: e.duplicateOf ? `${e.duplicateOf}${tag}` : null,
  }));
  return {
    article: { ...doc.article, id: articleId, source, publishedAt: shiftIso(doc.article.publishedAt, ms) },
    events,
  };
}

/** The number of days a set of documents spans (at least 1). */
export function spanDays(docs: ParsedDocument[]): number {
  const times = docs.flatMap((d) => d.events.map((e) => e.time)).filter((t): t is string => t !== null);
  if (times.length === 0) return 1;
  const ms = times.map((t) => Date.parse(t));
  return Math.max(1, Math.ceil((Math.max(...ms) - Math.min(...ms)) / 86_400_000) + 1);
}

/** Copy k's id suffix (the same as replicateDocument's). */
function copyTag(k: number): string {
  return `~r${k}`;
}

/**
 * Grows a store to `target` events by copying its original rows (ids without a copy tag) inside the database:
 * copy k shifts every time by k × the originals' span in days and tags ids, sources and duplicate links like
 * replicateDocument. Generated search columns, indexes and the count triggers apply as on ingest; the last copy
 * takes whole articles (id order) while they fit. Copies already present are skipped, so a build resumes.
 * Far faster than writing copies through ingest (no row passes through JavaScript); for bench stores only.
 */
export async function replicateInSql(
  db: Database,
  target: number,
  opts: { onProgress?: (events: number) => void } = {},
): Promise<number> {
  const ORIGINAL = `NOT LIKE '%~r%'`;
  const base = await db.query<{ n: number; days: number }>(
    `SELECT count(*)::int AS n,
            coalesce(ceil(extract(epoch FROM max(time) - min(time)) / 86400)::int + 1, 1) AS days
     FROM events WHERE article_id ${ORIGINAL}`,
  );
  const perCopy = Number(base.rows[0]?.n ?? 0);
  const days = Math.max(1, Number(base.rows[0]?.days ?? 1));
  let have = await eventCount(db);
  if (perCopy === 0) return have;
  const source = (column: string) => `regexp_replace(${column}, '(\\.txt)?$', $1 || '\\1')`;
  for (let k = 1; have < target; k++) {
    const tag = copyTag(k);
    const present = await db.query(`SELECT 1 FROM articles WHERE id LIKE '%' || $1 LIMIT 1`, [tag]);
    if (present.rows.length > 0) continue;
    // Whole articles of the originals (id order) while the copy fits under the target.
    const room = target - have;
    const shift = `${k * days} days`;
    await db.transaction(async (tx) => {
      await tx.query(
        `CREATE TEMP TABLE IF NOT EXISTS bench_copy_articles (id text PRIMARY KEY) ON COMMIT DELETE ROWS`,
      );
      await tx.query(
        `INSERT INTO bench_copy_articles (id)
         SELECT id FROM (
           SELECT a.id, sum(count(e.id)) OVER (ORDER BY a.id) AS upto
           FROM articles a LEFT JOIN events e ON e.article_id = a.id
           WHERE a.id ${ORIGINAL} GROUP BY a.id
         ) s WHERE upto <= $1 OR $1 >= $2`,
        [room, perCopy],
      );
      await tx.query(
        `INSERT INTO articles (id, source, outlet, title, url, published_at, kind, lede, editor_key_points, timezone,
                               story_id, content_hash)
         SELECT a.id || $1, ${source('a.source')}, a.outlet, a.title, a.url, a.published_at + $2::interval, a.kind,
                a.lede, a.editor_key_points, a.timezone, a.story_id, a.content_hash
         FROM articles a JOIN bench_copy_articles c ON c.id = a.id`,
        [tag, shift],
      );
      await tx.query(
        `INSERT INTO events (id, article_id, source, headline, time, time_estimated, author, paragraphs, body, lists,
                             quotes, entities, topics, duplicate_of, hints, images, position, content_hash)
         SELECT e.id || $1, e.article_id || $1, ${source('e.source')}, e.headline, e.time + $2::interval,
                e.time_estimated, e.author, e.paragraphs, e.body, e.lists, e.quotes, e.entities, e.topics,
                e.duplicate_of || $1, e.hints, e.images, e.position, e.content_hash
         FROM events e JOIN bench_copy_articles c ON c.id = e.article_id`,
        [tag, shift],
      );
      await tx.query(
        `INSERT INTO quotes (event_id, ord, speaker, speaker_id, text, time)
         SELECT q.event_id || $1, q.ord, q.speaker, q.speaker_id, q.text, q.time + $2::interval
         FROM quotes q JOIN events e ON e.id = q.event_id JOIN bench_copy_articles c ON c.id = e.article_id`,
        [tag, shift],
      );
      await tx.query(
        `INSERT INTO lists (event_id, ord, title, items, items_text, declared_count, time)
         SELECT l.event_id || $1, l.ord, l.title, l.items, l.items_text, l.declared_count, l.time + $2::interval
         FROM lists l JOIN events e ON e.id = l.event_id JOIN bench_copy_articles c ON c.id = e.article_id`,
        [tag, shift],
      );
    });
    const before = have;
    have = await eventCount(db);
    opts.onProgress?.(have);
    if (have === before) break;
    // PGlite answers without I/O, so its awaits never leave the microtask queue: yield, so a Postgres build
    // running beside it (its socket replies wait for the event loop) advances too.
    await new Promise((resolve) => setImmediate(resolve));
  }
  await db.exec('ANALYZE events, quotes, lists, articles');
  return have;
}
