// Writes one parsed document: upserts the article, inserts new events, updates edited ones — batched, one transaction.

import {
  contentHash,
  EVENT_RECORD,
  EVENT_RECORD_COLUMNS,
  eventToRow,
  listRows,
  normaliseArticle,
  normaliseEvent,
  quoteRows,
} from './event-rows.ts';
import type { IngestResult } from './event-store.ts';
import type { Sql } from './sql.ts';
import type { Event, ParsedDocument } from './types.ts';

/** Rows per multi-row statement: keeps each JSON parameter a few MB at most. */
const BATCH = 500;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function upsertArticle(tx: Sql, doc: ParsedDocument): Promise<{ created: boolean }> {
  const a = normaliseArticle(doc.article);
  const hash = contentHash(a);
  const existing = await tx.query<{ content_hash: string }>(
    'SELECT content_hash FROM articles WHERE id = $1',
    [a.id],
  );
  const params = [
    a.id,
    a.source,
    a.outlet,
    a.title,
    a.url,
    a.publishedAt,
    a.kind,
    JSON.stringify(a.lede),
    JSON.stringify(a.editorKeyPoints),
    a.timezone,
    a.storyId,
    hash,
  ];
  if (existing.rows.length === 0) {
    const res = await tx.query(
      `INSERT INTO articles (id, source, outlet, title, url, published_at, kind, lede, editor_key_points, timezone, story_id, content_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10, $11, $12)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      params,
    );
    return { created: res.rows.length > 0 };
  }
  if (existing.rows[0].content_hash !== hash) {
    await tx.query(
      `UPDATE articles SET source = $2, outlet = $3, title = $4, url = $5, published_at = $6, kind = $7, lede = $8::jsonb,
         editor_key_points = $9::jsonb, timezone = $10, story_id = $11, content_hash = $12, updated_at = now()
       WHERE id = $1`,
      params,
    );
  }
  return { created: false };
}

async function insertChildren(tx: Sql, events: Event[]): Promise<void> {
  const quotes = events.flatMap(quoteRows);
  for (const batch of chunks(quotes, BATCH * 4)) {
    await tx.query(
      `INSERT INTO quotes (event_id, ord, speaker, speaker_id, text, time)
       SELECT event_id, ord, speaker, speaker_id, text, time
       FROM jsonb_to_recordset($1::jsonb) AS r(event_id text, ord integer, speaker text, speaker_id text, text text, time timestamptz)
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(batch)],
    );
  }
  const lists = events.flatMap(listRows);
  for (const batch of chunks(lists, BATCH * 4)) {
    await tx.query(
      `INSERT INTO lists (event_id, ord, title, items, items_text, declared_count, time)
       SELECT event_id, ord, title, items, items_text, declared_count, time
       FROM jsonb_to_recordset($1::jsonb)
         AS r(event_id text, ord integer, title text, items jsonb, items_text text, declared_count integer, time timestamptz)
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(batch)],
    );
  }
}

/** Ingests one document inside `tx` (the caller provides the transaction). */
export async function writeDocument(tx: Sql, doc: ParsedDocument): Promise<IngestResult> {
  const article = normaliseArticle(doc.article);
  const { created } = await upsertArticle(tx, doc);

  // Validate and normalise every event first; keep the first of any repeated id.
  const byId = new Map<string, { event: Event; hash: string }>();
  let repeated = 0;
  for (const raw of doc.events) {
    const event = normaliseEvent(raw);
    if (event.articleId !== article.id) {
      throw new Error(`event ${event.id} belongs to article ${event.articleId}, not ${article.id}`);
    }
    if (byId.has(event.id)) repeated++;
    else byId.set(event.id, { event, hash: contentHash(event) });
  }

  const known = new Map<string, string>();
  for (const ids of chunks([...byId.keys()], BATCH * 10)) {
    const res = await tx.query<{ id: string; content_hash: string }>(
      'SELECT id, content_hash FROM events WHERE id = ANY($1::text[])',
      [ids],
    );
    for (const row of res.rows) known.set(row.id, row.content_hash);
  }

  const fresh: Array<{ event: Event; hash: string }> = [];
  const changed: Array<{ event: Event; hash: string }> = [];
  for (const item of byId.values()) {
    const hash = known.get(item.event.id);
    if (hash === undefined) fresh.push(item);
    else if (hash !== item.hash) changed.push(item);
  }

  // Insert new events; a concurrent writer may have inserted some meanwhile (ON CONFLICT DO NOTHING).
  const added: Event[] = [];
  for (const batch of chunks(fresh, BATCH)) {
    const res = await tx.query<{ id: string }>(
      `INSERT INTO events (${EVENT_RECORD_COLUMNS})
       SELECT ${EVENT_RECORD_COLUMNS} FROM jsonb_to_recordset($1::jsonb) AS ${EVENT_RECORD}
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [JSON.stringify(batch.map((b) => eventToRow(b.event, b.hash)))],
    );
    const inserted = new Set(res.rows.map((r) => r.id));
    for (const b of batch) if (inserted.has(b.event.id)) added.push(b.event);
  }

  const updated: Event[] = [];
  for (const batch of chunks(changed, BATCH)) {
    const sets = EVENT_RECORD_COLUMNS.split(', ')
      .filter((c) => c !== 'id')
      .map((c) => `${c} = r.${c}`)
      .join(', ');
    await tx.query(
      `UPDATE events SET ${sets}, updated_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS ${EVENT_RECORD} WHERE events.id = r.id`,
      [JSON.stringify(batch.map((b) => eventToRow(b.event, b.hash)))],
    );
    const ids = batch.map((b) => b.event.id);
    await tx.query('DELETE FROM quotes WHERE event_id = ANY($1::text[])', [ids]);
    await tx.query('DELETE FROM lists WHERE event_id = ANY($1::text[])', [ids]);
    updated.push(...batch.map((b) => b.event));
  }

  await insertChildren(tx, [...added, ...updated]);
  const unchanged = byId.size - fresh.length - changed.length + (fresh.length - added.length) + repeated;
  return { article, createdArticle: created, added, updated, unchanged };
}
