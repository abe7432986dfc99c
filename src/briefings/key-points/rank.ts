// The Key Points generator: ranks a window's entries by centrality, corroboration, headline quality and recency, then picks diverse bullets.
import type { Event } from '../../store/types.ts';
import { graphCentrality } from './centrality.ts';
import { compressSentence } from './compress.ts';
import { isEligible } from './eligibility.ts';
import { headlineQuality } from './headline-quality.ts';
import { entrySentences, keySentence } from './key-sentence.ts';
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
  /** Entries whose similarity reaches this join one story cluster (single link). */
  clusterThreshold: 0.2,
  /** Redundancy of a candidate from the same story cluster as a chosen bullet. */
  clusterRedundancy: 0.8,
  /** Exponent on how central the headline is to the window (its cosine with the window centroid, relative to the mean). */
  headlineCentrality: 0,
  /** Log-linear recency: relevance × e^(recencyExp × recency), recency 0 (oldest) … 1 (newest). */
  recencyExp: 0,
  /** Weight of the entry's length (log words, relative to the window mean). */
  lengthPrior: 1,
  /** Relevance multiplier when the bullet is a sentence instead of a headline. */
  sentencePenalty: 0.9,
  /** MMR trade-off between relevance (1) and novelty (0). */
  mmrLambda: 0.3,
  /** Exponent on graph centrality (below 1 flattens the dominant thread's lead). */
  centralityPower: 0.6,
  /** Relevance multiplier for entries flagged as breaking news. */
  breakingBoost: 1.5,
  /** Relevance multiplier for analysis and opinion entries. */
  commentaryPenalty: 0.7,
  /** Share of redundancy measured on the bullet text (rest on the whole entry). */
  bulletRedundancy: 0,
  /** Key sentence: decay of the preference for earlier sentences. */
  leadDecay: 0.15,
  /** Key sentence: words beyond which longer sentences are penalised. */
  idealSentenceWords: 35,
  /** Sentence bullets: clause boundaries are cut once this many words are kept. */
  compressMinWords: 6,
  /** Sentence bullets: hard cap on words. */
  compressMaxWords: 25,
  /** Budgeted selection: relevance is divided by (bullet words)^costPower (0 = ignore length). */
  costPower: 0,
  /** Only the most relevant candidates (this many, at least 3× n) compete in the diverse selection. */
  pool: 60,
};

interface Candidate {
  index: number;
  event: Event;
  text: string;
  relevance: number;
  vector: TermVector;
  bulletVector: TermVector;
  words: number;
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

/** Story clusters: connected components of the similarity graph above a threshold (cluster id per entry). */
function storyClusters(sim: readonly Float64Array[], threshold: number): number[] {
  const parent = sim.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  sim.forEach((row, i) => {
    for (let j = i + 1; j < row.length; j++) {
      if (row[j] >= threshold) parent[find(i)] = find(j);
    }
  });
  return parent.map((_, i) => find(i));
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
  const window = events
    .filter((e) => !e.duplicateOf || !ids.has(e.duplicateOf))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const bodies = window.map((e) => entrySentences(e));
  const docs = window.map((e, i) => {
    const head = useHeadlines ? contentStems(e.headline) : [];
    const out: string[] = [];
    for (let k = 0; k < RANK_WEIGHTS.headlineRepeat; k++) out.push(...head);
    for (const s of bodies[i]) out.push(...contentStems(s));
    return out;
  });
  const idf = inverseDocumentFrequency(docs);
  const vectors = docs.map((d) => tfidfVector(d, idf));
  const sim = similarityMatrix(vectors);
  const lengths = window.map((_, i) => Math.log1p(bodies[i].reduce((a, s) => a + wordCount(s), 0)));
  const meanLength = lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length) || 1;
  const prior = window.map((e) => 1 + (corroboration.get(e.id) ?? 0));
  const central = graphCentrality(sim, prior);
  const recency = recencyRanks(window);
  const centroid = addVectors(vectors);
  const cluster = storyClusters(sim, RANK_WEIGHTS.clusterThreshold);
  const headCentral = window.map((e) =>
    useHeadlines && e.headline.trim() ? cosine(tfidfVector(contentStems(e.headline), idf), centroid) : 0,
  );
  const headMean =
    headCentral.reduce((a, b) => a + b, 0) / Math.max(1, headCentral.filter((x) => x > 0).length) || 1;

