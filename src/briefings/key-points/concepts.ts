// Concept coverage for bullet selection (after Gillick & Favre's concept-based summariser): a bullet's worth is the
// weight of the word pairs it covers that earlier bullets did not, where a pair weighs how many entries repeat it.
import { STOP_WORDS, stem, words } from './text.ts';

const cache = new Map<string, readonly string[]>();
/** Texts whose concepts are kept (sentences of a few large windows). */
const MAX_CACHED = 50_000;

/** Distinct concepts of a text: stemmed word pairs (not two stop words), and content words prefixed with "u:"; memoised, do not mutate. */
export function conceptsOf(text: string): readonly string[] {
  const hit = cache.get(text);
  if (hit) return hit;
  const out = computeConcepts(text);
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(text, out);
  return out;
}

function computeConcepts(text: string): string[] {
  const ws = words(text);
  const out = new Set<string>();
  let prev: { s: string; stop: boolean } | null = null;
  for (const w of ws) {
    const stop = w.length < 2 || STOP_WORDS.has(w);
    const s = stem(w);
    if (!stop) out.add(`u:${s}`);
    if (prev && !(prev.stop && stop)) out.add(`${prev.s} ${s}`);
    prev = { s, stop };
  }
  return [...out];
}

// Concepts are interned to integer ids for counting; the table is cleared (a new generation) between rankings when
// it grows past MAX_IDS, never during one.
const ids = new Map<string, number>();
const unigram: boolean[] = [];
let generation = 0;
const MAX_IDS = 1_000_000;
const idCache = new Map<string, Int32Array>();

/** The current intern generation: ids from an earlier generation are stale. */
export function conceptGeneration(): number {
  return generation;
}

/** Starts a new generation when the intern table is near full; call before a ranking, never during one. */
export function trimConceptIds(): void {
  if (ids.size < MAX_IDS * 0.9) return;
  ids.clear();
  unigram.length = 0;
  idCache.clear();
  generation++;
}

/** The id of a concept (interned on first use). */
export function conceptId(concept: string): number {
  let id = ids.get(concept);
  if (id === undefined) {
    id = ids.size;
    ids.set(concept, id);
    unigram.push(concept.startsWith('u:'));
  }
  return id;
}

/** The concept ids of a text (see conceptsOf); memoised per generation, do not mutate. */
export function conceptIdsOf(text: string): Int32Array {
  let out = idCache.get(text);
  if (!out) {
    out = Int32Array.from(conceptsOf(text), conceptId);
    if (idCache.size >= MAX_CACHED) idCache.clear();
    idCache.set(text, out);
  }
  return out;
}

/** The distinct concept ids of an entry's texts (its sentences, and its headline when used). */
export function entryConceptIds(texts: readonly string[]): Int32Array {
  const out = new Set<number>();
  for (const t of texts) for (const id of conceptIdsOf(t)) out.add(id);
  return Int32Array.from(out);
}

let df = new Int32Array(1024);

/**
 * Concept weights over entries (each the array of its distinct concept ids): (entries holding it)^power, times
 * `unigramWeight` for single words; concepts fewer than `minEntries` entries hold weigh nothing.
 */
export function conceptWeights(
  entries: readonly Int32Array[],
  minEntries: number,
  unigramWeight: number,
  power = 1,
): Map<number, number> {
  if (df.length < ids.size) df = new Int32Array(Math.max(ids.size, df.length * 2));
  const touched: number[] = [];
  for (const concepts of entries) {
    for (const id of concepts) if (df[id]++ === 0) touched.push(id);
  }
  const weights = new Map<number, number>();
  for (const id of touched) {
    const n = df[id];
    df[id] = 0;
    if (n < minEntries) continue;
    const w = (unigram[id] ? unigramWeight : 1) * n ** power;
    if (w > 0) weights.set(id, w);
  }
  return weights;
}
