// Embedded engine: PGlite (WASM Postgres) in a directory or in memory.
import { PGlite } from '@electric-sql/pglite';
import type { Database, Sql } from './sql.ts';

function wrap(conn: Pick<PGlite, 'query' | 'exec'>, inTx: boolean, outer: PGlite): Sql {
  const sql: Sql = {
    async query<T>(text: string, params: unknown[] = []) {
      const res = await conn.query<T>(text, params);
      return { rows: res.rows };
    },
    async exec(text: string) {
      await conn.exec(text);
    },
    async transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
      if (inTx) return fn(sql);
      return outer.transaction((tx) => fn(wrap(tx as unknown as PGlite, true, outer)));
    },
  };
  return sql;
}

/** Opens PGlite at `dir` (a directory path) or in memory when dir is undefined or `memory://`. */
export async function createPgliteDatabase(dir?: string): Promise<Database> {
  const location = !dir || dir === 'memory://' ? 'memory://' : dir;
  const db = location === 'memory://' ? new PGlite() : new PGlite(location);
  await db.waitReady;
  const sql = wrap(db, false, db);
  return {
    ...sql,
    engine: 'pglite',
    location,
    async close() {
      if (!db.closed) await db.close();
    },
  };
}
