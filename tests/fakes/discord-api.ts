// A fake Discord REST API on 127.0.0.1 (real node:http): records requests, injects faults, enforces rate limits.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as received. `route` is the path without the `/api` and `/vN` prefix, e.g. `/channels/1/messages`. */
export interface RecordedRequest {
  method: string;
  path: string;
  route: string;
  query: string;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON body, the raw text for other bodies, or null. */
  body: unknown;
  /** Milliseconds since the fake started. */
  at: number;
  /** The status the fake answered with (set once answered). */
  status?: number;
}

/** A response to send instead of the default behaviour. */
export interface CannedResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Wait this long before answering (slow API, timeouts). */
  delayMs?: number;
}

export interface RouteMatch {
  method?: string;
  /** Matched against `route`: a string is an exact match, a RegExp is tested. */
  route?: string | RegExp;
}

/** A message the fake stores for channel posts and webhooks. */
export interface StoredMessage {
  id: string;
  channel_id: string;
  content: string;
  embeds: unknown[];
  components: unknown[];
  nonce?: string | number;
  flags?: number;
  body: Record<string, unknown>;
}

export interface RateLimitOptions {
  /** Requests allowed per window in each bucket. */
  limit: number;
  /** Window length in ms (default 1000). */
  windowMs?: number;
  /** `global`: one bucket for everything; `route` (default): one bucket per major parameter (channel, webhook). */
  scope?: 'global' | 'route';
  /** Send X-RateLimit-* headers on every response so the client can pace itself (default true). */
  advertise?: boolean;
}

export interface FakeDiscordApiOptions {
  rateLimit?: RateLimitOptions;
  /** Channels answering 404 Unknown Channel (code 10003). */
  missingChannels?: string[];
}

export interface FakeDiscordApi {
  /** Base for DISCORD_API_URL / `new REST({ api })`: `http://127.0.0.1:PORT/api`. */
  url: string;
  requests: RecordedRequest[];
  /** Responses sent instead of the default for the next matching requests (first in, first out). */
  enqueue(match: RouteMatch, ...responses: CannedResponse[]): void;
  /** A per-request hook; return a response to override the default, or undefined to fall through. */
  setHook(
    hook: ((req: RecordedRequest) => CannedResponse | undefined | Promise<CannedResponse | undefined>) | null,
  ): void;
  setRateLimit(options: RateLimitOptions | null): void;
  missingChannels: Set<string>;
  /** Messages posted to a channel (channel posts) or to an interaction's webhook (keyed by token), oldest first. */
  messages(channelOrToken: string): StoredMessage[];
  /** Registered commands: global when guildId is omitted. */
  commands(guildId?: string): unknown[];
  /** How many 429s the fake has sent. */
  rateLimited(): number;
  /** Requests matching a route. */
  find(match: RouteMatch): RecordedRequest[];
  reset(): void;
  close(): Promise<void>;
}

