// Cuts a classified document into its header and its entries, for each layout.

import { firstProse, type Layout, stampIndexes } from './detect-format.ts';
import { type DocItem, looksLikeHeadline } from './doc-items.ts';
import type { Stamp } from './stamps.ts';
import { isBylineLike } from './text-lines.ts';

/** One entry before enrichment: its headline line (null when it has none), stamp and body items. */
export interface RawEntry {
  /** Index of the item where the entry starts (its headline, or its stamp when that comes first). */
  at: number;
  headline: string | null;
  stamp: Stamp | null;
  body: DocItem[];
}

export interface Segmentation {
  /** Items [0, headerEnd) are the header (title, lede, key points). */
  headerEnd: number;
  entries: RawEntry[];
}

function previousText(items: DocItem[], i: number, floor: number): number {
  for (let j = i - 1; j > floor; j--) if (items[j].text !== null) return j;
  return -1;
}

/** Splits items[from, to) at headline-shaped lines; `firstIsHeadline` makes items[from] a headline too. */
function splitRun(items: DocItem[], from: number, to: number, firstIsHeadline: boolean): RawEntry[] {
  const entries: RawEntry[] = [];
  let current: RawEntry | null = null;
  for (let i = from; i < to; i++) {
    const item = items[i];
    if (item.stamp || item.separator) continue;
    const starts = (i === from && firstIsHeadline && item.title) || (i > from && looksLikeHeadline(items, i));
    if (starts) {
      current = { at: i, headline: item.text, stamp: null, body: [] };
      entries.push(current);
      continue;
    }
    if (!current) {
      current = { at: i, headline: null, stamp: null, body: [] };
      entries.push(current);
    }
    current.body.push(item);
  }
  return entries;
}

function segmentStampBefore(items: DocItem[]): Segmentation {
  const stamps = stampIndexes(items);
  const starts: number[] = [];
  const headlines: number[] = [];
  let floor = -1;
  for (const s of stamps) {
    const h = previousText(items, s, floor);
    const isHeadline = h >= 0 && items[h].title && !items[h].stamp;
    headlines.push(isHeadline ? h : -1);
    starts.push(isHeadline ? h : s);
    floor = s;
  }
  const entries: RawEntry[] = [];
  for (let k = 0; k < stamps.length; k++) {
    const bodyEnd = k + 1 < stamps.length ? starts[k + 1] : items.length;
    const parts = splitRun(items, stamps[k] + 1, bodyEnd, false);
    const first = parts[0]?.headline === null ? parts.shift() : undefined;
    const h = headlines[k];
    entries.push({
      at: starts[k],
      headline: h >= 0 ? items[h].text : null,
      stamp: items[stamps[k]].stamp,
      body: first?.body ?? [],
    });
    entries.push(...parts);
  }
  return { headerEnd: starts[0] ?? items.length, entries };
}

/** Leading lines before the first prose line that are title-shaped belong to the header, never to an entry. */
function headerTop(items: DocItem[]): number {
  return firstProse(items);
}

function segmentStampAfter(items: DocItem[]): Segmentation {
  const stamps = stampIndexes(items);
  const entries: RawEntry[] = [];
  let headerEnd = 0;
  let blockStart = 0;
  for (let k = 0; k <= stamps.length; k++) {
    const blockEnd = k < stamps.length ? stamps[k] : items.length;
    const stamp = k < stamps.length ? items[stamps[k]].stamp : null;
    let from = blockStart;
    let firstIsHeadline = true;
    if (k === 0) {
      const top = Math.min(headerTop(items), blockEnd);
      let first = -1;
      for (let i = top; i < blockEnd; i++) {
        if (looksLikeHeadline(items, i)) {
          first = i;
          break;
        }
      }
      if (first < 0) {
        for (let i = blockEnd - 1; i >= top; i--) {
          if (items[i].title && !items[i].card) {
            first = i;
            break;
          }
        }
      }
      headerEnd = first >= 0 ? first : top;
      from = headerEnd;
      firstIsHeadline = first >= 0;
    }
    const parts = splitRun(items, from, blockEnd, firstIsHeadline);
    if (k === stamps.length) {
      entries.push(...parts.filter((p) => p.headline !== null || p.body.some((b) => b.prose)));
    } else {
      if (parts.length === 0) parts.push({ at: blockEnd, headline: null, stamp: null, body: [] });
      parts[parts.length - 1].stamp = stamp;
      entries.push(...parts);
    }
    blockStart = blockEnd + 1;
  }
  return { headerEnd, entries };
}

/** Each stamp in `stamps` opens the entry below it; other stamps (a dateline above the first) are not entry starts. */
function segmentStampLeading(items: DocItem[], stamps: number[]): Segmentation {
  const entries: RawEntry[] = [];
  for (let k = 0; k < stamps.length; k++) {
    const end = k + 1 < stamps.length ? stamps[k + 1] : items.length;
    let from = stamps[k] + 1;
    let stamp = items[stamps[k]].stamp;
    // A byline on its own line between the stamp and the headline: "14:05 / Jane Dalton / Headline".
    const next = from < end ? items[from] : null;
    if (
      stamp &&
      !stamp.author &&
      next?.text &&
      isBylineLike(next.text) &&
      from + 1 < end &&
      items[from + 1].title
    ) {
      stamp = { ...stamp, author: next.text.replace(/^by\s+/i, '') };
      from++;
    }
    const parts = splitRun(items, from, end, true);
    if (parts.length === 0) parts.push({ at: stamps[k], headline: null, stamp: null, body: [] });
    parts[0].stamp = stamp;
    parts[0].at = stamps[k];
    entries.push(...parts);
  }
  return { headerEnd: stamps[0] ?? items.length, entries };
}

function segmentHeadlines(items: DocItem[]): Segmentation {
  let headerEnd = items.length;
  for (let i = headerTop(items); i < items.length; i++) {
    if (looksLikeHeadline(items, i)) {
      headerEnd = i;
      break;
    }
  }
  return { headerEnd, entries: splitRun(items, headerEnd, items.length, true) };
}

function segmentArticle(items: DocItem[]): Segmentation {
  const headerEnd = headerTop(items);
  const body = items.slice(headerEnd).filter((item) => !item.stamp);
  return { headerEnd, entries: [{ at: headerEnd, headline: null, stamp: null, body }] };
}

export function segmentEntries(items: DocItem[], layout: Layout): Segmentation {
  switch (layout) {
    case 'stamp-before':
      return segmentStampBefore(items);
    case 'stamp-after':
      return segmentStampAfter(items);
    case 'stamp-leading':
      return segmentStampLeading(items, stampIndexes(items));
    case 'stamp-headline':
      return segmentStampLeading(
        items,
        stampIndexes(items).filter((i) => items[i].headlineStamp),
      );
    case 'headlines':
      return segmentHeadlines(items);
    case 'article':
      return segmentArticle(items);
  }
}
