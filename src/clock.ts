// The clock port: everything that needs "now" gets it injected, so tests can fix time.

/** Source of the current instant. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock stopped at one instant (tests, `--now`). */
export function fixedClock(iso: string | Date): Clock {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) throw new Error(`invalid instant: ${String(iso)}`);
  return { now: () => new Date(at) };
}
