// Splits raw text into trimmed lines and classifies their shape (prose, title-like, list item, byline).

/** Normalises line endings, invisible characters and spaces, and returns the non-empty trimmed lines. */
export function splitLines(text: string): string[] {
  const normalised = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/[\u00A0\u2007\u202F\t]/g, ' ');
  const raw = normalised.split('\n').map((line) => line.replace(/ {2,}/g, ' ').trim());
  const width = hardWrapWidth(raw);
  return width === null ? raw.filter((line) => line.length > 0) : unwrap(raw, width);
}

/** Hard-wrapped text (wire copy, e-mail) has no line much longer than its wrap width and most lines near it. */
const MAX_WRAP_WIDTH = 100;
const MIN_WRAPPED_LINES = 8;

/** The wrap width when the text is hard-wrapped, else null. */
export function hardWrapWidth(lines: string[]): number | null {
  let longest = 0;
  let counted = 0;
  for (const line of lines) {
    if (line.length < 20) continue;
    counted++;
    if (line.length > longest) longest = line.length;
    if (longest > MAX_WRAP_WIDTH) return null;
  }
  if (counted < MIN_WRAPPED_LINES) return null;
  let nearWidth = 0;
  let continued = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].length >= longest * 0.75) {
      nearWidth++;
      if (i + 1 < lines.length && lines[i + 1].length > 0) continued++;
    }
  }
  return nearWidth >= counted * 0.5 && continued >= 3 ? longest : null;
}

/** Joins the lines of each blank-line-separated block where a line ran up to the wrap width. */
function unwrap(lines: string[], width: number): string[] {
  const out: string[] = [];
  let previous = '';
  for (const line of lines) {
    if (line.length === 0) {
      previous = '';
      continue;
    }
    if (previous.length >= width * 0.75 && out.length > 0 && !isListItem(line))
      out[out.length - 1] += ` ${line}`;
    else out.push(line);
    previous = line;
  }
  return out;
}

const CLOSERS = new Set(['"', "'", '”', '’', '»', ')', ']']);
const OPENING_QUOTE = /^["'“‘«]/u;

/** The last character of the line that is not a closing quote or bracket ('' if none). */
function lastMark(line: string): string {
  let i = line.length - 1;
  while (i >= 0 && CLOSERS.has(line[i])) i--;
  return i >= 0 ? line[i] : '';
}
const LIST_ITEM = /^(?:[-–—•*·▪●◦‣]|\d{1,2}[.)])\s+\S/u;

export function wordCount(line: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const space = line.charCodeAt(i) === 32;
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}

/** True when the line ends the way a sentence does (full stop, exclamation, ellipsis, maybe closing quotes). */
export function endsSentence(line: string): boolean {
  const mark = lastMark(line);
  return mark === '.' || mark === '!' || mark === '…';
}

function endsQuestion(line: string): boolean {
  return lastMark(line) === '?';
}

function endsSoft(line: string): boolean {
  const last = line[line.length - 1];
  return last === ':' || last === ';' || last === ',';
}

export function isListItem(line: string): boolean {
  return LIST_ITEM.test(line);
}

/** Strips the bullet or number from a list item. */
export function listItemText(line: string): string {
  return line.replace(/^(?:[-–—•*·▪●◦‣]|\d{1,2}[.)])\s+/u, '').trim();
}

/** A line that reads as running text: a finished sentence, a quoted question, or simply long. */
export function isProse(line: string): boolean {
  if (isListItem(line)) return false;
  const words = wordCount(line);
  if (words >= 30) return true;
  if (endsSentence(line)) return words >= 3;
  if (endsQuestion(line)) return OPENING_QUOTE.test(line) || words > 25;
  return false;
}

/** A line that opens body text: prose, a lead-in ending with a colon, a list item or a quotation. */
export function isBodyLine(line: string): boolean {
  return isProse(line) || line.endsWith(':') || isListItem(line);
}

/** A short line with no closing punctuation: a headline, title, card title or label. */
export function isTitleLike(line: string): boolean {
  if (line.length > 220 || isListItem(line)) return false;
  if (endsSentence(line) || endsSoft(line)) return false;
  const words = wordCount(line);
  return words >= 2 && words <= 25;
}

const NAME_WORD = /^(?:[\p{Lu}][\p{L}'’.-]*|de|da|del|der|van|von|al|bin|le|la|du|di)$/u;

/** "Tom Watling", "By Jane Dalton", "Arpan Rai,James Reynolds,Maira Butt and Jane Dalton". */
export function isBylineLike(line: string): boolean {
  if (/\d/.test(line) || endsSentence(line) || line.length > 160) return false;
  const body = line.replace(/^by\s+/i, '');
  const parts = body.split(/\s*,\s*|\s+and\s+|\s*&\s*/).filter((p) => p.length > 0);
  if (parts.length === 0 || parts.length > 8) return false;
  for (const part of parts) {
    const words = part.split(/\s+/);
    if (words.length < 2 || words.length > 4) return false;
    if (/^the$/i.test(words[0])) return false;
    if (!words.every((w) => NAME_WORD.test(w))) return false;
  }
  return true;
}

/** Every shape of a line, computed in one pass (used when classifying whole documents). */
export interface LineShape {
  listItem: boolean;
  prose: boolean;
  title: boolean;
  body: boolean;
  words: number;
}

export function lineShape(line: string): LineShape {
  const listItem = isListItem(line);
  const words = wordCount(line);
  const mark = lastMark(line);
  const sentence = mark === '.' || mark === '!' || mark === '…';
  let prose = false;
  if (!listItem) {
    if (words >= 30) prose = true;
    else if (sentence) prose = words >= 3;
    else if (mark === '?') prose = words > 25 || OPENING_QUOTE.test(line);
  }
  const soft = endsSoft(line);
  const title = !listItem && line.length <= 220 && !sentence && !soft && words >= 2 && words <= 25;
  const body = prose || line.endsWith(':') || listItem;
  return { listItem, prose, title, body, words };
}
