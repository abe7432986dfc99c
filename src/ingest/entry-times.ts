// Turns entry stamps into ISO UTC times: day roll-over for newest-first blogs, estimates for unstamped entries.
import { DateTime } from 'luxon';
import type { DayParts, Stamp } from './stamps.ts';

/** The resolved time of one entry. */
export interface EntryTime {
  time: string | null;
  estimated: boolean;
}

/** A drop larger than this (walking oldest to newest) means the clock passed midnight; smaller ones are reordering. */
const ROLLOVER_DROP_MINUTES = 60;

/** Local hour used when only the day of an entry is known. */
const DAY_ONLY_HOUR = 12;

function toIso(ms: number): string {
  return new Date(ms).toISOString();
}

/** UTC offset (minutes) of a zone over one local day, or null when it changes during that day (DST). */
const dayOffsetCache = new Map<string, number | null>();
const CACHE_LIMIT = 100_000;

function dayOffset(day: DayParts, zone: string): number | null | undefined {
  const key = `${zone}|${day.year}-${day.month}-${day.day}`;
  let offset = dayOffsetCache.get(key);
  if (offset === undefined) {
    const start = DateTime.fromObject({ year: day.year, month: day.month, day: day.day }, { zone });
    if (!start.isValid) return undefined;
    const end = start.set({ hour: 23, minute: 59 });
    offset = start.offset === end.offset ? start.offset : null;
    if (dayOffsetCache.size >= CACHE_LIMIT) dayOffsetCache.clear();
    dayOffsetCache.set(key, offset);
  }
  return offset;
}

/** Local wall time in a zone to epoch milliseconds; time-zone maths is cached per day as it dominates parsing. */
function localMs(day: DayParts, hour: number, minute: number, zone: string): number | null {
  const offset = dayOffset(day, zone);
  if (offset === undefined) return null;
  if (offset !== null) return Date.UTC(day.year, day.month - 1, day.day, hour, minute) - offset * 60_000;
  const dt = DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour, minute }, { zone });
  return dt.isValid ? dt.toMillis() : null;
}

function addDays(day: DayParts, days: number): DayParts {
  const d = new Date(Date.UTC(day.year, day.month - 1, day.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** True when stamped entries run newest first in the text (more steps down than up). */
export function isNewestFirst(stamps: (Stamp | null)[]): boolean {
  const values: number[] = [];
  const timeOnly = stamps.filter((s): s is Stamp => s !== null && s.date === null);
  const source = timeOnly.length >= 2 ? timeOnly : stamps.filter((s): s is Stamp => s !== null);
  for (const s of source) {
    const dayValue = s.date ? (s.date.year * 400 + s.date.month * 32 + s.date.day) * 1440 : 0;
    values.push(dayValue + s.hour * 60 + s.minute);
  }
  let down = 0;
  let up = 0;
  for (let i = 1; i < values.length; i++) {
    if (values[i] < values[i - 1]) down++;
    else if (values[i] > values[i - 1]) up++;
  }
  return down > up;
}

/**
 * Resolves every entry's time. Stamps with a date are taken as written; time-only stamps are placed on
 * `baseDay` (the day coverage starts), moving to the next day each time the clock drops past midnight.
 * `sectionDays[i]`, when given, is the day of the date separator above entry i: each new section restarts the
 * walk on its day (roll-over still applies inside it); entries outside any section carry on from the walk.
 * Entries without a stamp get the midpoint of their stamped neighbours, or noon of their section's day (else
 * `baseDay`), flagged estimated.
 */
export function resolveEntryTimes(
  stamps: (Stamp | null)[],
  baseDay: DayParts | null,
  zone: string,
  sectionDays: (DayParts | null)[] = [],
): EntryTime[] {
  const n = stamps.length;
  const ms: (number | null)[] = new Array(n).fill(null);
  const newestFirst = isNewestFirst(stamps);

  let day = baseDay;
  let section: DayParts | null = null;
  let offset = 0;
  let previous: number | null = null;
  for (let k = 0; k < n; k++) {
    const i = newestFirst ? n - 1 - k : k;
    const sectionDay = sectionDays[i] ?? null;
    if (sectionDay && sectionDay !== section) {
      section = sectionDay;
      day = sectionDay;
      offset = 0;
      previous = null;
    }
    const s = stamps[i];
    if (!day || !s || s.date) continue;
    const minutes = s.hour * 60 + s.minute;
    if (previous !== null && minutes < previous - ROLLOVER_DROP_MINUTES) offset++;
    previous = minutes;
    ms[i] = localMs(addDays(day, offset), s.hour, s.minute, s.zone ?? zone);
  }
  for (let i = 0; i < n; i++) {
    const s = stamps[i];
    if (s?.date) ms[i] = localMs(s.date, s.hour, s.minute, s.zone ?? zone);
  }

  const prevKnown: (number | null)[] = new Array(n).fill(null);
  const nextKnown: (number | null)[] = new Array(n).fill(null);
  let last: number | null = null;
  for (let i = 0; i < n; i++) {
    prevKnown[i] = last;
    if (ms[i] !== null) last = ms[i];
  }
  last = null;
  for (let i = n - 1; i >= 0; i--) {
    nextKnown[i] = last;
    if (ms[i] !== null) last = ms[i];
  }
  const dayOnly = baseDay ? localMs(baseDay, DAY_ONLY_HOUR, 0, zone) : null;

  return ms.map((value, i) => {
    if (value !== null) return { time: toIso(value), estimated: false };
    const sectionDay = sectionDays[i] ?? null;
    const fallback = sectionDay ? localMs(sectionDay, DAY_ONLY_HOUR, 0, zone) : dayOnly;
    return estimateFrom(prevKnown[i], nextKnown[i], fallback);
  });
}

function estimateFrom(prev: number | null, next: number | null, fallback: number | null): EntryTime {
  let value: number | null = null;
  if (prev !== null && next !== null) value = Math.round((prev + next) / 2 / 60_000) * 60_000;
  else value = prev ?? next ?? fallback;
  return value === null ? { time: null, estimated: false } : { time: toIso(value), estimated: true };
}
