// Candidate search for near-duplicates: prefix filtering over rarest-first shingles instead of all pairs.
import { isDuplicate } from './shingles.ts';

/** What the search needs of an entry: its shingles (and, for prior ones, the same as a flat array). */
export interface PairCandidate {
  set: Set<number>;
  list?: Int32Array;
}

/** Work done by one markDuplicates call: what a caller can watch to see that it grows linearly. */
export interface DuplicateStats {
  /** Shingle-set pairs whose similarity was computed (the candidates that passed the prefix filter). */
  comparisons: number;
  /** Index entries read while looking for candidates. */
  postings: number;
  /** Index lists too long to read whole (a flood of near-identical entries); only their nearest part was read. */
  truncated?: number;
}

/**
 * The least overlap any duplicate pair has: both rules need at least ⌈2/3⌉ of the smaller set shared
 * (Jaccard ≥ 0.5 ⇒ shared ≥ (|a| + |b|) / 3; containment ≥ 0.85 of the smaller set).
 */
function minOverlap(size: number): number {
  return Math.floor((2 * size + 2) / 3);
}

/** Bits of the filter that tells, without a map lookup, that a prior shingle is in no fresh set. */
const FRESH_BITS = 1 << 16;

/** How many entries of one index list are read in full; longer lists only arise from floods of near-copies. */
const LONG_LIST = 256;

const HASHES = 2 ** 32;

/** A set's shingles ordered by document frequency, then hash (one numeric typed-array sort, no comparator). */
function rarestFirst(tokens: Iterable<number>, count: number, df: Map<number, number>): number[] {
  const keys = new Float64Array(count);
  let k = 0;
  for (const x of tokens) keys[k++] = (df.get(x) ?? 0) * HASHES + x;
  keys.sort();
  const out = new Array<number>(keys.length);
  for (let i = 0; i < keys.length; i++) out[i] = keys[i] % HASHES;
  return out;
}

/** The part of an ascending index list to read for entry i: all of it, or the LONG_LIST entries nearest to i. */
function window(list: number[], i: number, stats: DuplicateStats): [number, number] {
  if (list.length <= LONG_LIST) return [0, list.length];
  stats.truncated = (stats.truncated ?? 0) + 1;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < i) lo = mid + 1;
    else hi = mid;
  }
  const from = Math.max(0, Math.min(lo - LONG_LIST / 2, list.length - LONG_LIST));
  return [from, from + LONG_LIST];
}

function push(index: Map<number, number[]>, x: number, i: number): void {
  const list = index.get(x);
  if (list) list.push(i);
  else index.set(x, [i]);
}

/**
 * Every pair that isDuplicate accepts among the candidates with at least one fresh side (fresh ones are the
 * indices from..all.length), found by prefix filtering instead of comparing all pairs. Shingles are ordered by
 * how many fresh sets hold them (rarest first; shingles no fresh set holds come before all others), and a
 * duplicate pair must share a shingle between the smaller set's short prefix (|s| − minOverlap(|s|) + 1
 * shingles) and the larger set. Fresh sets are indexed by prefix (and, when there are prior sets, in full);
 * each set probes them only for partners no larger than itself, and a prior set's own prefix probes the full
 * index for larger fresh partners. Exact, except that an index list longer than LONG_LIST is read only near the
 * prober (stats.truncated counts it). Returns, per candidate index, its duplicates in ascending index order.
 */
export function duplicatePairs(all: PairCandidate[], from: number, stats: DuplicateStats): number[][] {
  const pairs: number[][] = all.map(() => []);
  const df = new Map<number, number>();
  for (let i = from; i < all.length; i++) for (const x of all[i].set) df.set(x, (df.get(x) ?? 0) + 1);
  const prefixes = new Map<number, number[]>();
  const full = new Map<number, number[]>();
  const sorted: number[][] = [];
  for (let i = from; i < all.length; i++) {
    const set = all[i].set;
    const tokens = rarestFirst(set, set.size, df);
    const prefix = tokens.length - minOverlap(tokens.length) + 1;
    for (let k = 0; k < prefix && k < tokens.length; k++) push(prefixes, tokens[k], i);
    if (from > 0) for (const x of tokens) push(full, x, i);
    sorted[i] = tokens;
  }
  const seenBy = new Int32Array(all.length).fill(-1);
  const verify = (i: number, j: number) => {
    stats.comparisons++;
    if (!isDuplicate(all[i].set, all[j].set)) return;
    pairs[i].push(j);
    pairs[j].push(i);
  };
  // Fresh × fresh: each set probes the prefixes of fresh sets no larger than itself.
  for (let i = from; i < all.length; i++) {
    const size = all[i].set.size;
    if (size === 0) continue;
    seenBy[i] = i;
    for (const x of sorted[i]) {
      const list = prefixes.get(x);
      if (!list) continue;
      const [a, b] = window(list, i, stats);
      stats.postings += b - a;
      for (let k = a; k < b; k++) {
        const j = list[k];
        if (seenBy[j] === i) continue;
        seenBy[j] = i;
        const otherSize = all[j].set.size;
        if (otherSize > size || (otherSize === size && j > i)) continue;
        verify(i, j);
      }
    }
  }
  if (from === 0 || from === all.length) return finish(pairs);
  // Prior × fresh: fresh partners no larger than the prior set share one of their prefix shingles with it;
  // larger ones hold one of the prior set's own prefix shingles. A bit filter over the fresh shingles skips
  // most prior shingles without a map lookup.
  const freshBits = new Uint32Array(FRESH_BITS / 32);
  for (const x of df.keys()) freshBits[(x & (FRESH_BITS - 1)) >>> 5] |= 1 << (x & 31);
  for (let j = 0; j < from; j++) {
    const set = all[j].set;
    const size = set.size;
    if (size === 0) continue;
    let unshared = 0;
    for (const x of all[j].list ?? set) {
      if ((freshBits[(x & (FRESH_BITS - 1)) >>> 5] & (1 << (x & 31))) === 0 || !df.has(x)) {
        unshared++;
        continue;
      }
      const list = prefixes.get(x);
      if (!list) continue;
      const [a, b] = window(list, from, stats);
      stats.postings += b - a;
      for (let k = a; k < b; k++) {
        const i = list[k];
        // Larger fresh sets are left to the second probe below.
        if (seenBy[i] === -2 - j || all[i].set.size > size) continue;
        seenBy[i] = -2 - j;
        verify(i, j);
      }
    }
    const prefix = size - minOverlap(size) + 1;
    if (unshared >= prefix) continue;
    const shared = rarestFirst(
      [...set].filter((x) => df.has(x)),
      size - unshared,
      df,
    );
    for (let k = 0; k < prefix - unshared; k++) {
      const list = full.get(shared[k])!;
      const [a, b] = window(list, from, stats);
      stats.postings += b - a;
      for (let m = a; m < b; m++) {
        const i = list[m];
        if (seenBy[i] === -2 - j || all[i].set.size <= size) continue;
        seenBy[i] = -2 - j;
        verify(i, j);
      }
    }
  }
  return finish(pairs);
}

function finish(pairs: number[][]): number[][] {
  for (const list of pairs) list.sort((a, b) => a - b);
  return pairs;
}
