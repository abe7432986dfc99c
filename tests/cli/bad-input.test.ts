// GIVEN bad files or options THEN `storybrief ingest` exits 1 with a one-line reason and writes nothing.
import { randomBytes } from 'node:crypto';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, SOURCES, tempDir } from './run-storybrief.ts';

describe('storybrief ingest refuses bad input', () => {
  const dir = tempDir();
  const db = join(dir, 'db');
  const good = join(dir, 'good.txt');
  let before = '';

  beforeAll(async () => {
    copyFileSync(join(SOURCES, '000_afa17c35a0f9a72d.txt'), good);
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'blank.txt'), ' \n\n\t \n');
    const binary = randomBytes(4096);
    binary[10] = 0;
    writeFileSync(join(dir, 'binary.txt'), binary);
    // 11 MB of otherwise valid prose.
    writeFileSync(
      join(dir, 'huge.txt'),
      'Officials said the talks would continue on Tuesday. '.repeat(220_000),
    );
    writeFileSync(join(dir, 'no-prose.txt'), '---\n***\n12:00\n| a | b |\n\n==== \n');
    const seeded = await runCli(['--db', db, 'ingest', join(SOURCES, '004_325b66f23103642b.txt')]);
    expect(seeded.code).toBe(0);
    before = (await runCli(['--db', db, 'export', '--json'])).stdout;
    expect(JSON.parse(before).events.length).toBeGreaterThan(0);
  }, 180_000);

  const cases: Array<{ name: string; args: (d: string) => string[]; reason: RegExp }> = [
    { name: 'an empty file', args: (d) => [join(d, 'empty.txt')], reason: /empty/ },
    { name: 'a whitespace-only file', args: (d) => [join(d, 'blank.txt')], reason: /empty/ },
    { name: 'a binary file', args: (d) => [join(d, 'binary.txt')], reason: /binary|not UTF-8/ },
    { name: 'an 11 MB file', args: (d) => [join(d, 'huge.txt')], reason: /10 MB/ },
    { name: 'a file without prose', args: (d) => [join(d, 'no-prose.txt')], reason: /text|prose/i },
    { name: 'a missing file', args: (d) => [join(d, 'missing.txt')], reason: /no such file/ },
    {
      name: 'a bad --tz',
      args: (d) => [join(d, 'good.txt'), '--tz', 'Mars/Olympus'],
      reason: /Mars\/Olympus.*IANA/,
    },
    {
      name: 'a bad --date',
      args: (d) => [join(d, 'good.txt'), '--date', '2025-02-30'],
      reason: /2025-02-30.*YYYY-MM-DD/,
    },
    { name: 'a bad --url', args: (d) => [join(d, 'good.txt'), '--url', 'ftp://x'], reason: /http/ },
    {
      name: 'one bad file among good ones',
      args: (d) => [join(d, 'good.txt'), join(d, 'empty.txt')],
      reason: /empty/,
    },
  ];

  it('GIVEN each bad input THEN exit 1, one line on stderr naming the reason, nothing written', async () => {
    const runs = await Promise.all(cases.map((c) => runCli(['--db', db, 'ingest', ...c.args(dir)])));
    runs.forEach((run, i) => {
      const c = cases[i];
      expect(run.code, c.name).toBe(1);
      expect(run.stdout, c.name).toBe('');
      const lines = run.stderr.trim().split('\n');
      expect(lines, c.name).toHaveLength(1);
      expect(lines[0], c.name).toMatch(c.reason);
      expect(lines[0], c.name).toMatch(/nothing was written/);
    });
    const after = await runCli(['--db', db, 'export', '--json']);
    expect(after.stdout).toBe(before);
  }, 240_000);
});
