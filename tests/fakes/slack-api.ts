// A fake Slack Web API (and response_url endpoint) on 127.0.0.1: records every call, injects faults, rate-limits.
import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

/** One request the fake received. `method` is the Web API method, or `response_url` for response_url posts. */
export interface RecordedCall {
  method: string;
  /** Parsed body: form fields (JSON-looking fields such as blocks decoded) or the JSON object. */
  body: Record<string, unknown>;
  rawBody: string;
  headers: IncomingHttpHeaders;
  /** For response_url calls, the id in the URL path. */
  responseId?: string;
  at: number;
  /** The HTTP status the fake answered with. */
  status: number;
}

/** A message the fake holds in a channel. */
export interface StoredMessage {
  type: 'message';
  ts: string;
  channel: string;
  text: string;
  blocks?: unknown[];
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  thread_ts?: string;
  user: string;
  bot_id: string;
  edited?: { ts: string };
}

/** A fault for the next `times` calls to a method (optionally only for one channel). */
export interface SlackFault {
  /** HTTP status to answer with (e.g. 500, 503, 429). Without it, a 200 with `{ ok: false, error }`. */
  status?: number;
  /** Slack error code for `{ ok: false, error }` (e.g. channel_not_found, not_in_channel, ratelimited). */
  error?: string;
  /** Seconds for the Retry-After header (429). */
  retryAfter?: number;
  /** Delay before answering, in milliseconds. */
  delayMs?: number;
  /** How many calls this fault applies to (default 1). */
  times?: number;
  channel?: string;
}

export interface FakeSlackApiOptions {
  /** Bot token the fake accepts; calls with another bearer token get invalid_auth. Default: any token. */
  token?: string;
  /** Messages per second allowed per channel for chat.postMessage; over it, 429 with Retry-After. */
  rateLimitPerChannelPerSecond?: number | null;
  /** Reject blocks beyond Slack's limits as Slack does (default true). */
  validateBlocks?: boolean;
  teamId?: string;
  botUserId?: string;
  /** Users the fake knows for users.info (others get user_not_found). */
  users?: Record<
    string,
    { is_admin?: boolean; is_owner?: boolean; is_primary_owner?: boolean; name?: string }
  >;
  /** Channels for conversations.info (creator etc.); others get channel_not_found only if strictChannels. */
  channels?: Record<string, { creator?: string; name?: string; is_archived?: boolean }>;
}

