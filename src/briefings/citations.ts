// Citations: every briefing item names the event it came from, with its article's title, link, time and author.
import type { EventStore } from '../store/event-store.ts';
import type { Article, Event } from '../store/types.ts';
import type { BriefingItem, Citation } from './briefing.ts';

/** Looks up articles by id, once each per briefing. */
export interface ArticleLookup {
  get(id: string): Promise<Article | null>;
  /** Titles of the articles looked up so far, in first-use order. */
  titles(): string[];
}

export function createArticleLookup(store: EventStore): ArticleLookup {
  const cache = new Map<string, Promise<Article | null>>();
  const seen = new Map<string, string>();
  return {
    async get(id) {
      let hit = cache.get(id);
      if (!hit) {
        hit = store.article(id);
        cache.set(id, hit);
      }
      const article = await hit;
      if (article && !seen.has(id)) seen.set(id, article.title);
      return article;
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
