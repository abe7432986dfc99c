// The console as a `start` service: with no Discord or Slack token, answers `/news …` lines from stdin.

import { requestShutdown } from '../../app/shutdown.ts';
import { loadStories } from '../../app/stories.ts';
import { systemClock } from '../../clock.ts';
import type { ServiceStarter } from '../../main.ts';
import type { CommandServices } from '../command-types.ts';
import { startConsoleAdapter } from './adapter.ts';

/**
 * Starts the console adapter on process stdin/stdout when no platform adapter is configured.
 * When the input ends (a pipe) it asks the process to shut down; stop() stops reading (a terminal) and waits
 * for the line in progress, so piped input is answered in full before exit. Set `usesStdin = true` in main.ts.
 */
export const startConsoleService: ServiceStarter = async (deps) => {
  if (deps.config.discord || deps.config.slack) return null;
  const services: CommandServices = {
    events: deps.store.events,
    clock: systemClock,
    stories: await loadStories(),
  };
  const stop = new AbortController();
  deps.signal.addEventListener('abort', () => stop.abort(), { once: true });
  const done = startConsoleAdapter({
    input: process.stdin,
    output: process.stdout,
    services,
    interactive: Boolean(process.stdin.isTTY),
    signal: stop.signal,
  })
    .catch((err: unknown) => deps.ctx.err(`console: ${(err as Error).message}`))
    .then(() => {
      // Piped input answered in full: in console-only mode the process is done.
      if (!stop.signal.aborted) requestShutdown('console input ended');
    });
  return {
    name: 'console',
    async stop() {
      // Piped input: let the remaining lines finish; a terminal: stop reading now.
      if (process.stdin.isTTY) stop.abort();
      await done;
    },
  };
};
