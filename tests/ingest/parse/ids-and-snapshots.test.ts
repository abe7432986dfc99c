// Parsing is deterministic, and a longer snapshot of the same live blog keeps the ids of the entries it shares.
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../src/ingest/index.ts';
import type { Event } from '../../../src/store/types.ts';
import { parseSeed, SEED_PREFIXES, seedEntry, seedText } from './seed-helpers.ts';

/** The text of a newest-first blog as it stood earlier: its header plus the entries from `firstOld` downwards. */
function olderSnapshot(text: string, headerEndLine: string, firstOldHeadline: string): string {
  const lines = text.split('\n');
  const headerEnd = lines.indexOf(headerEndLine);
  const oldStart = lines.indexOf(firstOldHeadline);
  expect(headerEnd).toBeGreaterThan(0);
  expect(oldStart).toBeGreaterThan(headerEnd);
  return [...lines.slice(0, headerEnd + 1), ...lines.slice(oldStart)].join('\n');
}

function key(e: Event) {
  return { id: e.id, headline: e.headline, time: e.time, author: e.author, paragraphs: e.paragraphs };
}

describe('GIVEN the same text twice', () => {
  for (const prefix of SEED_PREFIXES) {
    it(`THEN seed ${prefix} parses to identical output`, () => {
      expect(parseSeed(prefix)).toEqual(parseSeed(prefix));
    });
  }

  it('THEN ids depend on the source: the same text under another name gets other ids', () => {
    const a = parseSeed('002');
    const b = parseSeed('002', undefined, { source: 'elsewhere.txt' });
    expect(b.article.id).not.toBe(a.article.id);
    expect(b.events[0].id).not.toBe(a.events[0].id);
  });

  it('THEN the article id is a short hash of the url when one is given', () => {
    const a = parseSeed('004', undefined, { url: 'https://example.org/a' });
    const b = parseSeed('004', undefined, { url: 'https://example.org/a', source: 'other.txt' });
    expect(a.article.id).toBe(b.article.id);
    expect(a.article.id).toMatch(/^[0-9a-f]{12}$/);
    expect(a.events[0].id).toMatch(/^[0-9a-f]{16}$/);
  });

  it('THEN Windows line endings and extra blank lines change nothing', () => {
    const text = seedText('002');
    const crlf = text.replace(/\n/g, '\r\n\r\n');
    expect(parseSeed('002', crlf)).toEqual(parseSeed('002', text));
  });
});

describe('GIVEN an older snapshot of newest-first seed 002 (header + bottom entries)', () => {
  const full = parseSeed('002');
  const text = seedText('002');
  const older = parseSeed(
    '002',
    olderSnapshot(
      text,
      "  • Zelensky reshuffles top officials including spy boss behind 'Spiderweb' attack",
      'Agreement good for UK, says Starmer',
    ),
  );

  it('THEN the older snapshot holds only the bottom entries', () => {
    expect(older.events).toHaveLength(31);
    expect(older.events[0].headline).toBe('Agreement good for UK, says Starmer');
    expect(older.article.id).toBe(full.article.id);
  });

  it('THEN every shared entry keeps its id, time and text; the newer snapshot adds exactly the top entries', () => {
    const fullById = new Map(full.events.map((e) => [e.id, e]));
    for (const e of older.events) {
      const same = fullById.get(e.id);
      expect(same && key(same)).toEqual(key(e));
    }
    const olderIds = new Set(older.events.map((e) => e.id));
    const added = full.events.filter((e) => !olderIds.has(e.id));
    expect(added.map((e) => e.headline)).toEqual(full.events.slice(0, 10).map((e) => e.headline));
  });

  it('THEN a snapshot that still has the pre-midnight entries only keeps their 6 January times', () => {
    expect(older.events.every((e) => e.time?.startsWith('2026-01-06'))).toBe(true);
  });
});

describe('GIVEN an older snapshot of seed 003 that starts at the unstamped entry', () => {
  it('THEN the unstamped entry keeps its id although its estimated time changes', () => {
    const lines = seedText('003').split('\n');
    const start = lines.indexOf('World leaders respond to Trump’s call with Putin');
    const older = parseSeed('003', [...lines.slice(0, 11), ...lines.slice(start)].join('\n'));
    const full = parseSeed('003');
    expect(older.events).toHaveLength(8);
    expect(older.events[0].headline).toBe('World leaders respond to Trump’s call with Putin');
    expect(older.events[0].timeEstimated).toBe(true);
    expect(older.events[0].id).toBe(full.events[2].id);
    expect(older.events.map((e) => e.id)).toEqual(full.events.slice(2).map((e) => e.id));
  });
});

describe('GIVEN the seeds parsed through parseDocument with only a source', () => {
  it('THEN the time zone defaults to UTC and missing dates leave time-only stamps unresolved', () => {
    const r = parseDocument(seedText('002'), { source: seedEntry('002').file });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.article.timezone).toBe('UTC');
    expect(r.value.events.every((e) => e.time === null)).toBe(true);
    expect(r.value.article.publishedAt).toBeNull();
  });
});
