// One polling pass: claim the due sources, fetch each politely, extract, enrich, ingest in one transaction, announce.
import type { EnrichFn } from '../app/ingest-files.ts';
import type { Clock } from '../clock.ts';
import type { IngestResult } from '../store/event-store.ts';
import { createSourceStore, type Source } from '../store/source-store.ts';
import type { Sql } from '../store/sql.ts';
import { createSqlEventStore } from '../store/sql-event-store.ts';
import type { Event, ParsedDocument } from '../store/types.ts';
import { failurePlan, nextAfterSuccess } from './backoff.ts';
import { type ExtractionMethod, extractPage } from './extract-page.ts';
import { type FeedItem, looksLikeFeed, parseFeed } from './feed.ts';
import type { Fetcher } from './fetch-url.ts';
import { localDate } from './instants.ts';

/** New feed items fetched per pass at most (newest first); the rest follow on later passes. */
export const MAX_FEED_ITEMS_PER_POLL = 20;
/** How long a claimed source stays reserved for this pass (another replica skips it meanwhile). */
export const CLAIM_LEASE_MS = 10 * 60_000;

/** Structured log sink (pino-compatible shape). */
export type PollLog = (event: string, fields: Record<string, unknown>) => void;

export interface PollDeps {
  db: Sql;
  clock: Clock;
  fetcher: Fetcher;
  /** Enrichment applied before writing (quotes, entities, topics, near-duplicates); none when absent. */
  enrich?: EnrichFn;
  /**
   * Called after each commit with the entries that deserve a breaking-alert check: the new ones, plus edited
   * ones whose headline now marks them breaking (wire announceNewEvents from src/schedule/alerts.ts here).
   */
  onAdded?: (events: Event[]) => Promise<unknown>;
  /** Zone for pages whose local times carry no offset, when the source sets none (STORYBRIEF_TZ). */
  defaultTimezone?: string;
  log?: PollLog;
  signal?: AbortSignal;
  maxFeedItems?: number;
  leaseMs?: number;
}

/** What one document (a page, or one feed item's page) did. */
export interface DocumentReport {
  url: string;
  method: ExtractionMethod;
  title: string;
  added: Event[];
  updated: Event[];
  /** Entries handed to onAdded: the added ones and the edits that became breaking. */
  alertable: Event[];
}

/** What one source's poll did. */
export interface SourcePollReport {
  source: Source;
  outcome: 'ingested' | 'not-modified' | 'failed' | 'paused';
  /** Why it failed or was paused. */
  error: string | null;
  documents: DocumentReport[];
  /** Feed items that could not be fetched or read this pass (retried next time). */
  itemErrors: Array<{ link: string; error: string }>;
  nextFetchAt: string | null;
}

const noopLog: PollLog = () => {};

/**
 * Shifts a snapshot's positions so entries already stored keep theirs: on a newest-first live blog every new entry
 * pushes the old ones down the page, which would otherwise count as an edit of every old entry.
 */
export function keepPositions(doc: ParsedDocument, stored: Map<string, Event>): ParsedDocument {
  const anchor = doc.events.find((e) => stored.has(e.id));
  const offset = anchor ? (stored.get(anchor.id)?.position ?? anchor.position) - anchor.position : 0;
  if (offset === 0) return doc;
  return { ...doc, events: doc.events.map((e) => ({ ...e, position: e.position + offset })) };
}

/** Writes a document and the source bookkeeping in ONE transaction; returns what changed and what may alert. */
async function writeDocument(
  db: Sql,
  doc: ParsedDocument,
  bookkeeping: (tx: Sql, result: IngestResult) => Promise<void>,
): Promise<{ result: IngestResult; alertable: Event[] }> {
  return db.transaction(async (tx) => {
    const events = createSqlEventStore(tx);
    const before = new Map((await events.eventsByIds(doc.events.map((e) => e.id))).map((e) => [e.id, e]));
    const result = await events.ingest(keepPositions(doc, before));
    await bookkeeping(tx, result);
    const nowBreaking = result.updated.filter(
      (e) => e.hints.includes('breaking') && !before.get(e.id)?.hints.includes('breaking'),
    );
    return { result, alertable: [...result.added, ...nowBreaking] };
  });
}

