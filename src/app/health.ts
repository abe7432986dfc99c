// GET /healthz: database and platform connectivity of the running bot, as JSON (200 when all are up, else 503).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Sql } from '../store/sql.ts';

/** One component's health. */
export interface HealthCheck {
  name: string;
  check(): Promise<{ ok: boolean; detail?: string }>;
}

/** Runs every check (each bounded by a timeout) and reports them. */
export async function healthReport(checks: HealthCheck[], timeoutMs = 2000) {
  const results = await Promise.all(
    checks.map(async (c) => {
      const timeout = new Promise<{ ok: boolean; detail: string }>((resolve) =>
        setTimeout(() => resolve({ ok: false, detail: 'timed out' }), timeoutMs).unref(),
      );
      const result = await Promise.race([
        c.check().catch((err: unknown) => ({ ok: false, detail: (err as Error).message })),
        timeout,
      ]);
      return [c.name, result] as const;
    }),
  );
  const components = Object.fromEntries(results);
  return { ok: results.every(([, r]) => r.ok), components };
}

export function databaseCheck(db: Sql): HealthCheck {
  return {
    name: 'database',
    async check() {
      await db.query('SELECT 1');
      return { ok: true };
    },
  };
}

/** A request handler answering GET /healthz (and 404 otherwise); usable as a Bolt custom route too. */
export function healthHandler(checks: () => HealthCheck[]) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET' || !req.url?.startsWith('/healthz')) {
      res.writeHead(404).end();
      return;
    }
    const report = await healthReport(checks());
    res.writeHead(report.ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(report));
  };
}

/** Serves /healthz on its own port (when no Slack HTTP receiver already owns PORT). */
export async function startHealthServer(port: number, host: string, checks: () => HealthCheck[]) {
  const server = createServer(healthHandler(checks));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
