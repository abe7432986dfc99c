// Renders a Briefing into Discord message payloads: embeds within every limit, sources linked, text made inert.
import type {
  APIActionRowComponent,
  APIAllowedMentions,
  APIButtonComponent,
  APIEmbed,
} from 'discord-api-types/v10';
import { ButtonStyle, ComponentType } from 'discord-api-types/v10';
import type { Briefing, BriefingItem } from '../../briefings/briefing.ts';
import { clip, escapeMarkdown, neutraliseMentions, safeLinkUrl, splitText } from './escape.ts';
import {
  CUSTOM_ID_MAX,
  EMBED_DESCRIPTION_MAX,
  EMBED_TITLE_MAX,
  MESSAGE_EMBEDS_MAX,
  MESSAGE_EMBEDS_TOTAL_MAX,
} from './limits.ts';

/** One message as sent to Discord (compatible with RESTPostAPIChannelMessageJSONBody and interaction responses). */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components?: Array<APIActionRowComponent<APIButtonComponent>>;
  allowed_mentions: APIAllowedMentions;
}

export interface RenderDiscordOptions {
  /** Embed colour; defaults to a colour per briefing kind. */
  color?: number;
  /** Adds Previous / Next buttons (custom ids carry this key) when the briefing needs more than one message. */
  paginate?: { key: string };
}

/** Mentions are never parsed from what we send: article text cannot ping anyone. */
export const NO_MENTIONS: APIAllowedMentions = Object.freeze({ parse: [] }) as APIAllowedMentions;

/** Prefix of pagination button ids: `news:page:<key>:<p|n>:<page index>`. */
export const PAGE_ID_PREFIX = 'news:page:';

/** Longest rendered block (one bullet or one piece of a long bullet); leaves room for joins within a description. */
const BLOCK_MAX = 3900;
/** Footer text is capped well below Discord's 2048 so that a full description always fits beside it. */
const FOOTER_MAX = 1024;
/** Room kept in each footer for " · Page 12/34". */
const PAGE_MARKER_RESERVE = 24;
/** Items whose text is longer than this link a trailing "source" rather than the whole text. */
const LINKED_TEXT_MAX = 300;
const SOURCES_IN_FOOTER = 6;

const KIND_COLORS: Record<Briefing['kind'], number> = {
  'key-points': 0x1d4ed8,
  lists: 0x0e7490,
  timeline: 0x7c3aed,
  quotes: 0xb45309,
  topic: 0x047857,
  search: 0x475569,
  digest: 0x1e40af,
  sources: 0x64748b,
  help: 0x64748b,
  subscriptions: 0x0f766e,
  alert: 0xb91c1c,
  message: 0x64748b,
};

/** Renders a briefing as one or more messages; nothing is dropped and every message is within Discord's limits. */
export function renderDiscordMessages(briefing: Briefing, opts: RenderDiscordOptions = {}): DiscordMessage[] {
  const color = opts.color ?? KIND_COLORS[briefing.kind] ?? 0x64748b;
  const title = clip(
    escapeMarkdown(briefing.title.replace(/\s+/g, ' ').trim() || 'Briefing'),
    EMBED_TITLE_MAX,
  );
  const footerBase = footerText(briefing);
  const timestamp = briefingTimestamp(briefing);
  const blocks = briefingBlocks(briefing);
  const pages = packBlocks(blocks, title, footerBase);

  return pages.map((embedsText, pageIndex) => {
    const pageTitle = pageIndex === 0 ? title : clip(`${title} (continued)`, EMBED_TITLE_MAX);
    const marker = pages.length > 1 ? `Page ${pageIndex + 1}/${pages.length}` : '';
    const footer = [footerBase, marker].filter(Boolean).join(' · ');
    const embeds: APIEmbed[] = embedsText.map((description, i) => {
      const embed: APIEmbed = { color, description };
      if (i === 0) embed.title = pageTitle;
      if (i === embedsText.length - 1) {
        if (footer) embed.footer = { text: footer };
        if (timestamp) embed.timestamp = timestamp;
      }
      return embed;
    });
    const message: DiscordMessage = { embeds, allowed_mentions: { parse: [] } };
    if (opts.paginate && pages.length > 1)
      message.components = [pageButtons(opts.paginate.key, pageIndex, pages.length)];
    return message;
  });
}

