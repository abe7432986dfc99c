// Per-entry ranking features computed in one pass (sentences, word count, term counts, headline quality), memoised by event id.
import type { Event } from '../../store/types.ts';
import { headlineQuality } from './headline-quality.ts';
import { entrySentences } from './key-sentence.ts';
import { contentStems, wordCount } from './text.ts';
import { termCounts } from './vectors.ts';
import { internGeneration, type SparseCounts, sparseCounts } from './window-vectors.ts';

/** What the ranker needs of one entry; shared between calls, do not mutate. */
export interface EntryFeatures {
  /** The entry's usable sentences, in order. */
  sentences: readonly string[];
  /** Words over those sentences. */
  words: number;
  /** Quality of the headline as a bullet (0 when headlines are not used). */
  headlineQuality: number;
  /** Stems of the headline (empty when headlines are not used). */
  headStems: readonly string[];
  /** Intern generation of the ids below. */
  generation: number;
  /** Term counts of the entry's document over interned ids: headline stems `headlineRepeat` times (when headlines are used), then the body. */
  sparse: SparseCounts;
  /** Term counts of the headline alone, interned (empty when headlines are not used). */
  headSparse: SparseCounts;
}

interface Cached {
  generation: number;
  headline: string;
  paragraphs: readonly string[];
  features: EntryFeatures;
}

/** Entries kept (a few 2000-entry topic windows); roughly 3 KB each. */
const MAX_CACHED = 10_000;
const cache = new Map<string, Cached>();

function sameText(c: Cached, e: Event): boolean {
  if (
    c.generation !== internGeneration() ||
    c.headline !== e.headline ||
    c.paragraphs.length !== e.paragraphs.length
  )
    return false;
  for (let i = 0; i < c.paragraphs.length; i++) if (c.paragraphs[i] !== e.paragraphs[i]) return false;
  return true;
}

function compute(event: Event, useHeadlines: boolean, headlineRepeat: number): EntryFeatures {
  const sentences = entrySentences(event);
  const counts = new Map<string, number>();
  const headStems = useHeadlines ? contentStems(event.headline) : [];
  for (const t of headStems) counts.set(t, (counts.get(t) ?? 0) + headlineRepeat);
  let words = 0;
  for (const s of sentences) {
    words += wordCount(s);
    for (const t of contentStems(s)) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return {
    sentences,
    words,
    headlineQuality: useHeadlines ? headlineQuality(event.headline) : 0,
    headStems,
    generation: internGeneration(),
    sparse: sparseCounts(counts),
    headSparse: sparseCounts(termCounts(headStems)),
  };
}

/** The entry's features; reused while the event id maps to the same headline and paragraphs. */
export function entryFeatures(event: Event, useHeadlines: boolean, headlineRepeat: number): EntryFeatures {
  const key = `${useHeadlines ? 'h' : 'b'}${headlineRepeat}:${event.id}`;
  const hit = cache.get(key);
  if (hit && sameText(hit, event)) return hit.features;
  const features = compute(event, useHeadlines, headlineRepeat);
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(key, {
    generation: internGeneration(),
    headline: event.headline,
    paragraphs: [...event.paragraphs],
    features,
  });
  return features;
}
