// Calendar arithmetic for briefings: local days in the story's time zone, windows in UTC, display formats.
import { DateTime } from 'luxon';
import type { Clock } from '../clock.ts';
import { UserError } from '../errors.ts';

/** A time window: ISO 8601 UTC, from inclusive, to exclusive; null means open. */
export interface Window {
  from: string | null;
  to: string | null;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** True when `tz` is an IANA zone luxon knows. */
export function isValidZone(tz: string): boolean {
  return DateTime.now().setZone(tz).isValid;
}

/** The local calendar day (YYYY-MM-DD) of an instant in a zone. */
export function localDay(iso: string, tz: string): string {
  return DateTime.fromISO(iso, { zone: 'utc' }).setZone(tz).toISODate() ?? iso.slice(0, 10);
}

/** The UTC window of one local calendar day. */
export function dayWindow(day: string, tz: string): Window {
  const start = DateTime.fromISO(day, { zone: tz }).startOf('day');
  return { from: toUtc(start), to: toUtc(start.plus({ days: 1 })) };
}

function toUtc(dt: DateTime): string {
  return dt.toUTC().toISO({ suppressMilliseconds: true }) ?? '';
}

/**
 * Resolves a day as people type it (2026-01-06, today, yesterday) against the clock in the zone.
 * Returns null for `latest` / undefined (the caller picks the latest day with coverage).
 */
export function resolveDay(text: string | undefined, clock: Clock, tz: string): string | null {
  if (text === undefined) return null;
  const t = text.trim().toLowerCase();
  if (t === '' || t === 'latest') return null;
  const today = DateTime.fromJSDate(clock.now()).setZone(tz).startOf('day');
  if (t === 'today') return today.toISODate()!;
  if (t === 'yesterday') return today.minus({ days: 1 }).toISODate()!;
  const day = t.slice(0, 10);
  if (ISO_DAY.test(day)) {
    const dt = DateTime.fromISO(day, { zone: tz });
    if (dt.isValid) return dt.toISODate()!;
  }
  throw new UserError(
    'BAD_DATE',
    `“${text}” is not a date. Use a date like 2026-01-06, or today / yesterday.`,
  );
}

/**
 * Resolves a window bound: a day (start of that day, or start of the next day when `end`), a local date-time
 * (2026-01-06T18:00), or an instant with a zone (…Z, +01:00).
 */
export function resolveBound(text: string, clock: Clock, tz: string, end: boolean): string {
  const t = text.trim();
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/iu.test(t)) {
    const dt = DateTime.fromISO(t.replace(' ', 'T'), { zone: tz, setZone: false });
    if (dt.isValid) return toUtc(dt);
    throw new UserError('BAD_DATE', `“${text}” is not a valid date and time (try 2026-01-06T18:00).`);
  }
  const day = resolveDay(t, clock, tz);
  if (day === null) throw new UserError('BAD_DATE', `“${text}” is not a date. Use a date like 2026-01-06.`);
  const w = dayWindow(day, tz);
  return (end ? w.to : w.from)!;
}

/** A window from optional date / from / to texts; `date` wins over from/to. Returns null when nothing given. */
export function resolveWindow(
  spec: { date?: string; from?: string; to?: string },
  clock: Clock,
  tz: string,
): { window: Window; day: string | null } | null {
  if (spec.date !== undefined) {
    const day = resolveDay(spec.date, clock, tz);
    if (day === null) return null;
    return { window: dayWindow(day, tz), day };
  }
  if (spec.from === undefined && spec.to === undefined) return null;
  const from = spec.from !== undefined ? resolveBound(spec.from, clock, tz, false) : null;
  const to = spec.to !== undefined ? resolveBound(spec.to, clock, tz, true) : null;
  if (from && to && from >= to) {
    throw new UserError(
      'BAD_DATE',
      `The window is empty: “from” (${spec.from}) is not before “to” (${spec.to}).`,
    );
  }
  return { window: { from, to }, day: null };
}

/** "Tuesday 6 January 2026" for a local day. */
export function formatDay(day: string): string {
  return DateTime.fromISO(day).setLocale('en-GB').toFormat('cccc d LLLL yyyy');
}

/** "20:05" for an instant in a zone. */
export function formatClock(iso: string, tz: string): string {
  return DateTime.fromISO(iso, { zone: 'utc' }).setZone(tz).toFormat('HH:mm');
}

/** "6 Jan 2026 20:05 GMT" for an instant in a zone. */
export function formatInstant(iso: string, tz: string): string {
  return DateTime.fromISO(iso, { zone: 'utc' })
    .setZone(tz)
    .setLocale('en-GB')
    .toFormat('d LLL yyyy HH:mm ZZZZ');
}

/** A readable label for a window: one day, or "from … to …". */
export function formatWindow(window: Window, tz: string): string {
  if (window.from && window.to) {
    const a = DateTime.fromISO(window.from, { zone: 'utc' }).setZone(tz);
    const b = DateTime.fromISO(window.to, { zone: 'utc' }).setZone(tz);
    if (a.equals(a.startOf('day')) && b.equals(a.plus({ days: 1 }))) return formatDay(a.toISODate()!);
    if (a.equals(a.startOf('day')) && b.equals(b.startOf('day'))) {
      return `${formatDay(a.toISODate()!)} to ${formatDay(b.minus({ days: 1 }).toISODate()!)}`;
    }
    return `${formatInstant(window.from, tz)} to ${formatInstant(window.to, tz)}`;
  }
  if (window.from) return `since ${formatInstant(window.from, tz)}`;
  if (window.to) return `until ${formatInstant(window.to, tz)}`;
  return 'all coverage';
}
