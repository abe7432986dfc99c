// Enrichment of a parsed document: quotes with speakers, entities, topics and near-duplicates, per the story.

import type { Article, Event, ParsedDocument, Quote } from '../../store/types.ts';
import type { Story } from '../story.ts';
import { compileStory } from './compiled-story.ts';
import { markDuplicates } from './duplicates.ts';
import { findMentions, mentionedEntities } from './entities.ts';
import { extractQuotes } from './quotes.ts';
import { shinglesOfTokens } from './shingles.ts';
import { tokenize } from './tokens.ts';
import { assignTopics, scoreTopics } from './topics.ts';

export { compileStory } from './compiled-story.ts';
export { findUnknownNames, type UnknownEntity, unknownEntities } from './entities.ts';

/** Options for enrichDocument. */
export interface EnrichOptions {
  /** Stored events of the same story near this document's time window, to find repeats of earlier entries. */
  prior?: Event[];
}

/**
 * Fills quotes, entities, topics and duplicateOf on every event of a parsed document. Pure and deterministic:
 * the same document, story and prior events give the same result.
 */
export function enrichDocument(doc: ParsedDocument, story: Story, opts: EnrichOptions = {}): ParsedDocument {
  const compiled = compileStory(story);
  const when = (e: Event) => e.time ?? doc.article.publishedAt ?? null;
  const sets: Array<Set<number>> = [];
  const enriched = doc.events.map((event) => {
    // Each text is tokenized once and shared by entities, topics and the duplicate shingles.
    const headline = tokenize(event.headline);
    const paragraphs = event.paragraphs.map((p) => tokenize(p));
    const headlineMentions = findMentions(compiled, headline);
    const entities = mentionedEntities([
      headlineMentions,
      ...paragraphs.map((tokens) => findMentions(compiled, tokens)),
    ]);
    const headlineEntities = new Set(headlineMentions.map((m) => m.entity.id));
    const topics = assignTopics(
      compiled,
      scoreTopics(compiled, headline, paragraphs, entities, headlineEntities),
    );
    const quotes = extractQuotes(compiled, event.paragraphs, when(event));
    sets.push(shinglesOfTokens([headline, ...paragraphs]));
    return { ...event, entities, topics, quotes };
  });
  const own = new Set(doc.events.map((e) => e.id));
  const prior = (opts.prior ?? []).filter((p) => !own.has(p.id));
  return {
    article: { ...doc.article, storyId: doc.article.storyId ?? story.id },
    events: markDuplicates(enriched, prior, { sets }),
  };
}

/** Quotations in an article's lede (the standfirst paragraphs above the entries), with speakers resolved. */
export function extractArticleQuotes(article: Article, story: Story): Quote[] {
  return extractQuotes(compileStory(story), article.lede, article.publishedAt);
}

/** Off-story topic ids of a story (threads a digest leaves out). */
export function offStoryTopics(story: Story): string[] {
  return story.topics.filter((t) => t.offStory).map((t) => t.id);
}

/** Whether an event is mainly about an off-story thread: its strongest topic (listed first) is off-story. */
export function isOffStory(story: Story, event: Pick<Event, 'topics'>): boolean {
  const first = event.topics[0];
  return first !== undefined && offStoryTopics(story).includes(first);
}
