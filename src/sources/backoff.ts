// When to fetch a source next: its interval after a success; 5 min × 2ⁿ after failures; paused after 48 h of them.
import type { Source, SourceFailure } from '../store/source-store.ts';

export const BACKOFF_BASE_MS = 5 * 60_000;
/** Backoff never waits longer than this between attempts, so the 48-hour mark is checked close to on time. */
export const BACKOFF_MAX_MS = 6 * 3600_000;
/** After failing this long without a success, the source is paused with the reason. */
export const PAUSE_AFTER_MS = 48 * 3600_000;

/** The next fetch after a success (200 or 304): one interval later. */
export function nextAfterSuccess(source: Pick<Source, 'intervalMs'>, now: Date): Date {
  return new Date(now.getTime() + source.intervalMs);
}

/** The delay after the n-th consecutive failure (n = 0 for the first): 5 min × 2ⁿ, capped. */
export function backoffDelay(n: number): number {
  return Math.min(BACKOFF_BASE_MS * 2 ** Math.min(n, 30), BACKOFF_MAX_MS);
}

/**
 * What a failed fetch records. The retry waits 5 min × 2ⁿ (never less than the source's interval) but not past
 * the 48-hour mark; a failure at or after that mark pauses the source.
 */
export function failurePlan(
  source: Pick<Source, 'failures' | 'firstFailureAt' | 'intervalMs'>,
  now: Date,
  error: string,
): SourceFailure {
  const first = source.firstFailureAt ? Date.parse(source.firstFailureAt) : now.getTime();
  const failingFor = now.getTime() - first;
  if (failingFor >= PAUSE_AFTER_MS) {
    const hours = Math.floor(failingFor / 3600_000);
    return {
      at: now,
      error,
      nextFetchAt: new Date(now.getTime() + source.intervalMs),
      pausedReason: `paused after ${hours} h of failed fetches (since ${new Date(first).toISOString()}); last: ${error}`,
    };
  }
  const wait = Math.max(backoffDelay(source.failures), source.intervalMs);
  const next = Math.min(
    now.getTime() + wait,
    Math.max(first + PAUSE_AFTER_MS, now.getTime() + source.intervalMs),
  );
  return { at: now, error, nextFetchAt: new Date(next), pausedReason: null };
}
