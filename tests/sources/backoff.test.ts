// GIVEN consecutive failures THEN retries wait 5 min × 2ⁿ (capped), never beyond the 48-hour mark, then pause.
import { describe, expect, it } from 'vitest';
import { BACKOFF_MAX_MS, backoffDelay, failurePlan, PAUSE_AFTER_MS } from '../../src/sources/backoff.ts';

const MIN = 60_000;

describe('failurePlan', () => {
  it('doubles the wait from 5 minutes and caps it', () => {
    expect([0, 1, 2, 3, 4].map(backoffDelay)).toEqual([5 * MIN, 10 * MIN, 20 * MIN, 40 * MIN, 80 * MIN]);
    expect(backoffDelay(20)).toBe(BACKOFF_MAX_MS);
  });

  it('waits at least the source interval', () => {
    const now = new Date('2026-03-10T00:00:00Z');
    const plan = failurePlan({ failures: 0, firstFailureAt: null, intervalMs: 15 * MIN }, now, 'HTTP 500');
    expect(plan.nextFetchAt.getTime() - now.getTime()).toBe(15 * MIN);
    expect(plan.pausedReason).toBeNull();
  });

  it('GIVEN failures since 47 h THEN the retry lands on the 48-hour mark; a failure there pauses with the reason', () => {
    const first = new Date('2026-03-01T00:00:00Z');
    const now = new Date(first.getTime() + 47 * 3600_000);
    const plan = failurePlan(
      { failures: 12, firstFailureAt: first.toISOString(), intervalMs: 5 * MIN },
      now,
      'HTTP 503',
    );
    expect(plan.nextFetchAt.getTime()).toBe(first.getTime() + PAUSE_AFTER_MS);
    const atMark = failurePlan(
      { failures: 13, firstFailureAt: first.toISOString(), intervalMs: 5 * MIN },
      plan.nextFetchAt,
      'HTTP 503',
    );
    expect(atMark.pausedReason).toMatch(/^paused after 48 h of failed fetches .*HTTP 503$/);
  });
});
