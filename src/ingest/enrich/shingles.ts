// Word shingles of an entry and the near-duplicate rule on them (Jaccard, or containment of a smaller entry).
import { type Token, tokenize } from './tokens.ts';

const SHINGLE = 3;
/** Jaccard similarity at or above which two entries are the same report. */
export const DUPLICATE_JACCARD = 0.5;
/** Share of the smaller entry's shingles found in the other, for short repeats inside longer entries. */
export const DUPLICATE_CONTAINMENT = 0.85;
const MIN_SHINGLES = 8;

const STOP = new Set(
  'the a an and or but of to in on at for by with from as is are was were be been it its that this these those he she they we you i his her their our has have had will would says said'.split(
    ' ',
  ),
);

/** Hashed 3-word shingles of the content words of a text. */
export function shingles(text: string): Set<number> {
  return shinglesOfTokens([tokenize(text)]);
}

/** Hashed 3-word shingles of already-tokenized texts read one after another (stop words are dropped here). */
export function shinglesOfTokens(groups: Token[][]): Set<number> {
  const words: string[] = [];
  for (const tokens of groups) for (const t of tokens) if (!STOP.has(t.lower)) words.push(t.lower);
  const out = new Set<number>();
  if (words.length < SHINGLE) {
    if (words.length) out.add(hash(words.join(' ')));
    return out;
  }
  // FNV-1a over "w1 w2 w3", continued word by word (no joined string per shingle).
  for (let i = 0; i + SHINGLE <= words.length; i++) {
    let h = fnv(FNV_OFFSET, words[i]);
    h = fnv(Math.imul(h ^ 32, FNV_PRIME), words[i + 1]);
    h = fnv(Math.imul(h ^ 32, FNV_PRIME), words[i + 2]);
    out.add(h & SMI_BITS);
  }
  return out;
}

const FNV_OFFSET = 2166136261;
const FNV_PRIME = 16777619;
/** Shingle hashes keep 30 bits: small integers that V8 stores unboxed, so sets and index maps stay fast. */
const SMI_BITS = 0x3fffffff;

function fnv(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

function hash(s: string): number {
  return fnv(FNV_OFFSET, s) & SMI_BITS;
}

/** Jaccard and containment (of the smaller set) between two shingle sets. */
export function similarity(a: Set<number>, b: Set<number>): { jaccard: number; containment: number } {
  if (a.size === 0 || b.size === 0) return { jaccard: 0, containment: 0 };
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  return { jaccard: shared / (a.size + b.size - shared), containment: shared / small.size };
}

/** Whether two shingle sets are the same report (Jaccard, or containment of a smaller set of ≥ 8 shingles). */
export function isDuplicate(a: Set<number>, b: Set<number>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  return sharesEnough(shared, a.size, b.size);
}

/** The duplicate rule on counts: Jaccard ≥ 0.5, or containment ≥ 0.85 of a smaller set of ≥ 8 shingles. */
function sharesEnough(shared: number, a: number, b: number): boolean {
  if (a === 0 || b === 0) return false;
  const jaccard = shared / (a + b - shared);
  const containment = shared / Math.min(a, b);
  return (
    jaccard >= DUPLICATE_JACCARD || (Math.min(a, b) >= MIN_SHINGLES && containment >= DUPLICATE_CONTAINMENT)
  );
}
