// Polite HTTP fetching: conditional GET, one request at a time per host, a project User-Agent, size and time caps.

/** Names the project to publishers, as polite crawlers do. */
export const USER_AGENT =
  'storybrief/0.1 (news-briefing bot; follows live blogs and feeds; +https://github.com/storybrief)';
/** The largest response read (10 MB), like the largest file `ingest` reads. */
export const MAX_RESPONSE_BYTES = 10 * 1024 * 1024;
/** The longest a response may take, headers and body together. */
export const FETCH_TIMEOUT_MS = 30_000;

export interface FetchRequest {
  url: string;
  /** Validators of the last good response, sent as If-None-Match / If-Modified-Since. */
  etag?: string | null;
  lastModified?: string | null;
  /** Aborts the request (shutdown). */
  signal?: AbortSignal;
}

export type FetchOutcome =
  | {
      kind: 'ok';
      /** The URL after redirects. */
      url: string;
      status: number;
      contentType: string;
      body: string;
      etag: string | null;
      lastModified: string | null;
    }
  | { kind: 'not-modified'; etag: string | null; lastModified: string | null }
  | { kind: 'failed'; reason: string; status: number | null };

export interface FetcherOptions {
  userAgent?: string;
  timeoutMs?: number;
  maxBytes?: number;
}

export interface Fetcher {
  fetch(req: FetchRequest): Promise<FetchOutcome>;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url;
  }
}

/** Reads at most maxBytes of the body; null when it is larger. */
async function readCapped(res: Response, maxBytes: number): Promise<Uint8Array | null> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => {});
    return null;
  }
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

function decode(bytes: Uint8Array, contentType: string): string {
  const charset = /charset=["']?([\w-]+)/i.exec(contentType)?.[1];
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

const span = (ms: number) => (ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`);

function describe(err: unknown, timeoutMs: number): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError') return `no complete answer within ${span(timeoutMs)}`;
  if (e?.name === 'AbortError') return 'the request was cancelled';
  const cause = e?.cause?.code ?? e?.cause?.message;
  return cause ? `network error (${cause})` : `network error (${e?.message ?? String(err)})`;
}

/** A fetcher that sends one request at a time to each host and caps each response in size and time. */
export function createFetcher(opts: FetcherOptions = {}): Fetcher {
  const userAgent = opts.userAgent ?? USER_AGENT;
  const timeoutMs = opts.timeoutMs ?? FETCH_TIMEOUT_MS;
  const maxBytes = opts.maxBytes ?? MAX_RESPONSE_BYTES;
  const tails = new Map<string, Promise<unknown>>();

  async function once(req: FetchRequest): Promise<FetchOutcome> {
    const headers: Record<string, string> = {
      'user-agent': userAgent,
      accept:
        'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5',
    };
    if (req.etag) headers['if-none-match'] = req.etag;
    if (req.lastModified) headers['if-modified-since'] = req.lastModified;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
    try {
      const res = await fetch(req.url, { headers, signal, redirect: 'follow' });
      const etag = res.headers.get('etag');
      const lastModified = res.headers.get('last-modified');
      if (res.status === 304) {
        await res.body?.cancel().catch(() => {});
        return { kind: 'not-modified', etag, lastModified };
      }
      if (!res.ok) {
        await res.body?.cancel().catch(() => {});
        return {
          kind: 'failed',
          reason: `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`,
          status: res.status,
        };
      }
      const contentType = res.headers.get('content-type') ?? '';
      const bytes = await readCapped(res, maxBytes);
      if (!bytes) {
        return {
          kind: 'failed',
          reason: `the response is larger than ${Math.round(maxBytes / 1048576)} MB`,
          status: res.status,
        };
      }
      return {
        kind: 'ok',
        url: res.url || req.url,
        status: res.status,
        contentType,
        body: decode(bytes, contentType),
        etag,
        lastModified,
      };
    } catch (err) {
      const timedOut = timeout.aborted && !req.signal?.aborted;
      return {
        kind: 'failed',
        reason: timedOut ? `no complete answer within ${span(timeoutMs)}` : describe(err, timeoutMs),
        status: null,
      };
    }
  }

  return {
    fetch(req) {
      // Chain behind the host's previous request: one request at a time per host.
      const host = hostOf(req.url);
      const previous = tails.get(host) ?? Promise.resolve();
      const run = previous.then(() => once(req));
      const tail = run.catch(() => {});
      tails.set(host, tail);
      void tail.then(() => {
        if (tails.get(host) === tail) tails.delete(host);
      });
      return run;
    },
  };
}
