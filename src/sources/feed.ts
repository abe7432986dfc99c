// Parses RSS 2.0, RSS 1.0 (RDF) and Atom feeds into items (link, id, title, dates) with fast-xml-parser.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { fail, ok, type Result } from '../errors.ts';
import { parseInstant } from './instants.ts';

/** One item of a feed: its link is fetched as an article. */
export interface FeedItem {
  link: string;
  id: string;
  title: string | null;
  /** ISO 8601 UTC, when given. */
  published: string | null;
  /** The item's last update stamp as given (changes when the item is edited); '' when none. */
  updated: string;
}

export interface Feed {
  format: 'rss' | 'atom' | 'rdf';
  title: string | null;
  items: FeedItem[];
}

/** Whether a response is a feed rather than a page: by content type, else by its root element. */
export function looksLikeFeed(body: string, contentType: string): boolean {
  const type = contentType.toLowerCase();
  if (/html/.test(type)) return false;
  if (/(rss|atom)\+xml/.test(type)) return true;
  const head = body
    .slice(0, 2048)
    .replace(/^\uFEFF/, '')
    .replace(/<\?xml[^>]*\?>/, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<\?xml-stylesheet[^>]*\?>/g, '')
    .trimStart();
  return /^<(?:rss|feed|rdf:RDF)\b/i.test(head);
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
});

type Node = Record<string, unknown>;

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

function text(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return text(v[0]);
  if (v && typeof v === 'object') return text((v as Node)['#text']);
  return null;
}

function atomLink(v: unknown): string | null {
  const links = list(v).map((l) => (typeof l === 'string' ? { '@_href': l } : (l as Node)));
  const alternate =
    links.find((l) => !l['@_rel'] || l['@_rel'] === 'alternate') ?? links.find((l) => l['@_rel'] !== 'self');
  return text(alternate?.['@_href']);
}

function absolute(link: string | null, base: string): string | null {
  if (!link) return null;
  try {
    const u = new URL(link, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : null;
  } catch {
    return null;
  }
}

function item(raw: Node, base: string, format: Feed['format']): FeedItem | null {
  const link = absolute(
    format === 'atom'
      ? atomLink(raw.link)
      : (text(raw.link) ?? (text(raw.guid) && /^https?:/.test(text(raw.guid) ?? '') ? text(raw.guid) : null)),
    base,
  );
  if (!link) return null;
  const publishedText = text(raw.published) ?? text(raw.pubDate) ?? text(raw['dc:date']) ?? text(raw.updated);
  const updated =
    text(raw.updated) ?? text(raw['atom:updated']) ?? text(raw.pubDate) ?? text(raw['dc:date']) ?? '';
  return {
    link,
    id: text(raw.id) ?? text(raw.guid) ?? link,
    title: text(raw.title),
    published: parseInstant(publishedText),
    updated,
  };
}

/** Parses a feed; `base` resolves relative links. Fails (never throws) on what is not an RSS/Atom document. */
export function parseFeed(xml: string, base: string): Result<Feed> {
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch (err) {
    return fail('BAD_INPUT_FILE', `${base}: the feed is not well-formed XML (${(err as Error).message})`);
  }
  let format: Feed['format'];
  let title: string | null;
  let raws: unknown[];
  if (doc.rss && typeof doc.rss === 'object') {
    const channel = list((doc.rss as Node).channel)[0] as Node | undefined;
    format = 'rss';
    title = text(channel?.title);
    raws = list(channel?.item);
  } else if (doc.feed && typeof doc.feed === 'object') {
    const feed = doc.feed as Node;
    format = 'atom';
    title = text(feed.title);
    raws = list(feed.entry);
  } else if (doc['rdf:RDF'] && typeof doc['rdf:RDF'] === 'object') {
    const rdf = doc['rdf:RDF'] as Node;
    format = 'rdf';
    title = text((list(rdf.channel)[0] as Node | undefined)?.title);
    raws = list(rdf.item);
  } else {
    return fail('BAD_INPUT_FILE', `${base}: not an RSS or Atom feed`);
  }
  const items: FeedItem[] = [];
  const seen = new Set<string>();
  // Lenient on small slips (a stray '&') when items still come out; a broken document with none is refused.
  const valid = XMLValidator.validate(xml);
  for (const raw of raws) {
    if (!raw || typeof raw !== 'object') continue;
    const it = item(raw as Node, base, format);
    if (it && !seen.has(it.link)) {
      seen.add(it.link);
      items.push(it);
    }
  }
  if (valid !== true && items.length === 0) {
    return fail(
      'BAD_INPUT_FILE',
      `${base}: the feed is not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`,
    );
  }
  return ok({ format, title, items });
}
