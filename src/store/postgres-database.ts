// Scale-out engine: a real Postgres server through a `pg` pool.
import pg from 'pg';
import type { Database, Sql } from './sql.ts';

// Return timestamps and bigints as strings; the store converts them explicitly.
pg.types.setTypeParser(1114, (v) => v);
pg.types.setTypeParser(1184, (v) => v);

function clientSql(client: pg.PoolClient): Sql {
  const sql: Sql = {
    async query<T>(text: string, params: unknown[] = []) {
      const res = await client.query(text, params);
      return { rows: res.rows as T[] };
    },
    async exec(text: string) {
      await client.query(text);
    },
    transaction: (fn) => fn(sql),
  };
  return sql;
}

/** Redacts the password of a postgres URL for logs and messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

/** Connects a pool to `url` (postgres://…); fails fast when the server does not answer. */
export async function createPostgresDatabase(url: string, opts: { max?: number } = {}): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10, connectionTimeoutMillis: 5000 });
  pool.on('error', () => {
    /* idle client errors surface on the next query */
  });
  const probe = await pool.connect();
  probe.release();
  return {
    engine: 'postgres',
    location: redactUrl(url),
    async query<T>(text: string, params: unknown[] = []) {
      const res = await pool.query(text, params);
      return { rows: res.rows as T[] };
    },
    async exec(text: string) {
      await pool.query(text);
    },
    async transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const out = await fn(clientSql(client));
        await client.query('COMMIT');
        return out;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}
