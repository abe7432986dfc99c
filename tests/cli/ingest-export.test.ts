// GIVEN the five seed texts THEN `storybrief ingest` stores them and `storybrief export --json` returns the contract shape.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, SOURCES, tempDir } from './run-storybrief.ts';

const seeds = readdirSync(SOURCES)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => join(SOURCES, f));

const ARTICLE_KEYS = ['editorKeyPoints', 'id', 'kind', 'outlet', 'publishedAt', 'source', 'title', 'url'];
const EVENT_KEYS = [
  'articleId',
  'author',
  'duplicateOf',
  'entities',
  'headline',
  'id',
  'lists',
  'quotes',
  'source',
  'text',
  'time',
  'timeEstimated',
  'topics',
];

describe('storybrief ingest + export', () => {
  it('GIVEN all five seeds THEN ingest reports each file, export returns them, and a second ingest adds nothing', async () => {
    const db = join(tempDir(), 'db');
    const first = await runCli(['--db', db, 'ingest', ...seeds]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const lines = first.stdout.trim().split('\n');
    expect(lines).toHaveLength(5);
    const addedPerFile = lines.map((l) => Number(/added (\d+) event/.exec(l)?.[1]));
    for (const [i, file] of seeds.entries()) expect(lines[i].startsWith(file)).toBe(true);
    for (const n of addedPerFile) expect(n).toBeGreaterThan(0);

    const exported = await runCli(['--db', db, 'export', '--json']);
    expect(exported.code).toBe(0);
    const data = JSON.parse(exported.stdout) as {
      articles: Array<Record<string, unknown>>;
      events: Array<Record<string, unknown>>;
    };
    expect(data.articles).toHaveLength(5);
    expect(data.events).toHaveLength(addedPerFile.reduce((a, b) => a + b, 0));
    for (const a of data.articles) expect(Object.keys(a).sort()).toEqual(ARTICLE_KEYS);
    for (const e of data.events) expect(Object.keys(e).sort()).toEqual(EVENT_KEYS);
    expect(new Set(data.articles.map((a) => a.source))).toEqual(
      new Set(seeds.map((s) => s.split('/').pop())),
    );

    // The 002 live blog: editor Key Points, times rolling past midnight into 7 January, the five promises list.
    const blog = data.articles.find((a) => a.source === '002_7093198a65717728.txt');
    if (!blog) throw new Error('002 was not exported');
    expect((blog.editorKeyPoints as string[]).length).toBeGreaterThan(0);
    const blogEvents = data.events.filter((e) => e.articleId === blog.id);
    expect(blogEvents.some((e) => String(e.time).startsWith('2026-01-07'))).toBe(true);
    const lists = blogEvents.flatMap((e) => e.lists as Array<{ title: string; items: string[] }>);
    expect(lists.some((l) => /five key promises/i.test(l.title) && l.items.length === 5)).toBe(true);
    for (const e of data.events) expect(String(e.text)).not.toMatch(/\n{3,}/);

    const again = await runCli(['--db', db, 'ingest', ...seeds]);
    expect(again.code).toBe(0);
    expect(again.stdout.match(/added 0 events/g)).toHaveLength(5);
    const after = await runCli(['--db', db, 'export', '--json']);
    expect(after.stdout).toBe(exported.stdout);
  }, 240_000);
});
