// Stable ids: article = short hash of url or source; event = hash of source + normalised headline + time.
import { createHash } from 'node:crypto';

function hash(text: string, length: number): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

/** Lower-case letters and digits only, so quote styles, dashes and spacing do not change an id. */
export function normaliseHeadline(headline: string): string {
  return headline
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’'"“”`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

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
  const when = estimated ? 'estimated' : (time ?? 'untimed');
  const suffix = occurrence > 0 ? `\u0000${occurrence}` : '';
  return hash(`${source}\u0000${normaliseHeadline(headline)}\u0000${when}${suffix}`, 16);
}
