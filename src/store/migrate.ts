// Runs the SQL migrations in src/store/migrations once each, in name order, safely across concurrent processes.
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Sql } from './sql.ts';

/** Advisory lock key shared by every process migrating the same database ("storybrief" in ASCII, truncated). */
const MIGRATION_LOCK_KEY = 7_318_234_501;

const DEFAULT_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/** Lists migration files (*.sql) in name order. */
export async function migrationFiles(dir: string = DEFAULT_DIR): Promise<string[]> {
  const names = await readdir(dir);
  return names.filter((n) => n.endsWith('.sql')).sort();
}

/**
 * Applies every migration not yet recorded in schema_migrations, each in its own transaction under a
 * transaction-scoped advisory lock, so several processes migrating one Postgres at once apply each file once.
 * Returns the names applied by this call.
 */
export async function migrate(db: Sql, dir: string = DEFAULT_DIR): Promise<string[]> {
  const applied: string[] = [];
  for (const name of await migrationFiles(dir)) {
    const text = await readFile(`${dir}/${name}`, 'utf8');
    const ran = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
      await tx.exec(
        'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
      );
      const done = await tx.query('SELECT 1 FROM schema_migrations WHERE name = $1', [name]);
      if (done.rows.length > 0) return false;
      await tx.exec(text);
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [name]);
      return true;
    });
    if (ran) applied.push(name);
  }
  return applied;
}
