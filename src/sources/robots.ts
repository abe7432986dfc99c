// Honours robots.txt (RFC 9309): a Fetcher decorator that checks each URL against its origin's rules, cached per origin.
import robotsParserModule from 'robots-parser';
import { type Clock, systemClock } from '../clock.ts';
import type { Fetcher, FetchOutcome, FetchRequest } from './fetch-url.ts';

// robots-parser is CommonJS (`module.exports = fn`) but its types declare an ES default export; take whichever holds.
type ParseRobots = typeof robotsParserModule.default;
const robotsParser: ParseRobots =
  typeof robotsParserModule === 'function'
    ? (robotsParserModule as unknown as ParseRobots)
    : robotsParserModule.default;

/** The product token matched against `User-agent:` lines. */
export const ROBOTS_USER_AGENT = 'storybrief';
/** How long an origin's parsed robots.txt is trusted (RFC 9309 asks for at most 24 h). */
export const ROBOTS_TTL_MS = 24 * 60 * 60 * 1000;

export interface RobotsFetcherOptions {
  /** The token looked up in robots.txt (default "storybrief"). */
  userAgent?: string;
  ttlMs?: number;
  clock?: Clock;
}

type Robot = ReturnType<typeof robotsParser>;

/** What an origin's robots.txt says: rules to obey, everything allowed, or unreachable this time. */
type Verdict =
  | { kind: 'rules'; robot: Robot }
  | { kind: 'allow-all' }
  | { kind: 'unavailable'; reason: string; cancelled: boolean };

interface CacheEntry {
  expiresAt: number;
  verdict: Promise<Verdict>;
}

function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

function verdictOf(robotsUrl: string, outcome: FetchOutcome, signal?: AbortSignal): Verdict {
  if (outcome.kind === 'ok') return { kind: 'rules', robot: robotsParser(robotsUrl, outcome.body) };
  // Only a request sent without validators is made here, so a 304 cannot be ours; treat it as unreachable.
  if (outcome.kind === 'not-modified') {
    return { kind: 'unavailable', reason: 'an unexpected 304', cancelled: false };
  }
  // RFC 9309 §2.3.1.3: "unavailable" (4xx, 404 included) means no rules apply.
  if (outcome.status !== null && outcome.status >= 400 && outcome.status < 500) return { kind: 'allow-all' };
  // §2.3.1.4: "unreachable" (5xx, network failure) means assume complete disallow.
  return { kind: 'unavailable', reason: outcome.reason, cancelled: signal?.aborted ?? false };
}

/**
 * Wraps a fetcher so a URL is fetched only when its origin's robots.txt allows it. robots.txt itself is fetched
 * through `inner`, so per-host politeness, caps and the User-Agent apply to it too. A 2xx robots.txt is obeyed for
 * `userAgent`; a 4xx allows everything; a 5xx or network failure blocks this attempt only (not cached).
 */
export function createRobotsFetcher(inner: Fetcher, opts: RobotsFetcherOptions = {}): Fetcher {
  const userAgent = opts.userAgent ?? ROBOTS_USER_AGENT;
  const ttlMs = opts.ttlMs ?? ROBOTS_TTL_MS;
  const clock = opts.clock ?? systemClock;
  const cache = new Map<string, CacheEntry>();

  /** The origin's verdict, sharing one robots.txt request among concurrent callers. */
  function verdictFor(origin: string, signal?: AbortSignal): Promise<Verdict> {
    const now = clock.now().getTime();
    const cached = cache.get(origin);
    if (cached && cached.expiresAt > now) return cached.verdict;
    const robotsUrl = `${origin}/robots.txt`;
    const verdict = inner
      .fetch({ url: robotsUrl, signal })
      .then((outcome) => verdictOf(robotsUrl, outcome, signal));
    const entry: CacheEntry = { expiresAt: now + ttlMs, verdict };
    cache.set(origin, entry);
    // A failure is not remembered: the next attempt asks again.
    void verdict.then((v) => {
      if (v.kind === 'unavailable' && cache.get(origin) === entry) cache.delete(origin);
    });
    return verdict;
  }

  return {
    async fetch(req: FetchRequest): Promise<FetchOutcome> {
      const origin = originOf(req.url);
      if (!origin) return inner.fetch(req);
      const robotsUrl = `${origin}/robots.txt`;
      const verdict = await verdictFor(origin, req.signal);
      if (verdict.kind === 'unavailable') {
        if (verdict.cancelled || req.signal?.aborted) {
          return { kind: 'failed', reason: 'the request was cancelled', status: null };
        }
        return {
          kind: 'failed',
          reason: `robots.txt unreachable (${verdict.reason}), so not fetched this attempt (${robotsUrl})`,
          status: null,
        };
      }
      if (verdict.kind === 'rules' && verdict.robot.isAllowed(req.url, userAgent) === false) {
        return { kind: 'failed', reason: `disallowed by robots.txt (${robotsUrl})`, status: null };
      }
      return inner.fetch(req);
    },
  };
}
