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

  it('GIVEN random sparse matrices with ties THEN it merges exactly as the full pairwise scan does', () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let trial = 0; trial < 40; trial++) {
      const n = 5 + Math.floor(rand() * 40);
      const sim = Array.from({ length: n }, () => new Float64Array(n));
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          // Coarse values make equal averages (ties) common.
          const v = rand() < 0.3 ? Math.round(rand() * 4) / 4 : 0;
          sim[i][j] = v;
          sim[j][i] = v;
        }
      }
      expect(storyClusters(sim, 0.2)).toEqual(naiveClusters(sim, 0.2));
    }
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

/** The reference: rescans every pair of clusters before each merge (cubic). */
function naiveClusters(sim: readonly Float64Array[], threshold: number): number[] {
  const n = sim.length;
  const link = sim.map((row) => Float64Array.from(row));
  const size = new Array<number>(n).fill(1);
  const alive = new Array<boolean>(n).fill(true);
  const owner = Array.from({ length: n }, (_, i) => i);
  for (;;) {
    let bestA = -1;
    let bestB = -1;
    let best = Number.NEGATIVE_INFINITY;
    for (let a = 0; a < n; a++) {
      if (!alive[a]) continue;
      for (let b = a + 1; b < n; b++) {
        if (!alive[b]) continue;
        const avg = link[a][b] / (size[a] * size[b]);
        if (avg >= threshold && avg > best) {
          best = avg;
          bestA = a;
          bestB = b;
        }
      }
    }
    if (bestA < 0) return owner;
    alive[bestB] = false;
    for (let c = 0; c < n; c++) {
      if (!alive[c] || c === bestA) continue;
      const s = link[bestA][c] + link[bestB][c];
      link[bestA][c] = s;
      link[c][bestA] = s;
    }
    size[bestA] += size[bestB];
    for (let i = 0; i < n; i++) if (owner[i] === bestB) owner[i] = bestA;
  }
}