/** Parses a pagination button id back into its key and target page. */
export function parsePageId(customId: string): { key: string; page: number } | null {
  const m = /^news:page:([A-Za-z0-9_-]+):[pn]:(\d{1,4})$/.exec(customId);
  return m ? { key: m[1], page: Number(m[2]) } : null;
}

function pageButtons(key: string, page: number, total: number): APIActionRowComponent<APIButtonComponent> {
  const id = (suffix: string) => `${PAGE_ID_PREFIX}${key}:${suffix}`.slice(0, CUSTOM_ID_MAX);
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: 'Previous',
        custom_id: id(`p:${Math.max(0, page - 1)}`),
        disabled: page === 0,
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: `${page + 1} / ${total}`,
        custom_id: id('x:0'),
        disabled: true,
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Primary,
        label: 'Next',
        custom_id: id(`n:${Math.min(total - 1, page + 1)}`),
        disabled: page === total - 1,
      },
    ],
  };
}

/** The description blocks: subtitle, then per section a bold heading and one block per bullet (long ones split). */
function briefingBlocks(briefing: Briefing): string[] {
  const blocks: string[] = [];
  const subtitle = briefing.subtitle.trim();
  if (subtitle) for (const piece of splitText(escapeMarkdown(subtitle), BLOCK_MAX)) blocks.push(piece);
  const style = { shortTimes: windowHours(briefing) <= 24, nameArticles: citedArticles(briefing) > 1 };
  for (const section of briefing.sections) {
    if (section.items.length === 0) continue;
    const heading = section.heading.trim();
    if (heading) blocks.push(`\n**${clip(escapeMarkdown(heading), 250)}**`);
    for (const item of section.items) blocks.push(...itemBlocks(item, style));
  }
  if (blocks.length === 0) blocks.push('Nothing to show.');
  return blocks;
}

/** How many distinct articles the items cite: with one, the footer names it and bullets need not repeat it. */
function citedArticles(briefing: Briefing): number {
  const titles = new Set<string>();
  for (const section of briefing.sections)
    for (const item of section.items) if (item.citation?.articleTitle) titles.add(item.citation.articleTitle);
  return titles.size;
}

interface ItemStyle {
  /** Times as hours only (the window is a day or less). */
  shortTimes: boolean;
  /** Name the cited article on unlinked bullets (the briefing cites several). */
  nameArticles: boolean;
}

function itemBlocks(item: BriefingItem, { shortTimes, nameArticles }: ItemStyle): string[] {
  const text = escapeMarkdown(item.text.trim().replace(/\s*\n\s*/g, ' '));
  const url = safeLinkUrl(item.citation?.url);
  const meta: string[] = [];
  if (item.citation && !url && nameArticles && item.citation.articleTitle)
    meta.push(`_${clip(escapeMarkdown(item.citation.articleTitle), 120)}_`);
  const time = discordTimestamp(item.citation?.time ?? null, shortTimes ? 't' : 'f');
  if (time) meta.push(time);
  const detail = item.detail?.trim()
    ? `\n> ${escapeMarkdown(item.detail.trim()).replace(/\n/g, '\n> ')}`
    : '';

  if (url && text.length <= LINKED_TEXT_MAX) {
    const suffix = meta.length ? ` · ${meta.join(' · ')}` : '';
    return fitBlock(`• [${text}](${url})${suffix}`, detail);
  }
  if (url) meta.unshift(`[source](${url})`);
  const suffix = meta.length ? ` · ${meta.join(' · ')}` : '';
  const single = `• ${text}${suffix}`;
  if (single.length <= BLOCK_MAX) return fitBlock(single, detail);
  // A bullet longer than one description: continued over several blocks, each marked, suffix on the last.
  const pieces = splitText(text, BLOCK_MAX - 200);
  const out = pieces.map((piece, i) => {
    const head = i === 0 ? '• ' : '  …';
    const tail = i === pieces.length - 1 ? suffix : ' …';
    return `${head}${piece}${tail}`;
  });
  return [...out.slice(0, -1), ...fitBlock(out[out.length - 1], detail)];
}

