// Opens the store chosen by --db / STORYBRIEF_DB / DATABASE_URL / .storybrief/: locks embedded directories, migrates.
import { mkdirSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { OpenedStore } from '../cli/context.ts';
import { UserError } from '../errors.ts';
import { acquireDirectoryLock, type DirectoryLock, describeHolder, type LockInfo } from './directory-lock.ts';
import { migrate } from './migrate.ts';
import { createPgliteDatabase } from './pglite-database.ts';
import { ensurePlannerStats } from './planner-stats.ts';
import { createPostgresDatabase, redactUrl } from './postgres-database.ts';
import type { Database } from './sql.ts';
import { createSqlEventStore } from './sql-event-store.ts';

/** Where the store lives. */
export type StoreTarget =
  | { kind: 'directory'; dir: string }
  | { kind: 'memory' }
  | { kind: 'postgres'; url: string };

export interface OpenStoreOptions {
  /** --db: a directory, `memory://`, or a postgres:// URL. */
  db?: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** The command opening it (recorded in the lock file). */
  command?: string;
  /** How long to wait for another process holding the directory to finish (ms). */
  waitMs?: number;
}

/** The embedded store opened in a lock-holding process also exposes its lock (to publish the admin endpoint). */
export interface LockedStore extends OpenedStore {
  lock: DirectoryLock | null;
}

export const DEFAULT_DIR = '.storybrief';
/** PGlite's data lives in this subdirectory; the lock file sits beside it. */
export const DATA_SUBDIR = 'pgdata';

/** Resolves the target: --db, else STORYBRIEF_DB, else DATABASE_URL, else .storybrief/ in cwd. */
export function resolveStoreTarget(opts: OpenStoreOptions): StoreTarget {
  const env = opts.env ?? process.env;
  const cwd = opts.cwd ?? process.cwd();
  const chosen =
    [opts.db, env.STORYBRIEF_DB, env.DATABASE_URL].map((v) => v?.trim()).find((v) => v) ?? DEFAULT_DIR;
  if (/^postgres(ql)?:\/\//i.test(chosen)) return { kind: 'postgres', url: chosen };
  if (chosen === 'memory://' || chosen === ':memory:') return { kind: 'memory' };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(chosen)) {
    throw new UserError('BAD_OPTION', `--db "${chosen}" is neither a directory nor a postgres:// URL`);
  }
  return { kind: 'directory', dir: isAbsolute(chosen) ? chosen : resolve(cwd, chosen) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Takes the directory lock, waiting up to waitMs for a holder that is busy; fails naming the holder. */
export async function lockDirectory(dir: string, command: string, waitMs: number): Promise<DirectoryLock> {
  const deadline = Date.now() + waitMs;
  let holder: LockInfo;
  for (;;) {
    const attempt = acquireDirectoryLock(dir, command);
    if (attempt.ok) return attempt.lock;
    holder = attempt.holder;
    if (holder.admin || Date.now() >= deadline) break;
    await sleep(100);
  }
  throw new UserError(
    'DB_LOCKED',
    `the database ${dir} is in use by ${describeHolder(holder)}` +
      (command === 'start'
        ? ''
        : holder.admin
          ? ' and its admin endpoint did not answer'
          : '; try again when it has finished'),
  );
}

async function migrated(db: Database): Promise<Database> {
  try {
    await migrate(db);
    await ensurePlannerStats(db);
    return db;
  } catch (err) {
    await db.close().catch(() => {});
    throw err;
  }
}

/** Opens and migrates the store; the caller must close() it (which also releases the directory lock). */
export async function openStore(opts: OpenStoreOptions = {}): Promise<LockedStore> {
  const target = resolveStoreTarget(opts);
  let db: Database;
  let lock: DirectoryLock | null = null;
  if (target.kind === 'postgres') {
    try {
      db = await createPostgresDatabase(target.url);
    } catch (err) {
      throw new UserError(
        'BAD_CONFIG',
        `cannot connect to ${redactUrl(target.url)}: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
    db = await migrated(db);
  } else if (target.kind === 'memory') {
    db = await migrated(await createPgliteDatabase('memory://'));
  } else {
    try {
      mkdirSync(target.dir, { recursive: true });
    } catch (err) {
      throw new UserError(
        'BAD_OPTION',
        `cannot create the database directory ${target.dir}: ${(err as Error).message}`,
      );
    }
    lock = await lockDirectory(target.dir, opts.command ?? 'cli', opts.waitMs ?? 10_000);
    try {
      db = await migrated(await createPgliteDatabase(join(target.dir, DATA_SUBDIR)));
    } catch (err) {
      lock.release();
      throw err;
    }
  }
  const events = createSqlEventStore(db);
  let closed: Promise<void> | null = null;
  return {
    db,
    events,
    lock,
    close() {
      closed ??= (async () => {
        try {
          await db.close();
        } finally {
          lock?.release();
        }
      })();
      return closed;
    },
  };
}
