// Topic builder: one topic over a window — its key points, latest entries and quotes.
import { UserError } from '../errors.ts';
import type { Briefing, BriefingSection } from './briefing.ts';
import { citedItem } from './citations.ts';
import { type ChosenWindow, nothingInWindow, windowEvents } from './coverage.ts';
import { articleLookup, type BriefingDeps, clockOf, scoped, zoneOf } from './deps.ts';
import { rankKeyPoints } from './key-points/index.ts';
import { preferKnownSpeakers } from './quotes.ts';
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
  const events = await windowEvents(deps, chosen.window, topic);
  if (events.length === 0) throw await nothingInWindow(deps, tz, `coverage of ${label}`, chosen.label, topic);

  const articles = articleLookup(deps);
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
  const quotes = preferKnownSpeakers(
    await deps.events.quotes({
      topic,
      from: chosen.window.from,
      to: chosen.window.to,
      limit: TOPIC_QUOTES * 5,
    }),
  ).slice(0, TOPIC_QUOTES);
  if (quotes.length) {
    sections.push({
      heading: 'Quotes',
      items: await Promise.all(
        quotes.map(({ event, quote }) =>
          citedItem(`“${truncate(quote.text, 300)}”`, event, articles, quote.speaker),
        ),
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
  // No window: the topic's most recent entries, however far back they go (one indexed query).
  const recent = await deps.events.events({
    from: '1970-01-01T00:00:00Z',
    topic,
    order: 'desc',
    limit: DEFAULT_TOPIC_ENTRIES,
  });
  const newest = recent[0]?.time;
  const oldest = recent.at(-1)?.time;
  if (!newest || !oldest) throw new UserError('NOTHING_FOUND', `There is no coverage of ${label} yet.`);
  const window = {
    from: dayWindow(localDay(oldest, tz), tz).from,
    to: dayWindow(localDay(newest, tz), tz).to,
  };
  return { window, day: null, label: formatWindow(window, tz) };
}
