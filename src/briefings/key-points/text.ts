// Text utilities for key-point ranking: tokenising, stop words, Porter stems, sentence splitting.
import { stemmer } from 'stemmer';

/** Common English function words that carry no topic. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are aren as at be because been before being below ' +
    'between both but by can cannot could couldn did didn do does doesn doing don down during each few for from ' +
    'further had hadn has hasn have haven having he her here hers herself him himself his how i if in into is isn ' +
    'it its itself just let ll me more most mustn my myself no nor not now of off on once only or other ought our ' +
    'ours ourselves out over own re s same shan she should shouldn so some such t than that the their theirs them ' +
    'themselves then there these they this those through to too under until up us ve very was wasn we were weren ' +
    'what when where which while who whom why will with won would wouldn you your yours yourself yourselves ' +
    'said says say told tell according also would could one two new will may might must shall get got ' +
    'mr mrs ms dr n t d m o y yes yet per via'
  ).split(' '),
);

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** Lower-cased word tokens, apostrophe suffixes dropped ("Trump's" → "trump"). */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(WORD)) {
    const w = m[0].replace(/['’].*$/u, '');
    if (w) out.push(w);
  }
  return out;
}

const stemCache = new Map<string, string>();

/** Porter stem of one lower-case word, memoised. */
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = stemmer(word);
    if (stemCache.size > 200_000) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

const contentCache = new Map<string, string[]>();

/** Stems of the content words of a text (stop words and 1-letter tokens dropped); memoised, do not mutate. */
export function contentStems(text: string): string[] {
  const cached = contentCache.get(text);
  if (cached) return cached;
  const out = computeContentStems(text);
  if (contentCache.size > 50_000) contentCache.clear();
  contentCache.set(text, out);
  return out;
}

function computeContentStems(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    if (w.length < 2 || STOP_WORDS.has(w)) continue;
    out.push(stem(w));
  }
  return out;
}

/** Number of whitespace-separated words holding a letter or digit, the unit of the word budget. */
export function wordCount(text: string): number {
  let n = 0;
  let counted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (c === 32 || (c >= 9 && c <= 13)) counted = false;
      else if (!counted && ((c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122))) {
        n++;
        counted = true;
      }
      continue;
    }
    const ch = text[i];
    if (SPACE.test(ch)) counted = false;
    else if (!counted && LETTER_OR_DIGIT.test(String.fromCodePoint(text.codePointAt(i)!))) {
      n++;
      counted = true;
    }
  }
  return n;
}

const SPACE = /\s/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

const SENTENCE_END = /(?<=[.!?…])["”’')\]]*\s+(?=["“‘([]?[\p{Lu}\p{N}])/u;

/** Splits a paragraph into sentences on terminal punctuation followed by a capital or digit. */
export function sentences(paragraph: string): string[] {
  return paragraph
    .split(SENTENCE_END)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
