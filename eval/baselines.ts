// Classic extractive baselines for the live-blog benchmark: LexRank (Erkan & Radev 2004) and Lead (most recent first).
import { graphCentrality } from '../src/briefings/key-points/centrality.ts';
import { contentStems, wordCount } from '../src/briefings/key-points/text.ts';
import {
  inverseDocumentFrequency,
  similarityMatrix,
  tfidfVector,
} from '../src/briefings/key-points/vectors.ts';
import type { Event } from '../src/store/types.ts';

const LEXRANK_THRESHOLD = 0.1;

/** The window's sentences in blog order: each entry's headline (when present) then its text. */
export function blogSentences(events: readonly Event[]): string[] {
  const ordered = [...events].sort((a, b) => a.position - b.position);
  const out: string[] = [];
  for (const e of ordered) {
    if (e.headline.trim()) out.push(e.headline.trim());
    for (const p of e.paragraphs) if (p.trim()) out.push(p.trim());
  }
  return out;
}

function fillBudget(ranked: readonly string[], budget: number): string[] {
  const out: string[] = [];
  let used = 0;
  for (const s of ranked) {
    if (used >= budget) break;
    out.push(s);
    used += wordCount(s);
  }
  return out;
}

/** Thresholded LexRank over sentences: top-ranked sentences until the word budget is used. */
export function lexRankSummary(events: readonly Event[], budget: number): string[] {
  const sents = blogSentences(events);
  const tokens = sents.map((s) => contentStems(s));
  const idf = inverseDocumentFrequency(tokens);
  const vecs = tokens.map((t) => tfidfVector(t, idf));
  const sim = similarityMatrix(vecs);
  for (const row of sim) for (let j = 0; j < row.length; j++) row[j] = row[j] > LEXRANK_THRESHOLD ? 1 : 0;
  const scores = graphCentrality(sim);
  const order = sents.map((_, i) => i).sort((a, b) => scores[b] - scores[a] || a - b);
  return fillBudget(
    order.map((i) => sents[i]),
    budget,
  );
}

/** Lead: the most recent sentences first (live blogs list the newest entry first). */
export function leadSummary(events: readonly Event[], budget: number): string[] {
  return fillBudget(blogSentences(events), budget);
}
