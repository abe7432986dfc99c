// The `start` service that follows sources: pollers with breaking alerts, for src/main.ts's SERVICES list.
import type { RunningService, StartDeps } from '../main.ts';
import { createAlertHook } from './alert-hook.ts';
import { startPollers } from './start-pollers.ts';

/** Starts the source pollers (always: with no source followed a pass is one cheap query). */
export async function startSourcesService(deps: StartDeps): Promise<RunningService> {
  const log = (event: string, fields: Record<string, unknown>) => {
    if (event.endsWith('failed') || event.endsWith('paused') || event.endsWith('error'))
      deps.ctx.err(`${event} ${JSON.stringify(fields)}`);
  };
  const onAdded = await createAlertHook({
    db: deps.store.db,
    events: deps.store.events,
    env: deps.ctx.env,
  }).catch((err) => {
    deps.ctx.err(`sources: breaking alerts are off (${(err as Error).message})`);
    return undefined;
  });
  const pollers = startPollers({
    db: deps.store.db,
    events: deps.store.events,
    onAdded,
    defaultTimezone: deps.config.timezone,
    log,
  });
  return { name: 'sources', stop: () => pollers.stop() };
}
