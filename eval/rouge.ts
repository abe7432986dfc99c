// ROUGE-N recall/precision/F1 as ROUGE-1.5.5 computes it with -m: lower-case alphanumeric tokens, Porter stems for tokens longer than 3.
import { stemmer } from 'stemmer';

/** Recall, precision and F1 of one candidate against one reference. */
export interface RougeScore {
  recall: number;
  precision: number;
  f1: number;
}

/** ROUGE tokens: lower-cased runs of [a-z0-9]; with `stem`, Porter-stemmed when longer than 3 characters. */
export function rougeTokens(text: string, stem = true): string[] {
  const out: string[] = [];
  for (const raw of text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')) {
    if (!raw) continue;
    out.push(stem && raw.length > 3 ? stemmer(raw) : raw);
  }
  return out;
}

/** Counts of the n-grams of a token list. */
export function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = tokens.slice(i, i + n).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Options: n-gram order, Porter stemming (default on), and a length limit in tokens applied to the candidate. */
export interface RougeOptions {
  n: number;
  stem?: boolean;
  limitWords?: number;
}

/** ROUGE-N of candidate text against reference text (clipped n-gram matches). */
export function rougeN(candidate: string, reference: string, opts: RougeOptions): RougeScore {
  let cand = rougeTokens(candidate, opts.stem !== false);
  if (opts.limitWords !== undefined) cand = cand.slice(0, opts.limitWords);
  const ref = rougeTokens(reference, opts.stem !== false);
  const c = ngramCounts(cand, opts.n);
  const r = ngramCounts(ref, opts.n);
  let hits = 0;
  let refTotal = 0;
  let candTotal = 0;
  for (const [g, k] of r) {
    refTotal += k;
    hits += Math.min(k, c.get(g) ?? 0);
  }
  for (const k of c.values()) candTotal += k;
  const recall = refTotal ? hits / refTotal : 0;
  const precision = candTotal ? hits / candTotal : 0;
  const f1 = recall + precision > 0 ? (2 * recall * precision) / (recall + precision) : 0;
  return { recall, precision, f1 };
}

/** Number of ROUGE tokens in a text: the evaluation's word budget unit. */
export function rougeWordCount(text: string): number {
  return rougeTokens(text, false).length;
}
