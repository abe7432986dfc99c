// A fake Slack Web API on 127.0.0.1 for delivery tests: chat.postMessage with metadata, conversations.history, faults.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A message the fake holds in a channel. */
export interface FakeSlackMessage {
  ts: string;
  channel: string;
  text: string;
  blocks?: unknown[];
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

/** A fault answered instead of handling chat.postMessage (for `times` posts, optionally one channel only). */
export interface SlackDeliveryFault {
  /** HTTP status (429, 500, 503) — or 200 with `error` for Slack-style failures (channel_not_found). */
  status: number;
  error?: string;
  /** Seconds for Retry-After (429). */
  retryAfter?: number;
  times?: number;
  channel?: string;
}

export interface FakeSlackDeliveryApi {
  url: string;
  /** Web API base to give the publisher (SLACK_API_URL). */
  apiUrl: string;
  messages(channel?: string): FakeSlackMessage[];
  /** How many calls per method the fake received. */
  callCounts(): Record<string, number>;
  statusCounts(): Record<number, number>;
  injectFault(fault: SlackDeliveryFault): void;
  /** Every Nth chat.postMessage answers with this fault (deterministic fault mix), until cleared with null. */
  faultEvery(n: number | null, fault?: SlackDeliveryFault): void;
  /** Channels answering `{ ok: false, error }` (default channel_not_found) to every post. */
  goneChannel(channel: string, error?: string): void;
  /** Store the next `count` posted messages but never answer: a sender killed now delivered without knowing. */
  holdAfterStore(count: number, onHold?: (m: FakeSlackMessage) => void): void;
  close(): Promise<void>;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(raw || '{}');
  } catch {
    return Object.fromEntries(new URLSearchParams(raw));
  }
}

export async function createFakeSlackDeliveryApi(
  opts: { /** Delay before each post is handled (a slow API). */ latencyMs?: number } = {},
): Promise<FakeSlackDeliveryApi> {
  const stored: FakeSlackMessage[] = [];
  const faults: SlackDeliveryFault[] = [];
  const gone = new Map<string, string>();
  const calls: Record<string, number> = {};
  const statuses: Record<number, number> = {};
  let every: { n: number; fault: SlackDeliveryFault } | null = null;
  let posts = 0;
  let holds = 0;
  let onHold: ((m: FakeSlackMessage) => void) | undefined;
  let counter = 0;

  const server = createServer(async (req, res) => {
    const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      statuses[status] = (statuses[status] ?? 0) + 1;
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(JSON.stringify(body));
    };
    const method = /^\/api\/([\w.]+)$/.exec(new URL(req.url ?? '/', 'http://x').pathname)?.[1] ?? 'unknown';
    calls[method] = (calls[method] ?? 0) + 1;
    const body = await readJson(req);
    if (!String(req.headers.authorization ?? '').startsWith('Bearer '))
      return answer(200, { ok: false, error: 'not_authed' });
    const channel = typeof body.channel === 'string' ? body.channel : '';
    if (method === 'conversations.history') {
      const withMeta = body.include_all_metadata === true || body.include_all_metadata === 'true';
      const oldest = body.oldest !== undefined ? Number(body.oldest) : -Infinity;
      const limit = Math.max(1, Math.min(Number(body.limit) || 100, 1000));
      const start = Number(body.cursor) || 0;
      const all = stored.filter((m) => m.channel === channel && Number(m.ts) >= oldest).reverse();
      const page = all
        .slice(start, start + limit)
        .map(({ metadata, ...m }) => (withMeta && metadata ? { ...m, metadata } : m));
      const more = start + limit < all.length;
      return answer(200, {
        ok: true,
        messages: page,
        has_more: more,
        response_metadata: { next_cursor: more ? String(start + limit) : '' },
      });
    }
    if (method !== 'chat.postMessage') return answer(200, { ok: false, error: 'unknown_method' });
    if (opts.latencyMs) await new Promise((r) => setTimeout(r, opts.latencyMs));
    posts++;
    const goneError = gone.get(channel);
    if (goneError) return answer(200, { ok: false, error: goneError });
    const i = faults.findIndex((f) => !f.channel || f.channel === channel);
    let fault: SlackDeliveryFault | null = null;
    if (i >= 0) {
      fault = faults[i];
      fault.times = (fault.times ?? 1) - 1;
      if (fault.times <= 0) faults.splice(i, 1);
    } else if (every && posts % every.n === 0) fault = every.fault;
    if (fault) {
      const headers: Record<string, string> =
        fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {};
      return answer(
        fault.status,
        { ok: false, error: fault.error ?? (fault.status === 429 ? 'ratelimited' : 'internal_error') },
        headers,
      );
    }
    if (!body.text && !body.blocks) return answer(200, { ok: false, error: 'no_text' });
    counter++;
    const msg: FakeSlackMessage = {
      ts: `${Math.floor(Date.now() / 1000)}.${String(counter).padStart(6, '0')}`,
      channel,
      text: String(body.text ?? ''),
      blocks: Array.isArray(body.blocks) ? body.blocks : undefined,
      metadata: body.metadata as FakeSlackMessage['metadata'],
    };
    stored.push(msg);
    if (holds > 0) {
      holds--;
      onHold?.(msg);
      return;
    }
    answer(200, { ok: true, channel, ts: msg.ts, message: msg });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    apiUrl: `${url}/api/`,
    messages: (channel) => stored.filter((m) => !channel || m.channel === channel),
    callCounts: () => ({ ...calls }),
    statusCounts: () => ({ ...statuses }),
    injectFault: (f) => void faults.push({ ...f }),
    faultEvery(n, fault) {
      every = n && fault ? { n, fault } : null;
    },
    goneChannel: (channel, error = 'channel_not_found') => void gone.set(channel, error),
    holdAfterStore(count, cb) {
      holds = count;
      onHold = cb;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
