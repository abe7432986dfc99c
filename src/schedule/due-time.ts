// When each daily digest is due: local HH:MM in an IANA zone, correct across DST, with catch-up horizons.
import { DateTime, IANAZone } from 'luxon';

/** One daily window of a subscription: its ledger key, local date and the instant it is due. */
export interface DueWindow {
  /** `digest:YYYY-MM-DD` (the local date in the subscription's zone). */
  windowKey: string;
  localDate: string;
  dueAt: Date;
}

/** How a due window is handled at a given instant. */
export type DueStatus = 'on-time' | 'late' | 'missed';

export interface CatchUpPolicy {
  /** Digests due longer ago than this are recorded as missed, not sent (default 12 h). */
  horizonMs: number;
  /** A digest sent within this long after its due time is on time (default 5 min: ticks, retries). */
  graceMs: number;
  /** How many local days back a pass looks for windows to send or record as missed (default 3). */
  lookbackDays: number;
}

export const DEFAULT_CATCH_UP: CatchUpPolicy = {
  horizonMs: 12 * 3600_000,
  graceMs: 5 * 60_000,
  lookbackDays: 3,
};

export function digestWindowKey(localDate: string): string {
  return `digest:${localDate}`;
}

/** True when `zone` is a real IANA zone name (not an offset, not an abbreviation). */
export function isValidTimezone(zone: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(zone) && IANAZone.isValidZone(zone);
}

function parseTime(time: string): { hour: number; minute: number } {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!m) throw new Error(`invalid local time: ${time}`);
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

/**
 * The instant a digest for `localDate` (YYYY-MM-DD) at local `time` (HH:MM) in `zone` is due.
 * A local time skipped by a spring-forward change is due at the first valid minute after it;
 * an ambiguous fall-back time resolves to one instant (so the digest is sent once).
 */
export function dueInstant(localDate: string, time: string, zone: string): Date {
  const day = DateTime.fromISO(localDate, { zone });
  if (!day.isValid) throw new Error(`invalid local date or zone: ${localDate} ${zone}`);
  const { hour, minute } = parseTime(time);
  // Walk forward minute by minute (wall-clock arithmetic) until the wall time exists in the zone.
  const wall = DateTime.fromObject(
    { year: day.year, month: day.month, day: day.day, hour, minute },
    { zone: 'UTC' },
  );
  for (let step = 0; step <= 24 * 60; step++) {
    const w = wall.plus({ minutes: step });
    const local = DateTime.fromObject(
      { year: w.year, month: w.month, day: w.day, hour: w.hour, minute: w.minute },
      { zone },
    );
    if (local.hour === w.hour && local.minute === w.minute && local.day === w.day) return local.toJSDate();
  }
  throw new Error(`no valid local time after ${localDate} ${time} in ${zone}`);
}

/** The local calendar date (YYYY-MM-DD) of an instant in a zone. */
export function localDateOf(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toISODate() ?? '';
}

/**
 * The daily windows of a subscription due at or before `now`, oldest first: the last `lookbackDays`
 * local days, never before `notBefore` (the subscription's creation — earlier windows were never owed).
 */
export function dueWindows(
  sub: { time: string; timezone: string },
  now: Date,
  opts: { notBefore?: Date | null; lookbackDays?: number } = {},
): DueWindow[] {
  const lookback = opts.lookbackDays ?? DEFAULT_CATCH_UP.lookbackDays;
  const today = DateTime.fromJSDate(now, { zone: sub.timezone }).startOf('day');
  const out: DueWindow[] = [];
  for (let back = lookback; back >= 0; back--) {
    const localDate = today.minus({ days: back }).toISODate();
    if (!localDate) continue;
    const dueAt = dueInstant(localDate, sub.time, sub.timezone);
    if (dueAt.getTime() > now.getTime()) continue;
    if (opts.notBefore && dueAt.getTime() < opts.notBefore.getTime()) continue;
    out.push({ windowKey: digestWindowKey(localDate), localDate, dueAt });
  }
  return out;
}

/** Whether a window due at `dueAt` is sent on time, sent late, or recorded as missed at `now`. */
export function dueStatus(dueAt: Date, now: Date, policy: CatchUpPolicy = DEFAULT_CATCH_UP): DueStatus {
  const lag = now.getTime() - dueAt.getTime();
  if (lag > policy.horizonMs) return 'missed';
  return lag > policy.graceMs ? 'late' : 'on-time';
}

/** The next instant a subscription's digest is due strictly after `now` (for `following` output). */
export function nextDue(sub: { time: string; timezone: string }, now: Date): Date {
  let day = DateTime.fromJSDate(now, { zone: sub.timezone }).startOf('day');
  for (let i = 0; i < 3; i++) {
    const at = dueInstant(day.toISODate() ?? '', sub.time, sub.timezone);
    if (at.getTime() > now.getTime()) return at;
    day = day.plus({ days: 1 });
  }
  return dueInstant(day.toISODate() ?? '', sub.time, sub.timezone);
}
