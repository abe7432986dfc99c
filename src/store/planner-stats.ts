// Keeps the query planner's statistics fresh: without them Postgres (and PGlite, which never autovacuums) plans
// topic and time queries as if tables were tiny, e.g. sorting every event of a topic instead of walking the time index.
import type { Sql } from './sql.ts';

const TABLES = ['events', 'quotes', 'lists', 'articles'];
/** Below this many events the default estimates plan well enough; ANALYZE would only cost. */
const MIN_ROWS = 1000;

/** Rows written since the last ANALYZE, per database handle. */
const pending = new WeakMap<object, number>();

async function analyze(db: Sql): Promise<void> {
  await db.exec(`ANALYZE ${TABLES.join(', ')}`);
  pending.set(db, 0);
}

/** At open: analyses a store whose tables hold rows but have never been analysed. Returns whether it ran. */
export async function ensurePlannerStats(db: Sql): Promise<boolean> {
  const res = await db.query<{ reltuples: number }>(
    `SELECT c.reltuples::float8 AS reltuples FROM pg_class c
     WHERE c.oid = to_regclass('events')`,
  );
  const known = Number(res.rows[0]?.reltuples ?? -1);
  if (known >= 0) return false;
  const count = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM (SELECT 1 FROM events LIMIT $1) s',
    [MIN_ROWS],
  );
  if (Number(count.rows[0]?.n ?? 0) < MIN_ROWS) return false;
  await analyze(db);
  return true;
}

/**
 * After an ingest committed `added` new events into a store of about `total` events: analyses once the rows written
 * since the last ANALYZE reach a tenth of the store (at least MIN_ROWS). Returns whether it ran.
 */
export async function notePlannerWrites(db: Sql, added: number, total: number): Promise<boolean> {
  const since = (pending.get(db) ?? 0) + added;
  pending.set(db, since);
  if (since < Math.max(MIN_ROWS, total / 10)) return false;
  await analyze(db);
  return true;
}
