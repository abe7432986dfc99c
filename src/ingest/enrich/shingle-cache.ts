// Remembered shingle sets by event id: stored events come back as prior ones for every nearby document.
import type { Event } from '../../store/types.ts';
import { shingles } from './shingles.ts';

/** How many events are remembered (least recently used forgotten first). */
const SHINGLE_CACHE_LIMIT = 20_000;

/** An event's text as last seen (to notice edits) and its shingles, as a set and as a flat array. */
export interface CachedShingles {
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
export function cachedShingles(event: Event, known?: Set<number>): CachedShingles {
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
