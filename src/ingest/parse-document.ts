// parseDocument: raw live-blog or article text -> Article + Event[] (quotes, entities, topics left for enrichment).
import { fail, ok, type Result } from '../errors.ts';
import type { Article, Event, Image, ParsedDocument } from '../store/types.ts';
import { removeBoilerplate } from './boilerplate.ts';
import { separatorDay } from './day-separators.ts';
import { detectLayout, firstProse, type Layout, stampIndexes } from './detect-format.ts';
import { classify, type DocItem } from './doc-items.ts';
import { isNewestFirst, resolveEntryTimes } from './entry-times.ts';
import { parseHeader } from './header.ts';
import { detectHints } from './hints.ts';
import { articleIdFor, eventIdForKey, eventKey } from './ids.ts';
import { extractImages } from './images.ts';
import { splitLists } from './lists.ts';
import { type ParseOptions, type ResolvedOptions, resolveOptions } from './parse-options.ts';
import { type RawEntry, segmentEntries } from './segment-entries.ts';
import { splitStampHeadlines } from './stamp-headlines.ts';
import { type DayParts, parseMetaHeader, type Stamp } from './stamps.ts';
import { splitLines } from './text-lines.ts';
import { deriveTitle } from './title.ts';
import { checkInputText } from './validate-input.ts';

/** How many leading lines may hold a metadata header such as " date 2025-02-18 Title". */
const META_HEADER_LINES = 3;

interface EntryDraft {
  /** Day of the date separator above the entry, if any. */
  sectionDay: DayParts | null;
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

/**
 * The layout and the items to segment: a "14:05 Headline" blog (lines split into stamp and headline items) when
 * that pattern holds at least as often as stamps on their own line, else the layout the stamps and headlines say.
 */
function layoutOf(items: DocItem[], title: string | null): { items: DocItem[]; layout: Layout } {
  const split = splitStampHeadlines(items);
  if (split && split.count >= stampIndexes(items).length)
    return { items: split.items, layout: 'stamp-headline' };
  return { items, layout: detectLayout(items, title) };
}

/**
 * For each entry, the day of the last date separator above it. Separators among the entries count; so does one
 * right above the first entry, unless it is a dated line alone (with its year, no separator below: a dateline).
 */
function sectionDays(
  items: DocItem[],
  entries: RawEntry[],
  headerEnd: number,
  reference: DayParts | null,
): (DayParts | null)[] {
  const separators: { at: number; day: DayParts }[] = [];
  let above = headerEnd - 1;
  while (above >= 0 && items[above].text === null) above--;
  const top = above >= 0 ? items[above].separator : null;
  for (let i = headerEnd; i < items.length; i++) {
    const separator = items[i].separator;
    const day = separator ? separatorDay(separator, reference) : null;
    if (day) separators.push({ at: i, day });
  }
  const topDay = top ? separatorDay(top, reference) : null;
  if (top && topDay && (top.year === null || separators.length > 0))
    separators.unshift({ at: above, day: topDay });
  let k = -1;
  return entries.map((entry) => {
    while (k + 1 < separators.length && separators[k + 1].at < entry.at) k++;
    return k >= 0 ? separators[k].day : null;
  });
}

function draftEntry(
  headline: string | null,
  stamp: Stamp | null,
  body: DocItem[],
  sectionDay: DayParts | null,
): EntryDraft | null {
  const lines: { text: string; listItem: boolean }[] = [];
  const images: Image[] = [];
  for (const item of body) {
    if (item.separator) continue;
    if (item.node.kind === 'image') images.push(item.node.image);
    else if (item.text !== null) lines.push({ text: item.text, listItem: item.listItem });
  }
  const { paragraphs, lists } = splitLists(headline, lines);
  if (headline === null && paragraphs.length === 0 && lists.length === 0 && images.length === 0) return null;
  const title = headline ?? (paragraphs[0] ? deriveTitle(paragraphs[0]) : (lists[0]?.title ?? 'Pictures'));
  return { sectionDay, headline: title, stamp, author: stamp?.author ?? null, paragraphs, lists, images };
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
  const classified = classify(removeBoilerplate(extractImages(lines)));
  if (!classified.some((item) => item.prose)) {
    return fail(
      'BAD_INPUT_FILE',
      'no readable article text found (no prose paragraphs after removing page furniture); is this a news article or live blog?',
    );
  }
  const knownTitle = opts.title ?? (meta?.rest ? meta.rest : null);
  const { items, layout } = layoutOf(classified, knownTitle ?? firstTitleLine(classified));
  const segmentation = segmentEntries(items, layout);
  const header = parseHeader(items, 0, segmentation.headerEnd, knownTitle !== null);
  const isArticle = layout === 'article';
  const baseDay = opts.date ? dayOf(opts.date) : (meta?.date ?? header.dateline?.date ?? header.day ?? null);
  const sections = sectionDays(items, segmentation.entries, segmentation.headerEnd, baseDay);

  const drafts: EntryDraft[] = [];
  segmentation.entries.forEach((raw, k) => {
    const draft = draftEntry(raw.headline, raw.stamp, raw.body, sections[k]);
    if (draft) drafts.push(draft);
  });

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

  const times = resolveEntryTimes(
    drafts.map((d) => d.stamp),
    baseDay,
    opts.timezone,
    drafts.map((d) => d.sectionDay),
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
