// The editors' Key Points of an article, each cited to the entry it best matches by content words.
import type { Event } from '../store/types.ts';
import { contentWords, coverage } from './text-match.ts';

/** Minimum share of a bullet's content words an entry must contain to be cited for it. */
const MIN_MATCH = 0.34;

/** An editor bullet with the event it is cited to. */
export interface EditorPoint {
  text: string;
  event: Event;
  /** How well the bullet matched the entry (0 when it fell back to the article's first entry). */
  match: number;
}

/** The article's first entry in text order (its lede entry). */
export function firstEvent(events: readonly Event[]): Event | undefined {
  let first: Event | undefined;
  for (const e of events) if (!first || e.position < first.position) first = e;
  return first;
}

/**
 * Cites each editor bullet to the article entry whose headline (counted double) and text share most of
 * the bullet's content words; below MIN_MATCH it cites the article's first entry.
 */
export function matchEditorKeyPoints(
  bullets: readonly string[],
  articleEvents: readonly Event[],
): EditorPoint[] {
  const candidates = articleEvents
    .filter((e) => !e.duplicateOf)
    .map((e) => ({
      event: e,
      headline: new Set(contentWords(e.headline)),
      body: new Set(contentWords(`${e.headline} ${e.paragraphs.join(' ')}`)),
    }));
  const fallback = firstEvent(articleEvents);
  const out: EditorPoint[] = [];
  for (const text of bullets) {
    const words = contentWords(text);
    let best: { event: Event; score: number } | null = null;
    for (const c of candidates) {
      const score = (2 * coverage(words, c.headline) + coverage(words, c.body)) / 3;
      if (!best || score > best.score || (score === best.score && c.event.position < best.event.position)) {
        best = { event: c.event, score };
      }
    }
    if (best && best.score >= MIN_MATCH) out.push({ text, event: best.event, match: best.score });
    else if (fallback) out.push({ text, event: fallback, match: 0 });
  }
  return out;
}
