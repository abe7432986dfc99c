// The Key Points generator: ranks a window's entries by centrality, corroboration, headline quality and recency, then picks diverse bullets.
import type { Event } from '../../store/types.ts';
import { graphCentrality } from './centrality.ts';
import { isEligible } from './eligibility.ts';
import { headlineQuality } from './headline-quality.ts';
import { keySentence } from './key-sentence.ts';
import { contentStems, wordCount } from './text.ts';
import {
  cosine,
  inverseDocumentFrequency,
  similarityMatrix,
  type TermVector,
  tfidfVector,
} from './vectors.ts';

/** One generated bullet: the event it cites, the bullet text, and its ranking score. */
export interface KeyPoint {
  event: Event;
  text: string;
  score: number;
}

/** How many bullets and words to produce, and whether entry headlines may serve as bullets. */
export interface RankOptions {
  /** Maximum number of bullets (default 5, or unlimited when a word budget is given). */
  n?: number;
  /** Stop once the bullets' total word count reaches this budget. */
  wordBudget?: number;
  /** Use an entry's headline as its bullet when it is a good one (default true). */
  useHeadlines?: boolean;
}

/** Tunable weights of the ranker; exported for the evaluation harness. */
export const RANK_WEIGHTS = {
  /** How many times headline words count in the entry's vector. */
  headlineRepeat: 2,
  /** Boost per log-count of near-duplicates that repeat the entry. */
  duplicateBoost: 0.5,
  /** Extra weight of the newest entry over the oldest (linear in between). */
  recency: 0.15,
  /** Weight of the entry's length (log words, relative to the window mean). */
  lengthPrior: 1,
  /** Relevance multiplier when the bullet is a sentence instead of a headline. */
  sentencePenalty: 0.9,
  /** MMR trade-off between relevance (1) and novelty (0). */
  mmrLambda: 0.3,
  /** Exponent on graph centrality (below 1 flattens the dominant thread's lead). */
  centralityPower: 0.6,
  /** Relevance multiplier for analysis and opinion entries. */
  commentaryPenalty: 0.7,
  /** Share of redundancy measured on the bullet text (rest on the whole entry). */
  bulletRedundancy: 0,
  /** Key sentence: decay of the preference for earlier sentences. */
  leadDecay: 0.15,
  /** Key sentence: words beyond which longer sentences are penalised. */
  idealSentenceWords: 35,
};

interface Candidate {
  index: number;
  event: Event;
  text: string;
  relevance: number;
  vector: TermVector;
  bulletVector: TermVector;
}

