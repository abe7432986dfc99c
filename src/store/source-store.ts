// Followed sources over SQL: URLs to poll, their conditional-GET validators, backoff state, pauses and feed items seen.
import { createHash } from 'node:crypto';
import type { Sql } from './sql.ts';
import { isoOrNull } from './subscription-store.ts';

/** A followed URL: a live blog, an article or an RSS/Atom feed, with its polling state. */
export interface Source {
  id: string;
  url: string;
  storyId: string | null;
  intervalMs: number;
  /** IANA zone of local times on the page (when it gives any without an offset). */
  timezone: string | null;
  kind: 'unknown' | 'feed' | 'page';
  title: string | null;
  etag: string | null;
  lastModified: string | null;
  createdAt: string;
  nextFetchAt: string;
  lastFetchedAt: string | null;
  lastSuccessAt: string | null;
  /** Consecutive failed fetches (0 after a success or a 304). */
  failures: number;
  firstFailureAt: string | null;
  lastError: string | null;
  paused: boolean;
  pausedReason: string | null;
  /** Entries this source added to the store, over its life. */
  eventsAdded: number;
}

export interface AddSourceInput {
  url: string;
  storyId: string | null;
  intervalMs: number;
  timezone: string | null;
}

/** What a successful fetch (200 or 304) records. */
export interface SourceSuccess {
  at: Date;
  nextFetchAt: Date;
  kind?: 'feed' | 'page';
  title?: string | null;
  /** Validators to send next time; undefined keeps the stored ones (a 304). */
  etag?: string | null;
  lastModified?: string | null;
  added?: number;
}

/** What a failed fetch records: the reason, when to retry, and whether the source is now paused. */
export interface SourceFailure {
  at: Date;
  error: string;
  nextFetchAt: Date;
  pausedReason: string | null;
}

export interface SourceStore {
  /** Follows a URL, or updates its settings (and resumes it) when already followed. */
  add(input: AddSourceInput, at: Date): Promise<{ source: Source; created: boolean }>;
  get(id: string): Promise<Source | null>;
  /** By id or by URL. */
  find(urlOrId: string): Promise<Source | null>;
  list(): Promise<Source[]>;
  remove(urlOrId: string): Promise<boolean>;
  /**
   * Claims the active sources due at `now`: pushes their next fetch `leaseMs` ahead so another replica (or an
   * overlapping pass) skips them, and returns them as they were.
   */
  claimDue(now: Date, leaseMs: number, limit?: number): Promise<Source[]>;
  recordSuccess(id: string, s: SourceSuccess): Promise<void>;
  recordFailure(id: string, f: SourceFailure): Promise<void>;
  resume(id: string, at: Date): Promise<void>;
  /** Feed item links already ingested, with the update stamp they had. */
  seenItems(sourceId: string): Promise<Map<string, string>>;
  markItem(
    sourceId: string,
    link: string,
    updated: string,
    articleId: string | null,
    at: Date,
  ): Promise<void>;
}

/** The id of a followed URL: stable, so two replicas adding the same URL agree. */
export function sourceIdFor(url: string): string {
  return `src-${createHash('sha256').update(url).digest('hex').slice(0, 10)}`;
}

type Row = Record<string, unknown>;

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

function fromRow(r: Row): Source {
  return {
    id: String(r.id),
    url: String(r.url),
    storyId: str(r.story_id),
    intervalMs: Number(r.interval_ms),
    timezone: str(r.timezone),
    kind: r.kind as Source['kind'],
    title: str(r.title),
    etag: str(r.etag),
    lastModified: str(r.last_modified),
    createdAt: isoOrNull(r.created_at) ?? '',
    nextFetchAt: isoOrNull(r.next_fetch_at) ?? '',
    lastFetchedAt: isoOrNull(r.last_fetched_at),
    lastSuccessAt: isoOrNull(r.last_success_at),
    failures: Number(r.failures),
    firstFailureAt: isoOrNull(r.first_failure_at),
    lastError: str(r.last_error),
    paused: Boolean(r.paused),
    pausedReason: str(r.paused_reason),
    eventsAdded: Number(r.events_added),
  };
}

