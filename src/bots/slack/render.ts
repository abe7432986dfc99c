// Renders a neutral Briefing into Slack Block Kit messages within Slack's limits, splitting long ones.
import type { ContextBlock, KnownBlock, MrkdwnElement, SectionBlock } from '@slack/web-api';
import type { Briefing, BriefingItem, Citation } from '../../briefings/briefing.ts';
import {
  escapeSlackText,
  formatTime,
  shortenEscaped,
  slackLink,
  slackTime,
  splitForSlack,
} from './escape.ts';
import {
  CONTEXT_ELEMENT_TEXT_MAX,
  CONTEXT_ELEMENTS_MAX,
  FALLBACK_TEXT_MAX,
  HEADER_TEXT_MAX,
  MESSAGE_BLOCKS_CHARS_MAX,
  MESSAGE_BLOCKS_MAX,
  SECTION_TEXT_MAX,
} from './limits.ts';

/** One Slack message: the plain-text fallback (notifications, screen readers) and its Block Kit blocks. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/** How to render. */
export interface RenderSlackOptions {
  /** `rich`: one section + context line per item; `compact`: bullets packed into sections; `auto` (default) picks. */
  layout?: 'auto' | 'rich' | 'compact';
  /** Show times with Slack's `<!date>` so each reader sees their own time zone (default true); else UTC text. */
  localTimes?: boolean;
  /** Where the parts after the first go: a thread under the first (default) or plain follow-up messages. */
  continuation?: 'thread' | 'messages';
}

/** Briefings with at most this many items use the rich layout under `auto`. */
export const RICH_LAYOUT_ITEMS_MAX = 12;

// Room kept in every message for the "part i of n" context lines added after packing.
const RESERVED_BLOCKS = 2;
const RESERVED_CHARS = 1200;
const PACK_BLOCKS = MESSAGE_BLOCKS_MAX - RESERVED_BLOCKS;
const PACK_CHARS = MESSAGE_BLOCKS_CHARS_MAX - RESERVED_CHARS;
// Lines inside a compact section are kept well under the section limit so a heading still fits beside them.
const LINE_MAX = SECTION_TEXT_MAX - 400;
const CITATION_TITLE_MAX = 200;
const CITATION_AUTHOR_MAX = 100;
const INDENT = '      ';

/** How times are shown: Slack local-time stamps or not, and the zone of their fallback text. */
interface TimeStyle {
  localTimes: boolean;
  zone?: string | null;
}

/** A run of blocks that must stay in one message; plain is its share of the fallback text. */
interface Unit {
  blocks: KnownBlock[];
  plain: string;
  /** A heading: moved to the next message rather than left dangling at the end of one. */
  keepWithNext?: boolean;
}

/** Characters a message's blocks count for against MESSAGE_BLOCKS_CHARS_MAX (their JSON length). */
export function blocksCharacters(blocks: KnownBlock[]): number {
  return JSON.stringify(blocks).length;
}

const mrkdwn = (text: string): MrkdwnElement => ({ type: 'mrkdwn', text, verbatim: true });
const section = (text: string): SectionBlock => ({ type: 'section', text: mrkdwn(text) });
const divider = (): KnownBlock => ({ type: 'divider' });

function contextBlocks(elements: string[]): ContextBlock[] {
  const blocks: ContextBlock[] = [];
  for (let i = 0; i < elements.length; i += CONTEXT_ELEMENTS_MAX) {
    blocks.push({ type: 'context', elements: elements.slice(i, i + CONTEXT_ELEMENTS_MAX).map(mrkdwn) });
  }
  return blocks;
}

/** Escaped pieces of raw text, each at most max characters, wrapped in a mrkdwn style marker when given. */
function escapedPieces(raw: string, max: number, wrap = ''): string[] {
  return splitForSlack(raw, max - 2 * wrap.length).map((p) => `${wrap}${escapeSlackText(p)}${wrap}`);
}

function citationParts(c: Citation, style: TimeStyle): string[] {
  const parts: string[] = [];
  const title = c.articleTitle.trim() || 'source';
  parts.push(slackLink(c.url, shortenEscaped(title, CITATION_TITLE_MAX)));
  const time = slackTime(c.time, style.localTimes, style.zone);
  if (time) parts.push(time);
  if (c.author?.trim()) parts.push(shortenEscaped(c.author.trim(), CITATION_AUTHOR_MAX));
  return parts;
}

function citationPlain(c: Citation, zone?: string | null): string {
  return [c.articleTitle, formatTime(c.time, zone), c.author].filter(Boolean).join(', ');
}

function itemPlain(item: BriefingItem, zone?: string | null): string {
  const cite = item.citation ? ` (${citationPlain(item.citation, zone)})` : '';
  return `• ${item.text}${item.detail ? ` — ${item.detail}` : ''}${cite}`;
}

