// Recognises entry time stamps ("02:54 , Arpan Rai", "Alexander Butler12 February 2025 18:00"), datelines and date headers.

/** A calendar day as written in the text. */
export interface DayParts {
  year: number;
  month: number;
  day: number;
}

/** A time stamp found on a line of its own. */
export interface Stamp {
  date: DayParts | null;
  hour: number;
  minute: number;
  /** Luxon zone named by the text itself ("GMT" -> "UTC"), or null to use the document's zone. */
  zone: string | null;
  author: string | null;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const ZONES: Record<string, string> = {
  GMT: 'UTC',
  UTC: 'UTC',
  Z: 'UTC',
  BST: 'UTC+1',
  CET: 'UTC+1',
  CEST: 'UTC+2',
  EET: 'UTC+2',
  EEST: 'UTC+3',
  MSK: 'UTC+3',
  EST: 'UTC-5',
  EDT: 'UTC-4',
  CST: 'UTC-6',
  CDT: 'UTC-5',
  MST: 'UTC-7',
  MDT: 'UTC-6',
  PST: 'UTC-8',
  PDT: 'UTC-7',
  ET: 'America/New_York',
  PT: 'America/Los_Angeles',
};

export const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
export const WEEKDAY = '(?:(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?\\.?,?\\s+)?';
const TIME = '(\\d{1,2})[:.](\\d{2})(?:\\s*([ap])\\.?m\\.?)?';
/** The zone abbreviations the text may name, as a regex alternation. */
export const ZONE_NAMES = Object.keys(ZONES).join('|');
const ZONE = `(?:\\s*\\(?(${ZONE_NAMES})\\)?)?`;

const TIME_FIRST = new RegExp(
  `^(?:(?:updated|posted|published)(?: at)?)?\\s*${TIME}${ZONE}(?:\\s*(?:,|\\||–|—|-|·|by)\\s*(.{2,80}))?$`,
  'i',
);
const DAY_MONTH_YEAR = new RegExp(
  `^(.{0,80}?)\\s*${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}\\.?,?\\s+(\\d{4}),?\\s+(?:at\\s+)?${TIME}${ZONE}$`,
  'i',
);
const MONTH_DAY_YEAR = new RegExp(
  `^(.{0,80}?)\\s*${WEEKDAY}${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4}),?\\s+(?:at\\s+)?${TIME}${ZONE}$`,
  'i',
);
const ISO_STAMP =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const DATE_ONLY = new RegExp(`^${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}\\.?,?\\s+(\\d{4})$`, 'i');
const META_HEADER =
  /^(?:date|published|updated)\s*:?\s*(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?Z?)?\s*(.*)$/i;

const NAME_WORD = /^(?:[\p{Lu}][\p{L}'’.-]*|de|da|del|der|van|von|al|bin|le|la|du|di|and|&|by|By)$/u;
const WEEKDAY_ONLY = /^(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?$/i;

export function monthNumber(name: string): number {
  return MONTHS[name.slice(0, 3).toLowerCase()] ?? 0;
}

function to24h(hour: number, meridiem: string | undefined): number {
  if (!meridiem) return hour;
  const pm = meridiem.toLowerCase() === 'p';
  if (hour === 12) return pm ? 12 : 0;
  return pm ? hour + 12 : hour;
}

export function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2200) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Cleans an author fragment; returns null when it does not look like a name. */
function authorName(raw: string | undefined): string | null | undefined {
  const text = (raw ?? '')
    .replace(/^by\s+/i, '')
    .replace(/[,|–—-]+$/, '')
    .trim();
  if (text.length === 0) return null;
  const words = text.split(/\s+/);
  if (words.length > 8 || !words.every((w) => NAME_WORD.test(w))) return undefined;
  if (words.length === 1 && WEEKDAY_ONLY.test(words[0])) return null;
  return text;
}

export function zoneOf(abbr: string | undefined): string | null {
  return abbr ? (ZONES[abbr.toUpperCase()] ?? null) : null;
}

export function buildStamp(
  date: DayParts | null,
  hourText: string,
  minuteText: string,
  meridiem: string | undefined,
  zone: string | null,
  author: string | null,
): Stamp | null {
  const hour = to24h(Number(hourText), meridiem);
  const minute = Number(minuteText);
  if (hour > 23 || minute > 59 || (meridiem && Number(hourText) > 12)) return null;
  if (date && !validDay(date.year, date.month, date.day)) return null;
  return { date, hour, minute, zone, author };
}

/** Parses a line that is only a time stamp (with an optional date, zone and author); null otherwise. */
export function parseStamp(line: string): Stamp | null {
  if (line.length > 140 || !/\d[:.]\d\d/.test(line)) return null;
  let m = TIME_FIRST.exec(line);
  if (m) {
    const author = authorName(m[5]);
    if (author === undefined) return null;
    return buildStamp(null, m[1], m[2], m[3], zoneOf(m[4]), author);
  }
  m = DAY_MONTH_YEAR.exec(line);
  if (m) {
    const author = authorName(m[1]);
    if (author === undefined) return null;
    const date = { year: Number(m[4]), month: monthNumber(m[3]), day: Number(m[2]) };
    return buildStamp(date, m[5], m[6], m[7], zoneOf(m[8]), author);
  }
  m = MONTH_DAY_YEAR.exec(line);
  if (m) {
    const author = authorName(m[1]);
    if (author === undefined) return null;
    const date = { year: Number(m[4]), month: monthNumber(m[2]), day: Number(m[3]) };
    return buildStamp(date, m[5], m[6], m[7], zoneOf(m[8]), author);
  }
  m = ISO_STAMP.exec(line);
  if (m) {
    const offset = m[6];
    let zone: string | null = null;
    if (offset) {
      if (offset.toUpperCase() === 'Z') zone = 'UTC';
      else {
        const sign = offset[0];
        const digits = offset.slice(1).replace(':', '');
        const hours = Number(digits.slice(0, 2));
        const minutes = Number(digits.slice(2));
        zone =
          minutes === 0 ? `UTC${sign}${hours}` : `UTC${sign}${hours}:${String(minutes).padStart(2, '0')}`;
      }
    }
    return buildStamp(
      { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) },
      m[4],
      m[5],
      undefined,
      zone,
      null,
    );
  }
  return null;
}

/** Parses a dateline without a time ("Wednesday 19 February 2025"). */
export function parseDateOnly(line: string): DayParts | null {
  if (line.length > 40) return null;
  const m = DATE_ONLY.exec(line);
  if (!m) return null;
  const day = { year: Number(m[3]), month: monthNumber(m[2]), day: Number(m[1]) };
  return validDay(day.year, day.month, day.day) ? day : null;
}

/** A metadata header line such as " date 2025-02-18 Some title": its day and the rest of the line. */
export function parseMetaHeader(line: string): { date: DayParts; rest: string } | null {
  const m = META_HEADER.exec(line.trim());
  if (!m) return null;
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (!validDay(date.year, date.month, date.day)) return null;
  return { date, rest: m[4].trim() };
}

/** Formats a day as YYYY-MM-DD. */
export function formatDay(day: DayParts): string {
  return `${day.year}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`;
}