async function announce(deps: PollDeps, alertable: Event[], log: PollLog, url: string): Promise<void> {
  if (!deps.onAdded || alertable.length === 0) return;
  try {
    await deps.onAdded(alertable);
  } catch (err) {
    log('sources.alerts_failed', { url, error: (err as Error).message });
  }
}

/** Extracts, enriches and writes one fetched page; `bookkeeping` runs in the same transaction. */
async function ingestPage(
  deps: PollDeps,
  source: Source,
  url: string,
  body: string,
  bookkeeping: (tx: Sql, result: IngestResult | null) => Promise<void>,
): Promise<{ ok: true; report: DocumentReport | null } | { ok: false; error: string }> {
  const timezone = source.timezone ?? deps.defaultTimezone ?? 'UTC';
  const now = deps.clock.now();
  const extracted = extractPage(body, {
    url,
    timezone,
    storyId: source.storyId,
    fallbackDate: localDate(now.toISOString(), timezone),
  });
  if (!extracted.ok) return { ok: false, error: extracted.error.message };
  const { method, doc: parsed } = extracted.value;
  if (parsed.events.length === 0) {
    // A live blog with no entries yet: nothing to store, but the fetch succeeded.
    await deps.db.transaction((tx) => bookkeeping(tx, null));
    return { ok: true, report: null };
  }
  const doc = deps.enrich ? await deps.enrich(parsed) : parsed;
  const { result, alertable } = await writeDocument(deps.db, doc, bookkeeping);
  return {
    ok: true,
    report: {
      url,
      method,
      title: result.article.title,
      added: result.added,
      updated: result.updated,
      alertable,
    },
  };
}

function newestFirst(items: FeedItem[]): FeedItem[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => (b.item.published ?? '').localeCompare(a.item.published ?? '') || a.i - b.i)
    .map((x) => x.item);
}

