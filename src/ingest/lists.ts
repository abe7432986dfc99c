// Finds enumerated lists inside an entry ("Five key promises ..." + dashed items) and their declared counts.
import type { EventList } from '../store/types.ts';
import { listItemText } from './text-lines.ts';

const NUMBER_WORDS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
};

const COUNTED_NOUN = new RegExp(
  `(?:^|[^\\p{L}\\p{N},.])(${Object.keys(NUMBER_WORDS).join('|')}|\\d{1,2})\\s+(?:[\\p{L}’'-]+\\s+){0,2}?[\\p{L}’'-]*[\\p{L}]s\\b`,
  'iu',
);

/** The count a title announces ("Five key promises", "In five points", "10 things"), or null. */
export function declaredCount(text: string): number | null {
  const m = COUNTED_NOUN.exec(text);
  if (!m) return null;
  const word = m[1].toLowerCase();
  const n = NUMBER_WORDS[word] ?? Number(word);
  return Number.isInteger(n) && n >= 2 && n <= 50 ? n : null;
}

/** The paragraphs and lists of an entry body, split from its text lines. */
export interface BodyText {
  paragraphs: string[];
  lists: EventList[];
}

const MIN_ITEMS = 2;

/**
 * Moves runs of two or more list items into lists. Items are not kept as loose paragraphs; the lead-in line
 * ("Here is what he said summarised in five points:") stays as a paragraph. The headline names the first list
 * when it announces a count; otherwise the lead-in does.
 */
export function splitLists(headline: string | null, lines: { text: string; listItem: boolean }[]): BodyText {
  const paragraphs: string[] = [];
  const lists: EventList[] = [];
  let headlineCount: number | null | undefined;
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].listItem) {
      paragraphs.push(lines[i].text);
      continue;
    }
    let end = i;
    while (end < lines.length && lines[end].listItem) end++;
    if (end - i < MIN_ITEMS) {
      paragraphs.push(lines[i].text);
      continue;
    }
    const items = lines.slice(i, end).map((l) => listItemText(l.text));
    const before = paragraphs.length > 0 ? paragraphs[paragraphs.length - 1] : null;
    const leadIn = before?.endsWith(':') ? before.slice(0, -1).trim() : null;
    let title: string;
    if (headlineCount === undefined) headlineCount = headline ? declaredCount(headline) : null;
    if (lists.length === 0 && headline && headlineCount !== null) title = headline;
    else if (leadIn) title = leadIn;
    else title = headline ?? items[0];
    const count = declaredCount(title) ?? (leadIn ? declaredCount(leadIn) : null);
    lists.push({ title, items, declaredCount: count });
    i = end - 1;
  }
  return { paragraphs, lists };
}
