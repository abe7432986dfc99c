// A publisher's web server on 127.0.0.1 for polling tests: routes with ETag/Last-Modified, faults, huge and hanging pages.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** How the server answers one path (may change between polls). */
export interface Route {
  status?: number;
  body?: string;
  type?: string;
  etag?: string;
  lastModified?: string;
  /** Accept the request and never answer. */
  hang?: boolean;
  /** Answer after this delay (to observe concurrency). */
  delayMs?: number;
  /** Stream this many bytes of filler HTML, without a Content-Length. */
  streamBytes?: number;
}

export interface RecordedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  status: number | null;
}

export interface FixtureServer {
  url: string;
  set(path: string, route: Route | (() => Route)): void;
  requests(path?: string): RecordedRequest[];
  /** The most requests the server was handling at once (since the last reset). */
  maxInFlight(): number;
  resetInFlight(): void;
  close(): Promise<void>;
}

export async function createFixtureServer(): Promise<FixtureServer> {
  const routes = new Map<string, Route | (() => Route)>();
  const log: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  let inFlight = 0;
  let maxInFlight = 0;
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    const record: RecordedRequest = { path, headers: req.headers, status: null };
    log.push(record);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => {
      inFlight--;
    });
    const found = routes.get(path);
    const route = typeof found === 'function' ? found() : found;
    const answer = () => {
      if (!route) {
        record.status = 404;
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      if (route.hang) return;
      const notModified =
        (route.etag && req.headers['if-none-match'] === route.etag) ||
        (!route.etag && route.lastModified && req.headers['if-modified-since'] === route.lastModified);
      const headers: Record<string, string> = { 'content-type': route.type ?? 'text/html; charset=utf-8' };
      if (route.etag) headers.etag = route.etag;
      if (route.lastModified) headers['last-modified'] = route.lastModified;
      if (notModified) {
        record.status = 304;
        res.writeHead(304, headers).end();
        return;
      }
      record.status = route.status ?? 200;
      if (route.streamBytes) {
        res.writeHead(record.status, headers);
        const chunk = Buffer.alloc(64 * 1024, '<p>filler filler filler filler</p>\n');
        let sent = 0;
        const pump = () => {
          while (sent < (route.streamBytes ?? 0)) {
            sent += chunk.length;
            if (!res.write(chunk)) {
              res.once('drain', pump);
              return;
            }
          }
          res.end();
        };
        res.on('error', () => {});
        pump();
        return;
      }
      res.writeHead(record.status, headers).end(route.body ?? '');
    };
    if (route?.delayMs) setTimeout(answer, route.delayMs);
    else answer();
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    set: (path, route) => routes.set(path, route),
    requests: (path) => (path ? log.filter((r) => r.path === path) : [...log]),
    maxInFlight: () => maxInFlight,
    resetInFlight: () => {
      maxInFlight = inFlight;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
