// Concept coverage for bullet selection (after Gillick & Favre's concept-based summariser): a bullet's worth is the
// weight of the word pairs it covers that earlier bullets did not, where a pair weighs how many entries repeat it.
import { STOP_WORDS, stem, words } from './text.ts';

/** Distinct concepts of a text: stemmed word pairs (not two stop words), and content words prefixed with "u:". */
export function conceptsOf(text: string): string[] {
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

/** Concept weights: (entries holding it)^power, times `unigramWeight` for single words; concepts fewer than `minEntries` entries hold weigh nothing. */
export function conceptWeights(
  entries: readonly (readonly string[])[],
  minEntries: number,
  unigramWeight: number,
  power = 1,
): Map<string, number> {
  const df = new Map<string, number>();
  for (const concepts of entries) {
    for (const c of new Set(concepts)) df.set(c, (df.get(c) ?? 0) + 1);
  }
  const weights = new Map<string, number>();
  for (const [c, n] of df) {
    if (n < minEntries) continue;
    const w = (c.startsWith('u:') ? unigramWeight : 1) * n ** power;
    if (w > 0) weights.set(c, w);
  }
  return weights;
}

/** Weight of the concepts of `concepts` not yet in `covered`. */
export function uncoveredWeight(
  concepts: readonly string[],
  weights: ReadonlyMap<string, number>,
  covered: ReadonlySet<string>,
): number {
  let sum = 0;
  for (const c of concepts) if (!covered.has(c)) sum += weights.get(c) ?? 0;
  return sum;
}
