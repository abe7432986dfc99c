// GIVEN an ingest SIGKILLed while writing THEN the database opens again with all or none of that ingest.

import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { finished, ROOT, runCli, SOURCES, spawnCli, tempDir, waitForOutput } from './run-storybrief.ts';

const WRITER = fileURLToPath(new URL('./crash-writer.ts', import.meta.url));

/** Entries in the generated live blog (the CLI kill point is timing-based; the writer test above is exact). */
const ENTRIES = 1500;

/** A large live blog in the seeds' "Headline / HH:MM , Author / body" layout, newest first. */
function generateLiveBlog(entries: number): string {
  const words = [
    'ceasefire',
    'talks',
    'drones',
    'border',
    'sanctions',
    'envoy',
    'troops',
    'energy',
    'grain',
    'allies',
  ];
  const lines = [
    'Synthetic war latest: a very long live blog',
    '',
    'Allies met again to discuss guarantees.',
    '',
  ];
  for (let i = 0; i < entries; i++) {
    const minute = (entries - i) % 1440;
    const hh = String(Math.floor(minute / 60)).padStart(2, '0');
    const mm = String(minute % 60).padStart(2, '0');
    lines.push(
      `Update ${i}: ${words[i % 10]} and ${words[(i * 7) % 10]} dominate the day`,
      '',
      `${hh}:${mm} , Jane Dalton`,
      '',
    );
    lines.push(
      `The ${words[(i + 1) % 10]} remain central to the ${words[(i * 3) % 10]} discussions, officials said on ${i}.`,
      '',
    );
  }
  return lines.join('\n');
}

describe('crash safety', () => {
  it('GIVEN a process SIGKILLed inside the ingest transaction THEN the store reopens without any of it', async () => {
    const db = join(tempDir(), 'db');
    const writer = spawn(process.execPath, ['--import', 'tsx', WRITER, db, '6000'], {
      cwd: ROOT,
      stdio: 'pipe',
    });
    const done = finished(writer);
    await waitForOutput(writer, (out) => out.includes('batch 3'), 240_000);
    writer.kill('SIGKILL');
    const end = await done;
    expect(end.signal).toBe('SIGKILL');
    expect(end.stdout).not.toContain('committing');

    const exported = await runCli(['--db', db, 'export', '--json']);
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout)).toEqual({ articles: [], events: [] });

    const ingest = await runCli(['--db', db, 'ingest', join(SOURCES, '000_afa17c35a0f9a72d.txt')]);
    expect(ingest.code).toBe(0);
    expect(ingest.stdout).toMatch(/added 1 event/);
  }, 600_000);

  it('GIVEN a CLI ingest killed with SIGKILL after opening the store THEN the store reopens with all or none of it', async () => {
    const dir = tempDir();
    const db = join(dir, 'db');
    const seeded = await runCli(['--db', db, 'ingest', join(SOURCES, '000_afa17c35a0f9a72d.txt')]);
    expect(seeded.code).toBe(0);
    const big = join(dir, 'big.txt');
    writeFileSync(big, generateLiveBlog(ENTRIES));

    // Kill at two points after the store is opened for the write (opening, then well into the write).
    let fromBig = 0;
    for (const delayMs of [1500, 4000]) {
      const child = spawnCli(['--db', db, 'ingest', big, '--date', '2025-03-01']);
      child.stdin?.end();
      const done = finished(child);
      // The lock file appears once every file is parsed and the store is being opened for the write.
      const lock = join(db, 'storybrief.lock');
      const started = Date.now();
      let exited = false;
      void done.then(() => {
        exited = true;
      });
      while (!exited && !existsSync(lock) && Date.now() - started < 240_000) {
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(exited || existsSync(lock)).toBe(true);
      await new Promise((r) => setTimeout(r, delayMs));
      child.kill('SIGKILL');
      const end = await done;
      if (end.signal !== 'SIGKILL') {
        expect(end.code).toBe(0); // finished before the kill on a fast machine: then all of it is there
      }

      const exported = await runCli(['--db', db, 'export', '--json']);
      expect(exported.stderr).toBe('');
      expect(exported.code).toBe(0);
      const data = JSON.parse(exported.stdout) as { articles: unknown[]; events: Array<{ source: string }> };
      fromBig = data.events.filter((e) => e.source === 'big.txt').length;
      expect([0, ENTRIES]).toContain(fromBig);
      expect(data.articles).toHaveLength(fromBig === 0 ? 1 : 2);
      if (fromBig > 0) break;
    }

    // And the interrupted ingest can simply be run again.
    const retry = await runCli(['--db', db, 'ingest', big, '--date', '2025-03-01']);
    expect(retry.code).toBe(0);
    expect(retry.stdout).toMatch(new RegExp(`added ${ENTRIES - fromBig} events`));
  }, 900_000);
});
