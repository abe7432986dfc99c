// Test databases: PGlite in memory always, plus an isolated fresh Postgres schema per open when TEST_DATABASE_URL is set.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createPgliteDatabase } from '../../src/store/pglite-database.ts';
import { createPostgresDatabase } from '../../src/store/postgres-database.ts';
import type { Database } from '../../src/store/sql.ts';

export interface TestDatabase {
  name: 'pglite' | 'postgres';
  /** Opens an empty database (not migrated). Postgres: a fresh schema, dropped again on close(). */
  open(): Promise<Database>;
}

/** Adds `options=-c search_path=<schema>` to a postgres URL so every pooled connection uses that schema. */
export function withSearchPath(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

async function openPostgresSchema(url: string): Promise<Database> {
  const schema = `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await admin.end();
  }
  const db = await createPostgresDatabase(withSearchPath(url, schema), { max: 4 });
  return {
    ...db,
    engine: db.engine,
    location: db.location,
    async close() {
      await db.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await c.end();
      }
    },
  };
}

/** The databases every store test runs against. */
export function testDatabases(): TestDatabase[] {
  const list: TestDatabase[] = [{ name: 'pglite', open: () => createPgliteDatabase('memory://') }];
  const url = process.env.TEST_DATABASE_URL;
  if (url) list.push({ name: 'postgres', open: () => openPostgresSchema(url) });
  return list;
}
