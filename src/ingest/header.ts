// Reads the top of a document: title, standfirst, byline, dateline, lede paragraphs and editor key points.
import type { DocItem } from './doc-items.ts';
import { readKeyPoints } from './key-points.ts';
import { type DayParts, parseDateOnly, type Stamp } from './stamps.ts';
import { isBylineLike, wordCount } from './text-lines.ts';

/** What the header region of a document says about the article. */
export interface HeaderParts {
  title: string | null;
  standfirst: string | null;
  byline: string | null;
  dateline: Stamp | null;
  day: DayParts | null;
  lede: string[];
  keyPoints: string[];
}

/** Parses items[from, to) as a header. Lines that are none of the known parts (section labels, video titles) are ignored. */
export function parseHeader(items: DocItem[], from: number, to: number, titleKnown = false): HeaderParts {
  const parts: HeaderParts = {
    title: null,
    standfirst: null,
    byline: null,
    dateline: null,
    day: null,
    lede: [],
    keyPoints: [],
  };
  for (let i = from; i < to; i++) {
    const item = items[i];
    const text = item.text;
    if (text === null) continue;
    const keyPoints = readKeyPoints(items, i);
    if (keyPoints) {
      parts.keyPoints.push(...keyPoints.points);
      i = keyPoints.end - 1;
      continue;
    }
    if (item.stamp) {
      if (item.stamp.date && !parts.dateline) {
        parts.dateline = item.stamp;
        if (item.stamp.author && !parts.byline) parts.byline = item.stamp.author;
      }
      continue;
    }
    const day = parseDateOnly(text);
    if (day) {
      parts.day ??= day;
      continue;
    }
    if (isBylineLike(text)) {
      parts.byline ??= text.replace(/^by\s+/i, '');
      continue;
    }
    if (item.prose) {
      parts.lede.push(text);
      continue;
    }
    if (item.title && wordCount(text) >= 4) {
      if (parts.title === null && !titleKnown) parts.title = text;
      else if (parts.standfirst === null && parts.lede.length === 0 && wordCount(text) >= 6)
        parts.standfirst = text;
    }
  }
  return parts;
}