/** Polls one claimed source: fetch, then ingest the page or each new feed item; records success or failure. */
export async function pollSource(deps: PollDeps, source: Source): Promise<SourcePollReport> {
  const log = deps.log ?? noopLog;
  const store = createSourceStore(deps.db);
  const report: SourcePollReport = {
    source,
    outcome: 'failed',
    error: null,
    documents: [],
    itemErrors: [],
    nextFetchAt: null,
  };
  const fail = async (error: string) => {
    const plan = failurePlan(source, deps.clock.now(), error);
    await store.recordFailure(source.id, plan);
    report.outcome = plan.pausedReason ? 'paused' : 'failed';
    report.error = plan.pausedReason ?? error;
    report.nextFetchAt = plan.pausedReason ? null : plan.nextFetchAt.toISOString();
    log(plan.pausedReason ? 'sources.paused' : 'sources.fetch_failed', {
      url: source.url,
      error,
      failures: source.failures + 1,
      next: report.nextFetchAt,
    });
    return report;
  };

  const fetched = await deps.fetcher.fetch({
    url: source.url,
    etag: source.etag,
    lastModified: source.lastModified,
    signal: deps.signal,
  });
  if (fetched.kind === 'failed') return fail(fetched.reason);
  const now = deps.clock.now();
  const next = nextAfterSuccess(source, now);
  if (fetched.kind === 'not-modified') {
    await store.recordSuccess(source.id, {
      at: now,
      nextFetchAt: next,
      etag: fetched.etag ?? source.etag,
      lastModified: fetched.lastModified ?? source.lastModified,
    });
    report.outcome = 'not-modified';
    report.nextFetchAt = next.toISOString();
    return report;
  }

  if (!looksLikeFeed(fetched.body, fetched.contentType)) {
    let added = 0;
    const done = await ingestPage(deps, source, source.url, fetched.body, async (tx, result) => {
      added = result?.added.length ?? 0;
      await createSourceStore(tx).recordSuccess(source.id, {
        at: now,
        nextFetchAt: next,
        kind: 'page',
        title: result?.article.title ?? null,
        etag: fetched.etag,
        lastModified: fetched.lastModified,
        added,
      });
    });
    if (!done.ok) return fail(done.error);
    if (done.report) {
      report.documents.push(done.report);
      await announce(deps, done.report.alertable, log, source.url);
    }
    report.outcome = 'ingested';
    report.nextFetchAt = next.toISOString();
    log('sources.polled', { url: source.url, kind: 'page', added });
    return report;
  }

  const feed = parseFeed(fetched.body, fetched.url);
  if (!feed.ok) return fail(feed.error.message);
  const seen = await store.seenItems(source.id);
  const fresh = newestFirst(feed.value.items.filter((it) => seen.get(it.link) !== it.updated));
  const batch = fresh.slice(0, deps.maxFeedItems ?? MAX_FEED_ITEMS_PER_POLL);
  let added = 0;
  for (const item of batch) {
    if (deps.signal?.aborted) break;
    const page = await deps.fetcher.fetch({ url: item.link, signal: deps.signal });
    if (page.kind !== 'ok') {
      report.itemErrors.push({
        link: item.link,
        error: page.kind === 'failed' ? page.reason : 'not modified',
      });
      continue;
    }
    const done = await ingestPage(deps, source, item.link, page.body, async (tx, result) => {
      await createSourceStore(tx).markItem(
        source.id,
        item.link,
        item.updated,
        result?.article.id ?? null,
        now,
      );
    });
    if (!done.ok) {
      report.itemErrors.push({ link: item.link, error: done.error });
      continue;
    }
    if (done.report) {
      added += done.report.added.length;
      report.documents.push(done.report);
      await announce(deps, done.report.alertable, log, item.link);
    }
  }
  // Keep the feed's validators only when every new item was read: otherwise the next pass must see the full feed.
  const complete = report.itemErrors.length === 0 && batch.length === fresh.length;
  await store.recordSuccess(source.id, {
    at: now,
    nextFetchAt: next,
    kind: 'feed',
    title: feed.value.title,
    etag: complete ? fetched.etag : null,
    lastModified: complete ? fetched.lastModified : null,
    added,
  });
  for (const e of report.itemErrors)
    log('sources.item_failed', { url: source.url, link: e.link, error: e.error });
  report.outcome = 'ingested';
  report.nextFetchAt = next.toISOString();
  log('sources.polled', { url: source.url, kind: 'feed', items: batch.length, added });
  return report;
}

/**
 * One pass over every due source: claims them (so replicas share the work), then polls them concurrently —
 * the fetcher still sends one request at a time per host. One failing source never stops the others.
 */
export async function pollSources(deps: PollDeps): Promise<SourcePollReport[]> {
  const store = createSourceStore(deps.db);
  const due = await store.claimDue(deps.clock.now(), deps.leaseMs ?? CLAIM_LEASE_MS);
  const log = deps.log ?? noopLog;
  return Promise.all(
    due.map(async (source) => {
      try {
        return await pollSource(deps, source);
      } catch (err) {
        // A bug or a database failure: record it like a fetch failure so the source backs off.
        log('sources.poll_error', { url: source.url, error: (err as Error).message });
        const plan = failurePlan(source, deps.clock.now(), `internal error: ${(err as Error).message}`);
        await store.recordFailure(source.id, plan).catch(() => {});
        return {
          source,
          outcome: plan.pausedReason ? 'paused' : 'failed',
          error: plan.pausedReason ?? plan.error,
          documents: [],
          itemErrors: [],
          nextFetchAt: plan.nextFetchAt.toISOString(),
        } satisfies SourcePollReport;
      }
    }),
  );
}
