// Makes source text inert in Discord: markdown escaped, mentions and timestamps shown literally, links sanitised.

const ZWSP = '\u200b';
/** Characters that start or end Discord markdown anywhere in a line (masked links, mentions, spoilers, code). */
const INLINE = /[\\*_~`|<>[\]]/g;
/** Constructs that only mean something at the start of a line: headings, subtext, lists, block quotes. */
const LINE_START = /^(\s*)(#|-|\+|>|\d+\.)/gm;

/** Escapes markdown and neutralises @everyone / @here and user, role, channel mentions in text meant for a description. */
export function escapeMarkdown(text: string): string {
  return neutraliseMentions(text.replace(INLINE, '\\$&').replace(LINE_START, '$1\\$2'));
}

/** Plain-text fields (footers, button labels, choice names) render no markdown; only mass mentions need breaking. */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, `@${ZWSP}$1`);
}

/** A URL safe inside a masked link `[text](url)`, or null when it is not http(s). */
export function safeLinkUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.href.length > 1000) return null;
  // `@` after the host cannot be a mention, but encoding it keeps mention-looking text out of messages entirely.
  const tail = `${parsed.pathname}${parsed.search}${parsed.hash}`.replace(/@/g, '%40');
  const href = `${parsed.protocol}//${parsed.host}${tail}`;
  return href.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/ /g, '%20');
}

/** Cuts text to at most max characters, marking the cut with an ellipsis; never ends inside an escape sequence. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  cut = dropDanglingBackslash(cut);
  return `${cut}…`;
}

/** Removes a trailing unpaired backslash (an escape whose escaped character was cut off). */
export function dropDanglingBackslash(text: string): string {
  const run = /\\+$/.exec(text)?.[0].length ?? 0;
  return run % 2 === 1 ? text.slice(0, -1) : text;
}

/** Splits text into pieces of at most max characters, preferring whitespace, never splitting an escape sequence. */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf(' ', max);
    if (cut < max / 2) cut = max;
    let piece = rest.slice(0, cut);
    const trimmed = dropDanglingBackslash(piece);
    if (trimmed.length !== piece.length) {
      piece = trimmed;
      cut = trimmed.length;
    }
    pieces.push(piece.trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}
