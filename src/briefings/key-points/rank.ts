// The Key Points generator: ranks a window's entries by centrality, corroboration, headline quality and recency, groups them into stories, then picks bullets that cover the most repeated concepts.
import type { Event } from '../../store/types.ts';
import {
  bulletCandidates,
  type BulletCandidate as Candidate,
  entryConceptsCached,
} from './bullet-candidates.ts';
import { candidatePool, DEFAULT_POOL_SIZE } from './candidate-pool.ts';
import { graphCentrality } from './centrality.ts';
import { conceptWeights } from './concepts.ts';
import { isEligible } from './eligibility.ts';
import { entryFeatures } from './entry-features.ts';
import { storyClusters, storySimilarity } from './story-clusters.ts';
import { contentStems } from './text.ts';
import {
  cosine,
  inverseDocumentFrequency,
  similarityMatrix,
  type TermVector,
  tfidfVector,
} from './vectors.ts';
import { internGeneration, windowVectors } from './window-vectors.ts';

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
  /** Most entries the pairwise steps compare (default DEFAULT_POOL_SIZE); Infinity ranks the whole window (quadratic). */
  poolSize?: number;
}

/** Tunable weights of the ranker; exported for the evaluation harness. */
export const RANK_WEIGHTS = {
  /** How many times headline words count in the entry's vector. */
  headlineRepeat: 2,
  /** Boost per log-count of near-duplicates that repeat the entry. */
  duplicateBoost: 0.5,
  /** Extra weight of the newest entry over the oldest (linear in between). */
  recency: 0.15,
  /** Story clusters: average-link similarity at which entries join one story. */
  clusterThreshold: 0.12,
  /** Share of entity overlap in the story similarity (when both entries name entities). */
  entityWeight: 0.3,
  /** Story weight = (sum of its entries' mass)^clusterSizePower: below 1, size has diminishing returns. */
  clusterSizePower: 0.3,
  /** Mass of an entry that cannot be a bullet itself (media, housekeeping) in its story's weight. */
  ineligibleMass: 0.5,
  /** The k-th bullet of one story (k = 0, 1, …) gains weight / (1 + k)^storyDecay. */
  storyDecay: 1,
  /** Within a story: exponent on the entry's cosine with the story centroid (representativeness). */
  representative: 2,
  /** Share of the headline's (instead of the entry's) cosine with the story centroid in representativeness. */
  headlineRepresentative: 0.5,
  /** A story's gain is reduced by this times its centroid's cosine with the stories already covered. */
  storyOverlap: 0.25,
  /** A story weighs at least this times its best entry's relevance (lets a strong single report compete). */
  singleFloor: 1,
  /** Within a story: a later report weighs up to (1 + storyRecency) times the first (the story's latest state). */
  storyRecency: 0.3,
  /** Two bullets this similar (cosine of entries) are the same thing: the later one is skipped. */
  nearDuplicate: 0.5,
  /** Within a story, a second bullet's score is reduced by this times its similarity to the story's chosen bullets. */
  storyNovelty: 1,
  /** Exponent on how central the headline is to the window (its cosine with the window centroid, relative to the mean). */
  headlineCentrality: 0,
  /** Log-linear recency: relevance × e^(recencyExp × recency), recency 0 (oldest) … 1 (newest). */
  recencyExp: 0,
  /** Weight of the entry's length (log words, relative to the window mean). */
  lengthPrior: 1,
  /** Relevance multiplier when the bullet is a sentence instead of a headline. */
  sentencePenalty: 0.9,
  /** Exponent on graph centrality (below 1 flattens the dominant thread's lead). */
  centralityPower: 0.6,
  /** Relevance multiplier for entries flagged as breaking news. */
  breakingBoost: 1.5,
  /** Relevance multiplier for analysis and opinion entries. */
  commentaryPenalty: 0.7,
  /** Key sentence: decay of the preference for earlier sentences. */
  leadDecay: 0.15,
  /** Key sentence: words beyond which longer sentences are penalised. */
  idealSentenceWords: 35,
  /** Sentence bullets: clause boundaries are cut once this many words are kept. */
  compressMinWords: 6,
  /** Sentence bullets: hard cap on words. */
  compressMaxWords: 25,
  /** Sentence bullets: how many of an entry's first sentences are candidates (besides its most central one). */
  sentenceCandidates: 3,
  /** Sentence bullets: preference for earlier sentences among an entry's candidates. */
  candidateLeadDecay: 0.2,
  /** Concepts: a word pair counts once this many entries repeat it. */
  conceptMinEntries: 2,
  /** Concepts: weight of a single content word relative to a word pair. */
  unigramConcepts: 0.5,
  /** Concepts: weight = (entries repeating it)^conceptPower (below 1, the story-wide words count less). */
  conceptPower: 1,
  /** Concept density: covered weight / words^coverageLength. */
  coverageLength: 1,
  /** Exponent on a candidate's new-concept density (0: concepts ignored). */
  coverage: 1,
  /** Added to the normalised density so a candidate without repeated concepts is not worthless. */
  coverageFloor: 0.05,
  /** Exponent on the chosen member's value (relevance × representativeness × coverage^coverage) in the story's gain. */
  memberRelevance: 0,
  /** Exponent on the chosen bullet's new-concept density in the story's gain. */
  storyCoverage: 0,
  /** The same exponent when the bullet is a sentence (the entry has no usable headline). */
  sentenceStoryCoverage: 2,
};

