// Stable ids: article = short hash of url or source; event = hash of source + normalised headline + time.
import { createHash } from 'node:crypto';

function hash(text: string, length: number): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

/** Characters outside Latin, general punctuation and currency, where NFKC may change the text. */
const COMPATIBILITY_FORMS = /[^\u0000-\u024f\u2000-\u20cf]/;

/** Lower-case letters and digits only, so quote styles, dashes and spacing do not change an id. */
export function normaliseHeadline(headline: string): string {
  const text = (COMPATIBILITY_FORMS.test(headline) ? headline.normalize('NFKC') : headline).toLowerCase();
  let out = '';
  let gap = false;
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (IGNORED.has(ch)) continue;
    const keep =
      (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code > 127 && LETTER_OR_DIGIT.test(ch));
    if (!keep) {
      gap = true;
      continue;
    }
    if (gap && out.length > 0) out += ' ';
    out += ch;
    gap = false;
  }
  return out;
}

const IGNORED = new Set(['‘', '’', "'", '"', '“', '”', '`', '´']);
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** Short hash of the article's url, or of its source when it has no url. */
export function articleIdFor(url: string | null, source: string): string {
  return hash(url ?? source, 12);
}

/**
 * Event id from source, normalised headline and time. An estimated time is left out (it depends on which
 * neighbours a snapshot contains); `occurrence` separates entries that would otherwise share an id.
 */
export function eventIdFor(
  source: string,
  headline: string,
  time: string | null,
  estimated: boolean,
  occurrence = 0,
): string {
  return eventIdForKey(source, eventKey(headline, time, estimated), occurrence);
}

/** The part of an event id that two entries of one document share when they repeat each other. */
export function eventKey(headline: string, time: string | null, estimated: boolean): string {
  return `${normaliseHeadline(headline)}\u0000${estimated ? 'estimated' : (time ?? 'untimed')}`;
}

/** Event id from a precomputed key (see eventKey). */
export function eventIdForKey(source: string, key: string, occurrence: number): string {
  const suffix = occurrence > 0 ? `\u0000${occurrence}` : '';
  return hash(`${source}\u0000${key}${suffix}`, 16);
}
