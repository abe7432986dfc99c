// Sources builder: what the dataset holds — articles, their date ranges, and overall counts.
import { UserError } from '../errors.ts';
import type { Article } from '../store/types.ts';
import type { Briefing, BriefingItem } from './briefing.ts';
import { citedItem } from './citations.ts';
import { articleLookup, type BriefingDeps, zoneOf } from './deps.ts';
import { formatDay, formatInstant, localDay } from './time.ts';

export interface SourcesQuery {
  limit?: number;
}

export const DEFAULT_SOURCES = 25;

/** Builds the list of articles in the dataset (newest first), each cited to its opening entry. */
export async function buildSources(query: SourcesQuery, deps: BriefingDeps): Promise<Briefing> {
  const tz = await zoneOf(deps);
  const stats = await deps.events.stats();
  if (stats.articles === 0)
    throw new UserError('NOTHING_FOUND', 'The dataset is empty: ingest some articles first.');
  const limit = query.limit ?? DEFAULT_SOURCES;
  // Only the newest `limit` are read (plus a margin for ties on the publication time): never every article.
  const newest = await deps.events.articles({ limit: limit * 2 });
  const shown = [...newest].sort(newestFirst).slice(0, limit);
  // One query for every shown article's first and last entry; the articles themselves are already read.
  const ranges = new Map(
    (await deps.events.articleRanges(shown.map((a) => a.id))).map((r) => [r.articleId, r]),
  );
  const lookup = articleLookup(deps, newest);
  const items: BriefingItem[] = [];
  for (const article of shown) {
    const range = ranges.get(article.id);
    if (!range) continue;
    const { first, last } = range;
    const kind = article.kind === 'live' ? 'live blog' : 'article';
    const span =
      first.time && last?.time && last.time !== first.time
        ? `${formatInstant(first.time, tz)} – ${formatInstant(last.time, tz)}`
        : first.time
          ? formatInstant(first.time, tz)
          : article.publishedAt
            ? formatDay(localDay(article.publishedAt, tz))
            : 'undated';
    const detail = [
      kind,
      article.outlet,
      span,
      article.editorKeyPoints.length ? "has editors' Key Points" : '',
    ]
      .filter(Boolean)
      .join(' · ');
    items.push(await citedItem(article.title, first, lookup, detail));
  }
  const dataset =
    stats.earliest && stats.latest
      ? ` · ${formatDay(localDay(stats.earliest, tz))} to ${formatDay(localDay(stats.latest, tz))}`
      : '';
  return {
    kind: 'sources',
    title: 'Sources',
    subtitle: `${stats.articles} ${stats.articles === 1 ? 'article' : 'articles'}, ${stats.events} ${stats.events === 1 ? 'entry' : 'entries'}${dataset}`,
    sections: [
      { heading: shown.length < stats.articles ? `Latest ${shown.length} articles` : 'Articles', items },
    ],
    window: { from: stats.earliest, to: stats.latest },
    sources: lookup.titles(),
    timezone: tz,
  };
}

function newestFirst(a: Article, b: Article): number {
  const pa = a.publishedAt ?? '';
  const pb = b.publishedAt ?? '';
  return pa === pb ? a.title.localeCompare(b.title) : pa < pb ? 1 : -1;
}
