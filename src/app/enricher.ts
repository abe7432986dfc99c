// Where ingest gets its enrichment step: the story enricher (quotes, entities, topics, near-duplicates).
import type { EventStore } from '../store/event-store.ts';
import type { Event, ParsedDocument } from '../store/types.ts';
import type { EnrichFn } from './ingest-files.ts';
import { createStoryEnricher, loadStories } from './stories.ts';

/** How far around a document's own time span stored events count as candidates for near-duplicates. */
const PRIOR_MARGIN_MS = 36 * 3600 * 1000;
const PRIOR_LIMIT = 2000;

/** Stored events of other articles near the document's time span (what a new entry may repeat). */
async function priorEvents(events: EventStore, doc: ParsedDocument): Promise<Event[]> {
  const times = doc.events.map((e) => e.time).filter((t): t is string => t !== null);
  if (times.length === 0) return [];
  const sorted = times.map((t) => Date.parse(t)).sort((a, b) => a - b);
  const from = new Date(sorted[0] - PRIOR_MARGIN_MS).toISOString();
  const to = new Date(sorted[sorted.length - 1] + PRIOR_MARGIN_MS).toISOString();
  const found = await events.events({ from, to, limit: PRIOR_LIMIT, order: 'asc' });
  return found.filter((e) => e.articleId !== doc.article.id);
}

/**
 * The enrichment applied by `storybrief ingest` and the start-up seeding: the story enricher over the story files
 * in data/stories/. With a store, stored neighbours of other articles are compared for near-duplicates too.
 */
export async function loadEnricher(events?: EventStore): Promise<EnrichFn | undefined> {
  const stories = await loadStories();
  if (stories.length === 0) return undefined;
  return createStoryEnricher(stories, events ? { prior: (doc) => priorEvents(events, doc) } : {});
}