export async function startFakeDiscordApi(options: FakeDiscordApiOptions = {}): Promise<FakeDiscordApi> {
  const started = Date.now();
  const requests: RecordedRequest[] = [];
  const queue: Array<{ match: RouteMatch; response: CannedResponse }> = [];
  let hook:
    | ((req: RecordedRequest) => CannedResponse | undefined | Promise<CannedResponse | undefined>)
    | null = null;
  let rateLimit = options.rateLimit ?? null;
  const buckets = new Map<string, { start: number; count: number }>();
  let limitedCount = 0;
  const missingChannels = new Set(options.missingChannels ?? []);
  const channelMessages = new Map<string, StoredMessage[]>();
  const commandSets = new Map<string, unknown[]>();
  let nextId = 1_300_000_000_000_000_000n;
  const snowflake = () => String(nextId++);

  const matches = (m: RouteMatch, r: RecordedRequest) =>
    (!m.method || m.method.toUpperCase() === r.method) &&
    (!m.route || (typeof m.route === 'string' ? m.route === r.route : m.route.test(r.route)));

  function store(key: string, channelId: string, body: Record<string, unknown>): StoredMessage {
    const list = channelMessages.get(key) ?? [];
    channelMessages.set(key, list);
    const message: StoredMessage = {
      id: snowflake(),
      channel_id: channelId,
      content: String(body.content ?? ''),
      embeds: (body.embeds as unknown[]) ?? [],
      components: (body.components as unknown[]) ?? [],
      nonce: body.nonce as string | number | undefined,
      flags: body.flags as number | undefined,
      body,
    };
    list.push(message);
    return message;
  }

  function rateLimitCheck(r: RecordedRequest): {
    limited: CannedResponse | null;
    headers: Record<string, string>;
  } {
    if (!rateLimit) return { limited: null, headers: {} };
    const windowMs = rateLimit.windowMs ?? 1000;
    const major = /^\/(channels|webhooks|guilds|interactions)\/(\d+)/.exec(r.route);
    const key = rateLimit.scope === 'global' || !major ? 'global' : `${major[1]}:${major[2]}`;
    const now = Date.now();
    let bucket = buckets.get(key);
    if (!bucket || now - bucket.start >= windowMs) {
      bucket = { start: now, count: 0 };
      buckets.set(key, bucket);
    }
    const resetAfter = Math.max(0, (bucket.start + windowMs - now) / 1000);
    if (bucket.count >= rateLimit.limit) {
      limitedCount++;
      const retryAfter = Math.max(0.001, resetAfter);
      const headers: Record<string, string> = {
        'retry-after': String(retryAfter),
        'x-ratelimit-limit': String(rateLimit.limit),
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset-after': String(retryAfter),
        'x-ratelimit-bucket': key,
        'x-ratelimit-scope': 'user',
      };
      if (rateLimit.scope === 'global') headers['x-ratelimit-global'] = 'true';
      return {
        limited: {
          status: 429,
          headers,
          body: {
            message: 'You are being rate limited.',
            retry_after: retryAfter,
            global: rateLimit.scope === 'global',
          },
        },
        headers: {},
      };
    }
    bucket.count++;
    if (rateLimit.advertise === false) return { limited: null, headers: {} };
    return {
      limited: null,
      headers: {
        'x-ratelimit-limit': String(rateLimit.limit),
        'x-ratelimit-remaining': String(rateLimit.limit - bucket.count),
        'x-ratelimit-reset-after': String(resetAfter),
        'x-ratelimit-bucket': key,
      },
    };
  }

  function defaultResponse(r: RecordedRequest): CannedResponse {
    const body = (r.body && typeof r.body === 'object' ? r.body : {}) as Record<string, unknown>;
    const parts = r.route.split('/').filter(Boolean);
    const is = (method: string, pattern: RegExp) => r.method === method && pattern.test(r.route);

    if (parts[0] === 'channels' && missingChannels.has(parts[1]))
      return { status: 404, body: { message: 'Unknown Channel', code: 10003 } };
    if (is('POST', /^\/interactions\/[^/]+\/[^/]+\/callback$/)) {
      const data = (body.data ?? {}) as Record<string, unknown>;
      if (body.type === 4 || body.type === 7) store(parts[2], 'interaction', data);
      return { status: 204 };
    }
    if (is('POST', /^\/channels\/\d+\/messages$/)) {
      const existing =
        body.enforce_nonce && body.nonce !== undefined
          ? (channelMessages.get(parts[1]) ?? []).find((m) => m.nonce === body.nonce)
          : undefined;
      const message = existing ?? store(parts[1], parts[1], body);
      return { status: 200, body: messageJson(message) };
    }
    if (is('GET', /^\/channels\/\d+\/messages$/)) {
      const list = [...(channelMessages.get(parts[1]) ?? [])].reverse();
      return { status: 200, body: list.map(messageJson) };
    }
    if (is('GET', /^\/channels\/\d+$/)) return { status: 200, body: { id: parts[1], type: 0 } };
    if (is('POST', /^\/webhooks\/[^/]+\/[^/]+$/))
      return { status: 200, body: messageJson(store(parts[2], 'webhook', body)) };
    if (is('PATCH', /^\/webhooks\/[^/]+\/[^/]+\/messages\/[^/]+$/))
      return { status: 200, body: messageJson(store(parts[2], 'webhook', body)) };
    if (is('DELETE', /^\/webhooks\/[^/]+\/[^/]+\/messages\/[^/]+$/)) return { status: 204 };
    if (is('PUT', /^\/applications\/[^/]+(\/guilds\/[^/]+)?\/commands$/)) {
      const list = (Array.isArray(r.body) ? r.body : []).map((c) => ({
        id: snowflake(),
        application_id: parts[1],
        version: '1',
        ...(c as object),
      }));
      commandSets.set(parts[3] ?? 'global', list);
      return { status: 200, body: list };
    }
    if (is('GET', /^\/applications\/[^/]+(\/guilds\/[^/]+)?\/commands$/))
      return { status: 200, body: commandSets.get(parts[3] ?? 'global') ?? [] };
    if (is('GET', /^\/users\/@me$/))
      return { status: 200, body: { id: '1', username: 'storybrief', bot: true } };
    return { status: 404, body: { message: `Unknown route ${r.method} ${r.route}`, code: 0 } };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const [path, query = ''] = (req.url ?? '/').split('?');
    let body: unknown = null;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    const record: RecordedRequest = {
      method: (req.method ?? 'GET').toUpperCase(),
      path,
      route: safeDecode(path.replace(/^\/api/, '').replace(/^\/v\d+/, '')) || '/',
      query,
      headers: { ...req.headers },
      body,
      at: Date.now() - started,
    };
    requests.push(record);

    const { limited, headers: rateHeaders } = rateLimitCheck(record);
    let response = limited;
    if (!response) {
      const queued = queue.findIndex((q) => matches(q.match, record));
      if (queued >= 0) response = queue.splice(queued, 1)[0].response;
    }
    if (!response && hook) response = (await hook(record)) ?? null;
    if (!response) response = defaultResponse(record);
    if (response.delayMs) await new Promise((r) => setTimeout(r, response.delayMs));

    const headers: Record<string, string> = { ...rateHeaders, ...(response.headers ?? {}) };
    const payload = response.body === undefined ? '' : JSON.stringify(response.body);
    if (response.status === 429 && !headers['retry-after']) {
      const retry = (response.body as { retry_after?: number } | undefined)?.retry_after;
      if (retry !== undefined) headers['retry-after'] = String(retry);
    }
    if (payload) headers['content-type'] = 'application/json';
    record.status = response.status;
    res.writeHead(response.status, headers);
    res.end(payload);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: String(err), code: 0 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/api`,
    requests,
    enqueue(match, ...responses) {
      for (const response of responses) queue.push({ match, response });
    },
    setHook(h) {
      hook = h;
    },
    setRateLimit(opts) {
      rateLimit = opts;
      buckets.clear();
    },
    missingChannels,
    messages: (key) => channelMessages.get(key) ?? [],
    commands: (guildId) => commandSets.get(guildId ?? 'global') ?? [],
    rateLimited: () => limitedCount,
    find: (match) => requests.filter((r) => matches(match, r)),
    reset() {
      requests.length = 0;
      queue.length = 0;
      hook = null;
      buckets.clear();
      limitedCount = 0;
      channelMessages.clear();
      commandSets.clear();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function messageJson(m: StoredMessage): Record<string, unknown> {
  return {
    id: m.id,
    channel_id: m.channel_id,
    type: 0,
    content: m.content,
    embeds: m.embeds,
    components: m.components,
    nonce: m.nonce,
    flags: m.flags ?? 0,
    author: { id: '1', username: 'storybrief', bot: true },
    timestamp: new Date().toISOString(),
    attachments: [],
    mentions: [],
    mention_roles: [],
    pinned: false,
    tts: false,
    mention_everyone: false,
  };
}
