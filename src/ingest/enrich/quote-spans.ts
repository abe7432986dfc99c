// Finds quoted spans and sentence boundaries in a paragraph, tolerant of mixed curly/straight and unclosed marks.

/** A quoted stretch of a paragraph. `close` is the index of the closing mark, or the paragraph length. */
export interface QuoteSpan {
  open: number;
  close: number;
  unclosed: boolean;
  single: boolean;
}

/** Double quotation marks (any mix of “ ” " „ « »), and single ones (‘ ’ '), found by one regex scan each. */
const DOUBLE_MARK = /[“”"„«»]/g;
const SINGLE_MARK = /[‘’']/g;
const LETTER = /[\p{L}\p{N}]/u;

/** Double-quoted spans (any mix of “ ” "), then single-quoted ones (‘ ’ ') outside them. */
export function findQuoteSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let open = -1;
  DOUBLE_MARK.lastIndex = 0;
  for (let m = DOUBLE_MARK.exec(text); m !== null; m = DOUBLE_MARK.exec(text)) {
    const i = m.index;
    if (open < 0) open = i;
    else {
      spans.push({ open, close: i, unclosed: false, single: false });
      open = -1;
    }
  }
  if (open >= 0) spans.push({ open, close: text.length, unclosed: true, single: false });
  // Marks come in text order and double spans do not overlap: one pointer answers "inside a double span?".
  let d = 0;
  const inside = (i: number) => {
    while (d < spans.length && spans[d].close < i) d++;
    return d < spans.length && spans[d].open <= i;
  };
  const singles: QuoteSpan[] = [];
  let sOpen = -1;
  SINGLE_MARK.lastIndex = 0;
  for (let m = SINGLE_MARK.exec(text); m !== null; m = SINGLE_MARK.exec(text)) {
    const i = m.index;
    const c = m[0];
    if (inside(i)) continue;
    const prev = text[i - 1] ?? ' ';
    const next = text[i + 1] ?? ' ';
    if (sOpen < 0) {
      if ((c === '‘' || c === "'") && !LETTER.test(prev) && LETTER.test(next)) sOpen = i;
    } else if ((c === '’' || c === "'") && !LETTER.test(next) && !/\s/.test(prev)) {
      singles.push({ open: sOpen, close: i, unclosed: false, single: true });
      sOpen = -1;
    }
  }
  if (sOpen === 0) singles.push({ open: sOpen, close: text.length, unclosed: true, single: true });
  return [...spans, ...singles].sort((a, b) => a.open - b.open);
}

/** The text inside a span, without marks, trailing commas or surrounding space. */
export function spanText(text: string, span: QuoteSpan): string {
  return text
    .slice(span.open + 1, span.close)
    .trim()
    .replace(/[,;:\s]+$/, '');
}

/** The paragraph with every quoted span (marks included) blanked out, so attribution never reads quoted words. */
export function maskQuotes(text: string, spans: QuoteSpan[]): string {
  let out = '';
  let last = 0;
  for (const s of spans) {
    const end = Math.min(text.length, s.close + 1);
    if (s.open < last) continue;
    out += text.slice(last, s.open) + ' '.repeat(end - s.open);
    last = end;
  }
  return out + text.slice(last);
}

const ABBREVIATIONS = new Set(
  'mr mrs ms dr st sen gen lt col capt sgt rep gov prof jan feb mar apr jun jul aug sep sept oct nov dec no vs etc inc ltd co jr sr'.split(
    ' ',
  ),
);

/** Sentence ranges [start, end) of a paragraph; punctuation inside quotes only ends a sentence at the closing mark. */
export function splitSentences(text: string, spans: QuoteSpan[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  const spanAt = new Map(spans.map((s) => [s.open, s]));
  let i = 0;
  while (i < text.length) {
    const span = spanAt.get(i);
    if (span) {
      const inner = text.slice(span.open + 1, span.close).trimEnd();
      i = span.close + 1;
      if (!span.unclosed && /[.!?…]$/.test(inner) && startsSentence(text, i)) {
        out.push([start, i]);
        start = skipSpace(text, i);
      }
      continue;
    }
    const c = text[i];
    if ((c === '.' || c === '!' || c === '?') && startsSentence(text, i + 1)) {
      const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, i - 12), i))?.[1] ?? '';
      const abbreviated =
        c === '.' &&
        (ABBREVIATIONS.has(word.toLowerCase()) || /^\p{L}$/u.test(word) || /\p{L}\.\p{L}$/u.test(word));
      if (!abbreviated) {
        out.push([start, i + 1]);
        start = skipSpace(text, i + 1);
      }
    }
    i++;
  }
  if (start < text.length && text.slice(start).trim()) out.push([start, text.length]);
  return out;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}

/** Whether a new sentence starts at i: whitespace, then a capital, digit or opening quote. */
function startsSentence(text: string, i: number): boolean {
  if (i >= text.length) return false;
  if (!/\s/.test(text[i])) return false;
  const j = skipSpace(text, i);
  return j < text.length && /[\p{Lu}\p{N}“"‘'(]/u.test(text[j]);
}
