// Sparse term vectors: term frequencies, IDF weighting and cosine similarity.

/** A sparse vector from term to weight, with its norm cached. */
export interface TermVector {
  weights: Map<string, number>;
  norm: number;
}

/** Term counts of a token list. */
export function termCounts(tokens: readonly string[]): Map<string, number> {
  const tf = new Map<string, number>();
  for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
  return tf;
}

/** Smoothed inverse document frequency of each term over the documents (token lists). */
export function inverseDocumentFrequency(docs: readonly (readonly string[])[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const doc of docs) for (const t of new Set(doc)) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = new Map<string, number>();
  const n = docs.length;
  for (const [t, d] of df) idf.set(t, Math.log((n + 1) / (d + 0.5)));
  return idf;
}

/** Smoothed IDF over documents given as term counts (the same as `inverseDocumentFrequency` of their tokens). */
export function inverseDocumentFrequencyOfCounts(
  docs: readonly ReadonlyMap<string, number>[],
): Map<string, number> {
  const df = new Map<string, number>();
  for (const doc of docs) for (const t of doc.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = new Map<string, number>();
  const n = docs.length;
  for (const [t, d] of df) idf.set(t, Math.log((n + 1) / (d + 0.5)));
  return idf;
}

/** TF-IDF vector of a token list (sub-linear term frequency). */
export function tfidfVector(tokens: readonly string[], idf: ReadonlyMap<string, number>): TermVector {
  return tfidfOfCounts(termCounts(tokens), idf);
}

/** TF-IDF vector of term counts (sub-linear term frequency). */
export function tfidfOfCounts(
  counts: ReadonlyMap<string, number>,
  idf: ReadonlyMap<string, number>,
): TermVector {
  const weights = new Map<string, number>();
  let sq = 0;
  for (const [t, c] of counts) {
    const w = (1 + Math.log(c)) * (idf.get(t) ?? Math.log(2));
    if (w <= 0) continue;
    weights.set(t, w);
    sq += w * w;
  }
  return { weights, norm: Math.sqrt(sq) };
}

/** Cosine similarity of two sparse vectors (0 when either is empty). */
export function cosine(a: TermVector, b: TermVector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small.weights) {
    const v = large.weights.get(t);
    if (v !== undefined) dot += w * v;
  }
  return dot / (a.norm * b.norm);
}

/** Pairwise cosine similarities (zero diagonal), computed through an inverted index of the vectors' terms. */
export function similarityMatrix(vectors: readonly TermVector[]): Float64Array[] {
  const n = vectors.length;
  const rows = vectors.map(() => new Float64Array(n));
  const postings = new Map<string, { doc: number; w: number }[]>();
  vectors.forEach((v, doc) => {
    if (v.norm === 0) return;
    for (const [t, w] of v.weights) {
      let list = postings.get(t);
      if (!list) {
        list = [];
        postings.set(t, list);
      }
      list.push({ doc, w: w / v.norm });
    }
  });
  for (const list of postings.values()) {
    for (let a = 0; a < list.length; a++) {
      const pa = list[a];
      const row = rows[pa.doc];
      for (let b = a + 1; b < list.length; b++) {
        const pb = list[b];
        const x = pa.w * pb.w;
        row[pb.doc] += x;
        rows[pb.doc][pa.doc] += x;
      }
    }
  }
  return rows;
}
