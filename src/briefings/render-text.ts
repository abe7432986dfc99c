// Plain-text / markdown rendering of a Briefing for the console and the CLI: numbered or bulleted items with citation lines.
import type { Briefing, BriefingItem, Citation } from './briefing.ts';
import { formatInstant } from './time.ts';

/** Kinds whose items read as a ranked or enumerated list, so they are numbered. */
const NUMBERED = new Set<Briefing['kind']>(['key-points', 'lists', 'search']);

export interface RenderTextOptions {
  /** Show the article link in citation lines (default true). */
  links?: boolean;
}

/** The citation line: time (story zone), author, article title and link. */
export function citationLine(citation: Citation, timezone: string, opts: RenderTextOptions = {}): string {
  const parts: string[] = [];
  if (citation.time) parts.push(formatInstant(citation.time, timezone));
  if (citation.author) parts.push(citation.author);
  parts.push(`“${citation.articleTitle}”`);
  const link = opts.links !== false && citation.url ? ` <${citation.url}>` : '';
  return `${parts.join(' · ')}${link}`;
}

function renderItem(item: BriefingItem, marker: string, timezone: string, opts: RenderTextOptions): string[] {
  const pad = ' '.repeat(marker.length + 1);
  const lines = [`${marker} ${oneLine(item.text)}`];
  if (item.detail) for (const d of item.detail.split('\n')) if (d.trim()) lines.push(`${pad}${d.trim()}`);
  if (item.citation) lines.push(`${pad}— ${citationLine(item.citation, timezone, opts)}`);
  return lines;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/gu, ' ').trim();
}

/** Renders the briefing as markdown-flavoured text that also reads well unformatted. */
export function renderText(briefing: Briefing, opts: RenderTextOptions = {}): string {
  const tz = briefing.timezone ?? 'UTC';
  const out: string[] = [`# ${briefing.title}${briefing.late ? ' (late)' : ''}`];
  if (briefing.subtitle) out.push(briefing.subtitle);
  const numbered = NUMBERED.has(briefing.kind);
  for (const section of briefing.sections) {
    out.push('', `## ${section.heading}`);
    section.items.forEach((item, i) => {
      out.push(...renderItem(item, numbered ? `${i + 1}.` : '•', tz, opts));
    });
    if (section.items.length === 0) out.push('(nothing)');
  }
  return `${out.join('\n')}\n`;
}
