// The EventStore over SQL: one implementation for PGlite and Postgres (same dialect, same migrations).

import {
  ARTICLE_COLUMNS,
  articleColumnsAs,
  EVENT_COLUMNS,
  isoColumn,
  rowToArticle,
  rowToEvent,
  rowToPrefixedArticle,
} from './event-rows.ts';
import type {
  ArticleRange,
  EventQuery,
  EventStore,
  IngestResult,
  ListQuery,
  QuoteQuery,
  StoreStats,
} from './event-store.ts';
import { writeDocument } from './event-writes.ts';
import type { Sql } from './sql.ts';
import { type Event, ListSchema, type ParsedDocument, QuoteSchema } from './types.ts';

const DEFAULT_LIMIT = 50;
/** Matches `search` ranks: the newest this many (found through the GIN index), so its cost stays flat with size. */
export const SEARCH_CANDIDATES = 2000;
/** How often `search` re-checks whether the planner has statistics while it has none. */
const STATS_CHECK_MS = 60_000;
const MAX_LIMIT = 10_000;

type Row = Record<string, unknown>;

/** Collects WHERE clauses and their positional parameters. */
function createFilter() {
  const clauses: string[] = [];
  const params: unknown[] = [];
  return {
    params,
    param(value: unknown): string {
      params.push(value);
      return `$${params.length}`;
    },
    where(clause: string) {
      clauses.push(clause);
    },
    sql(): string {
      return clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
    },
  };
}

function limitOf(limit: number | undefined, fallback = DEFAULT_LIMIT): number {
  if (limit === undefined || !Number.isFinite(limit)) return fallback;
  return Math.max(0, Math.min(MAX_LIMIT, Math.floor(limit)));
}

