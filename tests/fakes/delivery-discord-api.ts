// A fake Discord REST API on 127.0.0.1 for delivery tests: posts messages, honours nonce + enforce_nonce, injects faults.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A message the fake holds. */
export interface FakeDiscordMessage {
  id: string;
  channel_id: string;
  content?: string;
  embeds: unknown[];
  nonce?: string;
  allowed_mentions?: unknown;
  at: number;
}

/** A fault answered instead of handling the request (for `times` requests, optionally one channel only). */
export interface DiscordFault {
  status: 429 | 500 | 502 | 503 | 403 | 404 | 400;
  /** Seconds, sent as JSON retry_after (429). */
  retryAfter?: number;
  times?: number;
  channel?: string;
}

export interface FakeDiscordDeliveryApi {
  url: string;
  /** REST base to give the publisher (DISCORD_API_URL). */
  apiUrl: string;
  messages(channel?: string): FakeDiscordMessage[];
  /** How many POSTs the fake answered, by status. */
  statusCounts(): Record<number, number>;
  /** How many posts reused a nonce with enforce_nonce and got the original message back. */
  nonceReplays(): number;
  injectFault(fault: DiscordFault): void;
  /** Every Nth message POST answers with this fault (deterministic fault mix), until cleared with null. */
  faultEvery(n: number | null, fault?: DiscordFault): void;
  /** Channels answering 404 Unknown Channel (or 403 Missing Access) to every post. */
  goneChannel(channel: string, status?: 403 | 404): void;
  /**
   * Store the next `count` posted messages but never answer (the request hangs): a sender killed now has
   * delivered without knowing it. `onHold` fires once per held request.
   */
  holdAfterStore(count: number, onHold?: (m: FakeDiscordMessage) => void): void;
  close(): Promise<void>;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  } catch {
    return {};
  }
}

/** Starts the fake; Discord keeps nonces for a few minutes, so does the fake (`nonceTtlMs`). */
export async function createFakeDiscordDeliveryApi(
  opts: {
    nonceTtlMs?: number /** Delay before each post is handled (a slow API). */;
    latencyMs?: number;
  } = {},
): Promise<FakeDiscordDeliveryApi> {
  const nonceTtl = opts.nonceTtlMs ?? 5 * 60_000;
  const stored: FakeDiscordMessage[] = [];
  const byNonce = new Map<string, FakeDiscordMessage>();
  const faults: DiscordFault[] = [];
  const gone = new Map<string, 403 | 404>();
  const statuses: Record<number, number> = {};
  let every: { n: number; fault: DiscordFault } | null = null;
  let posts = 0;
  let replays = 0;
  let holds = 0;
  let onHold: ((m: FakeDiscordMessage) => void) | undefined;
  let seq = 1_000_000_000_000_000n;

  const server = createServer(async (req, res) => {
    const answer = (status: number, body: unknown) => {
      statuses[status] = (statuses[status] ?? 0) + 1;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const m = /^\/api\/v10\/channels\/([^/]+)\/messages$/.exec(new URL(req.url ?? '/', 'http://x').pathname);
    if (!m || req.method !== 'POST') return answer(404, { message: '404: Not Found', code: 0 });
    if (!String(req.headers.authorization ?? '').startsWith('Bot '))
      return answer(401, { message: '401: Unauthorized', code: 0 });
    const channel = decodeURIComponent(m[1]);
    const body = await readJson(req);
    if (opts.latencyMs) await new Promise((r) => setTimeout(r, opts.latencyMs));
    posts++;
    const goneStatus = gone.get(channel);
    if (goneStatus === 404) return answer(404, { message: 'Unknown Channel', code: 10003 });
    if (goneStatus === 403) return answer(403, { message: 'Missing Access', code: 50001 });
    const i = faults.findIndex((f) => !f.channel || f.channel === channel);
    let fault: DiscordFault | null = null;
    if (i >= 0) {
      fault = faults[i];
      fault.times = (fault.times ?? 1) - 1;
      if (fault.times <= 0) faults.splice(i, 1);
    } else if (every && posts % every.n === 0) fault = every.fault;
    if (fault) {
      if (fault.status === 429)
        return answer(429, {
          message: 'You are being rate limited.',
          retry_after: fault.retryAfter ?? 0.05,
          global: false,
        });
      const messages: Record<number, string> = {
        403: 'Missing Access',
        404: 'Unknown Channel',
        400: 'Invalid Form Body',
      };
      return answer(fault.status, { message: messages[fault.status] ?? 'Internal Server Error', code: 0 });
    }
    const nonce =
      typeof body.nonce === 'string' || typeof body.nonce === 'number' ? String(body.nonce) : undefined;
    if (nonce && body.enforce_nonce === true) {
      const prior = byNonce.get(`${channel}:${nonce}`);
      if (prior && Date.now() - prior.at < nonceTtl) {
        replays++;
        return answer(200, { ...prior, type: 0 });
      }
    }
    seq++;
    const msg: FakeDiscordMessage = {
      id: seq.toString(),
      channel_id: channel,
      content: typeof body.content === 'string' ? body.content : undefined,
      embeds: Array.isArray(body.embeds) ? body.embeds : [],
      nonce,
      allowed_mentions: body.allowed_mentions,
      at: Date.now(),
    };
    stored.push(msg);
    if (nonce) byNonce.set(`${channel}:${nonce}`, msg);
    if (holds > 0) {
      holds--;
      onHold?.(msg);
      return; // never answered: the request hangs until the client gives up or dies
    }
    answer(200, { ...msg, type: 0 });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    apiUrl: `${url}/api/v10`,
    messages: (channel) => stored.filter((s) => !channel || s.channel_id === channel),
    statusCounts: () => ({ ...statuses }),
    nonceReplays: () => replays,
    injectFault: (f) => void faults.push({ ...f }),
    faultEvery(n, fault) {
      every = n && fault ? { n, fault } : null;
    },
    goneChannel: (channel, status = 404) => void gone.set(channel, status),
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
