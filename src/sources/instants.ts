// Reads the instants pages and feeds publish (ISO 8601 with or without offset, RFC 822) as ISO 8601 UTC.
import { DateTime } from 'luxon';

/**
 * The instant `text` names, as ISO 8601 UTC; a local time without offset is read in `timezone`.
 * Null when it is not a date.
 */
export function parseInstant(text: unknown, timezone = 'UTC'): string | null {
  if (typeof text !== 'string') return null;
  const value = text.trim();
  if (!value) return null;
  const candidates = [
    DateTime.fromISO(value, { zone: timezone }),
    DateTime.fromRFC2822(value, { zone: timezone }),
    DateTime.fromHTTP(value, { zone: timezone }),
    DateTime.fromSQL(value, { zone: timezone }),
  ];
  const found = candidates.find((d) => d.isValid);
  return found ? (found.toUTC().toISO({ suppressMilliseconds: false }) ?? null) : null;
}

/** The local calendar day (YYYY-MM-DD) of an ISO instant in `timezone`. */
export function localDate(iso: string, timezone: string): string {
  return DateTime.fromISO(iso, { zone: 'utc' }).setZone(timezone).toISODate() ?? iso.slice(0, 10);
}
