// Builds a ParsedDocument straight from LiveBlogPosting / NewsArticle JSON-LD: one event per liveBlogUpdate, stable ids.

import { eventIdForKey, eventKey } from '../ingest/ids.ts';
import { articleIdFor, deriveTitle, detectHints, eventIdFor, splitLists } from '../ingest/index.ts';
import type { Article, Event, Image, ParsedDocument } from '../store/types.ts';
import { textBlocks } from './html-text.ts';
import { parseInstant } from './instants.ts';
import { asArray, authorOf, type JsonLdNode, textOf } from './json-ld.ts';

/** What the page says about itself outside JSON-LD, and how the source is configured. */
export interface PageContext {
  /** The page's URL (the article's source and url). */
  url: string;
  timezone: string;
  storyId: string | null;
  /** <title> or og:title, used when JSON-LD gives no headline. */
  pageTitle: string | null;
  /** og:site_name, used when JSON-LD gives no publisher. */
  siteName: string | null;
}

function imagesOf(value: unknown): Image[] {
  return asArray(value)
    .map((v): Image | null => {
      if (typeof v === 'string') return { alt: '', url: v, credit: null };
      if (!v || typeof v !== 'object') return null;
      const o = v as JsonLdNode;
      const url = textOf(o.url ?? o.contentUrl);
      return url
        ? { alt: textOf(o.caption ?? o.name) ?? '', url, credit: textOf(o.creditText ?? o.author) }
        : null;
    })
    .filter((i): i is Image => i !== null)
    .slice(0, 10);
}

/** Headline, body, lists and hints of one posting (an update or a whole article). */
function entryContent(node: JsonLdNode) {
  const blocks = textBlocks(textOf(node.articleBody) ?? textOf(node.text) ?? '');
  const given = textOf(node.headline) ?? textOf(node.name);
  const { paragraphs, lists } = splitLists(
    given,
    blocks.map((b) => ({ text: b.text, listItem: b.listItem })),
  );
  const headline = given ?? (paragraphs[0] ? deriveTitle(paragraphs[0]) : (lists[0]?.title ?? ''));
  const images = imagesOf(node.image);
  const hints = detectHints({ headline, paragraphs, lists, imageCount: images.length });
  return { headline, paragraphs, lists, images, hints };
}

function articleOf(node: JsonLdNode, ctx: PageContext, kind: Article['kind']): Article {
  const description = textOf(node.description);
  return {
    id: articleIdFor(ctx.url, ctx.url),
    source: ctx.url,
    outlet: textOf((node.publisher as JsonLdNode | undefined)?.name ?? node.publisher) ?? ctx.siteName,
    title: textOf(node.headline) ?? textOf(node.name) ?? ctx.pageTitle ?? ctx.url,
    url: ctx.url,
    publishedAt:
      parseInstant(node.datePublished, ctx.timezone) ??
      parseInstant(node.coverageStartTime, ctx.timezone) ??
      parseInstant(node.dateCreated, ctx.timezone),
    kind,
    lede: description ? [description] : [],
    editorKeyPoints: [],
    timezone: ctx.timezone,
    storyId: ctx.storyId,
  };
}

function baseEvent(
  article: Article,
  id: string,
  position: number,
): Omit<Event, 'headline' | 'paragraphs' | 'lists' | 'images' | 'hints' | 'time' | 'author'> {
  return {
    id,
    articleId: article.id,
    source: article.source,
    timeEstimated: false,
    quotes: [],
    entities: [],
    topics: [],
    duplicateOf: null,
    position,
  };
}

/** The update's own identifier (@id or url) when it names this update alone. */
function updateRefs(updates: JsonLdNode[], pageUrl: string): Array<string | null> {
  const refs = updates.map((u) => textOf(u['@id']) ?? textOf(u.url));
  const counts = new Map<string, number>();
  for (const r of refs) if (r) counts.set(r, (counts.get(r) ?? 0) + 1);
  return refs.map((r) => (r && r !== pageUrl && counts.get(r) === 1 ? r : null));
}

/**
 * A live blog from its LiveBlogPosting node: each liveBlogUpdate becomes an event. The id comes from the update's
 * own @id/url when it has one (so an edited headline updates the entry in place), else from headline and time as
 * the text parser does.
 */
export function liveBlogDocument(node: JsonLdNode, ctx: PageContext): ParsedDocument {
  const article = articleOf(node, ctx, 'live');
  const updates = asArray(node.liveBlogUpdate).filter((u): u is JsonLdNode => !!u && typeof u === 'object');
  const refs = updateRefs(updates, ctx.url);
  const drafts = updates.map((u, position) => ({
    ...entryContent(u),
    time: parseInstant(u.datePublished, ctx.timezone) ?? parseInstant(u.dateCreated, ctx.timezone),
    author: authorOf(u.author),
    ref: refs[position],
    position,
  }));
  // Repeats of (headline, time) are counted oldest first, so a longer snapshot keeps the old ids.
  const seen = new Map<string, number>();
  const ids = new Map<number, string>();
  const oldestFirst = [...drafts].sort(
    (a, b) => (a.time ?? '').localeCompare(b.time ?? '') || b.position - a.position,
  );
  for (const d of oldestFirst) {
    if (d.ref) {
      ids.set(d.position, eventIdForKey(article.source, `ref\u0000${d.ref}`, 0));
      continue;
    }
    const key = eventKey(d.headline, d.time, false);
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    ids.set(d.position, eventIdFor(article.source, d.headline, d.time, false, occurrence));
  }
  const events: Event[] = drafts
    .filter((d) => d.headline || d.paragraphs.length || d.lists.length)
    .map((d) => ({
      ...baseEvent(article, ids.get(d.position) ?? '', d.position),
      headline: d.headline,
      time: d.time,
      author: d.author,
      paragraphs: d.paragraphs,
      lists: d.lists,
      images: d.images,
      hints: d.hints,
    }));
  if (!article.publishedAt) {
    const times = events
      .map((e) => e.time)
      .filter((t): t is string => !!t)
      .sort();
    article.publishedAt = times[0] ?? null;
  }
  return { article, events };
}

/** A plain article from NewsArticle JSON-LD with an articleBody: one event, its id stable across edits. */
export function articleDocument(node: JsonLdNode, ctx: PageContext): ParsedDocument | null {
  const article = articleOf(node, ctx, 'article');
  const content = entryContent(node);
  if (content.paragraphs.length === 0 && content.lists.length === 0) return null;
  const headline = textOf(node.headline) ?? textOf(node.name) ?? article.title;
  const event: Event = {
    ...baseEvent(article, eventIdForKey(article.source, 'article', 0), 0),
    headline,
    time: article.publishedAt,
    author: authorOf(node.author),
    paragraphs: content.paragraphs,
    lists: content.lists,
    images: content.images,
    hints: detectHints({
      headline,
      paragraphs: content.paragraphs,
      lists: content.lists,
      imageCount: content.images.length,
    }),
  };
  return { article, events: [event] };
}
