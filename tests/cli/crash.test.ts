// GIVEN an ingest SIGKILLed while writing THEN the database opens again with all or none of that ingest.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { finished, runCli, SOURCES, spawnCli, tempDir } from './run-storybrief.ts';

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
  it('GIVEN a large ingest killed with SIGKILL mid-write THEN the store reopens with all or none of it', async () => {
    const dir = tempDir();
    const db = join(dir, 'db');
    const seeded = await runCli(['--db', db, 'ingest', join(SOURCES, '000_afa17c35a0f9a72d.txt')]);
    expect(seeded.code).toBe(0);
    const big = join(dir, 'big.txt');
    writeFileSync(big, generateLiveBlog(12_000));

    // Kill at two points after the store is opened for the write (opening, then well into the write).
    let fromBig = 0;
    for (const delayMs of [3000, 8000]) {
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
      expect([0, 12_000]).toContain(fromBig);
      expect(data.articles).toHaveLength(fromBig === 0 ? 1 : 2);
      if (fromBig > 0) break;
    }

    // And the interrupted ingest can simply be run again.
    const retry = await runCli(['--db', db, 'ingest', big, '--date', '2025-03-01']);
    expect(retry.code).toBe(0);
    expect(retry.stdout).toMatch(new RegExp(`added ${12_000 - fromBig} events`));
  }, 900_000);
});
