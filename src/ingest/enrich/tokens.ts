// Word tokens with offsets, capitalisation and possessive marks: the unit every enrichment step matches on.
import { stemmer } from 'stemmer';

export interface Token {
  /** The word as written, without a possessive 's. */
  text: string;
  /** Lower-case, accent-free form. */
  lower: string;
  start: number;
  end: number;
  /** First letter upper-case. */
  cap: boolean;
  /** Followed by 's / ’s / a bare apostrophe: "Trump's". */
  possessive: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:[.'’][\p{L}\p{N}]+)*\.?/gu;
const ABBREVIATED = /^(?:[\p{L}]\.){2,}$/u;

/** Splits text into word tokens; hyphenated words become separate tokens ("US-led" → US, led). */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    let word = m[0];
    const start = m.index;
    // Keep the dot only for initialisms such as "U.S." / "J.D."
    if (word.charCodeAt(word.length - 1) === 46 && !ABBREVIATED.test(word)) word = word.slice(0, -1);
    let possessive = false;
    const n = word.length;
    const endsInS = word[n - 1] === 's' || word[n - 1] === 'S';
    if (endsInS && n > 2 && (word[n - 2] === "'" || word[n - 2] === '’')) {
      word = word.slice(0, -2);
      possessive = true;
    } else if (
      endsInS &&
      (text[start + n] === "'" || text[start + n] === '’') &&
      !/\p{L}/u.test(text[start + n + 1] ?? '')
    ) {
      possessive = true;
    }
    out.push({
      text: word,
      lower: foldCase(word),
      start,
      end: start + word.length,
      cap: startsUpper(word),
      possessive,
    });
  }
  return out;
}

/** First letter upper-case (ASCII without a regex). */
function startsUpper(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(word);
}

const foldCache = new Map<string, string>();
const ASCII_WORD = /^[\x20-\x7e]*$/;

/** Lower-case without accents, curly apostrophes made straight. */
export function foldCase(word: string): string {
  if (ASCII_WORD.test(word)) return word.toLowerCase();
  let folded = foldCache.get(word);
  if (folded === undefined) {
    folded = word.normalize('NFKD').replace(/\p{M}/gu, '').replace(/’/g, "'").toLowerCase();
    if (foldCache.size < 100_000) foldCache.set(word, folded);
  }
  return folded;
}

const stemCache = new Map<string, string>();
/** Porter stem of a lower-case word (cached; the vocabulary of news text is small). */
export function stem(lower: string): string {
  let s = stemCache.get(lower);
  if (s === undefined) {
    s = stemmer(lower.replace(/\./g, ''));
    if (stemCache.size < 200_000) stemCache.set(lower, s);
  }
  return s;
}
