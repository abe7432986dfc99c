// Extracts a news document from an HTML page: LiveBlogPosting JSON-LD, else NewsArticle JSON-LD, else readable text.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { fail, ok, type Result } from '../errors.ts';
import { parseDocument } from '../ingest/index.ts';
import type { ParsedDocument } from '../store/types.ts';
import { blocksOf, blocksToText } from './html-text.ts';
import { localDate, parseInstant } from './instants.ts';
import { findArticle, findLiveBlog, parseJsonLdScripts, textOf } from './json-ld.ts';
import { articleDocument, liveBlogDocument, type PageContext } from './json-ld-document.ts';

/** How the document was found: the sturdiest signal first. */
export type ExtractionMethod = 'live-blog-json-ld' | 'article-json-ld' | 'readable-text';

export interface PageOptions {
  url: string;
  timezone: string;
  storyId: string | null;
  /** The day to assume when the page gives no date at all (the local day of the fetch). */
  fallbackDate: string;
}

export interface PageExtraction {
  method: ExtractionMethod;
  doc: ParsedDocument;
}

interface DomElement {
  getAttribute(name: string): string | null;
  textContent: string | null;
}
interface DomDocument {
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  title: string;
}

function meta(document: DomDocument, ...names: string[]): string | null {
  for (const name of names) {
    const el =
      document.querySelector(`meta[property="${name}"]`) ?? document.querySelector(`meta[name="${name}"]`);
    const content = el?.getAttribute('content')?.trim();
    if (content) return content;
  }
  return null;
}

/** Extracts the document a page publishes. Never throws on bad markup: failures are results. */
export function extractPage(html: string, opts: PageOptions): Result<PageExtraction> {
  if (html.trim() === '') return fail('BAD_INPUT_FILE', `${opts.url}: the page is empty`);
  try {
    // A fragment without <html> (or plain junk) is wrapped so the DOM always has a document element.
    const page = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`;
    return extractFrom(parseHTML(page).document as unknown as DomDocument, html, opts);
  } catch (err) {
    return fail('BAD_INPUT_FILE', `${opts.url}: the page could not be read (${(err as Error).message})`);
  }
}

function extractFrom(document: DomDocument, html: string, opts: PageOptions): Result<PageExtraction> {
  const scripts = Array.from(document.querySelectorAll('script[type="application/ld+json"]')).map(
    (s) => s.textContent ?? '',
  );
  const nodes = parseJsonLdScripts(scripts);
  const ctx: PageContext = {
    url: opts.url,
    timezone: opts.timezone,
    storyId: opts.storyId,
    pageTitle: meta(document, 'og:title', 'twitter:title') ?? (document.title.trim() || null),
    siteName: meta(document, 'og:site_name', 'application-name'),
  };

  const live = findLiveBlog(nodes);
  if (live) return ok({ method: 'live-blog-json-ld', doc: liveBlogDocument(live, ctx) });
  const article = findArticle(nodes);
  if (article) {
    const doc = articleDocument(article, ctx);
    if (doc) return ok({ method: 'article-json-ld', doc });
  }
  return readableText(document, html, opts, ctx, article ? textOf(article.datePublished) : null);
}

/** The readable main text (Mozilla Readability) handed to the same parser the text files go through. */
function readableText(
  document: DomDocument,
  html: string,
  opts: PageOptions,
  ctx: PageContext,
  jsonLdDate: string | null,
): Result<PageExtraction> {
  const heading = document.querySelector('h1')?.textContent?.trim() || null;
  let parsed: ReturnType<Readability<unknown>['parse']>;
  try {
    // Readability mutates the document; the JSON-LD and meta were read before.
    parsed = new Readability<unknown>(document as never, { serializer: (node) => node }).parse();
  } catch (err) {
    return fail('BAD_INPUT_FILE', `${opts.url}: no readable text (${(err as Error).message})`);
  }
  const blocks = parsed?.content ? blocksOf(parsed.content) : [];
  if (blocks.length === 0) {
    return fail('BAD_INPUT_FILE', `${opts.url}: no news text found on the page (${html.length} characters)`);
  }
  const published =
    parseInstant(jsonLdDate, opts.timezone) ??
    parseInstant(meta(document, 'article:published_time', 'date', 'dc.date', 'pubdate'), opts.timezone) ??
    parseInstant(parsed?.publishedTime ?? null, opts.timezone) ??
    parseInstant(document.querySelector('time[datetime]')?.getAttribute('datetime') ?? null, opts.timezone);
  const siteName = parsed?.siteName?.trim() || ctx.siteName;
  const parsedDoc = parseDocument(blocksToText(blocks), {
    source: opts.url,
    url: opts.url,
    title: cleanTitle(heading ?? parsed?.title ?? ctx.pageTitle, siteName),
    outlet: siteName ?? undefined,
    date: published ? localDate(published, opts.timezone) : opts.fallbackDate,
    timezone: opts.timezone,
    storyId: opts.storyId ?? undefined,
  });
  if (!parsedDoc.ok) return fail(parsedDoc.error.code, `${opts.url}: ${parsedDoc.error.message}`);
  if (parsedDoc.value.events.length === 0) {
    return fail('BAD_INPUT_FILE', `${opts.url}: no news text found on the page`);
  }
  const doc = parsedDoc.value;
  if (published && (!doc.article.publishedAt || doc.article.kind === 'article'))
    doc.article.publishedAt = published;
  if (doc.article.kind === 'article' && doc.events.length === 1) {
    // The page's metadata knows the article's time and byline better than a guess from the text.
    const [event] = doc.events;
    if (published && (event.time === null || event.timeEstimated)) {
      event.time = published;
      event.timeEstimated = false;
    }
    const byline = parsed?.byline?.replace(/^\s*by\s+/i, '').trim();
    if (!event.author && byline) event.author = byline;
  }
  return ok({ method: 'readable-text', doc });
}

/** The page title without the site name that <title> usually appends ("Headline – Site", "Headline | Site"). */
function cleanTitle(title: string | null | undefined, siteName: string | null): string | undefined {
  let t = title?.trim();
  if (!t) return undefined;
  if (siteName) {
    const escaped = siteName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    t = t.replace(new RegExp(`\\s+[|–—:·-]\\s+${escaped}\\s*$`, 'i'), '').trim();
  }
  return t || undefined;
}
