// Groups a window's entries into stories: average-link agglomerative clustering over a similarity matrix.

/**
 * Average-link agglomerative clustering: repeatedly merges the two clusters with the highest mean pairwise
 * similarity until no pair reaches `threshold`. Returns a cluster id per entry (the smallest member index).
 * Deterministic: ties merge the lowest-index pair first.
 */
export function storyClusters(sim: readonly Float64Array[], threshold: number): number[] {
  const n = sim.length;
  // link[a][b]: sum of pairwise similarities between clusters a and b (valid for alive a, b).
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
      const row = link[a];
      for (let b = a + 1; b < n; b++) {
        if (!alive[b]) continue;
        const avg = row[b] / (size[a] * size[b]);
        if (avg >= threshold && avg > best) {
          best = avg;
          bestA = a;
          bestB = b;
        }
      }
    }
    if (bestA < 0) break;
    // Merge b into a.
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
  return owner;
}

/** Mixes text similarity with entity overlap: (1 − w)·text + w·entities where both entries name entities. */
export function storySimilarity(
  text: readonly Float64Array[],
  entities: readonly Float64Array[] | null,
  entityWeight: number,
  hasEntities: readonly boolean[],
): Float64Array[] {
  if (!entities || entityWeight <= 0) return text.map((row) => Float64Array.from(row));
  return text.map((row, i) => {
    const out = Float64Array.from(row);
    if (!hasEntities[i]) return out;
    for (let j = 0; j < out.length; j++) {
      if (hasEntities[j]) out[j] = (1 - entityWeight) * row[j] + entityWeight * entities[i][j];
    }
    return out;
  });
}