/** The lines of one compact bullet: text pieces, detail pieces, then the citation line. */
function compactLines(item: BriefingItem, style: TimeStyle): string[] {
  const lines = escapedPieces(item.text || '—', LINE_MAX - 2).map((p, i) =>
    i === 0 ? `• ${p}` : `${INDENT}${p}`,
  );
  if (item.detail?.trim())
    lines.push(...escapedPieces(item.detail, LINE_MAX - INDENT.length).map((p) => INDENT + p));
  if (item.citation) lines.push(INDENT + citationParts(item.citation, style).join(' · '));
  return lines;
}

/** Packs lines into section texts of at most SECTION_TEXT_MAX characters, in order. */
function packLines(lines: string[]): string[] {
  const texts: string[] = [];
  let current = '';
  for (const line of lines) {
    const next = current ? `${current}\n${line}` : line;
    if (next.length > SECTION_TEXT_MAX && current) {
      texts.push(current);
      current = line;
    } else {
      current = next;
    }
  }
  if (current) texts.push(current);
  return texts;
}

function headingLines(heading: string): string[] {
  return heading.trim() ? escapedPieces(heading.trim(), LINE_MAX, '*') : [];
}

function compactSectionUnits(heading: string, items: BriefingItem[], style: TimeStyle): Unit[] {
  const lines = headingLines(heading);
  const plains = [heading];
  if (items.length === 0) lines.push('_Nothing here._');
  for (const item of items) {
    lines.push(...compactLines(item, style));
    plains.push(itemPlain(item, style.zone));
  }
  // Each section block is its own unit; the fallback text of the section goes with the first.
  return packLines(lines).map((text, i) => ({
    blocks: [section(text)],
    plain: i === 0 ? plains.join('\n') : '',
  }));
}

