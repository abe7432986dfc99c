// The same coverage laid out other ways (stamp first, oldest first, 12-hour clock) parses to the same entries.
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../src/ingest/index.ts';
import type { ParsedDocument } from '../../../src/store/types.ts';
import { parseSeed, seedText } from './seed-helpers.ts';

interface SeedEntry {
  headline: string;
  hh: string;
  mm: string;
  author: string;
  body: string[];
}

/** Cuts seed 002 into its header text and entries with a plain regex, independent of the parser. */
function seed002(): { header: string; entries: SeedEntry[] } {
  const lines = seedText('002').split('\n');
  const stamp = /^(\d\d):(\d\d) , (.+)$/;
  const stampLines = lines.flatMap((l, i) => (stamp.test(l) ? [i] : []));
  const entries = stampLines.map((s, k) => {
    const m = stamp.exec(lines[s]) as RegExpExecArray;
    const end =
      k + 1 < stampLines.length ? stampLines[k + 1] - 2 : lines.indexOf('Sign up to read this article');
    return {
      headline: lines[s - 2],
      hh: m[1],
      mm: m[2],
      author: m[3],
      body: lines.slice(s + 1, end).filter((l) => l.trim()),
    };
  });
  return { header: lines.slice(0, stampLines[0] - 2).join('\n'), entries };
}

function parse(text: string, date = '2026-01-06'): ParsedDocument {
  const r = parseDocument(text, { source: 'variant.txt', date, timezone: 'Europe/London' });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const original = parseSeed('002');
const { header, entries } = seed002();

describe('GIVEN seed 002 cut apart by a plain regex', () => {
  it('THEN the regex finds the same 41 entries as the parser (a cross-check of the expected count)', () => {
    expect(entries).toHaveLength(41);
    expect(entries.map((e) => e.headline)).toEqual(original.events.map((e) => e.headline));
  });
});

describe('GIVEN the entries re-laid with the stamp first ("14.05 GMT", headline, byline, body)', () => {
  const text = [
    header,
    ...entries.map((e) => [`${e.hh}.${e.mm} GMT`, e.author, e.headline, ...e.body].join('\n\n')),
  ].join('\n\n');
  const parsed = parse(text);

  it('THEN each stamp opens the entry below it with the same headline, author and time', () => {
    expect(parsed.events.map((e) => e.headline)).toEqual(original.events.map((e) => e.headline));
    expect(parsed.events.map((e) => e.author)).toEqual(original.events.map((e) => e.author));
    expect(parsed.events.map((e) => e.time)).toEqual(original.events.map((e) => e.time));
    expect(parsed.events.map((e) => e.paragraphs)).toEqual(original.events.map((e) => e.paragraphs));
  });
});

describe('GIVEN the entries in oldest-first order with a 12-hour clock', () => {
  const to12h = (hh: string, mm: string) => {
    const h = Number(hh);
    return `${h % 12 === 0 ? 12 : h % 12}.${mm}${h < 12 ? 'am' : 'pm'}`;
  };
  const reversed = [...entries].reverse();
  const text = [
    header,
    ...reversed.map((e) => [e.headline, `${to12h(e.hh, e.mm)} , ${e.author}`, ...e.body].join('\n\n')),
  ].join('\n\n');
  const parsed = parse(text);

  it('THEN the clock still rolls over midnight going down the page', () => {
    expect(parsed.events.map((e) => e.headline)).toEqual(
      [...original.events].reverse().map((e) => e.headline),
    );
    expect(parsed.events.map((e) => e.time)).toEqual([...original.events].reverse().map((e) => e.time));
    expect(parsed.events.at(-1)?.time).toBe('2026-01-07T02:54:00.000Z');
  });

  it('THEN an older snapshot (the top part) keeps the ids of the entries it shares', () => {
    const cut = [
      header,
      ...reversed
        .slice(0, 20)
        .map((e) => [e.headline, `${e.hh}:${e.mm} , ${e.author}`, ...e.body].join('\n\n')),
    ].join('\n\n');
    const older = parse(cut);
    expect(older.events.map((e) => e.id)).toEqual(parsed.events.slice(0, 20).map((e) => e.id));
  });
});

describe('GIVEN British Summer Time', () => {
  it('THEN a local stamp in July is one hour ahead of UTC', () => {
    const text = [
      'Live: summer summit',
      'Leaders met in the capital on Tuesday to discuss the ceasefire plan.',
      'Leaders arrive',
      '09:15 , Jane Dalton',
      'The leaders arrived at the palace early in the morning.',
      'Talks begin',
      '08:30 , Jane Dalton',
      'Talks began with a working breakfast for the delegations.',
    ].join('\n');
    const parsed = parse(text, '2025-07-01');
    expect(parsed.events.map((e) => e.time)).toEqual([
      '2025-07-01T08:15:00.000Z',
      '2025-07-01T07:30:00.000Z',
    ]);
  });
});
