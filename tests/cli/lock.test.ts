// GIVEN a process holding the embedded database THEN other CLI processes forward to it, or fail naming it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { finished, runCli, spawnCli, tempDir, waitForOutput } from './run-storybrief.ts';

const LIVE_BLOG = [
  'Harbour strike latest: dockers walk out in Rotterdam',
  '',
  'Dock workers in Rotterdam began a 48-hour strike on Monday over automation plans.',
  '',
  'Union says talks have collapsed',
  '',
  '10:15 , Maria Jansen',
  '',
  'The union said talks with port operators collapsed late on Sunday night after the operators refused to discuss job guarantees.',
  '',
  'Strike begins at dawn',
  '',
  '06:00 , Maria Jansen',
  '',
  'Picket lines formed at the main container terminals as the strike began at dawn, with hundreds of workers taking part.',
  '',
].join('\n');

function lockFile(db: string) {
  return join(db, 'storybrief.lock');
}

describe('embedded database lock', () => {
  it('GIVEN `start` holds the directory THEN ingest and export are forwarded to it, and a second start fails', async () => {
    const dir = tempDir();
    const db = join(dir, 'db');
    const bot = spawnCli(['--db', db, 'start']);
    const botDone = finished(bot);
    await waitForOutput(bot, (out) => out.includes('storybrief running'), 150_000);

    const lock = JSON.parse(readFileSync(lockFile(db), 'utf8'));
    expect(lock.pid).toBe(bot.pid);
    expect(lock.admin.port).toBeGreaterThan(0);

    // A relative path is resolved in the caller's directory, not the bot's.
    writeFileSync(join(dir, 'harbour.txt'), LIVE_BLOG);
    const ingest = await runCli(
      ['--db', db, 'ingest', 'harbour.txt', '--date', '2025-03-03', '--tz', 'Europe/Amsterdam'],
      {
        cwd: dir,
      },
    );
    expect(ingest.stderr).toBe('');
    expect(ingest.code).toBe(0);
    expect(ingest.stdout).toMatch(/harbour\.txt: added 2 events/);

    const bad = await runCli(['--db', db, 'ingest', 'missing.txt'], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/missing\.txt: no such file/);

    const exported = await runCli(['--db', db, 'export', '--json']);
    expect(exported.code).toBe(0);
    const data = JSON.parse(exported.stdout);
    expect(data.articles.map((a: { source: string }) => a.source)).toContain('harbour.txt');
    expect(data.articles).toHaveLength(6); // the five seeds loaded by start on an empty store, plus ours

    const second = await runCli(['--db', db, 'start']);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`process ${bot.pid}`);

    bot.kill('SIGTERM');
    const end = await botDone;
    expect(end.code).toBe(0);
    expect(end.stdout).toContain('storybrief stopped');
    expect(existsSync(lockFile(db))).toBe(false);

    // stdin not a TTY and closed at once: start serves nothing, prints its summary and exits cleanly.
    const quick = await runCli(['--db', db, 'start']);
    expect(quick.code).toBe(0);
    expect(quick.stdout).toMatch(/6 articles/);
    expect(existsSync(lockFile(db))).toBe(false);
  }, 300_000);

  it('GIVEN a live holder whose endpoint does not answer THEN the CLI fails naming its pid', async () => {
    const db = join(tempDir(), 'db');
    mkdirSync(db);
    const holder = {
      pid: process.pid,
      host: hostname(),
      startedAt: new Date().toISOString(),
      command: 'start',
      admin: { port: 9, token: 'nope' },
    };
    writeFileSync(lockFile(db), JSON.stringify(holder));
    const run = await runCli(['--db', db, 'export', '--json']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(`in use by process ${process.pid}`);
    expect(JSON.parse(readFileSync(lockFile(db), 'utf8'))).toEqual(holder);
  }, 120_000);

  it('GIVEN a stale lock left by a dead process THEN the CLI takes it over', async () => {
    const db = join(tempDir(), 'db');
    mkdirSync(db);
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    const pid = Number(dead.stdout.toString());
    writeFileSync(
      lockFile(db),
      JSON.stringify({
        pid,
        host: hostname(),
        startedAt: '2025-01-01T00:00:00.000Z',
        command: 'ingest',
        admin: null,
      }),
    );
    const run = await runCli(['--db', db, 'export', '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ articles: [], events: [] });
    expect(existsSync(lockFile(db))).toBe(false);
  }, 120_000);
});
