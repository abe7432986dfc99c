// Date separator lines between live-blog entries ("Tuesday 6 January", "Jan 6", "Monday, January 5"), years inferred.
import { type DayParts, MONTH, monthNumber, validDay, WEEKDAY } from './stamps.ts';

/** A day as a separator line writes it; `year` is null when the line leaves it out. */
export interface SeparatorDay {
  year: number | null;
  month: number;
  day: number;
}

/** Longest line read as a separator ("Wednesday, 31st December 2025" is 30 characters). */
const MAX_SEPARATOR_LENGTH = 40;

const ORDINAL = '(?:st|nd|rd|th)?';
const YEAR = '(?:,?\\s+(\\d{4}))?';
const DAY_FIRST = new RegExp(`^${WEEKDAY}(\\d{1,2})${ORDINAL}\\s+${MONTH}\\.?${YEAR}$`, 'i');
const MONTH_FIRST = new RegExp(`^${WEEKDAY}${MONTH}\\.?\\s+(\\d{1,2})${ORDINAL}${YEAR}$`, 'i');

/** A leap year, so that "29 February" without a year is accepted here and checked once the year is known. */
const ANY_LEAP_YEAR = 2000;

/** Parses a line that is only a day, with or without its year; null otherwise. */
export function parseDaySeparator(line: string): SeparatorDay | null {
  if (line.length > MAX_SEPARATOR_LENGTH) return null;
  let day: SeparatorDay | null = null;
  let m = DAY_FIRST.exec(line);
  if (m) day = { year: m[3] ? Number(m[3]) : null, month: monthNumber(m[2]), day: Number(m[1]) };
  else {
    m = MONTH_FIRST.exec(line);
    if (m) day = { year: m[3] ? Number(m[3]) : null, month: monthNumber(m[1]), day: Number(m[2]) };
  }
  if (!day || !validDay(day.year ?? ANY_LEAP_YEAR, day.month, day.day)) return null;
  return day;
}

/** How far after the reference day a yearless separator may fall before it is taken as last year's. */
const FUTURE_WINDOW_DAYS = 31;
const DAY_MS = 86_400_000;

/**
 * The calendar day of a separator. A missing year is the one that puts the day latest while not more than a month
 * after the reference day: the reference year, or the year before when that would be later (a blog read in January
 * with a "31 December" section), or the year after just across New Year (coverage starting 31 December with a
 * "2 January" section). Null when the year cannot be known or the day does not exist in that year (29 February).
 */
export function separatorDay(separator: SeparatorDay, reference: DayParts | null): DayParts | null {
  let year = separator.year;
  if (year === null) {
    if (!reference) return null;
    const limit = Date.UTC(reference.year, reference.month - 1, reference.day) + FUTURE_WINDOW_DAYS * DAY_MS;
    year = reference.year + 1;
    while (Date.UTC(year, separator.month - 1, separator.day) > limit) year--;
  }
  return validDay(year, separator.month, separator.day)
    ? { year, month: separator.month, day: separator.day }
    : null;
}
