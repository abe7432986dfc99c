// Keeps the pages of long briefings for a while so Previous / Next buttons can show them.
import type { Clock } from '../../clock.ts';
import { systemClock } from '../../clock.ts';
import type { DiscordMessage } from './render.ts';

/** Pages of a paginated reply, by key. A missing key means the pages expired (the user re-runs the command). */
export interface PageStore {
  put(key: string, pages: DiscordMessage[]): void;
  get(key: string): DiscordMessage[] | undefined;
}

/**
 * In-process page store with a time-to-live and a size bound (oldest evicted first). Each replica keeps its own:
 * a button click routed to another replica, or after a restart, gets "expired" and the user re-runs the command.
 */
export function createMemoryPageStore(opts: { ttlMs?: number; max?: number; clock?: Clock } = {}): PageStore {
  const ttl = opts.ttlMs ?? 15 * 60_000;
  const max = opts.max ?? 500;
  const clock = opts.clock ?? systemClock;
  const entries = new Map<string, { pages: DiscordMessage[]; expires: number }>();
  return {
    put(key, pages) {
      entries.delete(key);
      entries.set(key, { pages, expires: clock.now().getTime() + ttl });
      while (entries.size > max) entries.delete(entries.keys().next().value as string);
    },
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expires <= clock.now().getTime()) {
        entries.delete(key);
        return undefined;
      }
      return entry.pages;
    },
  };
}
