// What every briefing builder receives: the event store, the story definition and (optionally) a clock.
import { type Clock, systemClock } from '../clock.ts';
import type { EventStore } from '../store/event-store.ts';
import type { Event } from '../store/types.ts';
import type { Briefing } from './briefing.ts';
import type { Story } from './story-access.ts';

/** Dependencies of a builder. */
export interface BriefingDeps {
  events: EventStore;
  story: Story;
  clock?: Clock;
  /** IANA zone for days and displayed times; default: the zone of the newest article (else UTC). */
  timezone?: string;
}

/** A briefing builder: a query in, a Briefing out. */
export type BriefingBuilder<Q> = (query: Q, deps: BriefingDeps) => Promise<Briefing>;

export function clockOf(deps: BriefingDeps): Clock {
  return deps.clock ?? systemClock;
}

const EPOCH = '1970-01-01T00:00:00Z';

/** Per-build memo of "newest event" lookups; keyed by the scoped deps object, so it dies with the build. */
const latestMemo = new WeakMap<BriefingDeps, Map<string, Promise<Event | null>>>();

/**
 * A copy of the deps for one build: lookups every step needs (the newest event) are then made once per build,
 * never cached across builds (a scheduler may hold its deps for days).
 */
export function scoped(deps: BriefingDeps): BriefingDeps {
  const copy = { ...deps };
  latestMemo.set(copy, new Map());
  return copy;
}

/** The newest timed event (optionally on a topic), or null when the store has none. */
export function latestEvent(deps: BriefingDeps, topic?: string): Promise<Event | null> {
  const memo = latestMemo.get(deps);
  const key = topic ?? '';
  const hit = memo?.get(key);
  if (hit) return hit;
  const found = deps.events
    .events({ from: EPOCH, order: 'desc', limit: 1, topic })
    .then((rows) => rows[0] ?? null);
  memo?.set(key, found);
  return found;
}

/** The zone the briefing counts days in: deps.timezone (or a story's `timezone`), else the newest article's zone, else UTC. */
export async function zoneOf(deps: BriefingDeps): Promise<string> {
  if (deps.timezone) return deps.timezone;
  const storyZone = (deps.story as { timezone?: unknown }).timezone;
  if (typeof storyZone === 'string' && storyZone) return storyZone;
  const latest = await latestEvent(deps);
  const article = latest ? await deps.events.article(latest.articleId) : null;
  return article?.timezone || 'UTC';
}

/** Upper bound of events one briefing reads from a window (keeps builders cheap at 1M events). */
export const MAX_WINDOW_EVENTS = 2000;