  interface Scored {
    index: number;
    event: Event;
    relevance: number;
    headline: string | null;
  }
  const scored: Scored[] = [];
  window.forEach((event, index) => {
    if (!isEligible(event)) return;
    const hq = useHeadlines ? headlineQuality(event.headline) : 0;
    const headline = hq >= 0.5 ? event.headline.trim() : null;
    if (!headline && bodies[index].length === 0 && !(useHeadlines && event.headline.trim())) return;
    const quality = headline
      ? hq * Math.max(0.2, headCentral[index] / headMean) ** RANK_WEIGHTS.headlineCentrality
      : RANK_WEIGHTS.sentencePenalty;
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
      (event.hints.includes('breaking') ? RANK_WEIGHTS.breakingBoost : 1) *
      (1 + RANK_WEIGHTS.recency * recency[index]) *
      Math.exp(RANK_WEIGHTS.recencyExp * recency[index]);
    scored.push({ index, event, relevance, headline });
  });
  if (scored.length === 0) return [];
  scored.sort((a, b) => b.relevance - a.relevance || (a.event.id < b.event.id ? -1 : 1));

  // Bullet text only for the pool that competes: the headline, else the compressed key sentence.
  const poolSize = Math.max(RANK_WEIGHTS.pool, Number.isFinite(n) ? 3 * n : 0);
  const candidates: Candidate[] = [];
  for (const c of scored.slice(0, poolSize)) {
    let text = c.headline;
    if (!text) {
      const key = keySentence(bodies[c.index], vectors[c.index], centroid, idf, {
        leadDecay: RANK_WEIGHTS.leadDecay,
        idealWords: RANK_WEIGHTS.idealSentenceWords,
      });
      if (key) {
        text = compressSentence(key.text, {
          minWords: RANK_WEIGHTS.compressMinWords,
          maxWords: RANK_WEIGHTS.compressMaxWords,
        });
      } else if (useHeadlines && c.event.headline.trim()) {
        text = c.event.headline.trim();
      } else continue;
    }
    candidates.push({
      index: c.index,
      event: c.event,
      text,
      relevance: c.relevance,
      vector: vectors[c.index],
      bulletVector: tfidfVector(contentStems(text), idf),
      words: Math.max(1, wordCount(text)),
    });
  }
  if (candidates.length === 0) return [];

  const maxRel = Math.max(...candidates.map((c) => c.relevance)) || 1;
  const lambda = RANK_WEIGHTS.mmrLambda;
  const chosen: KeyPoint[] = [];
  const chosenVectors: Candidate[] = [];
  const mix = RANK_WEIGHTS.bulletRedundancy;
  const remaining = candidates;
  const costed = Number.isFinite(budget) && RANK_WEIGHTS.costPower > 0;
  let used = 0;
  while (remaining.length > 0 && chosen.length < n && used < budget) {
    let bestAt = 0;
    let bestScore = Number.NEGATIVE_INFINITY;
    remaining.forEach((c, at) => {
      let redundancy = 0;
      for (const v of chosenVectors) {
        const overlap = (1 - mix) * cosine(c.vector, v.vector) + mix * cosine(c.bulletVector, v.bulletVector);
        redundancy = Math.max(redundancy, overlap);
        if (cluster[v.index] === cluster[c.index])
          redundancy = Math.max(redundancy, RANK_WEIGHTS.clusterRedundancy);
      }
      let rel = c.relevance / maxRel;
      if (costed) rel /= (c.words / RANK_WEIGHTS.compressMaxWords) ** RANK_WEIGHTS.costPower;
      const mmr = lambda * rel - (1 - lambda) * redundancy;
      if (mmr > bestScore) {
        bestScore = mmr;
        bestAt = at;
      }
    });
    const [pick] = remaining.splice(bestAt, 1);
    chosen.push({ event: pick.event, text: pick.text, score: pick.relevance });
    chosenVectors.push(pick);
    used += pick.words;
  }
  return chosen;
}
