// Headline-style compression of an entry's key sentence: its main clause, without lead-ins, asides and attribution tails.

/** How short the compressed bullet should be. */
export interface CompressOptions {
  /** A clause boundary is only cut at once the kept part has at least this many words. */
  minWords: number;
  /** Hard cap on the bullet's words; longer text is cut at a word boundary and marked with an ellipsis. */
  maxWords: number;
}

const LEAD_IN = new RegExp(
  '^(?:' +
    [
      '(?:and|but|so|also|meanwhile|however|separately|elsewhere|finally|overall|now|still|indeed|in (?:other|related) news|breaking(?: news)?|update|just in|to recap|in short|as expected|in a (?:statement|tweet|post|letter|speech|briefing|interview)[^,]{0,40})\\s*[,:–—-]?',
      '(?:earlier|later|today|tonight|yesterday|last night|this (?:morning|afternoon|evening|week)|(?:on|by|at|since|from) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:earlier|later) (?:today|this \\w+|on))[^,]{0,30}\\s*,',
      '(?:as (?:we|i) (?:reported|mentioned|noted|said)(?: earlier)?|as (?:expected|reported))[^,]{0,30}\\s*,',
      '(?:speaking|writing|asked) (?:to|on|in|at|about)[^,]{0,50}\\s*,',
      '(?:according to|in the words of) [^,]{1,50}\\s*,',
      "(?:here's|here is|here are|this is) (?:what|how|why|the latest)[^:]{0,40}:",
    ].join('|') +
    ')(?![\\p{L}\\p{N}])\\s*',
  'iu',
);

/** A leading subordinate clause before the main one ("Despite worries about growth, shares held up …"). */
const LEADING_CLAUSE =
  /^(?:despite|although|though|while|whilst|with|as|after|before|following|amid|because|if|when|since|once|unless|given|having|in (?:a|an|the|his|her|their) (?:move|bid|sign|letter|statement|speech|interview)\b)[^,;:]{3,90}(?<!\d),(?!\d)\s*/iu;

/** "Name, appositive, verb …" → "Name verb …" (the appositive would otherwise be all a clause cut keeps). */
const APPOSITIVE =
  /^([^,;:]{2,40}?)\s*,\s*[^,;:]{2,70}?\s*,\s*(?=(?:is|are|was|were|has|have|had|said|says|told|added|adds|warned|warns|will|would|can|could|may|might|insists?|claims?|believes?|thinks?|argues?|reckons?|\p{L}+ed)\b)/iu;

/** "Someone said: what they said" → what they said (a colon-introduced statement is the news). */
const SAID_COLON =
  /^[^:]{3,90}?\b(?:said|says|told [^:]{1,40}|added|adds|writes|wrote|tweeted|warned|warns|explained|explains|noted|notes|reports|reported|commented|argues|argued)\s*:\s*/iu;

/** Attribution and time tails that a headline leaves out ("…, he said.", "…, according to Reuters."). */
const TAIL = [
  /\s*,\s*(?:he|she|they|it|we|i|the [\p{L}\s]{1,30}|[\p{Lu}][\p{L}'’.-]*(?:\s+[\p{Lu}][\p{L}'’.-]*){0,3})\s+(?:said|says|added|adds|told [\p{L}\s]{1,30}|wrote|writes|tweeted|reported|reports|warned|warns|claimed|claims)(?:\s+(?:on|in|at|this|last|earlier)\b[^,.]{0,30})?\s*[.!]?$/iu,
  /\s*,?\s*according to [^,.]{1,60}[.!]?$/iu,
  /\s*,?\s*(?:on|this|last|earlier on|late on|early on) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|afternoon|evening|night|week)\s*[.!]?$/iu,
];

/** Clause boundaries where a headline can stop: punctuation and subordinating words. */
const BOUNDARY =
  /\s*(?:(?<!\d)[,;:](?!\d)|\s[–—-]\s)\s*|\s+(?=(?:which|who|whom|whose|while|whilst|although|though|because|after|before|since|as|amid|despite|following|but|with|where|when|until|unless|including)\s)/giu;

const TRAILING_FILLER =
  /(?:\s+(?:and|or|but|of|the|a|an|to|in|on|at|for|with|by|from|as|that|which|who|is|are|was|were|has|have|had|be|its|their|his|her|this|these|those|than|into|about|over|after|before|while))+$/iu;

function countWords(s: string): number {
  let n = 0;
  for (const w of s.split(/\s+/u)) if (/[\p{L}\p{N}]/u.test(w)) n++;
  return n;
}

function stripAsides(s: string): string {
  return s
    .replace(/\s*\([^()]{0,120}\)/gu, '')
    .replace(/\s*\[[^[\]]{0,120}\]/gu, '')
    .replace(/\s*[–—]\s[^–—]{1,80}\s[–—](?=\s)/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

function capitalise(s: string, like: string): string {
  // Only restore a capital when the source text uses them (the benchmark corpus is lower-cased).
  if (!/\p{Lu}/u.test(like)) return s;
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The main clause of a sentence as a short, headline-like bullet. */
export function compressSentence(sentence: string, opts: CompressOptions): string {
  const original = sentence.trim();
  let s = stripAsides(original);
  for (let k = 0; k < 3; k++) {
    const next = s.replace(LEAD_IN, '');
    if (next === s || countWords(next) < opts.minWords) break;
    s = next;
  }
  const main = s.replace(LEADING_CLAUSE, '');
  if (main !== s && countWords(main) >= opts.minWords) s = main;
  const statement = s.replace(SAID_COLON, '');
  if (statement !== s && countWords(statement) >= opts.minWords) s = statement;
  const named = s.replace(APPOSITIVE, '$1 ');
  if (named !== s && countWords(named) >= opts.minWords) s = named;
  for (const re of TAIL) {
    const next = s.replace(re, '');
    if (next !== s && countWords(next) >= opts.minWords) s = next;
  }
  s = s.replace(/\s*[.!]+\s*$/u, '').trim();
  // Cut at the first clause boundary past minWords, when the rest would push the bullet past maxWords.
  if (countWords(s) > opts.minWords) {
    BOUNDARY.lastIndex = 0;
    for (const m of s.matchAll(BOUNDARY)) {
      const head = s.slice(0, m.index);
      const n = countWords(head);
      if (n >= opts.minWords) {
        if (countWords(s) > opts.maxWords || /[,;:–—]/u.test(m[0])) s = head;
        break;
      }
    }
  }
  const words = s.split(/\s+/u);
  if (countWords(s) > opts.maxWords) {
    const kept: string[] = [];
    let n = 0;
    for (const w of words) {
      if (n >= opts.maxWords) break;
      kept.push(w);
      if (/[\p{L}\p{N}]/u.test(w)) n++;
    }
    s = `${kept
      .join(' ')
      .replace(TRAILING_FILLER, '')
      .replace(/[\s,;:–—-]+$/u, '')}…`;
  } else {
    s = s.replace(TRAILING_FILLER, '').replace(/[\s,;:–—-]+$/u, '');
  }
  if (countWords(s) < Math.min(3, opts.minWords)) return original;
  return capitalise(s, original.charAt(0));
}
