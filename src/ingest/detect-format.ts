// Decides the layout of a document: a live blog with stamps before or after entries, one found by headlines, or an article.
import { type DocItem, looksLikeHeadline, nextText } from './doc-items.ts';

/**
 * How entries are laid out in the text: 'stamp-before' = headline, stamp, body (stamp right after the headline);
 * 'stamp-leading' = stamp, headline, body; 'stamp-after' = headline, body, stamp (stamp closes the entry);
 * 'stamp-headline' = "14:05 Headline" on one line, then body (the line is split into a stamp and a headline item);
 * 'headlines' = no stamps, entries found by headline lines; 'article' = one plain article.
 */
export type Layout =
  | 'stamp-before'
  | 'stamp-leading'
  | 'stamp-after'
  | 'stamp-headline'
  | 'headlines'
  | 'article';

/** Words in a title that say the page is a live blog. */
const LIVE_CUE = /\b(?:live|latest|as it happened|updates|rolling coverage|minute[- ]by[- ]minute)\b/i;

/** Fewest stamps for a page to count as a stamped live blog (one stamp is an article dateline). */
const MIN_STAMPS = 2;
/** Fewest headline-shaped lines for a page without stamps to count as a live blog (fewer if its title says so). */
const MIN_HEADLINES = 4;

function previousText(items: DocItem[], i: number): number {
  for (let j = i - 1; j >= 0; j--) if (items[j].text !== null) return j;
  return -1;
}

/**
 * Stamp placement by majority: a headline just above and body just below means "before". A headline just below
 * means the stamp either closes the entry above or opens the one below: an entry after the last stamp (and none
 * before the first) says it opens.
 */
function stampPlacement(
  items: DocItem[],
  stamps: number[],
): 'stamp-before' | 'stamp-leading' | 'stamp-after' {
  let before = 0;
  let after = 0;
  for (const s of stamps) {
    const prev = previousText(items, s);
    const next = nextText(items, s);
    const prevTitle = prev >= 0 && items[prev].title && !items[prev].stamp;
    const nextTitle = next >= 0 && items[next].title && !items[next].stamp;
    const nextBody = next >= 0 && items[next].body;
    if (prevTitle && (nextBody || next < 0)) before++;
    else if (nextTitle || next < 0) after++;
    else if (prevTitle) before++;
  }
  if (after <= before) return 'stamp-before';
  return hasEntryAfter(items, stamps[stamps.length - 1]) && !hasEntryBefore(items, stamps[0])
    ? 'stamp-leading'
    : 'stamp-after';
}

/** True when prose follows the stamp (an entry that only a leading stamp could own). */
function hasEntryAfter(items: DocItem[], stamp: number): boolean {
  for (let i = stamp + 1; i < items.length; i++) if (items[i].prose) return true;
  return false;
}

/** True when a headline followed by body sits before the first stamp, after the page's top lines and lede. */
function hasEntryBefore(items: DocItem[], stamp: number): boolean {
  for (let i = firstProse(items); i < stamp; i++) if (looksLikeHeadline(items, i)) return true;
  const prev = previousText(items, stamp);
  return prev >= 0 && items[prev].title && prev >= firstProse(items);
}

/** Indexes of items that are entry stamps. */
export function stampIndexes(items: DocItem[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < items.length; i++) if (items[i].stamp) out.push(i);
  return out;
}

/** Index of the first prose item, or items.length. */
export function firstProse(items: DocItem[]): number {
  for (let i = 0; i < items.length; i++) if (items[i].prose) return i;
  return items.length;
}

export function detectLayout(items: DocItem[], title: string | null): Layout {
  const stamps = stampIndexes(items);
  if (stamps.length >= MIN_STAMPS) return stampPlacement(items, stamps);
  let headlines = 0;
  for (let i = firstProse(items); i < items.length; i++) if (looksLikeHeadline(items, i)) headlines++;
  const liveCue = title !== null && LIVE_CUE.test(title);
  if (headlines >= MIN_HEADLINES || (liveCue && headlines >= 2)) return 'headlines';
  return 'article';
}
