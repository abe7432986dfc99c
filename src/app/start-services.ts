// The services `storybrief start` runs, in order: console, Discord, Slack, scheduler, source pollers, /healthz.
import { startConsoleAdapter } from '../bots/console/adapter.ts';
import { startDiscordBot } from '../bots/discord/bot.ts';
import { startSlackApp } from '../bots/slack/app.ts';
import type { RunningService, ServiceStarter } from '../main.ts';
import { startScheduler } from '../schedule/scheduler.ts';
import { startPollers } from '../sources/start-pollers.ts';
import { databaseCheck, type HealthCheck, healthHandler, startHealthServer } from './health.ts';
import { requestShutdown } from './shutdown.ts';

/** Health checks registered by the services as they start (read on each /healthz request). */
const checks: HealthCheck[] = [];
const consoleMode = (deps: Parameters<ServiceStarter>[0]) => !deps.config.discord && !deps.config.slack;

/** Console adapter: with no platform token, answers `/news …` lines from stdin; piped input ends the process. */
const startConsole: ServiceStarter = async (deps) => {
  checks.push(databaseCheck(deps.store.db));
  if (!consoleMode(deps)) return null;
  const stop = new AbortController();
  let inputEnded = false;
  process.stdin.once('end', () => {
    inputEnded = true;
  });
  const done = startConsoleAdapter({
    input: process.stdin,
    output: process.stdout,
    services: deps.app.commands,
    interactive: Boolean(process.stdin.isTTY),
    signal: stop.signal,
  })
    .catch((err: unknown) => deps.ctx.err(`console: ${(err as Error).message}`))
    .then(() => {
      if (!stop.signal.aborted) requestShutdown('console input ended');
    });
  return {
    name: 'console',
    async stop() {
      // Input that ended (a pipe): let the remaining lines finish; otherwise (a signal) stop reading now.
      if (!inputEnded) stop.abort();
      await done;
    },
  };
};

const startDiscord: ServiceStarter = async (deps) => {
  if (!deps.config.discord) return null;
  const bot = await startDiscordBot(deps.config.discord, deps.app.commands);
  checks.push({
    name: 'discord',
    check: async () => ({
      ok: bot.client.isReady(),
      detail: bot.client.isReady() ? undefined : 'gateway not ready',
    }),
  });
  return { name: 'discord', stop: () => bot.stop() };
};

const startSlack: ServiceStarter = async (deps) => {
  if (!deps.config.slack) return null;
  const app = await startSlackApp({ ...deps.config.slack, port: deps.config.port }, deps.app.commands, {
    subscriptions: (workspace) => deps.app.scheduler.subscriptions.list({ platform: 'slack', workspace }),
    customRoutes: [{ path: '/healthz', method: 'GET', handler: healthHandler(() => checks) }],
  });
  checks.push({
    name: 'slack',
    check: async () => {
      const res = await app.app.client.auth.test();
      return { ok: res.ok === true, detail: res.ok ? undefined : String(res.error) };
    },
  });
  return { name: `slack (${app.mode})`, stop: () => app.stop() };
};

/** Daily digests and alerts: runs when some channel can be delivered to (a platform token, or the console). */
const startDigests: ServiceStarter = async (deps) => {
  if (Object.keys(deps.app.scheduler.publishers).length === 0) return null;
  const running = startScheduler(deps.app.scheduler);
  return { name: 'scheduler', stop: () => running.stop() };
};

const startSources: ServiceStarter = async (deps) => {
  const pollers = startPollers({
    db: deps.store.db,
    events: deps.store.events,
    onAdded: (added) => deps.app.announce(added),
    defaultTimezone: deps.config.timezone,
    log: (event, fields) => {
      if (/failed|paused|error/.test(event)) deps.ctx.err(`${event} ${JSON.stringify(fields)}`);
    },
  });
  return { name: 'sources', stop: () => pollers.stop() };
};

/** /healthz on PORT when PORT is set and no Slack HTTP receiver already serves it. */
const startHealth: ServiceStarter = async (deps) => {
  const slackHttp = deps.config.slack && !deps.config.slack.appToken;
  if (slackHttp || !deps.ctx.env.PORT) return null;
  const server = await startHealthServer(deps.config.port, '0.0.0.0', () => checks);
  return { name: `healthz (:${server.port})`, stop: () => server.close() } satisfies RunningService;
};

export const SERVICES: ServiceStarter[] = [
  startConsole,
  startDiscord,
  startSlack,
  startDigests,
  startSources,
  startHealth,
];
/** The console adapter consumes stdin. */
export const USES_STDIN = true;
