// Citations: every briefing item names the event it came from, with its article's title, link, time and author.
import type { EventStore } from '../store/event-store.ts';
import type { Article, Event } from '../store/types.ts';
import type { BriefingItem, Citation } from './briefing.ts';

/** Looks up articles by id, once each per briefing; lookups made together are one store query. */
export interface ArticleLookup {
  get(id: string): Promise<Article | null>;
  /** Fetches these articles in one query ahead of use (ids already known are skipped). */
  preload(ids: Iterable<string>): Promise<void>;
  /** Titles of the articles looked up so far, in first-use order. */
  titles(): string[];
}

/**
 * An article lookup for one build. Ids asked for in the same tick (e.g. `Promise.all` over citations) are
 * fetched with one `articlesByIds` query; `known` articles (already read by the build) cost no query.
 */
export function createArticleLookup(store: EventStore, known: Iterable<Article> = []): ArticleLookup {
  const cache = new Map<string, Promise<Article | null>>();
  for (const article of known) cache.set(article.id, Promise.resolve(article));
  const seen = new Map<string, string>();
  type Waiter = { resolve: (article: Article | null) => void; reject: (error: unknown) => void };
  let pending: Map<string, Waiter> | null = null;

  async function flush(batch: Map<string, Waiter>): Promise<void> {
    try {
      const found = await store.articlesByIds([...batch.keys()]);
      const byId = new Map(found.map((a) => [a.id, a]));
      for (const [id, waiter] of batch) waiter.resolve(byId.get(id) ?? null);
    } catch (error) {
      for (const [id, waiter] of batch) {
        cache.delete(id);
        waiter.reject(error);
      }
    }
  }

  function request(id: string): Promise<Article | null> {
    const hit = cache.get(id);
    if (hit) return hit;
    if (!pending) {
      const batch = new Map<string, Waiter>();
      pending = batch;
      queueMicrotask(() => {
        pending = null;
        void flush(batch);
      });
    }
    const batch = pending;
    const promise = new Promise<Article | null>((resolve, reject) => batch.set(id, { resolve, reject }));
    cache.set(id, promise);
    return promise;
  }

  return {
    async get(id) {
      const article = await request(id);
      if (article && !seen.has(id)) seen.set(id, article.title);
      return article;
    },
    async preload(ids) {
      await Promise.all([...new Set(ids)].map(request));
    },
    titles: () => [...seen.values()],
  };
}

/** The citation of one event. */
export async function citeEvent(event: Event, articles: ArticleLookup): Promise<Citation> {
  const article = await articles.get(event.articleId);
  return {
    eventId: event.id,
    articleTitle: article?.title ?? event.source,
    url: article?.url ?? null,
    time: event.time,
    author: event.author,
  };
}

/** A cited item. */
export async function citedItem(
  text: string,
  event: Event,
  articles: ArticleLookup,
  detail?: string,
): Promise<BriefingItem> {
  const item: BriefingItem = { text, citation: await citeEvent(event, articles) };
  if (detail) item.detail = detail;
  return item;
}
