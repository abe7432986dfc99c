// A loopback-only HTTP endpoint in the bot process: runs forwarded CLI commands in-process against the held store.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RUN_PATH, type RunRequest, RunRequestSchema, type RunResponse } from './admin-protocol.ts';

const MAX_BODY_BYTES = 1024 * 1024;

export interface AdminServer {
  port: number;
  token: string;
  close(): Promise<void>;
}

export interface AdminServerOptions {
  /** 0 = any free port. */
  port?: number;
  token?: string;
  /** Runs one command; calls are serialised by the server. */
  run(request: RunRequest): Promise<RunResponse>;
}

function send(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        req.destroy();
      } else parts.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Starts the endpoint on 127.0.0.1; only requests bearing the token are run. */
export async function startAdminServer(opts: AdminServerOptions): Promise<AdminServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  let queue: Promise<unknown> = Promise.resolve();

  const server = createServer(async (req, res) => {
    try {
      if (req.method !== 'POST' || req.url !== RUN_PATH) return send(res, 404, { error: 'not found' });
      const auth = req.headers.authorization ?? '';
      if (!auth.startsWith('Bearer ') || !sameToken(auth.slice(7), token)) {
        return send(res, 401, { error: 'bad token' });
      }
      const body = await readBody(req);
      if (body === null) return send(res, 413, { error: 'request too large' });
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        return send(res, 400, { error: 'body is not JSON' });
      }
      const parsed = RunRequestSchema.safeParse(json);
      if (!parsed.success) return send(res, 400, { error: 'body must be {argv: string[], cwd: string}' });
      const result = queue.then(() => opts.run(parsed.data));
      queue = result.catch(() => {});
      send(res, 200, await result);
    } catch (err) {
      send(res, 500, { error: err instanceof Error ? err.message : String(err) });
    }
  });
  server.keepAliveTimeout = 1000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
