// LexRank-style centrality: PageRank over the cosine-similarity graph of the window's entries.

const DAMPING = 0.85;
const MAX_ITERATIONS = 100;
const TOLERANCE = 1e-9;

/** Stationary scores (mean 1) of a random walk over a symmetric similarity matrix; `prior` biases the teleport. */
export function graphCentrality(sim: readonly Float64Array[], prior?: readonly number[]): number[] {
  const n = sim.length;
  if (n === 0) return [];
  // Sparse rows: neighbour indices and transition probabilities.
  const cols: Int32Array[] = [];
  const probs: Float64Array[] = [];
  for (const row of sim) {
    let sum = 0;
    let nnz = 0;
    for (let j = 0; j < n; j++) {
      if (row[j] !== 0) {
        sum += row[j];
        nnz++;
      }
    }
    const c = new Int32Array(nnz);
    const p = new Float64Array(nnz);
    let k = 0;
    for (let j = 0; j < n; j++) {
      if (row[j] !== 0) {
        c[k] = j;
        p[k] = row[j] / sum;
        k++;
      }
    }
    cols.push(c);
    probs.push(p);
  }
  const p0 = prior ?? new Array<number>(n).fill(1);
  const pSum = p0.reduce((a, b) => a + b, 0) || 1;
  const teleport = p0.map((p) => p / pSum);
  let r = new Float64Array(n).fill(1 / n);
  for (let it = 0; it < MAX_ITERATIONS; it++) {
    const next = new Float64Array(n);
    let dangling = 0;
    for (let i = 0; i < n; i++) {
      const c = cols[i];
      if (c.length === 0) {
        dangling += r[i];
        continue;
      }
      const p = probs[i];
      const mass = DAMPING * r[i];
      for (let k = 0; k < c.length; k++) next[c[k]] += mass * p[k];
    }
    let delta = 0;
    for (let j = 0; j < n; j++) {
      next[j] += (1 - DAMPING + DAMPING * dangling) * teleport[j];
      delta += Math.abs(next[j] - r[j]);
    }
    r = next;
    if (delta < TOLERANCE) break;
  }
  return Array.from(r, (x) => x * n);
}
