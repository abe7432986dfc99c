// Whole-window TF-IDF in linear time over interned term ids: IDF, entry norms, the centroid and each entry's cosine with it.
import type { TermVector } from './vectors.ts';

const MAX_TERMS = 1_000_000;
const termIds = new Map<string, number>();
const terms: string[] = [];
let generation = 0;
/** Scratch: global term id → index in the current window's vocabulary (−1 when absent); reset after each use. */
let local = new Int32Array(0);

/** Changes when the intern table is reset; ids from an older generation are invalid. */
export function internGeneration(): number {
  return generation;
}

/** Term counts as parallel arrays of interned ids and counts. */
export interface SparseCounts {
  ids: Int32Array;
  counts: Float64Array;
  /** Sub-linear term frequency of each count: 1 + ln(count). */
  tf: Float64Array;
}

/** Interns the terms of a count map (resetting the table, and so the generation, once it grows past its cap). */
export function sparseCounts(counts: ReadonlyMap<string, number>): SparseCounts {
  if (terms.length + counts.size > MAX_TERMS) {
    termIds.clear();
    terms.length = 0;
    generation++;
  }
  const ids = new Int32Array(counts.size);
  const out = new Float64Array(counts.size);
  let k = 0;
  for (const [t, c] of counts) {
    let id = termIds.get(t);
    if (id === undefined) {
      id = terms.length;
      termIds.set(t, id);
      terms.push(t);
    }
    ids[k] = id;
    out[k] = c;
    k++;
  }
  return { ids, counts: out, tf: out.map((c) => 1 + Math.log(c)) };
}

/** The window's vectors: what the ranker reads for every entry, plus Map vectors built on demand for a few. */
export interface WindowVectors {
  /** Norm of each entry's TF-IDF vector. */
  norms: Float64Array;
  /** Cosine of each entry with the window centroid (the sum of the normalised entry vectors). */
  centroidCosine: Float64Array;
  /** Cosine of each given headline's TF-IDF vector with the centroid (0 for empty ones). */
  headlineCosine: Float64Array;
  /** Norm of the centroid. */
  centroidNorm: number;
  /** Map vectors of the chosen entries, the IDF over their terms and the centroid restricted to those terms. */
  subset(indices: readonly number[]): {
    vectors: TermVector[];
    idf: Map<string, number>;
    centroid: TermVector;
  };
}

/** Linear-time TF-IDF over the window (smoothed IDF, sub-linear TF), the same weights as `tfidfVector`. */
export function windowVectors(
  docs: readonly SparseCounts[],
  headlines: readonly SparseCounts[],
): WindowVectors {
  if (local.length < terms.length) {
    local = new Int32Array(Math.max(terms.length, local.length * 2, 1024)).fill(-1);
  }
  const vocab: number[] = [];
  const df: number[] = [];
  for (const d of docs) {
    for (let k = 0; k < d.ids.length; k++) {
      let l = local[d.ids[k]];
      if (l < 0) {
        l = vocab.length;
        local[d.ids[k]] = l;
        vocab.push(d.ids[k]);
        df.push(0);
      }
      df[l]++;
    }
  }
  const n = docs.length;
  const idf = new Float64Array(vocab.length);
  for (let l = 0; l < vocab.length; l++) idf[l] = Math.log((n + 1) / (df[l] + 0.5));
  const weight = (tf: number, l: number) => tf * (l < 0 ? Math.LN2 : idf[l]);

  const norms = new Float64Array(n);
  const centroid = new Float64Array(vocab.length);
  docs.forEach((d, i) => {
    let sq = 0;
    for (let k = 0; k < d.ids.length; k++) {
      const w = weight(d.tf[k], local[d.ids[k]]);
      if (w > 0) sq += w * w;
    }
    norms[i] = Math.sqrt(sq);
    if (norms[i] === 0) return;
    for (let k = 0; k < d.ids.length; k++) {
      const l = local[d.ids[k]];
      const w = weight(d.tf[k], l);
      if (w > 0) centroid[l] += w / norms[i];
    }
  });
  let csq = 0;
  for (let l = 0; l < centroid.length; l++) csq += centroid[l] * centroid[l];
  const centroidNorm = Math.sqrt(csq);

  const cosineWithCentroid = (d: SparseCounts, norm: number): number => {
    if (norm === 0 || centroidNorm === 0) return 0;
    let dot = 0;
    for (let k = 0; k < d.ids.length; k++) {
      const l = d.ids[k] < local.length ? local[d.ids[k]] : -1;
      if (l < 0) continue;
      const w = weight(d.tf[k], l);
      if (w > 0) dot += w * centroid[l];
    }
    return dot / (norm * centroidNorm);
  };
  const centroidCosine = Float64Array.from(docs, (d, i) => cosineWithCentroid(d, norms[i]));
  const headlineCosine = Float64Array.from(headlines, (h) => {
    let sq = 0;
    for (let k = 0; k < h.ids.length; k++) {
      const w = weight(h.tf[k], h.ids[k] < local.length ? local[h.ids[k]] : -1);
      if (w > 0) sq += w * w;
    }
    return cosineWithCentroid(h, Math.sqrt(sq));
  });

  for (let l = 0; l < vocab.length; l++) local[vocab[l]] = -1;
  const subset = (indices: readonly number[]) => {
    // Re-mark the scratch for this window's vocabulary while building, then reset it (linear in the vocabulary).
    for (let l = 0; l < vocab.length; l++) local[vocab[l]] = l;
    const idfMap = new Map<string, number>();
    const cent = new Map<string, number>();
    const vectors = indices.map((i) => {
      const d = docs[i];
      const weights = new Map<string, number>();
      for (let k = 0; k < d.ids.length; k++) {
        const l = local[d.ids[k]];
        const term = terms[d.ids[k]];
        idfMap.set(term, idf[l]);
        cent.set(term, centroid[l]);
        const w = weight(d.tf[k], l);
        if (w > 0) weights.set(term, w);
      }
      return { weights, norm: norms[i] };
    });
    for (let l = 0; l < vocab.length; l++) local[vocab[l]] = -1;
    return { vectors, idf: idfMap, centroid: { weights: cent, norm: centroidNorm } };
  };
  return { norms, centroidCosine, headlineCosine, centroidNorm, subset };
}
