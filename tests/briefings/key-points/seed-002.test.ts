// GIVEN seed 002 with its editors' Key Points set aside THEN the generated top 5 covers at least 3 of them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createStoryEnricher, loadStories } from '../../../src/app/stories.ts';
import { rankKeyPoints } from '../../../src/briefings/key-points/index.ts';
import { contentStems } from '../../../src/briefings/key-points/text.ts';
import { parseDocument } from '../../../src/ingest/index.ts';

const text = readFileSync(new URL('../../../data/sources/002_7093198a65717728.txt', import.meta.url), 'utf8');

/**
 * Greedy one-to-one matching: each editors' point takes the unused generated bullet (its text plus the entry it
 * cites) sharing the most of its content words; it counts when at least half of its content words are shared.
 */
function countMatches(editors: string[], generated: string[]): number {
  const used = new Set<number>();
  let matched = 0;
  for (const point of editors) {
    const want = new Set(contentStems(point));
    let best = -1;
    let bestShared = 0;
    generated.forEach((g, i) => {
      if (used.has(i)) return;
      const have = new Set(contentStems(g));
      const shared = [...want].filter((w) => have.has(w)).length;
      if (shared > bestShared) {
        bestShared = shared;
        best = i;
      }
    });
    if (best >= 0 && bestShared / want.size >= 0.5) {
      used.add(best);
      matched++;
    }
  }
  return matched;
}

const parsed = parseDocument(text, {
  source: '002_7093198a65717728.txt',
  date: '2026-01-06',
  timezone: 'Europe/London',
});
if (!parsed.ok) throw new Error(`seed 002 did not parse: ${parsed.error.message}`);
// Parse + enrich, as ingest does, so near-duplicates (duplicateOf) count as corroboration.
const { article, events } = await createStoryEnricher(await loadStories())(parsed.value);

describe('Key Points generator on seed 002 (parsed and enriched)', () => {
  it('GIVEN the enrichment THEN at least one entry is marked as a repeat of another', () => {
    expect(events.some((e) => e.duplicateOf !== null)).toBe(true);
  });

  it('GIVEN the editors list THEN it has five points to compare against', () => {
    expect(article.editorKeyPoints).toHaveLength(5);
  });

  it('GIVEN the day’s entries THEN at least 3 of the 5 editors’ points are matched by distinct generated bullets', () => {
    const points = rankKeyPoints(events, { n: 5 });
    expect(points).toHaveLength(5);
    const generated = points.map((p) => `${p.text} ${p.event.paragraphs.join(' ')}`);
    expect(countMatches(article.editorKeyPoints, generated)).toBeGreaterThanOrEqual(3);
  });

  // The strict bar: the bullet text alone (not the cited entry's body) shares most content words with 3 of the 5.
  it('GIVEN the bullet text alone THEN at least 3 of the 5 editors’ points are matched by distinct bullets', () => {
    const points = rankKeyPoints(events, { n: 5 });
    expect(
      countMatches(
        article.editorKeyPoints,
        points.map((p) => p.text),
      ),
    ).toBeGreaterThanOrEqual(3);
  });

  it('GIVEN the day’s entries THEN no two bullets come from the same story cluster of near-identical entries', () => {
    const ids = rankKeyPoints(events, { n: 5 }).map((p) => p.event.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of events) if (e.duplicateOf) expect(ids).not.toContain(e.id);
  });

  it('GIVEN the day’s entries THEN no bullet is media, housekeeping or link-only', () => {
    for (const p of rankKeyPoints(events, { n: 5 })) {
      expect(p.event.hints).not.toContain('watch');
      expect(p.event.hints).not.toContain('pictures');
      expect(p.event.hints).not.toContain('housekeeping');
      expect(p.event.hints).not.toContain('link-only');
      expect(p.text).not.toMatch(/^(Watch|Pictured|In pictures)\b/);
    }
  });
});
