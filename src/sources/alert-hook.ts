// Connects polled entries to the schedule module's breaking alerts (announceNewEvents) for channels with alerts on.
import type { Clock } from '../clock.ts';
import { announceNewEvents } from '../schedule/alerts.ts';
import { scheduleStory } from '../schedule/cli-support.ts';
import type { PassReport } from '../schedule/scheduler-deps.ts';
import { createSchedulerDeps } from '../schedule/wiring.ts';
import type { EventStore } from '../store/event-store.ts';
import type { Sql } from '../store/sql.ts';
import type { Event } from '../store/types.ts';

export interface AlertHookWiring {
  db: Sql;
  events: EventStore;
  /** Tokens and API bases of the platforms (DISCORD_TOKEN, SLACK_BOT_TOKEN, *_API_URL). */
  env: NodeJS.ProcessEnv;
  clock?: Clock;
}

/** The onAdded hook of the pollers: announces new entries through the schedule module's alert path. */
export async function createAlertHook(w: AlertHookWiring): Promise<(events: Event[]) => Promise<PassReport>> {
  const story = await scheduleStory();
  const deps = createSchedulerDeps({ db: w.db, events: w.events, story, env: w.env, clock: w.clock });
  return (events) => announceNewEvents(events, { ...deps, events: w.events });
}
