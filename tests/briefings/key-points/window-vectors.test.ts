// GIVEN a window of entry texts THEN the interned linear-time vectors equal the Map-based TF-IDF, centroid and cosines.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentStems } from '../../../src/briefings/key-points/text.ts';
import {
  cosine,
  inverseDocumentFrequency,
  type TermVector,
  termCounts,
  tfidfVector,
} from '../../../src/briefings/key-points/vectors.ts';
import { sparseCounts, windowVectors } from '../../../src/briefings/key-points/window-vectors.ts';

const text = readFileSync(new URL('../../../data/sources/002_7093198a65717728.txt', import.meta.url), 'utf8');
const paragraphs = text
  .split(/\n\s*\n/u)
  .map((p) => p.trim())
  .filter((p) => p.length > 40)
  .slice(0, 60);
const docs = paragraphs.map((p) => contentStems(p));
const heads = paragraphs.map((p) => contentStems(p.split(/[.!?]/u)[0]));

function centroidOf(vectors: readonly TermVector[]): TermVector {
  const weights = new Map<string, number>();
  for (const v of vectors) {
    if (v.norm === 0) continue;
    for (const [t, w] of v.weights) weights.set(t, (weights.get(t) ?? 0) + w / v.norm);
  }
  let sq = 0;
  for (const w of weights.values()) sq += w * w;
  return { weights, norm: Math.sqrt(sq) };
}

describe('windowVectors', () => {
  const idf = inverseDocumentFrequency(docs);
  const vectors = docs.map((d) => tfidfVector(d, idf));
  const centroid = centroidOf(vectors);
  const wv = windowVectors(
    docs.map((d) => sparseCounts(termCounts(d))),
    heads.map((h) => sparseCounts(termCounts(h))),
  );

  it('GIVEN the seed paragraphs THEN norms, centroid cosines and headline cosines match the Map vectors', () => {
    expect(paragraphs.length).toBeGreaterThan(20);
    expect(wv.centroidNorm).toBeCloseTo(centroid.norm, 9);
    vectors.forEach((v, i) => {
      expect(wv.norms[i]).toBeCloseTo(v.norm, 9);
      expect(wv.centroidCosine[i]).toBeCloseTo(cosine(v, centroid), 9);
      expect(wv.headlineCosine[i]).toBeCloseTo(cosine(tfidfVector(heads[i], idf), centroid), 9);
    });
  });

  it('GIVEN a subset THEN its Map vectors, IDF and restricted centroid give the same cosines', () => {
    const pick = [3, 7, 11, 19];
    const sub = wv.subset(pick);
    pick.forEach((i, k) => {
      expect(sub.vectors[k].weights.size).toBe(vectors[i].weights.size);
      for (const [t, w] of vectors[i].weights) expect(sub.vectors[k].weights.get(t)).toBeCloseTo(w, 9);
      for (const t of sub.vectors[k].weights.keys()) expect(sub.idf.get(t)).toBeCloseTo(idf.get(t)!, 9);
      expect(cosine(sub.vectors[k], sub.centroid)).toBeCloseTo(cosine(vectors[i], centroid), 9);
      expect(cosine(sub.vectors[k], sub.vectors[(k + 1) % pick.length])).toBeCloseTo(
        cosine(vectors[i], vectors[pick[(k + 1) % pick.length]]),
        9,
      );
    });
  });
});
