// The editors' Key Points of an article, each cited to the entry it best matches by content words.
import type { Event } from '../store/types.ts';
import { contentWords } from './text-match.ts';

/** Minimum weighted share of a bullet's content words an entry must contain to be cited for it. */
const MIN_MATCH = 0.3;

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
 * Cites each editor bullet to the article entry that holds most of the bullet's content words, weighted by
 * rarity across the article (so "Ukraine" counts less than "Greenland"); a headline match counts extra.
 * Below MIN_MATCH the bullet cites the article's first entry.
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
  const df = new Map<string, number>();
  for (const c of candidates) for (const w of c.body) df.set(w, (df.get(w) ?? 0) + 1);
  const weight = (w: string) => Math.log((candidates.length + 1) / ((df.get(w) ?? 0) + 0.5));
  const fallback = firstEvent(articleEvents);
  const out: EditorPoint[] = [];
  for (const text of bullets) {
    const words = [...new Set(contentWords(text))];
    // Words the article never uses cannot tell entries apart: they count only half towards the total.
    const all = words.reduce((sum, w) => sum + weight(w), 0);
    const known = words.reduce((sum, w) => sum + (df.has(w) ? weight(w) : 0), 0);
    const total = Math.max(known, all / 2);
    const share = (set: ReadonlySet<string>) =>
      total > 0 ? words.reduce((sum, w) => sum + (set.has(w) ? weight(w) : 0), 0) / total : 0;
    let best: { event: Event; score: number } | null = null;
    for (const c of candidates) {
      const head = share(c.headline);
      const score = Math.max(head, share(c.body)) + 0.25 * head;
      if (!best || score > best.score || (score === best.score && c.event.position < best.event.position)) {
        best = { event: c.event, score };
      }
    }
    if (best && best.score >= MIN_MATCH) out.push({ text, event: best.event, match: best.score });
    else if (fallback) out.push({ text, event: fallback, match: 0 });
  }
  return out;
}
