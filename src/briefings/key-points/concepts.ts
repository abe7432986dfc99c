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

/** The distinct concepts of an entry's texts (its sentences, and its headline when used). */
export function entryConcepts(texts: readonly string[]): readonly string[] {
  const out = new Set<string>();
  for (const t of texts) for (const c of conceptsOf(t)) out.add(c);
  return [...out];
}

/**
 * Concept weights over entries (each the list of its distinct concepts): (entries holding it)^power, times
 * `unigramWeight` for single words; concepts fewer than `minEntries` entries hold weigh nothing.
 */
export function conceptWeights(
  entries: readonly (readonly string[])[],
  minEntries: number,
  unigramWeight: number,
  power = 1,
): Map<string, number> {
  const df = new Map<string, number>();
  for (const concepts of entries) for (const c of concepts) df.set(c, (df.get(c) ?? 0) + 1);
  const weights = new Map<string, number>();
  for (const [c, n] of df) {
    if (n < minEntries) continue;
    const w = (c.startsWith('u:') ? unigramWeight : 1) * n ** power;
    if (w > 0) weights.set(c, w);
  }
  return weights;
}
