// Memoised Key Points ranking: the same window (every field of every entry, the options and the weights) ranks to
// the same bullets, so a repeated `brief` / `digest` / `topic` on unchanged coverage skips the ranker's CPU.
import { createHash } from 'node:crypto';
import type { Event } from '../store/types.ts';
import { type KeyPoint, RANK_WEIGHTS, type RankOptions, rankKeyPoints } from './key-points/index.ts';

/** Rankings kept (least recently used dropped first); each holds a few bullets. */
const MAX_ENTRIES = 128;
const memo = new Map<string, KeyPoint[]>();
const stats = { hits: 0, misses: 0 };

/**
 * Each entry's content hash, once per entry object: a digest ranks its window and then six topic subsets of the
 * same objects, which then cost a lookup each. Entries are values: nothing in a build changes an event in place
 * (the store hands out new objects per query), so an object's hash stays its content's.
 */
const signatures = new WeakMap<Event, string>();

function signature(e: Event): string {
  let s = signatures.get(e);
  if (s === undefined) {
    s = createHash('sha256').update(JSON.stringify(e)).digest('base64url');
    signatures.set(e, s);
  }
  return s;
}

/**
 * The key of a ranking: a hash over the options, the ranker's (tunable) weights and each entry in full, so an
 * edited entry, a new entry or a changed weight is a different key; nothing can be served stale.
 */
function keyOf(events: readonly Event[], opts: RankOptions): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(opts, (_, v) => (v === Number.POSITIVE_INFINITY ? 'Infinity' : v)));
  hash.update(JSON.stringify(RANK_WEIGHTS));
  for (const e of events) hash.update(signature(e));
  return hash.digest('base64url');
}

/** rankKeyPoints, answered from the memo when the same window was ranked with the same options before. */
export function rankKeyPointsMemo(events: Event[], opts: RankOptions = {}): KeyPoint[] {
  const key = keyOf(events, opts);
  const hit = memo.get(key);
  if (hit) {
    stats.hits++;
    memo.delete(key);
    memo.set(key, hit);
    return hit.map((p) => ({ ...p }));
  }
  stats.misses++;
  const points = rankKeyPoints(events, opts);
  memo.set(
    key,
    points.map((p) => ({ ...p })),
  );
  if (memo.size > MAX_ENTRIES) memo.delete(memo.keys().next().value!);
  return points;
}

/** Empties the memo (the bench measures cold builds with it). */
export function clearRankMemo(): void {
  memo.clear();
}

/** Hits and misses since start (tests, bench). */
export function rankMemoStats(): { hits: number; misses: number; size: number } {
  return { ...stats, size: memo.size };
}
