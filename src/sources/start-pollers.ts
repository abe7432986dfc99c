// Runs the source pollers inside `storybrief start`: a pass every tick over the due sources, stoppable cleanly.
import { loadEnricher } from '../app/enricher.ts';
import type { EnrichFn } from '../app/ingest-files.ts';
import { type Clock, systemClock } from '../clock.ts';
import type { EventStore } from '../store/event-store.ts';
import type { Sql } from '../store/sql.ts';
import type { Event } from '../store/types.ts';
import { createFetcher, type Fetcher } from './fetch-url.ts';
import { type PollLog, pollSources, type SourcePollReport } from './poll-sources.ts';
import { createRobotsFetcher } from './robots.ts';

/** How often the pollers look for due sources (each source still waits its own interval). */
export const POLL_TICK_MS = 15_000;

export interface PollerDeps {
  db: Sql;
  /** Read for near-duplicate candidates when enriching. */
  events: EventStore;
  clock?: Clock;
  /** Defaults to the polite fetcher behind the robots.txt check. */
  fetcher?: Fetcher;
  /** Enrichment; defaults to the story enricher (loadEnricher). */
  enrich?: EnrichFn | null;
  /** Breaking alerts for new entries (announceNewEvents from src/schedule/alerts.ts). */
  onAdded?: (events: Event[]) => Promise<unknown>;
  defaultTimezone?: string;
  tickMs?: number;
  log?: PollLog;
  /** Called after each pass (tests, metrics). */
  onPass?: (reports: SourcePollReport[]) => void;
}

export interface RunningPollers {
  /** Stops ticking, cancels fetches in flight and waits for the current pass to end. */
  stop(): Promise<void>;
}

/** Starts polling: one pass now, then one per tick. Passes never overlap. */
export function startPollers(deps: PollerDeps): RunningPollers {
  const controller = new AbortController();
  const tickMs = deps.tickMs ?? POLL_TICK_MS;
  const log = deps.log ?? (() => {});
  let enrich: Promise<EnrichFn | undefined> | null = null;
  const enricher = () => {
    if (deps.enrich !== undefined) return Promise.resolve(deps.enrich ?? undefined);
    enrich ??= loadEnricher(deps.events).catch((err) => {
      log('sources.enricher_unavailable', { error: (err as Error).message });
      return undefined;
    });
    return enrich;
  };
  const fetcher = deps.fetcher ?? createRobotsFetcher(createFetcher(), { clock: deps.clock });
  let current: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;

  const pass = async () => {
    try {
      const reports = await pollSources({
        db: deps.db,
        clock: deps.clock ?? systemClock,
        fetcher,
        enrich: await enricher(),
        onAdded: deps.onAdded,
        defaultTimezone: deps.defaultTimezone,
        log,
        signal: controller.signal,
      });
      deps.onPass?.(reports);
    } catch (err) {
      log('sources.pass_failed', { error: (err as Error).message });
    }
  };
  const schedule = () => {
    if (controller.signal.aborted) return;
    timer = setTimeout(() => {
      current = pass().then(schedule);
    }, tickMs);
    timer.unref?.();
  };
  current = pass().then(schedule);

  return {
    async stop() {
      controller.abort();
      if (timer) clearTimeout(timer);
      await current;
    },
  };
}
