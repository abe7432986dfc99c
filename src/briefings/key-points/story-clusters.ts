// Groups a window's entries into stories: average-link agglomerative clustering over a similarity matrix (nearest-partner cache, ~O(n²)).

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
  // Per row a: its best partner b > a (first on ties) and that average, or -1 when no pair reaches the threshold.
  const partner = new Int32Array(n).fill(-1);
  const value = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
  const rescan = (a: number): void => {
    let best = Number.NEGATIVE_INFINITY;
    let at = -1;
    const row = link[a];
    for (let b = a + 1; b < n; b++) {
      if (!alive[b]) continue;
      const avg = row[b] / (size[a] * size[b]);
      if (avg >= threshold && avg > best) {
        best = avg;
        at = b;
      }
    }
    partner[a] = at;
    value[a] = best;
  };
  for (let a = 0; a < n; a++) rescan(a);
  for (;;) {
    let bestA = -1;
    let best = Number.NEGATIVE_INFINITY;
    for (let a = 0; a < n; a++) {
      if (alive[a] && partner[a] >= 0 && value[a] > best) {
        best = value[a];
        bestA = a;
      }
    }
    if (bestA < 0) break;
    const bestB = partner[bestA];
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
    // Only row a and rows that pointed at a or b change: a merged average is a weighted mean of the two old ones,
    // so it cannot beat a row's best elsewhere (the c < a update only guards against rounding).
    rescan(bestA);
    for (let c = 0; c < n; c++) {
      if (!alive[c] || c === bestA) continue;
      if (partner[c] === bestA || partner[c] === bestB) {
        rescan(c);
      } else if (c < bestA) {
        const avg = link[c][bestA] / (size[c] * size[bestA]);
        if (avg >= threshold && (avg > value[c] || (avg === value[c] && bestA < partner[c]))) {
          partner[c] = bestA;
          value[c] = avg;
        }
      }
    }
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
