// GIVEN similarity matrices THEN average-link clustering groups entries into stories and stops at the threshold.
import { describe, expect, it } from 'vitest';
import { storyClusters, storySimilarity } from '../../../src/briefings/key-points/story-clusters.ts';

const m = (rows: number[][]) => rows.map((r) => Float64Array.from(r));

describe('storyClusters', () => {
  it('GIVEN two tight pairs and a loner THEN three stories', () => {
    const sim = m([
      [0, 0.8, 0.05, 0, 0],
      [0.8, 0, 0, 0.05, 0],
      [0.05, 0, 0, 0.7, 0],
      [0, 0.05, 0.7, 0, 0.01],
      [0, 0, 0, 0.01, 0],
    ]);
    expect(storyClusters(sim, 0.2)).toEqual([0, 0, 2, 2, 4]);
  });

  it('GIVEN a chain of weak links THEN average link does not merge the ends', () => {
    // 0–1 and 1–2 are similar, 0–2 are not: after {0,1} merges, 2's average link is (0.3 + 0) / 2 < 0.2.
    const sim = m([
      [0, 0.9, 0],
      [0.9, 0, 0.3],
      [0, 0.3, 0],
    ]);
    expect(storyClusters(sim, 0.2)).toEqual([0, 0, 2]);
  });

  it('GIVEN entity overlap THEN it only mixes in where both entries name entities', () => {
    const text = m([
      [0, 0.1, 0.1],
      [0.1, 0, 0.1],
      [0.1, 0.1, 0],
    ]);
    const ents = m([
      [0, 1, 1],
      [1, 0, 1],
      [1, 1, 0],
    ]);
    const mixed = storySimilarity(text, ents, 0.5, [true, true, false]);
    expect(mixed[0][1]).toBeCloseTo(0.55);
    expect(mixed[0][2]).toBeCloseTo(0.1);
  });
});
