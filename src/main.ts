// `storybrief start`: the bot process — config, store (seeded when empty), admin endpoint, adapters, graceful shutdown.
import { readdir } from 'node:fs/promises';
import type { Command } from 'commander';
import type { RunRequest, RunResponse } from './admin/admin-protocol.ts';
import { startAdminServer } from './admin/admin-server.ts';
import { loadEnricher } from './app/enricher.ts';
import { prepareFiles, writePrepared } from './app/ingest-files.ts';
import { type AppServices, createAppServices } from './app/services.ts';
import { claimShutdown, shutdownSignal, whenShutdown } from './app/shutdown.ts';
import { BUNDLED_SOURCES_DIR } from './app/source-manifest.ts';
import type { CliContext, OpenedStore } from './cli/context.ts';
import { cliGroups, runProgram } from './cli/program.ts';
import { createCapturingContext } from './cli/run-context.ts';
import { type Config, loadConfig } from './config.ts';
import { UserError } from './errors.ts';
import type { LockedStore } from './store/open-store.ts';

/** Something `start` runs until shutdown: a chat adapter, the console, the scheduler. */
export interface RunningService {
  name: string;
  stop(): Promise<void>;
}

/** What each service starter receives. */
export interface StartDeps {
  config: Config;
  store: OpenedStore;
  ctx: CliContext;
  /** The shared command services, scheduler deps and alert hook (src/app/services.ts). */
  app: AppServices;
  /** Aborted on SIGINT/SIGTERM. */
  signal: AbortSignal;
}

/** A service starter: returns null when it does not apply (e.g. no Discord token). */
export type ServiceStarter = (deps: StartDeps) => Promise<RunningService | null>;

/** Ingests the bundled data/sources/*.txt (dates from the manifest) into an empty store. */
export async function seedBundledSources(store: OpenedStore, config: Config, dir = BUNDLED_SOURCES_DIR) {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.txt')).sort();
  if (files.length === 0) return [];
  const prepared = await prepareFiles(files, {
    cwd: dir,
    defaultTimezone: config.timezone,
    bundledSourcesDir: dir,
    enrich: await loadEnricher(),
  });
  if (!prepared.ok) throw new Error(`bundled sources do not ingest: ${prepared.error.message}`);
  return writePrepared(store.db, prepared.value);
}

/** The running bot's shared services, once start has built them (forwarded commands use them). */
let appServices: AppServices | null = null;

/** Runs a forwarded CLI command in this process against the store it holds. */
async function runForwarded(request: RunRequest, store: OpenedStore): Promise<RunResponse> {
  let globals: { db?: string } = {};
  const ctx = createCapturingContext({
    env: process.env,
    cwd: request.cwd,
    globals: () => globals,
    open: async () => ({ ...store, close: async () => {} }),
    ownsStore: false,
    app: appServices ?? undefined,
  });
  const exitCode = await runProgram(request.argv, ctx, cliGroups(), async (command) => {
    globals = command.optsWithGlobals();
    if (command.name() === 'start')
      throw new UserError('BAD_OPTION', `storybrief is already running (pid ${process.pid})`);
  });
  return { exitCode, ...ctx.output() };
}

async function start(ctx: CliContext): Promise<void> {
  claimShutdown();
  const config = loadConfig(ctx.env);
  if (!config.ok) throw new UserError(config.error.code, config.error.message);
  const store = (await ctx.store()) as LockedStore;

  const stats = await store.events.stats();
  if (stats.events === 0) {
    const seeded = await seedBundledSources(store, config.value);
    ctx.out(`seeded ${seeded.length} bundled source${seeded.length === 1 ? '' : 's'} into an empty store`);
  }

  const admin = await startAdminServer({
    port: config.value.adminPort,
    run: (req) => runForwarded(req, store),
  });
  store.lock?.setAdmin({ port: admin.port, token: admin.token });

  const { SERVICES, USES_STDIN } = await import('./app/start-services.ts');
  const consoleOnly = !config.value.discord && !config.value.slack;
  const app = await createAppServices({
    store,
    env: ctx.env,
    log: (event, fields) => ctx.err(JSON.stringify({ event, ...fields })),
    stopping: () => shutdownSignal.aborted,
    consoleOutput: consoleOnly ? process.stdout : undefined,
  });
  appServices = app;
  const running: RunningService[] = [];
  try {
    for (const starter of SERVICES) {
      const service = await starter({ config: config.value, store, ctx, app, signal: shutdownSignal });
      if (service) running.push(service);
    }
    const now = await store.events.stats();
    ctx.out(
      `storybrief running (pid ${process.pid}): ${now.articles} articles, ${now.events} events in ${store.db.location}` +
        `; services: ${running.map((s) => s.name).join(', ') || 'none yet'}`,
    );
    const stops: Array<Promise<unknown>> = [whenShutdown()];
    // Console-only mode: with no platform adapter, the end of piped stdin ends the process.
    if (!USES_STDIN && !config.value.discord && !config.value.slack && !process.stdin.isTTY) {
      stops.push(
        new Promise<void>((resolve) => {
          process.stdin.once('end', resolve);
          process.stdin.once('close', resolve);
          process.stdin.resume();
        }),
      );
    }
    await Promise.race(stops);
  } finally {
    process.stdin.pause();
    for (const service of running.reverse()) {
      await service
        .stop()
        .catch((err) => ctx.err(`stopping ${service.name} failed: ${(err as Error).message}`));
    }
    store.lock?.setAdmin(null);
    await admin.close();
    ctx.out('storybrief stopped');
  }
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('start')
    .description('run the bot: chat adapters, scheduler and the admin endpoint (seeds an empty store)')
    .action(() => start(ctx));
}
