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
    out.add(h >>> 0);
  }
  return out;
}

const FNV_OFFSET = 2166136261;
const FNV_PRIME = 16777619;

function fnv(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

function hash(s: string): number {
  return fnv(FNV_OFFSET, s) >>> 0;
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
}

/**
 * The least overlap any duplicate pair has: both rules need at least ⌈2/3⌉ of the smaller set shared
 * (Jaccard ≥ 0.5 ⇒ shared ≥ (|a| + |b|) / 3; containment ≥ 0.85 of the smaller set).
 */
function minOverlap(size: number): number {
  return Math.floor((2 * size + 2) / 3);
}

const HASHES = 2 ** 32;

/** A set's shingles ordered by document frequency, then hash (one numeric typed-array sort, no comparator). */
function rarestFirst(set: Set<number>, df: Map<number, number>): number[] {
  const keys = new Float64Array(set.size);
  let k = 0;
  for (const x of set) keys[k++] = df.get(x)! * HASHES + x;
  keys.sort();
  const out = new Array<number>(keys.length);
  for (let i = 0; i < keys.length; i++) out[i] = keys[i] % HASHES;
  return out;
}

/**
 * Pairs among the fresh candidates (indices from..all.length) that isDuplicate accepts, found without comparing
 * all pairs: shingles are ordered rarest first, each set is indexed by its shortest prefix that any duplicate must
 * share (prefix filtering), and each set probes the index only for sets no larger than itself. Exact: the same
 * pairs an all-pairs scan finds.
 */
function freshPairs(all: Candidate[], from: number, pairs: number[][], stats: DuplicateStats): void {
  const df = new Map<number, number>();
  for (let i = from; i < all.length; i++) for (const x of all[i].set) df.set(x, (df.get(x) ?? 0) + 1);
  const index = new Map<number, number[]>();
  const sorted: number[][] = [];
  for (let i = from; i < all.length; i++) {
    const tokens = rarestFirst(all[i].set, df);
    const prefix = tokens.length - minOverlap(tokens.length) + 1;
    for (let k = 0; k < prefix && k < tokens.length; k++) {
      const list = index.get(tokens[k]);
      if (list) list.push(i);
      else index.set(tokens[k], [i]);
    }
    sorted[i] = tokens;
  }
  const seenBy = new Int32Array(all.length).fill(-1);
  for (let i = from; i < all.length; i++) {
    const size = all[i].set.size;
    if (size === 0) continue;
    seenBy[i] = i;
    for (const x of sorted[i]) {
      // Only sets whose prefix holds x are listed; a set is probed by every set at least its size.
      const list = index.get(x);
      if (!list) continue;
      stats.postings += list.length;
      for (const j of list) {
        if (seenBy[j] === i) continue;
        seenBy[j] = i;
        const otherSize = all[j].set.size;
        if (otherSize > size || (otherSize === size && j > i)) continue;
        stats.comparisons++;
        if (!isDuplicate(all[i].set, all[j].set)) continue;
        pairs[i].push(j);
        pairs[j].push(i);
      }
    }
  }
}

/**
 * Pairs between prior candidates (indices below `from`) and fresh ones: each prior set's shingles are looked up in
 * an inverted index of the fresh sets, counting shared shingles per fresh set; the counts decide exactly. The work
 * is one lookup per prior shingle (prior sets come from the shingle cache), never prior × fresh comparisons.
 */
function priorPairs(all: Candidate[], from: number, pairs: number[][], stats: DuplicateStats): void {
  if (from === 0 || from === all.length) return;
  const index = new Map<number, number[]>();
  for (let i = from; i < all.length; i++) {
    for (const x of all[i].set) {
      const list = index.get(x);
      if (list) list.push(i);
      else index.set(x, [i]);
    }
  }
  const shared = new Int32Array(all.length);
  const touched: number[] = [];
  for (let j = 0; j < from; j++) {
    const prior = all[j].set;
    for (const x of prior) {
      const list = index.get(x);
      if (!list) continue;
      stats.postings += list.length;
      for (const i of list) if (shared[i]++ === 0) touched.push(i);
    }
    for (const i of touched) {
      stats.comparisons++;
      if (sharesEnough(shared[i], all[i].set.size, prior.size)) {
        pairs[i].push(j);
        pairs[j].push(i);
      }
      shared[i] = 0;
    }
    touched.length = 0;
  }
}

/** Shingle sets of events seen before (stored events come back as prior for every nearby document). */
const SHINGLE_CACHE_LIMIT = 20_000;
const shingleCache = new Map<string, { text: string; set: Set<number> }>();

function eventText(event: Event): string {
  return `${event.headline}\n${event.paragraphs.join('\n')}`;
}

/** An event's shingles, from the cache when the same id was seen with the same text. */
function cachedShingles(event: Event, known?: Set<number>): Set<number> {
  const text = eventText(event);
  const hit = shingleCache.get(event.id);
  if (hit && hit.text === text) return hit.set;
  const set = known ?? shingles(text);
  if (hit) shingleCache.delete(event.id);
  else if (shingleCache.size >= SHINGLE_CACHE_LIMIT) {
    // Forget the oldest quarter in one go (Map iterates in insertion order).
    let drop = SHINGLE_CACHE_LIMIT / 4;
    for (const key of shingleCache.keys()) {
      if (drop-- <= 0) break;
      shingleCache.delete(key);
    }
  }
  shingleCache.set(event.id, { text, set });
  return set;
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
    ...prior.map((event, i) => ({ event, set: cachedShingles(event), prior: true, order: i })),
    ...events.map((event, i) => ({
      event,
      // Remembered too: a fresh event comes back as a prior one for the next nearby document.
      set: cachedShingles(event, opts.sets?.[i]),
      prior: false,
      order: prior.length + i,
    })),
  ];
  const pairs: number[][] = all.map(() => []);
  freshPairs(all, prior.length, pairs, stats);
  priorPairs(all, prior.length, pairs, stats);
  for (const list of pairs) list.sort((a, b) => a - b);
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
  // Point chains (c → b → a) at their root.
  const byId = new Map(marked.map((e) => [e.id, e]));
  return marked.map((e) => {
    let root = e.duplicateOf;
    for (let hops = 0; root && hops < 20; hops++) {
      const next = byId.get(root)?.duplicateOf;
      if (!next) break;
      root = next;
    }
    return root === e.duplicateOf ? e : { ...e, duplicateOf: root };
  });
}
