// The EventStore port: what ingest writes and briefings read. Implemented over SQL in this folder.
import type { Article, Event, EventList, ParsedDocument, Quote } from './types.ts';

/** What one ingest changed. Re-ingesting the same text adds and updates nothing. */
export interface IngestResult {
  article: Article;
  createdArticle: boolean;
  /** Events that were not in the store before (these drive breaking alerts). */
  added: Event[];
  /** Events whose id existed but whose content changed (edited entries). */
  updated: Event[];
  unchanged: number;
}

/** A time window and filters over events. Times are ISO 8601 UTC; bounds are inclusive from, exclusive to. */
export interface EventQuery {
  from?: string | null;
  to?: string | null;
  topic?: string;
  articleId?: string;
  /** Include events with a null time (default false when from/to given). */
  includeUntimed?: boolean;
  order?: 'asc' | 'desc';
  limit?: number;
}

export interface QuoteQuery {
  /** Canonical entity id, matched exactly. */
  speakerId?: string;
  /** Speaker as written, matched case-insensitively when no id is known. */
  speaker?: string;
  topic?: string;
  from?: string | null;
  to?: string | null;
  limit?: number;
}

export interface ListQuery {
  /** Words that must appear in the list title (or items). */
  query?: string;
  from?: string | null;
  to?: string | null;
  limit?: number;
}

/** The first and last entry of one article (time order; untimed entries last). */
export interface ArticleRange {
  articleId: string;
  first: Event;
  last: Event;
}

export interface StoreStats {
  articles: number;
  events: number;
  earliest: string | null;
  latest: string | null;
}

/** Persistence of articles and events, behind one interface for PGlite and Postgres. */
export interface EventStore {
  /** Writes a parsed (and enriched) document in one transaction. */
  ingest(doc: ParsedDocument): Promise<IngestResult>;
  /** Articles, newest published first; `limit` keeps only the newest few (no full read at scale). */
  articles(opts?: { limit?: number }): Promise<Article[]>;
  article(id: string): Promise<Article | null>;
  /** Several articles in one query, in the order of `ids` (unknown ids are left out). */
  articlesByIds(ids: string[]): Promise<Article[]>;
  /** The newest timed event (optionally on a topic) with its article, in one query; null when there is none. */
  latestCoverage(opts?: { topic?: string }): Promise<{ event: Event; article: Article } | null>;
  /** First and last entry of each article, in one query (articles without entries are left out). */
  articleRanges(articleIds: string[]): Promise<ArticleRange[]>;
  events(query: EventQuery): Promise<Event[]>;
  /**
   * The time span (oldest, newest) of the newest `limit` timed events, optionally on one topic, without reading
   * the events themselves (one query over the time index); null when there is none.
   */
  recentSpan(query: { topic?: string; limit: number }): Promise<{ oldest: string; newest: string } | null>;
  eventsByIds(ids: string[]): Promise<Event[]>;
  /** Full-text search over headlines and text, best first. */
  search(
    text: string,
    opts?: { limit?: number; topic?: string },
  ): Promise<Array<{ event: Event; rank: number }>>;
  quotes(query: QuoteQuery): Promise<Array<{ event: Event; quote: Quote }>>;
  lists(query: ListQuery): Promise<Array<{ event: Event; list: EventList }>>;
  stats(): Promise<StoreStats>;
  /** Speakers seen in quotes, most quoted first, for autocomplete. */
  speakers(
    prefix?: string,
    limit?: number,
  ): Promise<Array<{ id: string | null; name: string; count: number }>>;
  exportAll(): Promise<{ articles: Article[]; events: Event[] }>;
}
