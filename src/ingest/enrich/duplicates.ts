// Near-duplicate entries: word-shingle Jaccard / containment over headline + text, pointing to the earliest copy.
import type { Event } from '../../store/types.ts';
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

interface Candidate {
  event: Event;
  set: Set<number>;
  /** The same shingles as a flat array (prior candidates, read once per document). */
  list?: Int32Array;
  prior: boolean;
  order: number;
}

/** Whether a comes before b: by time when both have one, else stored (prior) entries first, else by position. */
function earlier(a: Candidate, b: Candidate): boolean {
  if (a.event.time && b.event.time && a.event.time !== b.event.time) return a.event.time < b.event.time;
  if (a.prior !== b.prior) return a.prior;
  if (a.event.articleId === b.event.articleId && a.event.position !== b.event.position)
    return a.event.position < b.event.position;
  return a.order < b.order;
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
function duplicatePairs(all: Candidate[], from: number, stats: DuplicateStats): number[][] {
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

/** Shingle sets of events seen before (stored events come back as prior for every nearby document). */
const SHINGLE_CACHE_LIMIT = 20_000;
interface CachedShingles {
  headline: string;
  paragraphs: string[];
  set: Set<number>;
  list: Int32Array;
}
const shingleCache = new Map<string, CachedShingles>();

function eventText(event: Event): string {
  return `${event.headline}\n${event.paragraphs.join('\n')}`;
}

function sameText(hit: CachedShingles, event: Event): boolean {
  if (hit.headline !== event.headline || hit.paragraphs.length !== event.paragraphs.length) return false;
  for (let i = 0; i < hit.paragraphs.length; i++) if (hit.paragraphs[i] !== event.paragraphs[i]) return false;
  return true;
}

/** An event's shingles, from the cache when the same id was seen with the same text (most recently used kept). */
function cachedShingles(event: Event, known?: Set<number>): CachedShingles {
  const hit = shingleCache.get(event.id);
  shingleCache.delete(event.id);
  if (hit && sameText(hit, event)) {
    shingleCache.set(event.id, hit);
    return hit;
  }
  if (!hit && shingleCache.size >= SHINGLE_CACHE_LIMIT) {
    // Forget the least recently used quarter in one go (Map iterates in insertion order).
    let drop = SHINGLE_CACHE_LIMIT / 4;
    for (const key of shingleCache.keys()) {
      if (drop-- <= 0) break;
      shingleCache.delete(key);
    }
  }
  const set = known ?? shingles(eventText(event));
  const entry = {
    headline: event.headline,
    paragraphs: [...event.paragraphs],
    set,
    list: Int32Array.from(set),
  };
  shingleCache.set(event.id, entry);
  return entry;
}

/** Options for markDuplicates. */
export interface MarkDuplicatesOptions {
  /** Counts the work done (comparisons and index reads). */
  stats?: DuplicateStats;
  /** Shingle sets of `events` already computed by the caller (same order), e.g. from shared tokens. */
  sets?: Array<Set<number>>;
}

/**
 * Sets duplicateOf on each event that repeats an earlier one (in this batch or among `prior` stored events),
 * pointing at the earliest copy. Returns new event objects; prior events are never changed. Candidate pairs come
 * from shingle indexes, so the work grows with the number of entries (plus one lookup per prior shingle), not
 * with its square.
 */
export function markDuplicates(
  events: Event[],
  prior: Event[] = [],
  opts: MarkDuplicatesOptions = {},
): Event[] {
  const stats = opts.stats ?? { comparisons: 0, postings: 0 };
  const all: Candidate[] = [
    ...prior.map((event, i) => {
      const { set, list } = cachedShingles(event);
      return { event, set, list, prior: true, order: i };
    }),
    ...events.map((event, i) => ({
      event,
      // Remembered too: a fresh event comes back as a prior one for the next nearby document.
      set: cachedShingles(event, opts.sets?.[i]).set,
      prior: false,
      order: prior.length + i,
    })),
  ];
  const pairs = duplicatePairs(all, prior.length, stats);
  const priorRoot = new Map(prior.map((e) => [e.id, e.duplicateOf ?? e.id]));
  const marked = events.map((event, i) => {
    const at = prior.length + i;
    const c = all[at];
    let best: Candidate | null = null;
    for (const j of pairs[at]) {
      const other = all[j];
      if (other.event.id === c.event.id || !earlier(other, c)) continue;
      if (!best || earlier(other, best)) best = other;
    }
    if (!best) return { ...event, duplicateOf: event.duplicateOf ?? null };
    const root = best.prior ? (priorRoot.get(best.event.id) ?? best.event.id) : best.event.id;
    return { ...event, duplicateOf: root };
  });
  // Point chains (c → b → a) at their root, remembering each root found (a flood of copies makes long chains).
  const byId = new Map(marked.map((e) => [e.id, e]));
  const roots = new Map<string, string>();
  const rootOf = (id: string): string => {
    const path = new Set<string>();
    let at = id;
    let known = roots.get(at);
    while (known === undefined) {
      const next = byId.get(at)?.duplicateOf;
      if (!next || path.has(at)) break;
      path.add(at);
      at = next;
      known = roots.get(at);
    }
    const root = known ?? at;
    for (const p of path) roots.set(p, root);
    return root;
  };
  return marked.map((e) => {
    if (!e.duplicateOf) return e;
    const root = rootOf(e.duplicateOf);
    return root === e.duplicateOf ? e : { ...e, duplicateOf: root };
  });
}
