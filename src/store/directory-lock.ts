// An exclusive lock on an embedded database directory: a lock file naming the holder and how to reach it.
import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

export const LOCK_FILE = 'storybrief.lock';

const LockInfoSchema = z.object({
  pid: z.number().int(),
  host: z.string(),
  startedAt: z.string(),
  command: z.string(),
  /** The holder's loopback admin endpoint, when it serves one (the bot process). */
  admin: z.object({ port: z.number().int(), token: z.string() }).nullable(),
});
/** What the lock file says about the process holding the directory. */
export type LockInfo = z.infer<typeof LockInfoSchema>;

/** A held lock. */
export interface DirectoryLock {
  readonly path: string;
  info(): LockInfo;
  /** Publishes (or withdraws) the admin endpoint other processes forward commands to. */
  setAdmin(admin: LockInfo['admin']): void;
  /** Removes the lock file if it is still ours. Synchronous so it can run in an exit handler. */
  release(): void;
}

export type LockAttempt = { ok: true; lock: DirectoryLock } | { ok: false; holder: LockInfo };

/** Reads the lock file; null when there is none or it is unreadable. */
export function readLock(dir: string): LockInfo | null {
  try {
    const parsed = LockInfoSchema.safeParse(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Whether the holder is still running. A holder on another host is assumed alive. */
export function holderAlive(info: LockInfo): boolean {
  if (info.host !== hostname()) return true;
  if (info.pid === process.pid) return true;
  try {
    process.kill(info.pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function writeAtomically(path: string, info: LockInfo, mode: 'create' | 'replace'): boolean {
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(tmp, `${JSON.stringify(info)}\n`, { mode: 0o600 });
  try {
    if (mode === 'replace') {
      renameSync(tmp, path);
      return true;
    }
    linkSync(tmp, path); // fails with EEXIST when someone holds it: atomic, and never half-written
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    try {
      unlinkSync(tmp);
    } catch {
      /* renamed away */
    }
  }
}

/** Tries to take the lock on `dir` (which must exist); takes over a lock whose holder is dead. */
export function acquireDirectoryLock(dir: string, command: string): LockAttempt {
  const path = join(dir, LOCK_FILE);
  let info: LockInfo = {
    pid: process.pid,
    host: hostname(),
    startedAt: new Date().toISOString(),
    command,
    admin: null,
  };
  for (let attempt = 0; attempt < 5; attempt++) {
    if (writeAtomically(path, info, 'create')) {
      const mine = readLock(dir);
      if (mine?.pid !== process.pid || mine.startedAt !== info.startedAt) continue;
      const lock: DirectoryLock = {
        path,
        info: () => info,
        setAdmin(admin) {
          info = { ...info, admin };
          writeAtomically(path, info, 'replace');
        },
        release() {
          const current = readLock(dir);
          if (current && current.pid === info.pid && current.startedAt === info.startedAt) {
            try {
              unlinkSync(path);
            } catch {
              /* already gone */
            }
          }
        },
      };
      return { ok: true, lock };
    }
    const holder = readLock(dir);
    if (holder === null) {
      // Unreadable or vanished between our attempts: remove a corrupt file, then retry.
      // (lock files are created whole by link(), so an unreadable one is corrupt, not half-written).
      try {
        unlinkSync(path);
      } catch {
        /* already gone */
      }
      continue;
    }
    if (holderAlive(holder)) return { ok: false, holder };
    // Stale: the holder died without releasing. Remove it only if it is still that same stale lock.
    const again = readLock(dir);
    if (again && again.pid === holder.pid && again.startedAt === holder.startedAt) {
      try {
        unlinkSync(path);
      } catch {
        /* someone else took it over */
      }
    }
  }
  const holder = readLock(dir);
  if (holder) return { ok: false, holder };
  throw new Error(`could not take the lock ${path}`);
}

/** How to describe the holder in a message. */
export function describeHolder(info: LockInfo): string {
  return `process ${info.pid} on ${info.host} (\`storybrief ${info.command}\`, since ${info.startedAt})`;
}
