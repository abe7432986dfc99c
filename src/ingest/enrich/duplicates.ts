// Near-duplicate entries: word-shingle Jaccard / containment over headline + text, pointing to the earliest copy.
import type { Event } from '../../store/types.ts';
import { type DuplicateStats, duplicatePairs } from './duplicate-pairs.ts';
import { cachedShingles } from './shingle-cache.ts';

export type { DuplicateStats } from './duplicate-pairs.ts';
export {
  DUPLICATE_CONTAINMENT,
  DUPLICATE_JACCARD,
  isDuplicate,
  shingles,
  shinglesOfTokens,
  similarity,
} from './shingles.ts';

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