function likeEscape(text: string): string {
  return text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Adds time-window clauses on `column` (inclusive from, exclusive to). */
function addWindow(
  f: ReturnType<typeof createFilter>,
  column: string,
  from: string | null | undefined,
  to: string | null | undefined,
  includeUntimed: boolean,
) {
  const parts: string[] = [];
  if (from) parts.push(`${column} >= ${f.param(from)}::timestamptz`);
  if (to) parts.push(`${column} < ${f.param(to)}::timestamptz`);
  if (parts.length === 0) {
    if (!includeUntimed) f.where(`${column} IS NOT NULL`);
    return;
  }
  const window = parts.join(' AND ');
  f.where(includeUntimed ? `((${window}) OR ${column} IS NULL)` : window);
}

/** Builds the EventStore on a database or on an open transaction (all writes then join that transaction). */
/** Tuning of the SQL store (tests use small values to exercise the bounded paths). */
export interface SqlEventStoreOptions {
  /** Matches `search` ranks at most (the newest); default SEARCH_CANDIDATES. */
  searchCandidates?: number;
}

export function createSqlEventStore(db: Sql, options: SqlEventStoreOptions = {}): EventStore {
  const candidates = Math.max(1, Math.floor(options.searchCandidates ?? SEARCH_CANDIDATES));
  async function selectEvents(sql: string, params: unknown[]): Promise<Event[]> {
    const res = await db.query<Row>(sql, params);
    return res.rows.map(rowToEvent);
  }

  // Whether events has planner statistics, re-checked at most every STATS_CHECK_MS (statistics appear after an
  // ANALYZE; PGlite never gathers them on its own, so its searches skip the check's query most of the time).
  let statsChecked = { at: Number.NEGATIVE_INFINITY, known: false };
  async function plannerHasStatistics(): Promise<boolean> {
    if (statsChecked.known || performance.now() - statsChecked.at < STATS_CHECK_MS) return statsChecked.known;
    const res = await db.query<Row>(
      `SELECT EXISTS (SELECT 1 FROM pg_stats WHERE schemaname = current_schema() AND tablename = 'events'
                      AND attname = 'time') AS known`,
    );
    statsChecked = { at: performance.now(), known: res.rows[0]?.known === true };
    return statsChecked.known;
  }

  /** The planner's estimate of the events matching a search (no rows read; needs table statistics). */
  async function estimatedMatches(text: string, topic?: string): Promise<number | null> {
    const f = createFilter();
    f.where(`e.search @@ websearch_to_tsquery('english', ${f.param(text)})`);
    if (topic) f.where(`e.topics @> ARRAY[${f.param(topic)}]::text[]`);
    const res = await db.query<Row>(`EXPLAIN (FORMAT JSON) SELECT 1 FROM events e ${f.sql()}`, f.params);
    const raw = res.rows[0] ? Object.values(res.rows[0])[0] : null;
    const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Array<{
      Plan?: { 'Plan Rows'?: number };
    }>;
    const rows = Number(plan?.[0]?.Plan?.['Plan Rows']);
    return Number.isFinite(rows) ? rows : null;
  }

  return {
    ingest(doc: ParsedDocument): Promise<IngestResult> {
      return db.transaction((tx) => writeDocument(tx, doc));
    },

    async articles(opts = {}) {
      const limit = opts.limit === undefined ? '' : `LIMIT ${limitOf(opts.limit, 25)}`;
      const res = await db.query<Row>(
        `SELECT ${ARTICLE_COLUMNS} FROM articles a ORDER BY a.published_at DESC NULLS LAST, a.id ${limit}`,
      );
      return res.rows.map(rowToArticle);
    },

    async article(id) {
      const res = await db.query<Row>(`SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.id = $1`, [id]);
      return res.rows.length > 0 ? rowToArticle(res.rows[0]) : null;
    },

    async articlesByIds(ids) {
      const wanted = [...new Set(ids)];
      if (wanted.length === 0) return [];
      const res = await db.query<Row>(
        `SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.id = ANY($1::text[])`,
        [wanted],
      );
      const byId = new Map(res.rows.map((row) => [String(row.id), row]));
      return ids.flatMap((id) => {
        const row = byId.get(id);
        return row ? [rowToArticle(row)] : [];
      });
    },

    async latestCoverage(opts = {}) {
      const f = createFilter();
      f.where('e.time IS NOT NULL');
      if (opts.topic) f.where(`e.topics @> ARRAY[${f.param(opts.topic)}]::text[]`);
      const res = await db.query<Row>(
        `SELECT ${EVENT_COLUMNS}, ${articleColumnsAs('a_')}
         FROM (SELECT e.* FROM events e ${f.sql()}
               ORDER BY e.time DESC NULLS LAST, e.article_id, e.position ASC LIMIT 1) e
         JOIN articles a ON a.id = e.article_id`,
        f.params,
      );
      const row = res.rows[0];
      return row ? { event: rowToEvent(row), article: rowToPrefixedArticle(row, 'a_') } : null;
    },

    async articleRanges(articleIds) {
      const wanted = [...new Set(articleIds)];
      if (wanted.length === 0) return [];
      // One index probe at each end of every article (events_article_time_*_idx), in a single round trip.
      const res = await db.query<Row>(
        `SELECT e.which, ${EVENT_COLUMNS}
         FROM unnest($1::text[]) WITH ORDINALITY AS ids(article_id, ord)
         CROSS JOIN LATERAL (
           (SELECT 'first' AS which, f.* FROM events f WHERE f.article_id = ids.article_id
            ORDER BY f.time ASC NULLS LAST, f.position DESC LIMIT 1)
           UNION ALL
           (SELECT 'last' AS which, l.* FROM events l WHERE l.article_id = ids.article_id
            ORDER BY l.time DESC NULLS LAST, l.position ASC LIMIT 1)
         ) e
         ORDER BY ids.ord, e.which`,
        [wanted],
      );
      const out = new Map<string, Partial<ArticleRange>>();
      for (const row of res.rows) {
        const id = String(row.article_id);
        const range = out.get(id) ?? { articleId: id };
        range[row.which === 'first' ? 'first' : 'last'] = rowToEvent(row);
        out.set(id, range);
      }
      return [...out.values()].filter((r): r is ArticleRange => Boolean(r.first && r.last));
    },

    events(query: EventQuery) {
      const f = createFilter();
      const windowed = Boolean(query.from || query.to);
      addWindow(f, 'e.time', query.from, query.to, query.includeUntimed ?? !windowed);
      if (query.topic) f.where(`e.topics @> ARRAY[${f.param(query.topic)}]::text[]`);
      if (query.articleId) f.where(`e.article_id = ${f.param(query.articleId)}`);
      const order =
        query.order === 'desc'
          ? 'e.time DESC NULLS LAST, e.article_id, e.position ASC'
          : 'e.time ASC NULLS LAST, e.article_id, e.position DESC';
      const limit = query.limit === undefined ? '' : `LIMIT ${limitOf(query.limit)}`;
      return selectEvents(
        `SELECT ${EVENT_COLUMNS} FROM events e ${f.sql()} ORDER BY ${order} ${limit}`,
        f.params,
      );
    },

    async recentSpan(query) {
      const f = createFilter();
      f.where('e.time IS NOT NULL');
      if (query.topic) f.where(`e.topics @> ARRAY[${f.param(query.topic)}]::text[]`);
      // Only the time column leaves the server: no event row is decoded (its JSON columns dominate a row's cost).
      const res = await db.query<Row>(
        `SELECT ${isoColumn('min(s.time)')} AS oldest, ${isoColumn('max(s.time)')} AS newest
         FROM (SELECT e.time FROM events e ${f.sql()}
               ORDER BY e.time DESC NULLS LAST, e.article_id, e.position ASC LIMIT ${limitOf(query.limit)}) s`,
        f.params,
      );
      const row = res.rows[0];
      return row?.oldest && row.newest ? { oldest: String(row.oldest), newest: String(row.newest) } : null;
    },

    async eventsByIds(ids) {
      if (ids.length === 0) return [];
      const found = await selectEvents(`SELECT ${EVENT_COLUMNS} FROM events e WHERE e.id = ANY($1::text[])`, [
        ids,
      ]);
      const byId = new Map(found.map((e) => [e.id, e]));
      return ids.flatMap((id) => {
        const e = byId.get(id);
        return e ? [e] : [];
      });
    },

    async search(text, opts = {}) {
      if (text.trim() === '') return [];
      const limit = limitOf(opts.limit, 20);
      // Rank only the newest SEARCH_CANDIDATES matches, never every match (ranking all grew with the store).
      // A span of the newest days ends the search when it holds SEARCH_CANDIDATES matches (then they are the
      // newest overall); otherwise every match is read. Spans pay only when the planner has statistics (it then ANDs the time range with the
      // GIN match); without them (PGlite, or Postgres before its first ANALYZE) one read of every match is cheapest.
      let newest = Number.NaN;
      let covered = 0;
      if (await plannerHasStatistics()) {
        const span = await db.query<Row>(
          `SELECT ${isoColumn('max(time)')} AS newest, ${isoColumn('min(time)')} AS oldest FROM events`,
        );
        newest = Date.parse(String(span.rows[0]?.newest ?? ''));
        covered = (newest - Date.parse(String(span.rows[0]?.oldest ?? ''))) / 86_400_000;
      }
      // The span the planner's match estimate says holds SEARCH_CANDIDATES matches (with a margin); everything
      // when that is most of the coverage or the estimate is unknown.
      let days: number | null = null;
      if (covered > 1) {
        const estimate = await estimatedMatches(text, opts.topic);
        const sized = estimate === null ? covered : (covered * candidates * 2) / Math.max(1, estimate);
        if (sized < covered / 2) days = Math.max(1, sized);
      }
      for (;;) {
        const f = createFilter();
        const q = `websearch_to_tsquery('english', ${f.param(text)})`;
        f.where(`m.search @@ ${q}`);
        if (opts.topic) f.where(`m.topics @> ARRAY[${f.param(opts.topic)}]::text[]`);
        if (days !== null)
          f.where(`m.time >= ${f.param(new Date(newest - days * 86_400_000).toISOString())}::timestamptz`);
        const res = await db.query<Row>(
          `SELECT ${EVENT_COLUMNS}, c.rank, c.candidates
           FROM (
             SELECT m.id, ts_rank(m.search, ${q}) AS rank, count(*) OVER () AS candidates
             FROM (SELECT m.id, m.search, m.time FROM events m ${f.sql()}
                   ORDER BY m.time DESC NULLS LAST LIMIT ${candidates}) m
             ORDER BY rank DESC, m.time DESC NULLS LAST, m.id
             LIMIT ${limit}
           ) c
           JOIN events e ON e.id = c.id
           ORDER BY c.rank DESC, e.time DESC NULLS LAST, e.id
           LIMIT ${limit}`,
          f.params,
        );
        const found = Number(res.rows[0]?.candidates ?? 0);
        if (days === null || found >= candidates)
          return res.rows.map((row) => ({ event: rowToEvent(row), rank: Number(row.rank) }));
        days = null;
      }
    },

    async quotes(query: QuoteQuery) {
      const f = createFilter();
      const who: string[] = [];
      if (query.speakerId) who.push(`qu.speaker_id = ${f.param(query.speakerId)}`);
      if (query.speaker?.trim()) {
        const p = f.param(likeEscape(query.speaker.trim()));
        who.push(`lower(qu.speaker) LIKE '%' || ${p} || '%'`);
      }
      if (who.length > 0) f.where(`(${who.join(' OR ')})`);
      if (query.topic) f.where(`e.topics @> ARRAY[${f.param(query.topic)}]::text[]`);
      addWindow(f, 'qu.time', query.from, query.to, !(query.from || query.to));
      const res = await db.query<Row>(
        `SELECT ${EVENT_COLUMNS}, qu.speaker AS q_speaker, qu.speaker_id AS q_speaker_id, qu.text AS q_text
         FROM quotes qu JOIN events e ON e.id = qu.event_id
         ${f.sql()}
         ORDER BY qu.time DESC NULLS LAST, e.article_id, e.position, qu.ord
         LIMIT ${limitOf(query.limit)}`,
        f.params,
      );
      return res.rows.map((row) => ({
        event: rowToEvent(row),
        quote: QuoteSchema.parse({
          speaker: row.q_speaker,
          speakerId: row.q_speaker_id ?? null,
          text: row.q_text,
        }),
      }));
    },

    async lists(query: ListQuery) {
      const f = createFilter();
      if (query.query?.trim()) {
        const q = f.param(query.query.trim());
        const like = f.param(likeEscape(query.query.trim()));
        f.where(
          `(l.search @@ plainto_tsquery('english', ${q}) OR lower(l.title) LIKE '%' || ${like} || '%')`,
        );
      }
      addWindow(f, 'l.time', query.from, query.to, !(query.from || query.to));
      const res = await db.query<Row>(
        `SELECT ${EVENT_COLUMNS}, l.title AS l_title, l.items AS l_items, l.declared_count AS l_declared
         FROM lists l JOIN events e ON e.id = l.event_id
         ${f.sql()}
         ORDER BY l.time DESC NULLS LAST, e.article_id, e.position, l.ord
         LIMIT ${limitOf(query.limit)}`,
        f.params,
      );
      return res.rows.map((row) => ({
        event: rowToEvent(row),
        list: ListSchema.parse({
          title: row.l_title,
          items: typeof row.l_items === 'string' ? JSON.parse(row.l_items) : row.l_items,
          declaredCount: row.l_declared ?? null,
        }),
      }));
    },

    async stats(): Promise<StoreStats> {
      // Counts from store_counts (kept by triggers, migration 006); earliest / latest from the time indexes.
      const res = await db.query<Row>(
        `SELECT (SELECT coalesce(sum(n), 0)::int FROM store_counts WHERE name = 'articles') AS articles,
                (SELECT coalesce(sum(n), 0)::int FROM store_counts WHERE name = 'events') AS events,
                (SELECT ${isoColumn('min(time)')} FROM events) AS earliest,
                (SELECT ${isoColumn('max(time)')} FROM events) AS latest`,
      );
      const row = res.rows[0];
      return {
        articles: Number(row.articles),
        events: Number(row.events),
        earliest: (row.earliest as string | null) ?? null,
        latest: (row.latest as string | null) ?? null,
      };
    },

    async speakers(prefix, limit = 25) {
      const f = createFilter();
      const p = prefix?.trim();
      if (p) {
        const x = f.param(likeEscape(p));
        f.where(
          `(lower(speaker) LIKE ${x} || '%' OR lower(speaker) LIKE '% ' || ${x} || '%' OR lower(speaker_id) LIKE ${x} || '%')`,
        );
      }
      const res = await db.query<Row>(
        `SELECT max(speaker_id) AS id, mode() WITHIN GROUP (ORDER BY speaker) AS name, count(*)::int AS count
         FROM quotes ${f.sql()}
         GROUP BY coalesce(speaker_id, 'name:' || lower(speaker))
         ORDER BY count DESC, name
         LIMIT ${limitOf(limit, 25)}`,
        f.params,
      );
      return res.rows.map((row) => ({
        id: (row.id as string | null) ?? null,
        name: String(row.name),
        count: Number(row.count),
      }));
    },

    async exportAll() {
      const articles = await db.query<Row>(
        `SELECT ${ARTICLE_COLUMNS} FROM articles a ORDER BY a.published_at ASC NULLS LAST, a.id`,
      );
      const events = await selectEvents(
        `SELECT ${EVENT_COLUMNS} FROM events e JOIN articles a ON a.id = e.article_id
         ORDER BY a.published_at ASC NULLS LAST, a.id, e.position`,
        [],
      );
      return { articles: articles.rows.map(rowToArticle), events };
    },
  };
}
