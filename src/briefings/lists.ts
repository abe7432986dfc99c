// Lists builder: enumerated lists found in coverage ("Five key promises…"), searchable by words in the title.
import { UserError } from '../errors.ts';
import type { Briefing, BriefingSection } from './briefing.ts';
import { citeEvent } from './citations.ts';
import { articleLookup, type BriefingDeps, clockOf, zoneOf } from './deps.ts';
import { formatWindow, resolveWindow } from './time.ts';

export interface ListsQuery {
  /** Words of the list title. */
  query?: string;
  date?: string;
  from?: string;
  to?: string;
  limit?: number;
}

export const DEFAULT_LISTS = 5;

/** Builds the lists matching the words (newest first), each item cited to its entry. */
export async function buildLists(query: ListsQuery, deps: BriefingDeps): Promise<Briefing> {
  const tz = await zoneOf(deps);
  const words = query.query?.trim() || undefined;
  const chosen = resolveWindow(query, clockOf(deps), tz);
  const found = await deps.events.lists({
    query: words,
    from: chosen?.window.from,
    to: chosen?.window.to,
    limit: query.limit ?? DEFAULT_LISTS,
  });
  if (found.length === 0) {
    const some = words ? await deps.events.lists({ limit: 5 }) : [];
    const hint = some.length ? ` Lists in coverage: ${some.map((l) => `“${l.list.title}”`).join(', ')}.` : '';
    const where = chosen ? ` for ${formatWindow(chosen.window, tz)}` : '';
    throw new UserError('NOTHING_FOUND', `No lists${words ? ` matching “${words}”` : ''}${where}.${hint}`);
  }
  const articles = articleLookup(deps);
  await articles.preload(found.map(({ event }) => event.articleId));
  const sections: BriefingSection[] = [];
  for (const { event, list } of found) {
    const citation = await citeEvent(event, articles);
    sections.push({ heading: list.title, items: list.items.map((text) => ({ text, citation })) });
  }
  return {
    kind: 'lists',
    title: words ? `Lists matching “${words}”` : 'Lists in coverage',
    subtitle: `${found.length} ${found.length === 1 ? 'list' : 'lists'}${chosen ? ` · ${formatWindow(chosen.window, tz)}` : ''}`,
    sections,
    window: chosen?.window ?? null,
    sources: articles.titles(),
    timezone: tz,
  };
}
