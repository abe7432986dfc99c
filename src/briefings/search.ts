// Search builder: full-text search over headlines and text, best match first (EventStore.search).
import { UserError } from '../errors.ts';
import type { Briefing } from './briefing.ts';
import { citedItem } from './citations.ts';
import { articleLookup, type BriefingDeps, zoneOf } from './deps.ts';
import { requireTopic, topicLabel } from './story-access.ts';
import { snippet } from './text-match.ts';

export interface SearchQuery {
  query: string;
  topic?: string;
  limit?: number;
}

export const DEFAULT_SEARCH = 10;

/** Builds the search results for the words, each with the passage that matched. */
export async function buildSearch(query: SearchQuery, deps: BriefingDeps): Promise<Briefing> {
  const tz = await zoneOf(deps);
  const words = query.query.trim();
  if (!words)
    throw new UserError('BAD_OPTION', 'Give some words to search for, e.g. `/news search Greenland`.');
  const topic = query.topic !== undefined ? requireTopic(deps.story, query.topic) : undefined;
  const hits = await deps.events.search(words, { limit: query.limit ?? DEFAULT_SEARCH, topic });
  if (hits.length === 0) {
    throw new UserError(
      'NOTHING_FOUND',
      `Nothing in the coverage matches “${words}”${topic ? ` on ${topicLabel(deps.story, topic)}` : ''}.`,
    );
  }
  const articles = articleLookup(deps);
  const items = await Promise.all(
    hits.map(({ event }) =>
      citedItem(
        event.headline || snippet(event.paragraphs, words, 120),
        event,
        articles,
        snippet(event.paragraphs, words),
      ),
    ),
  );
  return {
    kind: 'search',
    title: `Search — “${words}”`,
    subtitle: `${items.length} best ${items.length === 1 ? 'match' : 'matches'}${topic ? ` on ${topicLabel(deps.story, topic)}` : ''}`,
    sections: [{ heading: 'Results', items }],
    window: null,
    sources: articles.titles(),
    timezone: tz,
  };
}
