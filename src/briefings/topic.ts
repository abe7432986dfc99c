// Topic builder: one topic over a window — its key points, latest entries and quotes.
import { UserError } from '../errors.ts';
import type { Briefing, BriefingSection } from './briefing.ts';
import { citedItem } from './citations.ts';
import { type ChosenWindow, nothingInWindow, windowEvents } from './coverage.ts';
import { articleLookup, type BriefingDeps, clockOf, scoped, zoneOf } from './deps.ts';
import { preferKnownSpeakers } from './quotes.ts';
import { rankKeyPointsMemo } from './rank-memo.ts';
import { requireTopic, topicLabel } from './story-access.ts';
import { truncate } from './text-match.ts';
import { dayWindow, formatWindow, localDay, resolveWindow } from './time.ts';
import { entryClock } from './timeline.ts';

export interface TopicQuery {
  topic: string;
  date?: string;
  from?: string;
  to?: string;
  limit?: number;
}

/** Entries a topic briefing reads when no window is given: the topic's most recent ones. */
export const DEFAULT_TOPIC_ENTRIES = 200;
const LATEST_ENTRIES = 5;
const TOPIC_QUOTES = 3;

/** Builds a topic briefing over a window (default: the span of the topic's most recent entries). */
export async function buildTopic(query: TopicQuery, input: BriefingDeps): Promise<Briefing> {
  const deps = scoped(input);
  const tz = await zoneOf(deps);
  const topic = requireTopic(deps.story, query.topic);
  const label = topicLabel(deps.story, topic);
  const chosen = await topicWindow(query, deps, tz, topic, label);
  // The window's entries and its quotes in parallel (two connections on Postgres).
  const [events, found] = await Promise.all([
    windowEvents(deps, chosen.window, topic),
    deps.events.quotes({ topic, from: chosen.window.from, to: chosen.window.to, limit: TOPIC_QUOTES * 5 }),
  ]);
  if (events.length === 0) throw await nothingInWindow(deps, tz, `coverage of ${label}`, chosen.label, topic);

  const points = rankKeyPointsMemo(events, { n: query.limit ?? 5 });
  const used = new Set(points.map((p) => p.event.id));
  const latest = events
    .filter((e) => !e.duplicateOf && !used.has(e.id))
    .slice(-LATEST_ENTRIES)
    .reverse();
  const quotes = preferKnownSpeakers(found).slice(0, TOPIC_QUOTES);
  // Every citation is asked for in the same tick: one article query for the whole briefing.
  const articles = articleLookup(deps);
  const [keyItems, latestItems, quoteItems] = await Promise.all([
    Promise.all(points.map((p) => citedItem(p.text, p.event, articles))),
    Promise.all(latest.map((e) => citedItem(`${entryClock(e, tz)} ${e.headline}`, e, articles))),
    Promise.all(
      quotes.map(({ event, quote }) =>
        citedItem(`“${truncate(quote.text, 300)}”`, event, articles, quote.speaker),
      ),
    ),
  ]);
  const sections: BriefingSection[] = [
    { heading: 'Key Points', items: keyItems },
    { heading: 'Latest entries', items: latestItems },
    { heading: 'Quotes', items: quoteItems },
  ];
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
  // No window: the span of the topic's most recent entries, however far back they go (one query on the time index).
  const span = await deps.events.recentSpan({ topic, limit: DEFAULT_TOPIC_ENTRIES });
  if (!span) throw new UserError('NOTHING_FOUND', `There is no coverage of ${label} yet.`);
  const { newest, oldest } = span;
  const window = {
    from: dayWindow(localDay(oldest, tz), tz).from,
    to: dayWindow(localDay(newest, tz), tz).to,
  };
  return { window, day: null, label: formatWindow(window, tz) };
}
