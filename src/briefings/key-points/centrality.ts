// LexRank-style centrality: PageRank over the cosine-similarity graph of the window's entries.

const DAMPING = 0.85;
const ITERATIONS = 60;

/** Stationary scores (mean 1) of a random walk over a symmetric similarity matrix; weights bias the teleport. */
export function graphCentrality(sim: readonly Float64Array[], prior?: readonly number[]): number[] {
  const n = sim.length;
  if (n === 0) return [];
  const rowSum = sim.map((row) => row.reduce((a, b) => a + b, 0));
  const p0 = prior ?? new Array<number>(n).fill(1);
  const pSum = p0.reduce((a, b) => a + b, 0) || 1;
  const teleport = p0.map((p) => p / pSum);
  let r = new Array<number>(n).fill(1 / n);
  for (let it = 0; it < ITERATIONS; it++) {
    const next = teleport.map((t) => (1 - DAMPING) * t);
    let dangling = 0;
    for (let i = 0; i < n; i++) {
      if (rowSum[i] === 0) {
        dangling += r[i];
        continue;
      }
      const share = (DAMPING * r[i]) / rowSum[i];
      const row = sim[i];
      for (let j = 0; j < n; j++) if (row[j] !== 0) next[j] += share * row[j];
    }
    for (let j = 0; j < n; j++) next[j] += DAMPING * dangling * teleport[j];
    r = next;
  }
  return r.map((x) => x * n);
}
