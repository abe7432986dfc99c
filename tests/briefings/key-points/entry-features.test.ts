// GIVEN events THEN entry features are computed once per id and recomputed when the id's text changes.
import { describe, expect, it } from 'vitest';
import { entryFeatures } from '../../../src/briefings/key-points/entry-features.ts';
import type { Event } from '../../../src/store/types.ts';

function event(id: string, headline: string, paragraphs: string[]): Event {
  return {
    id,
    articleId: 'a1',
    source: 'test',
    headline,
    time: null,
    timeEstimated: false,
    author: null,
    paragraphs,
    lists: [],
    quotes: [],
    entities: [],
    topics: [],
    duplicateOf: null,
    hints: [],
    images: [],
    position: 0,
  };
}

describe('entryFeatures', () => {
  const a = event('kp-f1', 'Ministers approve the budget', [
    'The cabinet approved the spending plan on Tuesday.',
  ]);

  it('GIVEN an entry THEN sentences, words and headline-weighted term counts are read from its text', () => {
    const f = entryFeatures(a, true, 2);
    expect(f.sentences).toEqual(['The cabinet approved the spending plan on Tuesday.']);
    expect(f.words).toBe(8);
    expect(f.sparse.ids.length).toBe(f.sparse.counts.length);
    // minist, budget ×2 (headline); approv ×2 + 1 (headline and body); cabinet, spend, plan, tuesdai ×1.
    expect([...f.sparse.counts].sort()).toEqual([1, 1, 1, 1, 2, 2, 3]);
    expect(f.headlineQuality).toBeGreaterThan(0.5);
    expect(entryFeatures(a, false, 2).sparse.ids.length).toBe(5);
  });

  it('GIVEN the same id again THEN the cached features are reused, and new text under that id is read afresh', () => {
    expect(entryFeatures({ ...a, paragraphs: [...a.paragraphs] }, true, 2)).toBe(entryFeatures(a, true, 2));
    const edited = entryFeatures({ ...a, paragraphs: ['Parliament rejected the plan.'] }, true, 2);
    expect(edited.sentences).toEqual(['Parliament rejected the plan.']);
    expect(edited.words).toBe(4);
  });
});
