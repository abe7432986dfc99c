// Parses polling intervals such as "5m", "90s", "1h", "1h30m" into milliseconds.
import { fail, ok, type Result } from '../errors.ts';

/** The shortest interval a source may be polled at: politeness towards the publisher. */
export const MIN_INTERVAL_MS = 60_000;
/** The longest: a day. */
export const MAX_INTERVAL_MS = 24 * 3600_000;
export const DEFAULT_INTERVAL_MS = 5 * 60_000;

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3600_000 };

/** "5m" → 300000; a bare number means minutes. Refuses intervals outside 1 minute … 24 hours. */
export function parseInterval(text: string): Result<number> {
  const value = text.trim().toLowerCase();
  let total = 0;
  if (/^\d+$/.test(value)) total = Number(value) * UNIT_MS.m;
  else if (/^(?:\d+[smh])+$/.test(value)) {
    for (const m of value.matchAll(/(\d+)([smh])/g)) total += Number(m[1]) * UNIT_MS[m[2]];
  } else {
    return fail(
      'BAD_OPTION',
      `--every "${text}" is not an interval; use a number with s, m or h, for example 5m`,
    );
  }
  if (total < MIN_INTERVAL_MS || total > MAX_INTERVAL_MS) {
    return fail(
      'BAD_OPTION',
      `--every "${text}" must be between 1m and 24h (polling more often is impolite)`,
    );
  }
  return ok(total);
}

/** 300000 → "5m", 5400000 → "1h30m". */
export function formatInterval(ms: number): string {
  const h = Math.floor(ms / 3600_000);
  const m = Math.floor((ms % 3600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  return `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${s ? `${s}s` : ''}` || '0s';
}
