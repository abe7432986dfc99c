// The running scheduler: node-cron ticks every minute and runs one pass; the database decides who sends.
import cron from 'node-cron';
import { runDigestPass } from './digest-pass.ts';
import type { PassReport, SchedulerDeps } from './scheduler-deps.ts';

export interface RunningScheduler {
  /** Stops ticking and claiming; waits for in-flight deliveries to finish (unstarted ones are released). */
  stop(): Promise<void>;
  /** Runs a pass now (also what each tick does); overlapping ticks are skipped, never queued. */
  runNow(): Promise<PassReport | null>;
}

/** Starts the minute tick. `deps.stopping` is combined with this scheduler's own stop flag. */
export function startScheduler(
  deps: SchedulerDeps,
  opts: { cronExpression?: string } = {},
): RunningScheduler {
  let stopped = false;
  let current: Promise<PassReport | null> | null = null;
  const log = deps.log ?? (() => {});
  const passDeps: SchedulerDeps = { ...deps, stopping: () => stopped || (deps.stopping?.() ?? false) };
  const runNow = () => {
    if (stopped) return Promise.resolve(null);
    if (current) return current;
    current = runDigestPass(passDeps)
      .then((report) => {
        if (report.claimed || report.reclaimed || report.missed) log('scheduler.pass', { ...report });
        return report;
      })
      .catch((err) => {
        log('scheduler.pass_failed', { error: err instanceof Error ? err.message : String(err) });
        return null;
      })
      .finally(() => {
        current = null;
      });
    return current;
  };
  const task = cron.schedule(opts.cronExpression ?? '* * * * *', () => void runNow(), { noOverlap: true });
  return {
    runNow,
    async stop() {
      stopped = true;
      await task.stop();
      await current;
    },
  };
}
