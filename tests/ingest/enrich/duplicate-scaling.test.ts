// Near-duplicate search at scale: same answers as comparing every pair, and work that grows linearly, not squared.
import { describe, expect, it } from 'vitest';
import {
  type DuplicateStats,
  isDuplicate,
  markDuplicates,
  shingles,
} from '../../../src/ingest/enrich/duplicates.ts';
import { parseDocument } from '../../../src/ingest/index.ts';
import type { Event } from '../../../src/store/types.ts';
import { syntheticBlog, syntheticEvents } from './synthetic-blog.ts';

const textOf = (e: Event) => `${e.headline}\n${e.paragraphs.join('\n')}`;

/** Ids that have an earlier duplicate, found by comparing every pair (times are all distinct here). */
function allPairsRepeats(events: Event[], prior: Event[] = []): Set<string> {
  const all = [...prior, ...events].map((e) => ({ e, set: shingles(textOf(e)) }));
  const out = new Set<string>();
  for (const a of all.slice(prior.length))
    for (const b of all)
      if (b.e.time! < a.e.time! && isDuplicate(a.set, b.set)) {
        out.add(a.e.id);
        break;
      }
  return out;
}

/** Parsed entries of a synthetic blog built from seed sentences (many partial overlaps), one minute apart. */
function blogEvents(entries: number): Event[] {
  const parsed = parseDocument(syntheticBlog(entries, 3, 25).text, {
    source: 'synthetic.txt',
    date: '2026-01-06',
    timezone: 'Europe/London',
  });
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value.events.map((e, i) => ({
    ...e,
    time: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
  }));
}

function run(events: Event[], prior: Event[] = []) {
  const stats: DuplicateStats = { comparisons: 0, postings: 0 };
  const out = markDuplicates(events, prior, { stats });
  return { stats, repeats: new Set(out.filter((e) => e.duplicateOf).map((e) => e.id)), out };
}

describe('near-duplicate search at scale', () => {
  it('GIVEN 400 entries sharing seed sentences THEN the indexed search marks exactly the entries an all-pairs scan marks', () => {
    const events = blogEvents(400);
    const { repeats, out, stats } = run(events);
    expect(stats.truncated ?? 0).toBe(0);
    const expected = allPairsRepeats(events);
    expect(expected.size).toBeGreaterThan(5);
    expect([...repeats].sort()).toEqual([...expected].sort());
    const byId = new Map(out.map((e) => [e.id, e]));
    for (const e of out.filter((x) => x.duplicateOf))
      expect(byId.get(e.duplicateOf!)!.time! < e.time!).toBe(true);
  });

  it('GIVEN stored entries as prior THEN the new half is checked against them exactly like an all-pairs scan', () => {
    const events = blogEvents(300);
    const prior = events.slice(0, 150);
    const fresh = events.slice(150);
    const { repeats, out } = run(fresh, prior);
    expect([...repeats].sort()).toEqual([...allPairsRepeats(fresh, prior)].sort());
    const priorIds = new Set(prior.map((e) => e.id));
    expect(out.some((e) => e.duplicateOf && priorIds.has(e.duplicateOf))).toBe(true);
  });

  it('GIVEN 4× more distinct entries THEN comparisons and index reads grow about 4×, not 16×, and every re-post is found', () => {
    const small = syntheticEvents(500);
    const large = syntheticEvents(2000);
    const a = run(small.events);
    const b = run(large.events);
    expect([...b.repeats].sort()).toEqual([...large.copies].sort());
    expect([...a.repeats].sort()).toEqual([...small.copies].sort());
    expect(b.stats.comparisons).toBeGreaterThan(0);
    expect(b.stats.comparisons / a.stats.comparisons).toBeLessThan(6);
    expect(b.stats.postings / a.stats.postings).toBeLessThan(6);
    // An all-pairs scan would compare 2000 × 1999 / 2 pairs.
    expect(b.stats.comparisons).toBeLessThan(2000 * 10);
  });

  it('GIVEN 2,000 stored events as prior THEN a 50-entry document is not compared with every one of them', () => {
    const { events, copies } = syntheticEvents(2050, 5);
    const prior = events.slice(0, 2000);
    const fresh = events.slice(2000);
    const { stats, repeats } = run(fresh, prior);
    expect([...repeats].sort()).toEqual(copies.filter((id) => fresh.some((e) => e.id === id)).sort());
    expect(stats.comparisons).toBeLessThan((2000 * 50) / 20);
  });

  it('GIVEN a flood of 3,000 entries that are all the same boilerplate THEN the work stays bounded per entry and all point to the first', () => {
    const { events } = syntheticEvents(3000, 13, 0);
    const boiler =
      'Follow our live coverage of the war in Ukraine as leaders meet in Paris to agree security guarantees for Kyiv after talks with envoys from Washington and Moscow over the weekend';
    const flood = events.map((e) => ({
      ...e,
      headline: '',
      paragraphs: [`${boiler} ${e.headline.split(' ')[0]}`],
    }));
    const { stats, out } = run(flood);
    expect(stats.truncated).toBeGreaterThan(0);
    expect(stats.comparisons).toBeLessThan(3000 * 300);
    expect(out[0].duplicateOf).toBeNull();
    expect(out.slice(1).every((e) => e.duplicateOf === out[0].id)).toBe(true);
  });

  it('GIVEN a stored event edited since it was last seen THEN its new text is compared, not a remembered one', () => {
    const { events } = syntheticEvents(12, 17, 0);
    const [stored, fresh] = [events[0], { ...events[0], id: 'fresh-copy', time: events[11].time }];
    expect(run([fresh], [stored]).repeats.has('fresh-copy')).toBe(true);
    const edited = { ...stored, headline: events[5].headline, paragraphs: events[5].paragraphs };
    expect(run([fresh], [edited]).repeats.has('fresh-copy')).toBe(false);
    expect(run([fresh], [stored]).repeats.has('fresh-copy')).toBe(true);
  });
});
