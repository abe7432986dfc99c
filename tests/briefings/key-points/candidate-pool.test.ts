// GIVEN cheap scores and corroboration counts THEN the candidate pool keeps the best, the corroborated, and stays bounded.
import { describe, expect, it } from 'vitest';
import { candidatePool } from '../../../src/briefings/key-points/candidate-pool.ts';

describe('candidatePool', () => {
  it('GIVEN a window that fits THEN every entry is kept', () => {
    expect(candidatePool([0.1, 0.5, 0.2], [0, 0, 0], 3)).toEqual([0, 1, 2]);
    expect(candidatePool([0.1, 0.5], [0, 0], Number.POSITIVE_INFINITY)).toEqual([0, 1]);
  });

  it('GIVEN more entries than the pool THEN the best by score are kept, in window order, ties to the lower index', () => {
    expect(candidatePool([0.1, 0.9, 0.3, 0.9, 0.2], [0, 0, 0, 0, 0], 3)).toEqual([1, 2, 3]);
    expect(candidatePool([0.5, 0.5, 0.5, 0.5], [0, 0, 0, 0], 2)).toEqual([0, 1]);
  });

  it('GIVEN weakly scored entries that many duplicates repeat THEN the most repeated join, at most half the pool more', () => {
    const scores = [0.9, 0.8, 0.7, 0.6, 0.01, 0.02, 0.03, 0.04];
    const corroboration = [0, 0, 0, 0, 5, 1, 3, 2];
    expect(candidatePool(scores, corroboration, 4)).toEqual([0, 1, 2, 3, 4, 6]);
  });

  it('GIVEN a large window THEN the pool size is bounded whatever the corroboration', () => {
    const n = 10_000;
    const scores = Array.from({ length: n }, (_, i) => Math.sin(i) + 1);
    const corroboration = Array.from({ length: n }, (_, i) => i % 3);
    const pool = candidatePool(scores, corroboration, 120);
    expect(pool.length).toBe(180);
    expect(new Set(pool).size).toBe(pool.length);
    expect([...pool].sort((a, b) => a - b)).toEqual(pool);
  });
});