/** Recency in [0, 1]: 0 for the oldest entry of the window, 1 for the newest (by time, then position, then id). */
function recencyRanks(events: readonly Event[]): number[] {
  const times = events.map((e) => (e.time ? Date.parse(e.time) : Number.NaN));
  const order = events
    .map((_, i) => i)
    .sort((x, y) => {
      const ta = times[x];
      const tb = times[y];
      if (!Number.isNaN(ta) && !Number.isNaN(tb) && ta !== tb) return ta - tb;
      // Live blogs list newest first: a later position is an older entry.
      const a = events[x];
      const b = events[y];
      return b.position - a.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    });
  const out = new Array<number>(events.length).fill(0);
  const denom = Math.max(1, events.length - 1);
  order.forEach((i, rank) => {
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

/** Entity vectors (entity id as term, IDF-weighted over the window); null when no entry names an entity. */
function entitySimilarity(window: readonly Event[]): Float64Array[] | null {
  const docs = window.map((e) => [...new Set(e.entities.map((x) => x.id))]);
  if (docs.every((d) => d.length === 0)) return null;
  const idf = inverseDocumentFrequency(docs);
  return similarityMatrix(docs.map((d) => tfidfVector(d, idf)));
}

interface Scored {
  index: number;
  event: Event;
  relevance: number;
  headline: string | null;
}

/** Ranks the window's entries and returns up to `n` key points, one per story first, within the word budget. */
export function rankKeyPoints(events: Event[], opts: RankOptions = {}): KeyPoint[] {
  const W = RANK_WEIGHTS;
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
  const all = events
    .filter((e) => !e.duplicateOf || !ids.has(e.duplicateOf))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  // Linear in the window: vectors, IDF, centroid and per-entry features.
  let features = all.map((e) => entryFeatures(e, useHeadlines, W.headlineRepeat));
  // The intern table was reset while reading the window (rare): read it again so every id is current.
  if (features.some((f) => f.generation !== internGeneration())) {
    features = all.map((e) => entryFeatures(e, useHeadlines, W.headlineRepeat));
  }
  const allBodies = features.map((f) => f.sentences);
  const wv = windowVectors(
    features.map((f) => f.sparse),
    features.map((f) => f.headSparse),
  );
  const allLengths = features.map((f) => Math.log1p(f.words));
  const meanLength = allLengths.reduce((a, b) => a + b, 0) / Math.max(1, allLengths.length) || 1;
  const allRecency = recencyRanks(all);
  const allHeadCentral = all.map((e, i) => (useHeadlines && e.headline.trim() ? wv.headlineCosine[i] : 0));
  const headMean =
    allHeadCentral.reduce((a, b) => a + b, 0) / Math.max(1, allHeadCentral.filter((x) => x > 0).length) || 1;

  /** Relevance of an entry as a bullet of its own given its centrality, or null when it cannot be one. */
  const relevanceOf = (index: number, centrality: number): Scored | null => {
    const event = all[index];
    if (!isEligible(event)) return null;
    const hq = features[index].headlineQuality;
    const headline = hq >= 0.5 ? event.headline.trim() : null;
    if (!headline && allBodies[index].length === 0 && !(useHeadlines && event.headline.trim())) return null;
    const quality = headline
      ? hq * Math.max(0.2, allHeadCentral[index] / headMean) ** W.headlineCentrality
      : W.sentencePenalty;
    const corroborated = 1 + W.duplicateBoost * Math.log1p(corroboration.get(event.id) ?? 0);
    const length = Math.max(0.1, 1 + W.lengthPrior * (allLengths[index] / meanLength - 1));
    const commentary = event.hints.some((h) => h === 'analysis' || h === 'opinion') ? W.commentaryPenalty : 1;
    const relevance =
      centrality ** W.centralityPower *
      corroborated *
      quality *
      length *
      commentary *
      (event.hints.includes('breaking') ? W.breakingBoost : 1) *
      (1 + W.recency * allRecency[index]) *
      Math.exp(W.recencyExp * allRecency[index]);
    return { index, event, relevance, headline };
  };

  // Bounded candidate pool: a cheap centrality (cosine with the window centroid, mean 1) ranks every entry;
  // only the best (and the most corroborated) reach the pairwise steps below.
  const poolSize = opts.poolSize ?? DEFAULT_POOL_SIZE;
  let pool: number[];
  if (all.length > poolSize) {
    const cheap = Array.from(wv.centroidCosine);
    const cheapMean = cheap.reduce((a, b) => a + b, 0) / Math.max(1, cheap.length) || 1;
    const cheapScore = cheap.map((c, i) => {
      const central = c / cheapMean;
      return relevanceOf(i, central)?.relevance ?? W.ineligibleMass * central ** W.centralityPower;
    });
    pool = candidatePool(
      cheapScore,
      all.map((e) => corroboration.get(e.id) ?? 0),
      poolSize,
    );
  } else {
    pool = all.map((_, i) => i);
  }

  // Pairwise steps over the pool only (local index k ↔ window index pool[k]).
  const window = pool.map((i) => all[i]);
  const bodies = pool.map((i) => allBodies[i]);
  const { vectors, idf, centroid } = wv.subset(pool);
  const recency = pool.map((i) => allRecency[i]);
  const sim = similarityMatrix(vectors);
  const prior = window.map((e) => 1 + (corroboration.get(e.id) ?? 0));
  const central = graphCentrality(sim, prior);

  const scored = new Map<number, Scored>();
  pool.forEach((i, index) => {
    const s = relevanceOf(i, central[index]);
    if (s) scored.set(index, { ...s, index });
  });
  if (scored.size === 0) return [];

  // Stories: clusters of the window's entries; each story's weight grows sub-linearly with its mass.
  const storySim = storySimilarity(
    sim,
    entitySimilarity(window),
    W.entityWeight,
    window.map((e) => e.entities.length > 0),
  );
  const cluster = storyClusters(storySim, W.clusterThreshold);
  const stories = new Map<number, { mass: number; members: Scored[]; centroid: TermVector }>();
  const memberVectors = new Map<number, TermVector[]>();
  window.forEach((_, index) => {
    const c = cluster[index];
    let story = stories.get(c);
    if (!story) {
      story = { mass: 0, members: [], centroid: { weights: new Map(), norm: 0 } };
      stories.set(c, story);
      memberVectors.set(c, []);
    }
    const s = scored.get(index);
    if (s) {
      story.mass += s.relevance;
      story.members.push(s);
    } else {
      story.mass += W.ineligibleMass * central[index] ** W.centralityPower;
    }
    memberVectors.get(c)!.push(vectors[index]);
  });

  interface Story {
    weight: number;
    /** Members by representativeness, best first; consumed as bullets are taken. */
    queue: { s: Scored; rep: number }[];
    taken: number[];
    centroid: TermVector;
    id: number;
    /** Every entry of the story, bullets or not. */
    all: number[];
  }
  const open: Story[] = [];
  for (const [c, story] of stories) {
    if (story.members.length === 0) continue;
    const cent = addVectors(memberVectors.get(c)!);
    // Recency of each member within its story (0 = first report … 1 = latest), by window recency rank.
    const byTime = [...story.members].sort((a, b) => recency[a.index] - recency[b.index]);
    const storyRecency = new Map(byTime.map((m, k) => [m.index, k / Math.max(1, byTime.length - 1)]));
    const queue = story.members.map((s) => {
      if (story.members.length === 1) return { s, rep: s.relevance };
      const latest = 1 + W.storyRecency * storyRecency.get(s.index)!;
      const body = Math.max(0.05, cosine(vectors[s.index], cent));
      const head = s.headline
        ? Math.max(0.05, cosine(tfidfVector(contentStems(s.headline), idf), cent))
        : body;
      return {
        s,
        rep:
          s.relevance *
          latest *
          (body ** (1 - W.headlineRepresentative) * head ** W.headlineRepresentative) ** W.representative,
      };
    });
    const top = Math.max(...story.members.map((m) => m.relevance));
    open.push({
      weight: Math.max(story.mass ** W.clusterSizePower, W.singleFloor * top),
      queue,
      taken: [],
      centroid: cent,
      id: c,
      all: window.flatMap((_, i) => (cluster[i] === c ? [i] : [])),
    });
  }

  const chosen: KeyPoint[] = [];
  const chosenIdx: number[] = [];

  // Bullet candidates of an entry (bullet-candidates.ts), built once per ranking.
  const candidateCache = new Map<number, Candidate[]>();
  const candidatesOf = (s: Scored): Candidate[] => {
    let out = candidateCache.get(s.index);
    if (!out) {
      out = bulletCandidates(
        {
          headline: s.headline,
          fallbackHeadline: useHeadlines ? s.event.headline : '',
          sentences: bodies[s.index],
          vector: vectors[s.index],
          centroid,
          idf,
        },
        weights,
        W,
      );
      candidateCache.set(s.index, out);
    }
    return out;
  };

  // Concepts: word pairs weighted by how many of the pool's entries repeat them.
  const weights = conceptWeights(
    pool.map((i) => entryConceptsCached(features[i], all[i].headline, useHeadlines)),
    W.conceptMinEntries,
    W.unigramConcepts,
    W.conceptPower,
  );
  const coveredConcepts = new Set<string>();
  const density = (c: Candidate) => {
    let sum = 0;
    for (let k = 0; k < c.weighted.length; k++) if (!coveredConcepts.has(c.weighted[k])) sum += c.weightOf[k];
    return (sum / c.words ** W.coverageLength) * c.lead;
  };
  let maxDensity = 0;
  for (const story of open)
    for (const m of story.queue)
      for (const c of candidatesOf(m.s)) maxDensity = Math.max(maxDensity, density(c));
  const maxRep = Math.max(...open.flatMap((story) => story.queue.map((m) => m.rep)), Number.MIN_VALUE);

  const covered: Story[] = [];
  // Average-link similarity of two stories (all their entries), relative to the clustering threshold, capped at 1.
  const linkCache = new Map<string, number>();
  const linkage = (a: Story, b: Story): number => {
    const key = a.id < b.id ? `${a.id}:${b.id}` : `${b.id}:${a.id}`;
    let v = linkCache.get(key);
    if (v === undefined) {
      let sum = 0;
      for (const i of a.all) for (const j of b.all) sum += sim[i][j];
      v = Math.min(1, sum / (a.all.length * b.all.length) / W.clusterThreshold);
      linkCache.set(key, v);
    }
    return v;
  };
  let used = 0;
  while (chosen.length < n && used < budget) {
    // The story whose next bullet gains most: weight / (1 + bullets taken)^decay.
    let best: { story: Story; at: number; gain: number; text: Candidate } | null = null;
    for (const story of open) {
      const k = story.taken.length;
      const factor = 1 / (1 + k) ** W.storyDecay;
      let bestAt = -1;
      let bestValue = Number.NEGATIVE_INFINITY;
      let bestText: Candidate | null = null;
      let bestCoverage = 0;
      for (const [at, m] of story.queue.entries()) {
        let redundancy = 0;
        for (const j of chosenIdx) redundancy = Math.max(redundancy, sim[m.s.index][j]);
        if (redundancy >= W.nearDuplicate) continue;
        let within = 0;
        for (const j of story.taken) within = Math.max(within, sim[m.s.index][j]);
        const rep = Math.max(0, (m.rep / maxRep) * (1 - W.storyNovelty * within));
        for (const c of candidatesOf(m.s)) {
          const coverage = W.coverageFloor + density(c) / (maxDensity || 1);
          const value = rep * coverage ** W.coverage;
          if (value > bestValue) {
            bestValue = value;
            bestAt = at;
            bestText = c;
            bestCoverage = coverage;
          }
        }
      }
      if (bestAt < 0 || !bestText) continue;
      // A story close to stories already covered is another angle of them, not news of its own.
      let overlap = 0;
      for (const other of covered) if (other !== story) overlap = Math.max(overlap, linkage(story, other));
      const storyGain = Math.max(0, story.weight * factor * (1 - W.storyOverlap * overlap));
      const gain =
        storyGain *
        Math.max(0, bestValue) ** W.memberRelevance *
        bestCoverage ** (bestText.headline ? W.storyCoverage : W.sentenceStoryCoverage);
      if (!best || gain > best.gain) best = { story, at: bestAt, gain, text: bestText };
    }
    if (!best) break;
    const [pick] = best.story.queue.splice(best.at, 1);
    const { text } = best.text;
    for (const c of best.text.concepts) coveredConcepts.add(c);
    if (best.story.taken.length === 0) covered.push(best.story);
    best.story.taken.push(pick.s.index);
    chosenIdx.push(pick.s.index);
    chosen.push({ event: pick.s.event, text, score: best.gain });
    used += best.text.words;
  }
  return chosen;
}
