// Bench databases (PGlite directories under bench/.corpus/stores, Postgres schemas) and fast store building by replication.

import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { writePrepared } from '../../src/app/ingest-files.ts';
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

/**
 * Grows a store to `target` events by writing copies of `base` (already parsed and enriched by the real path),
 * each copy shifted past the previous one in time, through the store's own batched ingest.
 * Copies already present are skipped (ingest is idempotent), so an interrupted build resumes.
 */
export async function replicateInto(
  db: Database,
  base: ParsedDocument[],
  target: number,
  opts: { firstCopy?: number; docsPerTransaction?: number; onProgress?: (events: number) => void } = {},
): Promise<number> {
  const perCopy = base.reduce((n, d) => n + d.events.length, 0);
  const days = spanDays(base);
  let have = await eventCount(db);
  const perTx = opts.docsPerTransaction ?? 50;
  for (let k = opts.firstCopy ?? 1; have < target; k++) {
    const copies = [];
    let events = 0;
    for (const doc of base) {
      if (have + events >= target) break;
      copies.push(replicateDocument(doc, k, k * days));
      events += doc.events.length;
    }
    for (let i = 0; i < copies.length; i += perTx) {
      const batch = copies.slice(i, i + perTx).map((doc) => ({ file: doc.article.source, doc }));
      const reports = await writePrepared(db, batch);
      have += reports.reduce((n, r) => n + r.added.length, 0);
      opts.onProgress?.(have);
    }
    if (events === 0 || perCopy === 0) break;
  }
  return have;
}
