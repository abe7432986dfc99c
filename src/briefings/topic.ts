// Topic builder: one topic over a window — its key points, latest entries and quotes.
import { DateTime } from 'luxon';
import { UserError } from '../errors.ts';
import type { Briefing, BriefingSection } from './briefing.ts';
import { citedItem, createArticleLookup } from './citations.ts';
import { type ChosenWindow, latestCoverageDay, nothingInWindow, windowEvents } from './coverage.ts';
import { type BriefingDeps, clockOf, zoneOf } from './deps.ts';
import { rankKeyPoints } from './key-points/index.ts';
import { requireTopic, topicLabel } from './story-access.ts';
import { dayWindow, formatWindow, resolveWindow } from './time.ts';
import { entryClock } from './timeline.ts';

export interface TopicQuery {
  topic: string;
  date?: string;
  from?: string;
  to?: string;
  limit?: number;
}

/** Days of coverage a topic briefing spans when no window is given. */
export const DEFAULT_TOPIC_DAYS = 7;
const LATEST_ENTRIES = 5;
const TOPIC_QUOTES = 3;

/** Builds a topic briefing over a window (default: the week up to the topic's latest coverage). */
export async function buildTopic(query: TopicQuery, deps: BriefingDeps): Promise<Briefing> {
  const tz = await zoneOf(deps);
  const topic = requireTopic(deps.story, query.topic);
  const label = topicLabel(deps.story, topic);
  const chosen = await topicWindow(query, deps, tz, topic, label);
  const events = await windowEvents(deps, chosen.window, topic);
  if (events.length === 0) throw await nothingInWindow(deps, tz, `coverage of ${label}`, chosen.label, topic);

  const articles = createArticleLookup(deps.events);
  const points = rankKeyPoints(events, { n: query.limit ?? 5 });
  const used = new Set(points.map((p) => p.event.id));
  const sections: BriefingSection[] = [
    {
      heading: 'Key Points',
      items: await Promise.all(points.map((p) => citedItem(p.text, p.event, articles))),
    },
  ];
  const latest = events
    .filter((e) => !e.duplicateOf && !used.has(e.id))
    .slice(-LATEST_ENTRIES)
    .reverse();
  if (latest.length) {
    sections.push({
      heading: 'Latest entries',
      items: await Promise.all(
        latest.map((e) => citedItem(`${entryClock(e, tz)} ${e.headline}`, e, articles)),
      ),
    });
  }
  const quotes = await deps.events.quotes({
    topic,
    from: chosen.window.from,
    to: chosen.window.to,
    limit: TOPIC_QUOTES,
  });
  if (quotes.length) {
    sections.push({
      heading: 'Quotes',
      items: await Promise.all(
        quotes.map(({ event, quote }) => citedItem(`“${quote.text}”`, event, articles, quote.speaker)),
      ),
    });
  }
  return {
    kind: 'topic',
    title: `${label} — ${chosen.label}`,
    subtitle: `${events.length} ${events.length === 1 ? 'entry' : 'entries'} on ${label}`,
    sections: sections.filter((s) => s.items.length > 0),
    window: chosen.window,
    sources: articles.titles(),
    timezone: tz,
  };
}

async function topicWindow(
  query: TopicQuery,
  deps: BriefingDeps,
  tz: string,
  topic: string,
  label: string,
): Promise<ChosenWindow> {
  const given = resolveWindow(query, clockOf(deps), tz);
  if (given) return { ...given, label: formatWindow(given.window, tz) };
  const day = await latestCoverageDay(deps, tz, topic);
  if (!day) throw new UserError('NOTHING_FOUND', `There is no coverage of ${label} yet.`);
  const first = DateTime.fromISO(day)
    .minus({ days: DEFAULT_TOPIC_DAYS - 1 })
    .toISODate()!;
  const window = { from: dayWindow(first, tz).from, to: dayWindow(day, tz).to };
  return { window, day: null, label: formatWindow(window, tz) };
}
