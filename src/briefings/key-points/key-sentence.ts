// Picks an entry's key sentence: the one most central to the entry and the window, favouring the lead.
import type { Event } from '../../store/types.ts';
import { contentStems, sentences, wordCount } from './text.ts';
import { cosine, type TermVector, tfidfVector } from './vectors.ts';

/** A candidate sentence with its position in the entry. */
export interface SentenceChoice {
  text: string;
  score: number;
}

const MIN_WORDS = 4;

/** Preference for early sentences and the length beyond which sentences are penalised. */
export interface SentenceWeights {
  leadDecay: number;
  idealWords: number;
}

/** The entry's sentences, in order, skipping fragments, credits and image lines. */
export function entrySentences(event: Pick<Event, 'paragraphs'>): string[] {
  const out: string[] = [];
  for (const p of event.paragraphs) {
    for (const s of sentences(p)) {
      if (wordCount(s) < MIN_WORDS) continue;
      if (/^\(?[\p{L} /]+\)?$/u.test(s) && wordCount(s) < 6 && !/[.!?]$/u.test(s)) continue;
      out.push(s);
    }
  }
  return out;
}

/** The most central sentence of the entry against its own text and the window centroid. */
export function keySentence(
  list: readonly string[],
  entryVector: TermVector,
  windowCentroid: TermVector,
  idf: ReadonlyMap<string, number>,
  weights: SentenceWeights = { leadDecay: 0.15, idealWords: 35 },
): SentenceChoice | null {
  let best: SentenceChoice | null = null;
  list.forEach((text, i) => {
    const v = tfidfVector(contentStems(text), idf);
    if (v.norm === 0) return;
    const n = wordCount(text);
    const lead = 1 / (1 + weights.leadDecay * i);
    const length = n > weights.idealWords ? weights.idealWords / n : 1;
    const score = (0.5 * cosine(v, entryVector) + 0.5 * cosine(v, windowCentroid) + 0.1) * lead * length;
    if (!best || score > best.score) best = { text, score };
  });
  return best;
}