export interface FakeSlackApi {
  /** Base URL of the server, e.g. http://127.0.0.1:12345 */
  url: string;
  /** Web API base to give clients (SLACK_API_URL), ending in /api/. */
  apiUrl: string;
  calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  /** Messages in a channel, oldest first (thread replies included). */
  messages(channel: string): StoredMessage[];
  /** Published App Home views by user id. */
  views: Map<string, unknown>;
  /** A fresh response_url served by the fake. */
  responseUrl(id?: string): string;
  injectFault(method: string, fault: SlackFault): void;
  setRateLimit(perChannelPerSecond: number | null): void;
  /** Resolves with the first recorded call (past or future) that matches, or rejects after timeoutMs. */
  waitFor(predicate: (call: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  /** Socket Mode: sends an envelope (e.g. `{ envelope_id, type: 'slash_commands', payload }`) to every open socket. */
  socketSend(envelope: Record<string, unknown>): void;
  /** Socket Mode: resolves once a client has connected (after apps.connections.open) and been sent hello. */
  socketConnected(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const MAX_BLOCKS = 50;
const MAX_BLOCKS_CHARS = 12_000;
const MAX_HEADER = 150;
const MAX_SECTION_TEXT = 3000;
const MAX_CONTEXT_ELEMENTS = 10;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (contentType?.includes('application/json')) {
    try {
      const v = JSON.parse(raw);
      return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
    } catch {
      return { _unparsed: raw };
    }
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    if (/^[[{]/.test(v)) {
      try {
        out[k] = JSON.parse(v);
        continue;
      } catch {
        /* keep the string */
      }
    }
    out[k] = v;
  }
  return out;
}

/** Why Slack would reject these blocks, or null. */
function blocksProblem(blocks: unknown): string | null {
  if (blocks === undefined) return null;
  if (!Array.isArray(blocks)) return 'invalid_blocks_format';
  if (blocks.length > MAX_BLOCKS) return 'invalid_blocks';
  if (JSON.stringify(blocks).length > MAX_BLOCKS_CHARS) return 'msg_blocks_too_long';
  for (const b of blocks as Array<{
    type?: string;
    text?: { type?: string; text?: unknown };
    elements?: unknown;
  }>) {
    if (b.type === 'header' && (b.text?.type !== 'plain_text' || String(b.text.text).length > MAX_HEADER))
      return 'invalid_blocks';
    if (b.type === 'section' && b.text && String(b.text.text).length > MAX_SECTION_TEXT)
      return 'invalid_blocks';
    if (b.type === 'context' && (!Array.isArray(b.elements) || b.elements.length > MAX_CONTEXT_ELEMENTS))
      return 'invalid_blocks';
  }
  return null;
}

/** Starts the fake on 127.0.0.1 on a free port. */
export async function createFakeSlackApi(options: FakeSlackApiOptions = {}): Promise<FakeSlackApi> {
  const teamId = options.teamId ?? 'T0FAKE';
  const botUserId = options.botUserId ?? 'U0BOT';
  const botId = 'B0BOT';
  const validate = options.validateBlocks ?? true;
  let rateLimit = options.rateLimitPerChannelPerSecond ?? null;
  const calls: RecordedCall[] = [];
  const channels = new Map<string, StoredMessage[]>();
  const lastPost = new Map<string, number>();
  const faults = new Map<string, SlackFault[]>();
  const views = new Map<string, unknown>();
  const waiters: Array<{ pred: (c: RecordedCall) => boolean; resolve: (c: RecordedCall) => void }> = [];
  let tsCounter = 0;
  let responseCounter = 0;

  const nextTs = () => {
    tsCounter++;
    return `${Math.floor(Date.now() / 1000)}.${String(tsCounter).padStart(6, '0')}`;
  };

  const record = (call: RecordedCall) => {
    calls.push(call);
    for (const w of [...waiters]) {
      if (w.pred(call)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(call);
      }
    }
  };

  const takeFault = (method: string, channel: string | undefined): SlackFault | null => {
    const list = faults.get(method);
    if (!list) return null;
    const i = list.findIndex((f) => !f.channel || f.channel === channel);
    if (i < 0) return null;
    const f = list[i];
    f.times = (f.times ?? 1) - 1;
    if (f.times <= 0) list.splice(i, 1);
    return f;
  };

  const send = (
    res: ServerResponse,
    status: number,
    payload: unknown,
    headers: Record<string, string> = {},
  ) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(payload));
  };

  function handleMethod(method: string, body: Record<string, unknown>, headers: IncomingHttpHeaders) {
    const channel = typeof body.channel === 'string' ? body.channel : undefined;
    const fail = (error: string) => ({ status: 200, payload: { ok: false, error } });
    if (method === 'apps.connections.open') {
      return { status: 200, payload: { ok: true, url: `${url.replace(/^http/, 'ws')}/socket` } };
    }
    if (options.token) {
      const auth = headers.authorization ?? (typeof body.token === 'string' ? `Bearer ${body.token}` : '');
      if (auth !== `Bearer ${options.token}`) return fail('invalid_auth');
    }
    switch (method) {
      case 'auth.test':
        return {
          status: 200,
          payload: {
            ok: true,
            url: 'https://fake.slack.test/',
            team: 'Fake',
            user: 'storybrief',
            team_id: teamId,
            user_id: botUserId,
            bot_id: botId,
          },
        };
      case 'chat.postMessage': {
        if (!channel) return fail('channel_not_found');
        if (!body.text && !body.blocks) return fail('no_text');
        const problem = validate ? blocksProblem(body.blocks) : null;
        if (problem) return fail(problem);
        if (rateLimit) {
          const now = Date.now();
          const last = lastPost.get(channel);
          if (last !== undefined && now - last < 1000 / rateLimit) {
            const wait = Math.max(1, Math.ceil((1000 / rateLimit - (now - last)) / 1000));
            return {
              status: 429,
              payload: { ok: false, error: 'ratelimited' },
              headers: { 'retry-after': String(wait) },
            };
          }
          lastPost.set(channel, now);
        }
        const msg: StoredMessage = {
          type: 'message',
          ts: nextTs(),
          channel,
          text: String(body.text ?? ''),
          user: botUserId,
          bot_id: botId,
        };
        if (Array.isArray(body.blocks)) msg.blocks = body.blocks;
        if (body.metadata && typeof body.metadata === 'object')
          msg.metadata = body.metadata as StoredMessage['metadata'];
        if (typeof body.thread_ts === 'string') msg.thread_ts = body.thread_ts;
        const list = channels.get(channel) ?? [];
        list.push(msg);
        channels.set(channel, list);
        return { status: 200, payload: { ok: true, channel, ts: msg.ts, message: msg } };
      }
      case 'chat.update': {
        const msg = channel ? channels.get(channel)?.find((m) => m.ts === body.ts) : undefined;
        if (!msg) return fail('message_not_found');
        const problem = validate ? blocksProblem(body.blocks) : null;
        if (problem) return fail(problem);
        if (body.text !== undefined) msg.text = String(body.text);
        if (Array.isArray(body.blocks)) msg.blocks = body.blocks;
        if (body.metadata && typeof body.metadata === 'object')
          msg.metadata = body.metadata as StoredMessage['metadata'];
        msg.edited = { ts: nextTs() };
        return { status: 200, payload: { ok: true, channel, ts: msg.ts, text: msg.text, message: msg } };
      }
      case 'conversations.history': {
        if (!channel) return fail('channel_not_found');
        const withMeta = String(body.include_all_metadata) === 'true';
        const limit = Math.min(Math.max(Number(body.limit) || 100, 1), 1000);
        const oldest = body.oldest !== undefined ? Number(body.oldest) : -Infinity;
        const latest = body.latest !== undefined ? Number(body.latest) : Infinity;
        const top = (channels.get(channel) ?? [])
          .filter((m) => !m.thread_ts || m.thread_ts === m.ts)
          .filter((m) => Number(m.ts) >= oldest && Number(m.ts) <= latest)
          .reverse();
        const start = Number(body.cursor) || 0;
        const page = top.slice(start, start + limit).map((m) => {
          const { metadata, ...rest } = m;
          return withMeta && metadata ? { ...rest, metadata } : rest;
        });
        const more = start + limit < top.length;
        return {
          status: 200,
          payload: {
            ok: true,
            messages: page,
            has_more: more,
            response_metadata: { next_cursor: more ? String(start + limit) : '' },
          },
        };
      }
      case 'views.publish': {
        const user = typeof body.user_id === 'string' ? body.user_id : '';
        if (!user) return fail('invalid_arguments');
        const view = body.view as { blocks?: unknown[] } | undefined;
        if (!view || !Array.isArray(view.blocks) || view.blocks.length > 100)
          return fail('invalid_arguments');
        views.set(user, view);
        return { status: 200, payload: { ok: true, view: { id: `V${user}`, ...view } } };
      }
      case 'users.info': {
        const user = typeof body.user === 'string' ? body.user : '';
        const u = options.users?.[user];
        if (!u) return fail('user_not_found');
        return {
          status: 200,
          payload: { ok: true, user: { id: user, team_id: teamId, name: u.name ?? user, ...u } },
        };
      }
      case 'conversations.info': {
        const c = channel ? options.channels?.[channel] : undefined;
        if (!c) return fail('channel_not_found');
        return {
          status: 200,
          payload: {
            ok: true,
            channel: {
              id: channel,
              name: c.name ?? channel,
              creator: c.creator,
              is_archived: !!c.is_archived,
            },
          },
        };
      }
      default:
        return fail('unknown_method');
    }
  }

  // A minimal WebSocket server (RFC 6455 text frames, ping/pong, close) for Socket Mode, without extra packages.
  const sockets = new Set<Duplex>();
  let connected: Array<() => void> = [];
  const frame = (opcode: number, payload: Buffer): Buffer => {
    const len = payload.length;
    const head =
      len < 126
        ? Buffer.from([0x80 | opcode, len])
        : len < 65536
          ? Buffer.from([0x80 | opcode, 126, len >> 8, len & 0xff])
          : Buffer.concat([
              Buffer.from([0x80 | opcode, 127]),
              (() => {
                const b = Buffer.alloc(8);
                b.writeBigUInt64BE(BigInt(len));
                return b;
              })(),
            ]);
    return Buffer.concat([head, payload]);
  };
  const sendText = (socket: Duplex, value: unknown) =>
    socket.write(frame(0x1, Buffer.from(JSON.stringify(value))));
  const onFrames = (socket: Duplex) => {
    let buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      while (buffer.length >= 2) {
        const opcode = buffer[0] & 0x0f;
        const masked = (buffer[1] & 0x80) !== 0;
        let len = buffer[1] & 0x7f;
        let offset = 2;
        if (len === 126) {
          if (buffer.length < 4) return;
          len = buffer.readUInt16BE(2);
          offset = 4;
        } else if (len === 127) {
          if (buffer.length < 10) return;
          len = Number(buffer.readBigUInt64BE(2));
          offset = 10;
        }
        const maskAt = offset;
        if (masked) offset += 4;
        if (buffer.length < offset + len) return;
        const payload = Buffer.from(buffer.subarray(offset, offset + len));
        if (masked) for (let i = 0; i < len; i++) payload[i] ^= buffer[maskAt + (i % 4)];
        buffer = buffer.subarray(offset + len);
        if (opcode === 0x8) {
          socket.end(frame(0x8, Buffer.alloc(0)));
          sockets.delete(socket);
        } else if (opcode === 0x9) {
          socket.write(frame(0xa, payload));
        } else if (opcode === 0x1) {
          const raw = payload.toString('utf8');
          let body: Record<string, unknown> = {};
          try {
            body = JSON.parse(raw);
          } catch {
            body = { _unparsed: raw };
          }
          record({ method: 'socket_ack', body, rawBody: raw, headers: {}, at: Date.now(), status: 200 });
        }
      }
    });
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => sockets.delete(socket));
  };