function byTimeThenPosition(a: Event, b: Event): number {
  const ta = a.time ? Date.parse(a.time) : Number.NaN;
  const tb = b.time ? Date.parse(b.time) : Number.NaN;
  if (!Number.isNaN(ta) && !Number.isNaN(tb) && ta !== tb) return ta - tb;
  // Live blogs list newest first: a later position is an older entry.
  return b.position - a.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Recency in [0, 1]: 0 for the oldest entry of the window, 1 for the newest. */
function recencyRanks(events: readonly Event[]): number[] {
  const order = events.map((e, i) => ({ e, i })).sort((a, b) => byTimeThenPosition(a.e, b.e));
  const out = new Array<number>(events.length).fill(0);
  const denom = Math.max(1, events.length - 1);
  order.forEach(({ i }, rank) => {
    out[i] = rank / denom;
  });
  return out;
}

function addVectors(vectors: readonly TermVector[]): TermVector {
  const weights = new Map<string, number>();
  for (const v of vectors) {
    if (v.norm === 0) continue;
    for (const [t, w] of v.weights) weights.set(t, (weights.get(t) ?? 0) + w / v.norm);
  }
  let sq = 0;
  for (const w of weights.values()) sq += w * w;
  return { weights, norm: Math.sqrt(sq) };
}

/** Ranks the window's entries and returns up to `n` diverse key points within the word budget. */
export function rankKeyPoints(events: Event[], opts: RankOptions = {}): KeyPoint[] {
  const useHeadlines = opts.useHeadlines !== false;
  const budget = opts.wordBudget ?? Number.POSITIVE_INFINITY;
  const n = opts.n ?? (opts.wordBudget === undefined ? 5 : Number.POSITIVE_INFINITY);
  if (events.length === 0 || n <= 0 || budget <= 0) return [];

  // Originals stand for their near-duplicates: merge repeats into corroboration counts.
  const ids = new Set(events.map((e) => e.id));
  const corroboration = new Map<string, number>();
  for (const e of events) {
    if (e.duplicateOf && ids.has(e.duplicateOf)) {
      corroboration.set(e.duplicateOf, (corroboration.get(e.duplicateOf) ?? 0) + 1);
    }
  }
  const window = events.filter((e) => !e.duplicateOf || !ids.has(e.duplicateOf));
  const docs = window.map((e) => {
    const head = useHeadlines ? contentStems(e.headline) : [];
    const body = contentStems(e.paragraphs.join(' '));
    const repeated: string[] = [];
    for (let k = 0; k < RANK_WEIGHTS.headlineRepeat; k++) repeated.push(...head);
    return [...repeated, ...body];
  });
  const idf = inverseDocumentFrequency(docs);
  const vectors = docs.map((d) => tfidfVector(d, idf));
  const sim = similarityMatrix(vectors);
  const lengths = window.map((e) => Math.log1p(wordCount(e.paragraphs.join(' '))));
  const meanLength = lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length) || 1;
  const prior = window.map((e) => 1 + (corroboration.get(e.id) ?? 0));
  const central = graphCentrality(sim, prior);
  const recency = recencyRanks(window);
  const centroid = addVectors(vectors);

  const candidates: Candidate[] = [];
  window.forEach((event, index) => {
    if (!isEligible(event)) return;
    const hq = useHeadlines ? headlineQuality(event.headline) : 0;
    let text: string;
    let quality: number;
    if (hq >= 0.5) {
      text = event.headline.trim();
      quality = hq;
    } else {
      const key = keySentence(event, vectors[index], centroid, idf, {
        leadDecay: RANK_WEIGHTS.leadDecay,
        idealWords: RANK_WEIGHTS.idealSentenceWords,
      });
      if (!key) {
        if (!event.headline.trim() || !useHeadlines) return;
        text = event.headline.trim();
        quality = Math.max(hq, 0.2);
      } else {
        text = key.text;
        quality = RANK_WEIGHTS.sentencePenalty;
      }
    }
    const corroborated = 1 + RANK_WEIGHTS.duplicateBoost * Math.log1p(corroboration.get(event.id) ?? 0);
    const length = Math.max(0.1, 1 + RANK_WEIGHTS.lengthPrior * (lengths[index] / meanLength - 1));
    const commentary = event.hints.some((h) => h === 'analysis' || h === 'opinion')
      ? RANK_WEIGHTS.commentaryPenalty
      : 1;
    const relevance =
      central[index] ** RANK_WEIGHTS.centralityPower *
      corroborated *
      quality *
      length *
      commentary *
      (1 + RANK_WEIGHTS.recency * recency[index]);
    const bulletVector = tfidfVector(contentStems(text), idf);
    candidates.push({ index, event, text, relevance, vector: vectors[index], bulletVector });
  });
  if (candidates.length === 0) return [];

  const maxRel = Math.max(...candidates.map((c) => c.relevance)) || 1;
  const lambda = RANK_WEIGHTS.mmrLambda;
  const chosen: KeyPoint[] = [];
  const chosenVectors: Candidate[] = [];
  const mix = RANK_WEIGHTS.bulletRedundancy;
  const remaining = [...candidates].sort(
    (a, b) => b.relevance - a.relevance || (a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0),
  );
  let used = 0;
  while (remaining.length > 0 && chosen.length < n && used < budget) {
    let bestAt = 0;
    let bestScore = Number.NEGATIVE_INFINITY;
    remaining.forEach((c, at) => {
      let redundancy = 0;
      for (const v of chosenVectors) {
        const overlap = (1 - mix) * cosine(c.vector, v.vector) + mix * cosine(c.bulletVector, v.bulletVector);
        redundancy = Math.max(redundancy, overlap);
      }
      const mmr = lambda * (c.relevance / maxRel) - (1 - lambda) * redundancy;
      if (mmr > bestScore) {
        bestScore = mmr;
        bestAt = at;
      }
    });
    const [pick] = remaining.splice(bestAt, 1);
    chosen.push({ event: pick.event, text: pick.text, score: pick.relevance });
    chosenVectors.push(pick);
    used += wordCount(pick.text);
  }
  return chosen;
}
