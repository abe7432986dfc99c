// Timeline builder: the entries of a window in time order, grouped by local day, optionally for one topic.
import type { Event } from '../store/types.ts';
import type { Briefing, BriefingSection } from './briefing.ts';
import { citedItem } from './citations.ts';
import { chooseWindow, nothingInWindow } from './coverage.ts';
import { articleLookup, type BriefingDeps, scoped, zoneOf } from './deps.ts';
import { requireTopic, topicLabel } from './story-access.ts';
import { formatClock, formatDay, localDay } from './time.ts';

export interface TimelineQuery {
  from?: string;
  to?: string;
  date?: string;
  topic?: string;
  limit?: number;
}

export const DEFAULT_TIMELINE = 25;

/** "20:05" or "~17:40" when the time was estimated from neighbouring entries. */
export function entryClock(event: Event, tz: string): string {
  if (!event.time) return '--:--';
  return `${event.timeEstimated ? '~' : ''}${formatClock(event.time, tz)}`;
}

/** Builds the timeline of a window (default: the latest day with coverage), oldest first. */
export async function buildTimeline(query: TimelineQuery, input: BriefingDeps): Promise<Briefing> {
  const deps = scoped(input);
  const tz = await zoneOf(deps);
  const topic = query.topic !== undefined ? requireTopic(deps.story, query.topic) : undefined;
  const chosen = await chooseWindow(query, deps, tz, topic);
  const limit = query.limit ?? DEFAULT_TIMELINE;
  const fetched = await deps.events.events({
    from: chosen.window.from ?? '1970-01-01T00:00:00Z',
    to: chosen.window.to,
    topic,
    order: 'asc',
    // Repeats are skipped below; read a little more so they do not eat the limit.
    limit: limit * 2 + 1,
  });
  const fresh = fetched.filter((e) => !e.duplicateOf);
  if (fresh.length === 0) throw await nothingInWindow(deps, tz, 'entries', chosen.label, topic);
  const shown = fresh.slice(0, limit);
  const articles = articleLookup(deps);
  await articles.preload(shown.map((e) => e.articleId));
  const sections: BriefingSection[] = [];
  for (const event of shown) {
    const day = formatDay(localDay(event.time!, tz));
    let section = sections.at(-1);
    if (!section || section.heading !== day) {
      section = { heading: day, items: [] };
      sections.push(section);
    }
    section.items.push(await citedItem(`${entryClock(event, tz)} ${event.headline}`, event, articles));
  }
  const more = fresh.length > limit || fetched.length > limit * 2;
  const topicPart = topic ? ` · ${topicLabel(deps.story, topic)}` : '';
  return {
    kind: 'timeline',
    title: `Timeline${topicPart} — ${chosen.label}`,
    subtitle: `${shown.length} ${shown.length === 1 ? 'entry' : 'entries'}, oldest first${more ? ` (first ${limit}; narrow the window or raise limit for more)` : ''}`,
    sections,
    window: chosen.window,
    sources: articles.titles(),
    timezone: tz,
  };
}
