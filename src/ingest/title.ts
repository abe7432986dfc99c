// Derives a title from the lede when the text has none: its first sentence, cut at a word boundary.
const MAX_TITLE = 120;

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATION =
  /(?:\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Prof|Rev|Jr|Sr|No|vs|etc|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)|\b[A-Z](?:\.[A-Z])*)\.$/;

/** The first sentence of a paragraph. */
export function firstSentence(paragraph: string): string {
  const re = /[.!?…]["'”’)]*\s+(?=["'“‘(]?[\p{Lu}\d])/gu;
  for (let m = re.exec(paragraph); m !== null; m = re.exec(paragraph)) {
    const candidate = paragraph.slice(0, m.index + 1);
    if (!ABBREVIATION.test(candidate)) return paragraph.slice(0, m.index + m[0].trimEnd().length).trim();
  }
  return paragraph.trim();
}

/** A title made from a lede paragraph: first sentence without its full stop, at most 120 characters. */
export function deriveTitle(paragraph: string): string {
  let title = firstSentence(paragraph)
    .replace(/[.…]+$/, '')
    .trim();
  if (title.length > MAX_TITLE) {
    const cut = title.slice(0, MAX_TITLE);
    const space = cut.lastIndexOf(' ');
    title = `${(space > 40 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/, '')}…`;
  }
  return title;
}
