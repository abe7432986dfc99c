// What every briefing builder receives: the event store, the story definition and (optionally) a clock.
import { type Clock, systemClock } from '../clock.ts';
import type { EventStore } from '../store/event-store.ts';
import type { Article, Event } from '../store/types.ts';
import type { Briefing } from './briefing.ts';
import { type ArticleLookup, createArticleLookup } from './citations.ts';
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

type Coverage = { event: Event; article: Article };

/** Per-build memo of "newest event" lookups (with the articles they read); keyed by the scoped deps object, so it dies with the build. */
const latestMemo = new WeakMap<
  BriefingDeps,
  { latest: Map<string, Promise<Coverage | null>>; articles: Map<string, Article> }
>();

/**
 * A copy of the deps for one build: lookups every step needs (the newest event) are then made once per build,
 * never cached across builds (a scheduler may hold its deps for days).
 */
export function scoped(deps: BriefingDeps): BriefingDeps {
  const copy = { ...deps };
  latestMemo.set(copy, { latest: new Map(), articles: new Map() });
  return copy;
}

/** The newest timed event (optionally on a topic) with its article, one store query (memoised per build). */
export function latestCoverage(deps: BriefingDeps, topic?: string): Promise<Coverage | null> {
  const memo = latestMemo.get(deps);
  const key = topic ?? '';
  const hit = memo?.latest.get(key);
  if (hit) return hit;
  const found = deps.events.latestCoverage({ topic }).then((coverage) => {
    if (coverage) memo?.articles.set(coverage.article.id, coverage.article);
    return coverage;
  });
  memo?.latest.set(key, found);
  return found;
}

/** The newest timed event (optionally on a topic), or null when the store has none. */
export async function latestEvent(deps: BriefingDeps, topic?: string): Promise<Event | null> {
  return (await latestCoverage(deps, topic))?.event ?? null;
}

/** An article lookup for one build, knowing the articles the build has already read (no query for those). */
export function articleLookup(deps: BriefingDeps, known: Iterable<Article> = []): ArticleLookup {
  const memo = latestMemo.get(deps);
  return createArticleLookup(deps.events, [...(memo?.articles.values() ?? []), ...known]);
}

/** The zone the briefing counts days in: deps.timezone (or a story's `timezone`), else the newest article's zone, else UTC. */
export async function zoneOf(deps: BriefingDeps): Promise<string> {
  if (deps.timezone) return deps.timezone;
  const storyZone = (deps.story as { timezone?: unknown }).timezone;
  if (typeof storyZone === 'string' && storyZone) return storyZone;
  const latest = await latestCoverage(deps);
  return latest?.article.timezone || 'UTC';
}

/** Upper bound of events one briefing reads from a window (keeps builders cheap at 1M events). */
export const MAX_WINDOW_EVENTS = 2000;
