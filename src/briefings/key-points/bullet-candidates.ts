// Bullet candidates of an entry: its headline when it is a good one, else compressed sentences near its lead (and its
// most central one), each with the concepts it covers; plus the memoised per-entry concepts the weights count.
import { compressSentence } from './compress.ts';
import { conceptsOf, entryConcepts } from './concepts.ts';
import type { EntryFeatures } from './entry-features.ts';
import { keySentence } from './key-sentence.ts';
import { wordCount } from './text.ts';
import type { TermVector } from './vectors.ts';

/** One possible bullet text of an entry. */
export interface BulletCandidate {
  text: string;
  concepts: readonly string[];
  /** The concepts that carry weight, and their weights. */
  weighted: string[];
  weightOf: number[];
  words: number;
  /** Preference for earlier sentences (1 for the lead and for headlines). */
  lead: number;
  /** True when the candidate is the entry's own headline. */
  headline: boolean;
}

/** What an entry offers as bullet text. */
export interface CandidateSource {
  /** The entry's headline when it is good enough to be the bullet, else null. */
  headline: string | null;
  /** A headline to fall back on when the entry has no usable sentence ('' when headlines are not used). */
  fallbackHeadline: string;
  sentences: readonly string[];
  vector: TermVector;
  centroid: TermVector;
  idf: ReadonlyMap<string, number>;
}

/** The ranker weights the candidates depend on. */
export interface CandidateWeights {
  leadDecay: number;
  idealSentenceWords: number;
  candidateLeadDecay: number;
  sentenceCandidates: number;
  compressMinWords: number;
  compressMaxWords: number;
}

/** The entry's bullet candidates, each with its weighted concepts. */
export function bulletCandidates(
  source: CandidateSource,
  weights: ReadonlyMap<string, number>,
  W: CandidateWeights,
): BulletCandidate[] {
  const texts: { text: string; lead: number; headline: boolean }[] = [];
  if (source.headline) texts.push({ text: source.headline, lead: 1, headline: true });
  else {
    const list = source.sentences;
    const key = keySentence(list, source.vector, source.centroid, source.idf, {
      leadDecay: W.leadDecay,
      idealWords: W.idealSentenceWords,
    });
    const seen = new Set<string>();
    const add = (sentence: string, at: number) => {
      if (seen.has(sentence)) return;
      seen.add(sentence);
      texts.push({
        text: compressed(sentence, W.compressMinWords, W.compressMaxWords),
        lead: 1 / (1 + W.candidateLeadDecay * at),
        headline: false,
      });
    };
    if (key) add(key.text, Math.max(0, list.indexOf(key.text)));
    for (const [at, sentence] of list.slice(0, W.sentenceCandidates).entries()) add(sentence, at);
    const fallback = source.fallbackHeadline.trim();
    if (texts.length === 0 && fallback) texts.push({ text: fallback, lead: 1, headline: true });
  }
  return texts.map((t) => {
    const concepts = conceptsOf(t.text);
    const weighted = concepts.filter((c) => weights.has(c));
    return {
      ...t,
      concepts,
      weighted,
      weightOf: weighted.map((c) => weights.get(c)!),
      words: Math.max(1, wordCount(t.text)),
    };
  });
}

/** Each entry's distinct concepts, kept as long as its (shared, cached) features object lives. */
const entryConceptCache = new WeakMap<EntryFeatures, { headline: string; concepts: readonly string[] }>();

/** The distinct concepts of an entry's sentences (and headline when used), memoised with its features. */
export function entryConceptsCached(
  features: EntryFeatures,
  headline: string,
  useHeadlines: boolean,
): readonly string[] {
  const head = useHeadlines ? headline.trim() : '';
  const hit = entryConceptCache.get(features);
  if (hit && hit.headline === head) return hit.concepts;
  const concepts = entryConcepts(head ? [...features.sentences, head] : features.sentences);
  entryConceptCache.set(features, { headline: head, concepts });
  return concepts;
}

const compressCache = new Map<string, string>();

/** compressSentence, memoised (sentences recur across calls on the same window). */
function compressed(text: string, minWords: number, maxWords: number): string {
  const key = `${minWords}:${maxWords}:${text}`;
  let out = compressCache.get(key);
  if (out === undefined) {
    out = compressSentence(text, { minWords, maxWords });
    if (compressCache.size >= 50_000) compressCache.clear();
    compressCache.set(key, out);
  }
  return out;
}
