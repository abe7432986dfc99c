// The scheduler as a `start` service: wired from the opened store and the environment, stopped on shutdown.
import type { RunningService, StartDeps } from '../main.ts';
import { scheduleStory } from './cli-support.ts';
import { startScheduler } from './scheduler.ts';
import { createSchedulerDeps } from './wiring.ts';

/** Starts the minute tick when a platform token is configured (DISCORD_TOKEN / SLACK_BOT_TOKEN); else null. */
export async function startSchedulerService(start: StartDeps): Promise<RunningService | null> {
  const deps = createSchedulerDeps({
    db: start.store.db,
    events: start.store.events,
    story: await scheduleStory(),
    env: start.ctx.env,
    stopping: () => start.signal.aborted,
    log: (event, fields) => start.ctx.err(JSON.stringify({ event, ...fields })),
  });
  if (Object.keys(deps.publishers).length === 0) return null;
  const running = startScheduler(deps);
  return { name: 'scheduler', stop: () => running.stop() };
}
