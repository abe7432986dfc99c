// Mapping between the zod data model and SQL rows: column lists, row parsing, normalisation and content hashes.
import { createHash } from 'node:crypto';
import { type Article, ArticleSchema, type Event, EventSchema, eventText } from './types.ts';

/** Formats a timestamptz column as ISO 8601 UTC with milliseconds, identically on PGlite and Postgres. */
export function isoColumn(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** The select list that rowToEvent reads (table alias `e`). */
export const EVENT_COLUMNS = [
  'e.id',
  'e.article_id',
  'e.source',
  'e.headline',
  `${isoColumn('e.time')} AS time`,
  'e.time_estimated',
  'e.author',
  'e.paragraphs',
  'e.lists',
  'e.quotes',
  'e.entities',
  'e.topics',
  'e.duplicate_of',
  'e.hints',
  'e.images',
  'e.position',
].join(', ');

/** Article columns by the name rowToArticle reads (table alias `a`). */
const ARTICLE_FIELDS: Array<[name: string, expression: string]> = [
  ['id', 'a.id'],
  ['source', 'a.source'],
  ['outlet', 'a.outlet'],
  ['title', 'a.title'],
  ['url', 'a.url'],
  ['published_at', isoColumn('a.published_at')],
  ['kind', 'a.kind'],
  ['lede', 'a.lede'],
  ['editor_key_points', 'a.editor_key_points'],
  ['timezone', 'a.timezone'],
  ['story_id', 'a.story_id'],
];

/** The select list that rowToArticle reads (table alias `a`). */
export const ARTICLE_COLUMNS = articleColumnsAs('');

/** The article select list with every output name prefixed (to select it beside event columns). */
export function articleColumnsAs(prefix: string): string {
  return ARTICLE_FIELDS.map(([name, expression]) => `${expression} AS ${prefix}${name}`).join(', ');
}

type Row = Record<string, unknown>;

function json(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

export function rowToEvent(row: Row): Event {
  return EventSchema.parse({
    id: row.id,
    articleId: row.article_id,
    source: row.source,
    headline: row.headline,
    time: row.time ?? null,
    timeEstimated: row.time_estimated,
    author: row.author ?? null,
    paragraphs: json(row.paragraphs),
    lists: json(row.lists),
    quotes: json(row.quotes),
    entities: json(row.entities),
    topics: row.topics ?? [],
    duplicateOf: row.duplicate_of ?? null,
    hints: json(row.hints),
    images: json(row.images),
    position: Number(row.position),
  });
}

/** The article in a row selected with articleColumnsAs(prefix). */
export function rowToPrefixedArticle(row: Row, prefix: string): Article {
  return rowToArticle(Object.fromEntries(ARTICLE_FIELDS.map(([name]) => [name, row[`${prefix}${name}`]])));
}

export function rowToArticle(row: Row): Article {
  return ArticleSchema.parse({
    id: row.id,
    source: row.source,
    outlet: row.outlet ?? null,
    title: row.title,
    url: row.url ?? null,
    publishedAt: row.published_at ?? null,
    kind: row.kind,
    lede: json(row.lede),
    editorKeyPoints: json(row.editor_key_points),
    timezone: row.timezone,
    storyId: row.story_id ?? null,
  });
}

// Postgres text cannot hold NUL characters; strip them from every string before writing.
function clean<T>(value: T): T {
  if (typeof value === 'string') return value.replaceAll('\u0000', '') as T;
  if (Array.isArray(value)) return value.map(clean) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = clean(v);
    return out as T;
  }
  return value;
}

function isoOrNull(value: string | null): string | null {
  if (value === null) return null;
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw new Error(`invalid ISO time: ${value}`);
  return at.toISOString();
}

/** Validates an event and puts it in the exact form the store returns (ISO times with milliseconds, no NULs). */
export function normaliseEvent(event: Event): Event {
  const e = clean(EventSchema.parse(event));
  return { ...e, time: isoOrNull(e.time) };
}

export function normaliseArticle(article: Article): Article {
  const a = clean(ArticleSchema.parse(article));
  return { ...a, publishedAt: isoOrNull(a.publishedAt) };
}

/**
 * A hash of everything stored for an event or article (keys in schema order), to detect edits. An entry's position
 * is left out: a newer snapshot of a newest-first live blog moves every old entry down without editing it.
 */
export function contentHash(value: Event | Article): string {
  const { position: _position, ...content } = value as Event;
  return createHash('sha256').update(JSON.stringify(content)).digest('base64url');
}

/** The flat row inserted into `events` through jsonb_to_recordset. */
export function eventToRow(e: Event, hash: string): Row {
  return {
    id: e.id,
    article_id: e.articleId,
    source: e.source,
    headline: e.headline,
    time: e.time,
    time_estimated: e.timeEstimated,
    author: e.author,
    paragraphs: e.paragraphs,
    body: eventText(e),
    lists: e.lists,
    quotes: e.quotes,
    entities: e.entities,
    topics: e.topics,
    duplicate_of: e.duplicateOf,
    hints: e.hints,
    images: e.images,
    position: e.position,
    content_hash: hash,
  };
}

/** The column definitions of eventToRow for jsonb_to_recordset. */
export const EVENT_RECORD = `r(id text, article_id text, source text, headline text, time timestamptz, time_estimated boolean,
  author text, paragraphs jsonb, body text, lists jsonb, quotes jsonb, entities jsonb, topics text[], duplicate_of text,
  hints jsonb, images jsonb, position integer, content_hash text)`;

export const EVENT_RECORD_COLUMNS =
  'id, article_id, source, headline, time, time_estimated, author, paragraphs, body, lists, quotes, entities, topics, duplicate_of, hints, images, position, content_hash';

export function quoteRows(e: Event): Row[] {
  return e.quotes.map((q, ord) => ({
    event_id: e.id,
    ord,
    speaker: q.speaker,
    speaker_id: q.speakerId,
    text: q.text,
    time: e.time,
  }));
}

export function listRows(e: Event): Row[] {
  return e.lists.map((l, ord) => ({
    event_id: e.id,
    ord,
    title: l.title,
    items: l.items,
    items_text: l.items.join('\n'),
    declared_count: l.declaredCount,
    time: e.time,
  }));
}
