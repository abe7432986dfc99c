// Light word matching for briefings: content words, overlap scores, snippets. Language-agnostic beyond English stop words.

const STOP = new Set(
  (
    'a an and are as at be been but by for from had has have he her his i in into is it its of on or our she ' +
    'that the their them they this to was we were what when which who will with would you your not no so than ' +
    'then there these those up out about after over says said say mr mrs ms'
  ).split(' '),
);

const WORD = /[\p{L}\p{N}]+/gu;

/** Lower-case content words (stop words and 1-letter tokens dropped), with a crude plural fold. */
export function contentWords(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(WORD)) {
    const w = m[0];
    if (w.length < 2 || STOP.has(w)) continue;
    out.push(fold(w));
  }
  return out;
}

function fold(w: string): string {
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

/** Share of `needle`'s distinct content words found in `hay` (0..1). */
export function coverage(needle: readonly string[], hay: ReadonlySet<string>): number {
  const distinct = new Set(needle);
  if (distinct.size === 0) return 0;
  let hit = 0;
  for (const w of distinct) if (hay.has(w)) hit++;
  return hit / distinct.size;
}

/** The first paragraph sentence window that contains most query words, trimmed to `max` characters. */
export function snippet(paragraphs: readonly string[], query: string, max = 220): string {
  const q = new Set(contentWords(query));
  let best = '';
  let bestScore = -1;
  for (const p of paragraphs) {
    const score = coverage([...q], new Set(contentWords(p)));
    if (score > bestScore) {
      best = p;
      bestScore = score;
    }
  }
  return truncate(best, max);
}

/** Cuts text at a word boundary and adds an ellipsis when longer than max. */
export function truncate(text: string, max: number): string {
  const t = text.replace(/\s+/gu, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/u, '')}…`;
}