/** Attaches the detail lines to a bullet, splitting them off (and splitting them up) when they do not fit. */
function fitBlock(line: string, detail: string): string[] {
  if (!detail) return [line];
  if (line.length + detail.length <= BLOCK_MAX) return [line + detail];
  return [line, ...splitText(detail.trimStart(), BLOCK_MAX).map((p) => (p.startsWith('>') ? p : `> ${p}`))];
}

/** Packs blocks into pages (messages) of embed descriptions, within the description and per-message totals. */
function packBlocks(blocks: string[], title: string, footerBase: string): string[][] {
  const continuedTitle = clip(`${title} (continued)`, EMBED_TITLE_MAX).length;
  const overhead = (first: boolean) =>
    (first ? title.length : continuedTitle) + footerBase.length + PAGE_MARKER_RESERVE + 3;
  const pages: string[][] = [];
  let embeds: string[] = [];
  let current = '';
  let used = 0;
  let budget = MESSAGE_EMBEDS_TOTAL_MAX - overhead(true);
  const closeEmbed = () => {
    if (current) embeds.push(current);
    current = '';
  };
  const closePage = () => {
    closeEmbed();
    if (embeds.length) pages.push(embeds);
    embeds = [];
    used = 0;
    budget = MESSAGE_EMBEDS_TOTAL_MAX - overhead(false);
  };
  for (const raw of blocks) {
    const block = current ? raw : raw.replace(/^\n+/, '');
    const joined = current ? `${current}\n${block}` : block;
    if (joined.length <= EMBED_DESCRIPTION_MAX && used + (joined.length - current.length) <= budget) {
      used += joined.length - current.length;
      current = joined;
      continue;
    }
    const fresh = raw.replace(/^\n+/, '');
    if (embeds.length + 1 < MESSAGE_EMBEDS_MAX && used + fresh.length <= budget) {
      closeEmbed();
      current = fresh;
      used += fresh.length;
      continue;
    }
    closePage();
    current = fresh;
    used = fresh.length;
  }
  closePage();
  return pages;
}

function footerText(briefing: Briefing): string {
  const parts: string[] = [];
  if (briefing.late) parts.push('Sent late');
  const window = formatWindow(briefing.window?.from ?? null, briefing.window?.to ?? null);
  if (window) parts.push(`Coverage: ${window}`);
  const sources = [...new Set((briefing.sources ?? []).map((s) => s.trim()).filter(Boolean))];
  if (sources.length) {
    const shown = sources.slice(0, SOURCES_IN_FOOTER).map((s) => clip(s, 90));
    const more = sources.length - shown.length;
    parts.push(`Sources: ${shown.join('; ')}${more > 0 ? ` (+${more} more)` : ''}`);
  }
  return clip(neutraliseMentions(parts.join(' · ')), FOOTER_MAX);
}

function formatWindow(from: string | null, to: string | null): string {
  const f = formatInstant(from);
  const t = formatInstant(to);
  if (f && t) return `${f} – ${t} UTC`;
  if (f) return `from ${f} UTC`;
  if (t) return `until ${t} UTC`;
  return '';
}

function formatInstant(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const date = d.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const time = d.toISOString().slice(11, 16);
  return `${date} ${time}`;
}

function windowHours(briefing: Briefing): number {
  const from = Date.parse(briefing.window?.from ?? '');
  const to = Date.parse(briefing.window?.to ?? '');
  if (Number.isNaN(from) || Number.isNaN(to)) return Number.POSITIVE_INFINITY;
  return (to - from) / 3_600_000;
}

/** Discord's `<t:unix:style>`: shown in each reader's own time zone. */
function discordTimestamp(iso: string | null, style: 't' | 'f'): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? '' : `<t:${Math.floor(ms / 1000)}:${style}>`;
}

/** The embed timestamp: the newest cited time, else the end of the window. */
function briefingTimestamp(briefing: Briefing): string | undefined {
  let newest = Number.NEGATIVE_INFINITY;
  for (const section of briefing.sections)
    for (const item of section.items) {
      const ms = Date.parse(item.citation?.time ?? '');
      if (!Number.isNaN(ms) && ms > newest) newest = ms;
    }
  if (newest === Number.NEGATIVE_INFINITY) newest = Date.parse(briefing.window?.to ?? '');
  return Number.isNaN(newest) || !Number.isFinite(newest) ? undefined : new Date(newest).toISOString();
}