/** `_` to set a detail line in italics, unless its own characters would break the markup. */
function italicMarker(text: string): string {
  return /[_*~`]/.test(text) ? '' : '_';
}

function richSectionUnits(heading: string, items: BriefingItem[], style: TimeStyle): Unit[] {
  const units: Unit[] = headingLines(heading).map((h) => ({
    blocks: [section(h)],
    plain: heading,
    keepWithNext: true,
  }));
  if (items.length === 0) units.push({ blocks: [section('_Nothing here._')], plain: '' });
  for (const item of items) {
    const texts = packLines([
      ...escapedPieces(item.text || '—', SECTION_TEXT_MAX - 2).map((p, i) => (i === 0 ? `• ${p}` : p)),
      ...(item.detail?.trim() ? escapedPieces(item.detail, SECTION_TEXT_MAX, italicMarker(item.detail)) : []),
    ]);
    const ctx = item.citation ? contextBlocks(citationParts(item.citation, style)) : [];
    texts.forEach((text, i) => {
      const last = i === texts.length - 1;
      units.push({
        blocks: last ? [section(text), ...ctx] : [section(text)],
        plain: i === 0 ? itemPlain(item, style.zone) : '',
      });
    });
  }
  return units;
}

function introUnits(briefing: Briefing, style: TimeStyle): Unit[] {
  const title = briefing.title.trim() || 'Briefing';
  const header = shortenEscaped(title, HEADER_TEXT_MAX);
  const units: Unit[] = [
    {
      blocks: [{ type: 'header', text: { type: 'plain_text', text: header } }],
      plain: '',
      keepWithNext: true,
    },
  ];
  // A title too long for the header is shown whole right under it: nothing is cut silently.
  if (header !== escapeSlackText(title)) {
    for (const piece of escapedPieces(title, SECTION_TEXT_MAX, '*')) {
      units.push({ blocks: [section(piece)], plain: '', keepWithNext: true });
    }
  }
  const ctx: string[] = [];
  const subtitle = briefing.subtitle.trim();
  if (subtitle && escapeSlackText(subtitle).length <= CONTEXT_ELEMENT_TEXT_MAX)
    ctx.push(escapeSlackText(subtitle));
  else if (subtitle) {
    for (const piece of escapedPieces(subtitle, SECTION_TEXT_MAX))
      units.push({ blocks: [section(piece)], plain: '' });
  }
  const from = slackTime(briefing.window?.from, style.localTimes, style.zone);
  const to = slackTime(briefing.window?.to, style.localTimes, style.zone);
  if (from || to) ctx.push(`Coverage: ${from ?? '…'} – ${to ?? 'now'}`);
  if (briefing.late) ctx.push(':hourglass: Sent late');
  if (ctx.length > 0) units.push({ blocks: contextBlocks(ctx), plain: subtitle });
  units.push({ blocks: [divider()], plain: '' });
  return units;
}

function footerUnits(briefing: Briefing): Unit[] {
  const sources = (briefing.sources ?? []).map((s) => s.trim()).filter(Boolean);
  if (sources.length === 0) return [];
  const elements = packContextElements(sources.map((s) => shortenEscaped(s, CITATION_TITLE_MAX)));
  elements[0] = `Sources: ${elements[0]}`;
  // One element per context block keeps each block far below the message's total size budget.
  return elements.map((e) => ({ blocks: contextBlocks([e]), plain: '' }));
}

function packContextElements(parts: string[]): string[] {
  const out: string[] = [];
  let current = '';
  for (const part of parts) {
    const next = current ? `${current} · ${part}` : part;
    if (next.length > CONTEXT_ELEMENT_TEXT_MAX - 20 && current) {
      out.push(current);
      current = part;
    } else current = next;
  }
  if (current) out.push(current);
  return out;
}

function countItems(briefing: Briefing): number {
  return briefing.sections.reduce((n, s) => n + s.items.length, 0);
}

/** Greedy packing of units into messages within the block-count and total-size budgets. */
function packUnits(units: Unit[]): Unit[][] {
  const messages: Unit[][] = [];
  let current: Unit[] = [];
  let blocks = 0;
  let chars = 2;
  for (const unit of units) {
    const unitChars = blocksCharacters(unit.blocks) - 1;
    if (current.length > 0 && (blocks + unit.blocks.length > PACK_BLOCKS || chars + unitChars > PACK_CHARS)) {
      // Carry trailing headings over so a heading is never the last thing in a message.
      const carried: Unit[] = [];
      while (current.length > 1 && current[current.length - 1].keepWithNext) carried.unshift(current.pop()!);
      messages.push(current);
      current = carried;
      blocks = carried.reduce((n, u) => n + u.blocks.length, 0);
      chars = 2 + carried.reduce((n, u) => n + blocksCharacters(u.blocks) - 1, 0);
    }
    current.push(unit);
    blocks += unit.blocks.length;
    chars += unitChars;
  }
  if (current.length > 0) messages.push(current);
  return messages;
}

function fallbackText(title: string, part: string, plains: string[]): string {
  const whole = [`${title}${part}`, ...plains.filter(Boolean)].join('\n');
  const escaped = escapeSlackText(whole);
  return escaped.length <= FALLBACK_TEXT_MAX ? escaped : shortenEscaped(whole, FALLBACK_TEXT_MAX);
}

/**
 * Renders a briefing as one or more Slack messages. Every message keeps within MESSAGE_BLOCKS_MAX blocks and
 * MESSAGE_BLOCKS_CHARS_MAX characters of blocks; a briefing too long for one is split, each part saying so.
 * All source text is escaped; every message carries a plain-text fallback.
 */
export function renderSlackMessages(briefing: Briefing, opts: RenderSlackOptions = {}): SlackMessage[] {
  const style: TimeStyle = { localTimes: opts.localTimes ?? true, zone: briefing.timezone };
  const layout =
    opts.layout && opts.layout !== 'auto'
      ? opts.layout
      : countItems(briefing) <= RICH_LAYOUT_ITEMS_MAX
        ? 'rich'
        : 'compact';
  const units = introUnits(briefing, style);
  briefing.sections.forEach((s, i) => {
    if (i > 0) units.push({ blocks: [divider()], plain: '' });
    units.push(
      ...(layout === 'rich'
        ? richSectionUnits(s.heading, s.items, style)
        : compactSectionUnits(s.heading, s.items, style)),
    );
  });
  if (briefing.sections.length === 0) units.push({ blocks: [section('_Nothing to show._')], plain: '' });
  units.push(...footerUnits(briefing));

  const parts = packUnits(units);
  const title = briefing.title.trim() || 'Briefing';
  const shortTitle = shortenEscaped(title, 120);
  const where = (opts.continuation ?? 'thread') === 'thread' ? 'in the thread' : 'below';
  return parts.map((part, i) => {
    const n = parts.length;
    const blocks = part.flatMap((u) => u.blocks);
    // Drop a divider left at either end of a part.
    while (blocks.length > 1 && blocks[blocks.length - 1].type === 'divider') blocks.pop();
    while (blocks.length > 1 && blocks[0].type === 'divider') blocks.shift();
    if (n > 1 && i > 0) blocks.unshift(contextBlocks([`*${shortTitle}* · part ${i + 1} of ${n}`])[0]);
    if (n > 1 && i < n - 1) blocks.push(contextBlocks([`Continued ${where} (part ${i + 1} of ${n})`])[0]);
    const label = n > 1 ? ` (part ${i + 1} of ${n})` : '';
    return {
      text: fallbackText(
        title,
        label,
        part.map((u) => u.plain),
      ),
      blocks,
    };
  });
}