export function createSourceStore(db: Sql): SourceStore {
  const one = async (text: string, params: unknown[]) => {
    const res = await db.query<Row>(text, params);
    return res.rows[0] ? fromRow(res.rows[0]) : null;
  };
  const store: SourceStore = {
    async add(input, at) {
      const id = sourceIdFor(input.url);
      const inserted = await one(
        `INSERT INTO sources (id, url, story_id, interval_ms, timezone, created_at, next_fetch_at)
         VALUES ($1, $2, $3, $4, $5, $6, $6) ON CONFLICT (url) DO NOTHING RETURNING *`,
        [id, input.url, input.storyId, input.intervalMs, input.timezone, at.toISOString()],
      );
      if (inserted) return { source: inserted, created: true };
      const updated = await one(
        `UPDATE sources SET story_id = $2, interval_ms = $3, timezone = $4, paused = false, paused_reason = NULL,
           failures = 0, first_failure_at = NULL, next_fetch_at = LEAST(next_fetch_at, $5::timestamptz)
         WHERE url = $1 RETURNING *`,
        [input.url, input.storyId, input.intervalMs, input.timezone, at.toISOString()],
      );
      if (!updated) throw new Error(`source ${input.url} vanished while being updated`);
      return { source: updated, created: false };
    },
    get: (id) => one('SELECT * FROM sources WHERE id = $1', [id]),
    find: (urlOrId) => one('SELECT * FROM sources WHERE id = $1 OR url = $1 ORDER BY id LIMIT 1', [urlOrId]),
    async list() {
      const res = await db.query<Row>('SELECT * FROM sources ORDER BY created_at, url');
      return res.rows.map(fromRow);
    },
    async remove(urlOrId) {
      const res = await db.query('DELETE FROM sources WHERE id = $1 OR url = $1 RETURNING id', [urlOrId]);
      return res.rows.length > 0;
    },
    async claimDue(now, leaseMs, limit = 100) {
      const at = now.toISOString();
      const lease = new Date(now.getTime() + leaseMs).toISOString();
      return db.transaction(async (tx) => {
        const due = await tx.query<Row>(
          `SELECT * FROM sources WHERE NOT paused AND next_fetch_at <= $1
           ORDER BY next_fetch_at, id LIMIT $2 FOR UPDATE SKIP LOCKED`,
          [at, limit],
        );
        if (due.rows.length === 0) return [];
        await tx.query('UPDATE sources SET next_fetch_at = $2 WHERE id = ANY($1::text[])', [
          due.rows.map((r) => String(r.id)),
          lease,
        ]);
        return due.rows.map(fromRow);
      });
    },
    async recordSuccess(id, s) {
      const keepValidators = s.etag === undefined && s.lastModified === undefined;
      await db.query(
        `UPDATE sources SET last_fetched_at = $2, last_success_at = $2, next_fetch_at = $3, failures = 0,
           first_failure_at = NULL, last_error = NULL, kind = COALESCE($4, kind), title = COALESCE($5, title),
           etag = CASE WHEN $6 THEN etag ELSE $7 END, last_modified = CASE WHEN $6 THEN last_modified ELSE $8 END,
           events_added = events_added + $9
         WHERE id = $1`,
        [
          id,
          s.at.toISOString(),
          s.nextFetchAt.toISOString(),
          s.kind ?? null,
          s.title ?? null,
          keepValidators,
          s.etag ?? null,
          s.lastModified ?? null,
          s.added ?? 0,
        ],
      );
    },
    async recordFailure(id, f) {
      await db.query(
        `UPDATE sources SET last_fetched_at = $2, next_fetch_at = $3, failures = failures + 1,
           first_failure_at = COALESCE(first_failure_at, $2), last_error = $4,
           paused = $5::text IS NOT NULL, paused_reason = $5
         WHERE id = $1`,
        [id, f.at.toISOString(), f.nextFetchAt.toISOString(), f.error, f.pausedReason],
      );
    },
    async resume(id, at) {
      await db.query(
        `UPDATE sources SET paused = false, paused_reason = NULL, failures = 0, first_failure_at = NULL,
           next_fetch_at = $2 WHERE id = $1`,
        [id, at.toISOString()],
      );
    },
    async seenItems(sourceId) {
      const res = await db.query<{ link: string; updated: string }>(
        'SELECT link, updated FROM source_items WHERE source_id = $1',
        [sourceId],
      );
      return new Map(res.rows.map((r) => [r.link, r.updated]));
    },
    async markItem(sourceId, link, updated, articleId, at) {
      await db.query(
        `INSERT INTO source_items (source_id, link, updated, article_id, seen_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (source_id, link) DO UPDATE SET updated = $3, article_id = $4, seen_at = $5`,
        [sourceId, link, updated, articleId, at.toISOString()],
      );
    },
  };
  return store;
}
