// Bounded retries for platform HTTP calls: wait out 429s, back off on 5xx and network errors, give up in time.

/** What one HTTP attempt came to, as the platform adapters classify it. */
export type AttemptOutcome<T> =
  | { kind: 'ok'; value: T }
  | { kind: 'rate-limited'; retryAfterMs: number }
  | { kind: 'transient'; reason: string }
  | { kind: 'gone'; reason: string }
  | { kind: 'rejected'; reason: string };

export interface RetryPolicy {
  /** Attempts after 5xx / network errors before giving up (default 4). */
  maxTransientAttempts: number;
  /** First backoff delay; doubles each time, with jitter (default 250 ms). */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Total time one call may spend waiting out 429s before giving up (default 60 s). */
  maxRateLimitWaitMs: number;
  sleep(ms: number): Promise<void>;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxTransientAttempts: 4,
  baseDelayMs: 250,
  maxDelayMs: 5_000,
  maxRateLimitWaitMs: 60_000,
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
};

export type RetryResult<T> =
  | { ok: true; value: T; rateLimitedMs: number; retries: number }
  | { ok: false; kind: 'gone' | 'rejected' | 'transient'; reason: string };

/** Runs `attempt` until it succeeds, fails for good, or the policy's budgets run out. */
export async function withRetries<T>(
  attempt: () => Promise<AttemptOutcome<T>>,
  policy: Partial<RetryPolicy> = {},
): Promise<RetryResult<T>> {
  const p = { ...DEFAULT_RETRY, ...policy };
  let transient = 0;
  let waited = 0;
  let retries = 0;
  for (;;) {
    let out: AttemptOutcome<T>;
    try {
      out = await attempt();
    } catch (err) {
      out = { kind: 'transient', reason: `network: ${err instanceof Error ? err.message : String(err)}` };
    }
    if (out.kind === 'ok') return { ok: true, value: out.value, rateLimitedMs: waited, retries };
    if (out.kind === 'gone' || out.kind === 'rejected')
      return { ok: false, kind: out.kind, reason: out.reason };
    retries++;
    if (out.kind === 'rate-limited') {
      const wait = Math.max(0, out.retryAfterMs);
      if (waited + wait > p.maxRateLimitWaitMs)
        return { ok: false, kind: 'transient', reason: 'rate limited too long' };
      waited += wait;
      await p.sleep(wait);
      continue;
    }
    transient++;
    if (transient >= p.maxTransientAttempts) return { ok: false, kind: 'transient', reason: out.reason };
    const backoff = Math.min(p.maxDelayMs, p.baseDelayMs * 2 ** (transient - 1));
    await p.sleep(backoff / 2 + Math.random() * (backoff / 2));
  }
}
