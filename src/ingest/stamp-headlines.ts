// "14:05 Zelensky arrives in Paris": a time and an entry headline on one line, accepted only when the pattern repeats in order.
import { parseDaySeparator } from './day-separators.ts';
import { classifyText, type DocItem } from './doc-items.ts';
import { buildStamp, parseStamp, type Stamp, ZONE_NAMES, zoneOf } from './stamps.ts';
import { isBylineLike, isListItem, wordCount } from './text-lines.ts';

/** A line split into its stamp and its headline. */
export interface StampHeadline {
  stamp: Stamp;
  stampText: string;
  headline: string;
}

/**
 * Time (24 h or am/pm, "." or ":"), an optional zone that is a whole word ("GMT", not the start of "Estonia"),
 * an optional separator (":", "-", "–", "—", "|"), then the headline.
 */
const TIMED_LINE = new RegExp(
  `^(?:(?:updated|posted)(?: at)?\\s+)?(\\d{1,2})[:.](\\d{2})(?!\\d)(?:\\s*([ap])\\.?m\\b\\.?)?` +
    `(?:\\s*\\(?(${ZONE_NAMES})\\)?(?![\\p{L}\\p{N}]))?\\s*(?:[:|–—-]\\s*)?(.+)$`,
  'iu',
);
/** A headline opens with a capital, a figure, a currency sign, a hashtag or a quotation mark. */
const HEADLINE_START = /^[\p{Lu}\p{N}\p{Sc}#"'“‘«]/u;
/** Most words in a headline. */
const MAX_HEADLINE_WORDS = 25;
const MAX_HEADLINE_LENGTH = 220;

/** Fewest "14:05 Headline" lines, each followed by body text, for a document to be laid out that way. */
const MIN_TIMED_HEADLINES = 3;
/** A step against the blog's direction this large is a new day (midnight or a date separator), not disorder. */
const DAY_CHANGE_MINUTES = 180;
/** Share of steps that may run against the blog's direction by less than a day change (late edits). */
const MAX_DISORDER = 0.2;

/**
 * Headline-shaped: a short line that does not end as a statement or lead-in (".", "…", ":", ";", ","); one word
 * ("Goodnight") and an exclamation or question ("That's all for today!") are headlines after a time.
 */
function isHeadlineShaped(text: string): boolean {
  if (text.length > MAX_HEADLINE_LENGTH || !HEADLINE_START.test(text) || isListItem(text)) return false;
  const words = wordCount(text);
  if (words < 1 || words > MAX_HEADLINE_WORDS) return false;
  const last = text.replace(/["'”’»)\]]+$/u, '').slice(-1);
  return last !== '' && !'.…:;,'.includes(last);
}

/** Splits "14:05 GMT - Talks resume" into its stamp and headline; null when the rest is not headline-shaped. */
export function parseStampHeadline(line: string): StampHeadline | null {
  if (line.length > 260) return null;
  const m = TIMED_LINE.exec(line);
  if (!m || parseStamp(line)) return null;
  const headline = m[5].trim();
  if (!isHeadlineShaped(headline)) return null;
  if (isBylineLike(headline) || parseDaySeparator(headline)) return null;
  const stamp = buildStamp(null, m[1], m[2], m[3], zoneOf(m[4]), null);
  if (!stamp) return null;
  const stampText = line.slice(0, line.length - m[5].length).replace(/[\s:|–—-]+$/, '');
  return { stamp, stampText, headline };
}

function minutesOf(stamp: Stamp): number {
  return stamp.hour * 60 + stamp.minute;
}

/**
 * True when the times run one way down the page: most steps in one direction, steps against it either day
 * changes (large) or a few small reorderings.
 */
export function timesInOrder(minutes: number[]): boolean {
  let down = 0;
  let up = 0;
  let smallDown = 0;
  let smallUp = 0;
  for (let i = 1; i < minutes.length; i++) {
    const step = minutes[i] - minutes[i - 1];
    if (step < 0) {
      down++;
      if (-step < DAY_CHANGE_MINUTES) smallDown++;
    } else if (step > 0) {
      up++;
      if (step < DAY_CHANGE_MINUTES) smallUp++;
    }
  }
  const newestFirst = down > up;
  const major = newestFirst ? down : up;
  const minor = newestFirst ? up : down;
  const smallAgainst = newestFirst ? smallUp : smallDown;
  const steps = minutes.length - 1;
  return major >= MIN_TIMED_HEADLINES - 1 && minor * 2 <= major && smallAgainst <= steps * MAX_DISORDER;
}

function nextTextIndex(items: DocItem[], i: number, step: 1 | -1): number {
  for (let j = i + step; j >= 0 && j < items.length; j += step) if (items[j].text !== null) return j;
  return -1;
}

/**
 * When the document is a live blog of "14:05 Headline" lines, returns its items with each such line split into a
 * stamp item (headlineStamp) and a headline item; otherwise null. A line counts only when no other timed line
 * sits right above or below it (a timetable is a run of them) and body text follows it; there must be several
 * and their times must run in order.
 */
export function splitStampHeadlines(items: DocItem[]): { items: DocItem[]; count: number } | null {
  const parsed: (StampHeadline | null)[] = items.map((item) =>
    item.text !== null && !item.stamp && !item.listItem && !item.separator
      ? parseStampHeadline(item.text)
      : null,
  );
  const accepted: number[] = [];
  for (let i = 0; i < items.length; i++) {
    if (!parsed[i]) continue;
    const prev = nextTextIndex(items, i, -1);
    const next = nextTextIndex(items, i, 1);
    if (prev >= 0 && parsed[prev]) continue;
    if (next < 0 || parsed[next] || items[next].stamp || items[next].separator) continue;
    accepted.push(i);
  }
  if (accepted.length < MIN_TIMED_HEADLINES) return null;
  if (!timesInOrder(accepted.map((i) => minutesOf((parsed[i] as StampHeadline).stamp)))) return null;

  const out: DocItem[] = [];
  let k = 0;
  for (let i = 0; i < items.length; i++) {
    if (i !== accepted[k]) {
      out.push(items[i]);
      continue;
    }
    k++;
    const { stamp, stampText, headline } = parsed[i] as StampHeadline;
    const stampItem = classifyText({ kind: 'text', text: stampText });
    out.push({ ...stampItem, stamp, title: false, prose: false, body: false, headlineStamp: true });
    const headlineItem = classifyText({ kind: 'text', text: headline });
    out.push({ ...headlineItem, title: true, prose: false, body: false, leadIn: false });
  }
  return { items: out, count: accepted.length };
}