  const server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const body = parseBody(raw, req.headers['content-type']);
    const at = Date.now();
    const response = /^\/response\/([^/]+)$/.exec(path);
    const apiMethod = /^\/api\/([\w.]+)$/.exec(path);
    const method = response ? 'response_url' : apiMethod ? apiMethod[1] : `unknown:${path}`;
    const channel = typeof body.channel === 'string' ? body.channel : undefined;
    const fault = takeFault(method, channel);
    if (fault?.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
    let status = 200;
    let payload: unknown;
    let headers: Record<string, string> = {};
    if (fault && (fault.status || fault.error)) {
      status = fault.status ?? 200;
      payload = { ok: false, error: fault.error ?? (status === 429 ? 'ratelimited' : 'internal_error') };
      if (fault.retryAfter !== undefined) headers = { 'retry-after': String(fault.retryAfter) };
    } else if (response) {
      const problem = validate ? blocksProblem(body.blocks) : null;
      payload = problem ? { ok: false, error: problem } : { ok: true };
      if (problem) status = 400;
    } else if (apiMethod) {
      const r = handleMethod(apiMethod[1], body, req.headers);
      status = r.status;
      payload = r.payload;
      headers = (r as { headers?: Record<string, string> }).headers ?? {};
    } else {
      status = 404;
      payload = { ok: false, error: 'not_found' };
    }
    record({ method, body, rawBody: raw, headers: req.headers, responseId: response?.[1], at, status });
    send(res, status, payload, headers);
  });

  server.on('upgrade', (req, socket) => {
    const key = req.headers['sec-websocket-key'];
    if (!req.url?.startsWith('/socket') || typeof key !== 'string') {
      socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
      return;
    }
    const accept = createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
    socket.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    sockets.add(socket);
    onFrames(socket);
    sendText(socket, { type: 'hello', num_connections: 1, connection_info: { app_id: 'A0APP' } });
    for (const resolve of connected) resolve();
    connected = [];
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    apiUrl: `${url}/api/`,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    messages: (channel) => [...(channels.get(channel) ?? [])],
    views,
    responseUrl: (id) => `${url}/response/${id ?? `r${++responseCounter}`}`,
    injectFault(method, fault) {
      const list = faults.get(method) ?? [];
      list.push({ ...fault });
      faults.set(method, list);
    },
    setRateLimit(perSecond) {
      rateLimit = perSecond;
    },
    waitFor(pred, timeoutMs = 5000) {
      const found = calls.find(pred);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = {
          pred,
          resolve: (c: RecordedCall) => {
            clearTimeout(timer);
            resolve(c);
          },
        };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(
            new Error(
              `fake Slack: no matching call within ${timeoutMs} ms (saw ${calls.map((c) => c.method).join(', ') || 'none'})`,
            ),
          );
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    socketSend(envelope) {
      for (const socket of sockets) sendText(socket, envelope);
    },
    socketConnected(timeoutMs = 5000) {
      if (sockets.size > 0) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('fake Slack: no Socket Mode connection')), timeoutMs);
        connected.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const socket of sockets) socket.destroy();
        sockets.clear();
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
