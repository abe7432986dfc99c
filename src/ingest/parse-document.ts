// parseDocument: raw live-blog or article text -> Article + Event[] (quotes, entities, topics left for enrichment).
import { fail, ok, type Result } from '../errors.ts';
import type { Article, Event, Image, ParsedDocument } from '../store/types.ts';
import { removeBoilerplate } from './boilerplate.ts';
import { detectLayout, firstProse, type Layout } from './detect-format.ts';
import { classify, type DocItem } from './doc-items.ts';
import { isNewestFirst, resolveEntryTimes } from './entry-times.ts';
import { parseHeader } from './header.ts';
import { detectHints } from './hints.ts';
import { articleIdFor, eventIdForKey, eventKey } from './ids.ts';
import { extractImages } from './images.ts';
import { splitLists } from './lists.ts';
import { type ParseOptions, type ResolvedOptions, resolveOptions } from './parse-options.ts';
import { segmentEntries } from './segment-entries.ts';
import { type DayParts, parseMetaHeader, type Stamp } from './stamps.ts';
import { splitLines } from './text-lines.ts';
import { deriveTitle } from './title.ts';
import { checkInputText } from './validate-input.ts';

/** How many leading lines may hold a metadata header such as " date 2025-02-18 Title". */
const META_HEADER_LINES = 3;

interface EntryDraft {
  headline: string;
  stamp: Stamp | null;
  author: string | null;
  paragraphs: string[];
  lists: Event['lists'];
  images: Image[];
}

function dayOf(iso: string): DayParts {
  const [year, month, day] = iso.split('-').map(Number);
  return { year, month, day };
}

function firstTitleLine(items: DocItem[]): string | null {
  const end = firstProse(items);
  for (let i = 0; i < end; i++) if (items[i].title && items[i].text) return items[i].text;
  return null;
}

function draftEntry(headline: string | null, stamp: Stamp | null, body: DocItem[]): EntryDraft | null {
  const lines: { text: string; listItem: boolean }[] = [];
  const images: Image[] = [];
  for (const item of body) {
    if (item.node.kind === 'image') images.push(item.node.image);
    else if (item.text !== null) lines.push({ text: item.text, listItem: item.listItem });
  }
  const { paragraphs, lists } = splitLists(headline, lines);
  if (headline === null && paragraphs.length === 0 && lists.length === 0 && images.length === 0) return null;
  const title = headline ?? (paragraphs[0] ? deriveTitle(paragraphs[0]) : (lists[0]?.title ?? 'Pictures'));
  return { headline: title, stamp, author: stamp?.author ?? null, paragraphs, lists, images };
}

/** Assigns ids, counting repeats of the same (headline, time) oldest first so a longer snapshot keeps old ids. */
function assignIds(
  source: string,
  drafts: EntryDraft[],
  times: { time: string | null; estimated: boolean }[],
): string[] {
  const newestFirst = isNewestFirst(drafts.map((d) => d.stamp));
  const seen = new Map<string, number>();
  const ids: string[] = new Array(drafts.length);
  for (let k = 0; k < drafts.length; k++) {
    const i = newestFirst ? drafts.length - 1 - k : k;
    const { time, estimated } = times[i];
    const key = eventKey(drafts[i].headline, time, estimated);
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    ids[i] = eventIdForKey(source, key, occurrence);
  }
  return ids;
}

function buildDocument(text: string, opts: ResolvedOptions): Result<ParsedDocument> {
  let lines = splitLines(text);
  let meta: ReturnType<typeof parseMetaHeader> = null;
  for (let i = 0; i < Math.min(META_HEADER_LINES, lines.length); i++) {
    meta = parseMetaHeader(lines[i]);
    if (meta) {
      lines = lines.slice(0, i).concat(lines.slice(i + 1));
      break;
    }
  }
  const items = classify(removeBoilerplate(extractImages(lines)));
  if (!items.some((item) => item.prose)) {
    return fail(
      'BAD_INPUT_FILE',
      'no readable article text found (no prose paragraphs after removing page furniture); is this a news article or live blog?',
    );
  }
  const knownTitle = opts.title ?? (meta?.rest ? meta.rest : null);
  const layout: Layout = detectLayout(items, knownTitle ?? firstTitleLine(items));
  const segmentation = segmentEntries(items, layout);
  const header = parseHeader(items, 0, segmentation.headerEnd, knownTitle !== null);
  const isArticle = layout === 'article';

  const drafts: EntryDraft[] = [];
  for (const raw of segmentation.entries) {
    const draft = draftEntry(raw.headline, raw.stamp, raw.body);
    if (draft) drafts.push(draft);
  }

  const lede: string[] = [];
  if (header.standfirst) lede.push(header.standfirst);
  lede.push(...header.lede);
  if (isArticle && drafts[0]?.paragraphs[0]) lede.push(drafts[0].paragraphs[0]);

  const derivedFrom = header.lede[0] ?? drafts[0]?.paragraphs[0] ?? drafts[0]?.headline ?? null;
  const title = knownTitle ?? header.title ?? (derivedFrom ? deriveTitle(derivedFrom) : opts.source);

  if (isArticle && drafts[0]) {
    drafts[0].headline = title;
    drafts[0].stamp = header.dateline;
    drafts[0].author = header.byline;
  }

  const baseDay = opts.date ? dayOf(opts.date) : (meta?.date ?? header.dateline?.date ?? header.day ?? null);
  const times = resolveEntryTimes(
    drafts.map((d) => d.stamp),
    baseDay,
    opts.timezone,
  );
  const articleId = articleIdFor(opts.url, opts.source);
  const ids = assignIds(opts.source, drafts, times);

  const events: Event[] = drafts.map((draft, position) => ({
    id: ids[position],
    articleId,
    source: opts.source,
    headline: draft.headline,
    time: times[position].time,
    timeEstimated: times[position].estimated,
    author: draft.author,
    paragraphs: draft.paragraphs,
    lists: draft.lists,
    quotes: [],
    entities: [],
    topics: [],
    duplicateOf: null,
    hints: detectHints({
      headline: draft.headline,
      paragraphs: draft.paragraphs,
      lists: draft.lists,
      imageCount: draft.images.length,
    }),
    images: draft.images,
    position,
  }));

  let publishedAt: string | null = null;
  for (const event of events)
    if (event.time && (publishedAt === null || event.time < publishedAt)) publishedAt = event.time;

  const article: Article = {
    id: articleId,
    source: opts.source,
    outlet: opts.outlet,
    title,
    url: opts.url,
    publishedAt,
    kind: isArticle ? 'article' : 'live',
    lede,
    editorKeyPoints: header.keyPoints,
    timezone: opts.timezone,
    storyId: opts.storyId,
  };
  return ok({ article, events });
}

/**
 * Parses one raw text (a live blog or a plain article) into its Article and Events. Pure and deterministic:
 * the same text and options always give the same output. Bad input returns BAD_INPUT_FILE, BAD_DATE or BAD_TIMEZONE.
 */
export function parseDocument(text: string, options: ParseOptions): Result<ParsedDocument> {
  const resolved = resolveOptions(options);
  if (!resolved.ok) return resolved;
  const checked = checkInputText(text);
  if (!checked.ok) return checked;
  return buildDocument(text, resolved.value);
}
