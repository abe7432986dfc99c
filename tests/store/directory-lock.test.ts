// GIVEN a database directory THEN one process at a time holds its lock; dead holders are taken over.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireDirectoryLock, LOCK_FILE, readLock } from '../../src/store/directory-lock.ts';
import { lockDirectory } from '../../src/store/open-store.ts';

const dir = () => mkdtempSync(join(tmpdir(), 'storybrief-lock-'));

describe('directory lock', () => {
  it('GIVEN a free directory THEN the lock records pid, host and command, publishes the admin endpoint, and releases', () => {
    const d = dir();
    const got = acquireDirectoryLock(d, 'ingest');
    if (!got.ok) throw new Error('expected the lock');
    expect(readLock(d)).toMatchObject({ pid: process.pid, host: hostname(), command: 'ingest', admin: null });
    got.lock.setAdmin({ port: 4567, token: 'secret' });
    expect(readLock(d)?.admin).toEqual({ port: 4567, token: 'secret' });
    got.lock.release();
    expect(existsSync(join(d, LOCK_FILE))).toBe(false);
  });

  it('GIVEN a live holder THEN a second attempt gets the holder, and waiting gives up with its pid', async () => {
    const d = dir();
    const live = {
      pid: process.pid,
      host: hostname(),
      startedAt: '2025-01-01T00:00:00.000Z',
      command: 'start',
      admin: null,
    };
    writeFileSync(join(d, LOCK_FILE), JSON.stringify(live));
    const attempt = acquireDirectoryLock(d, 'ingest');
    expect(attempt).toEqual({ ok: false, holder: live });
    await expect(lockDirectory(d, 'ingest', 300)).rejects.toMatchObject({
      code: 'DB_LOCKED',
      message: expect.stringContaining(`process ${process.pid}`),
    });
    expect(JSON.parse(readFileSync(join(d, LOCK_FILE), 'utf8'))).toEqual(live);
  });

  it('GIVEN a lock from a dead process or a corrupt lock file THEN it is taken over', () => {
    const d = dir();
    const pid = Number(
      spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout,
    );
    writeFileSync(
      join(d, LOCK_FILE),
      JSON.stringify({
        pid,
        host: hostname(),
        startedAt: '2025-01-01T00:00:00.000Z',
        command: 'ingest',
        admin: null,
      }),
    );
    const first = acquireDirectoryLock(d, 'export');
    expect(first.ok).toBe(true);
    if (first.ok) first.lock.release();
    writeFileSync(join(d, LOCK_FILE), '{not json');
    const second = acquireDirectoryLock(d, 'export');
    expect(second.ok).toBe(true);
    expect(readLock(d)?.pid).toBe(process.pid);
  });

  it('GIVEN a released lock held by someone else now THEN release leaves their lock alone', () => {
    const d = dir();
    const got = acquireDirectoryLock(d, 'ingest');
    if (!got.ok) throw new Error('expected the lock');
    const other = {
      pid: 1,
      host: hostname(),
      startedAt: '2025-01-01T00:00:00.000Z',
      command: 'start',
      admin: null,
    };
    writeFileSync(join(d, LOCK_FILE), JSON.stringify(other));
    got.lock.release();
    expect(readLock(d)).toEqual(other);
  });
});
