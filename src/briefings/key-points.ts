// Key Points builder: the editors' list when the coverage has one, otherwise (or on request) generated.
import type { Article, Event } from '../store/types.ts';
import type { Briefing, BriefingItem } from './briefing.ts';
import { citedItem } from './citations.ts';
import { chooseWindow, nothingInWindow, windowEvents } from './coverage.ts';
import { articleLookup, type BriefingDeps, scoped, zoneOf } from './deps.ts';
import { matchEditorKeyPoints } from './editor-key-points.ts';
import { rankKeyPointsMemo } from './rank-memo.ts';
import { requireTopic, topicLabel } from './story-access.ts';

/** What `brief` asks for. Dates and topics are as the user typed them. */
export interface KeyPointsQuery {
  date?: string;
  from?: string;
  to?: string;
  topic?: string;
  /** Generate even when the editors published a list. */
  generated?: boolean;
  limit?: number;
}

export const DEFAULT_KEY_POINTS = 5;

/** Builds Key Points for a day or window, optionally for one topic. */
export async function buildKeyPoints(query: KeyPointsQuery, input: BriefingDeps): Promise<Briefing> {
  const deps = scoped(input);
  const tz = await zoneOf(deps);
  const topic = query.topic !== undefined ? requireTopic(deps.story, query.topic) : undefined;
  const chosen = await chooseWindow(query, deps, tz, topic);
  const events = await windowEvents(deps, chosen.window, topic);
  if (events.length === 0) throw await nothingInWindow(deps, tz, 'coverage', chosen.label, topic);
  const articles = articleLookup(deps);
  const n = query.limit ?? DEFAULT_KEY_POINTS;

  const editors = query.generated || topic ? null : await editorsList(events, deps, articles.get);
  let items: BriefingItem[];
  let heading: string;
  let subtitle: string;
  if (editors) {
    const article = (await articles.get(editors.articleId))!;
    items = await Promise.all(
      matchEditorKeyPoints(editors.bullets, editors.articleEvents)
        .slice(0, query.limit ?? editors.bullets.length)
        .map((p) => citedItem(p.text, p.event, articles)),
    );
    heading = "Editors' Key Points";
    subtitle = `As listed by the editors of “${article.title}”`;
  } else {
    const points = rankKeyPointsMemo(events, { n });
    if (points.length === 0) throw await nothingInWindow(deps, tz, 'key points', chosen.label, topic);
    items = await Promise.all(points.map((p) => citedItem(p.text, p.event, articles)));
    heading = 'Key Points';
    const articleCount = new Set(events.map((e) => e.articleId)).size;
    subtitle = `Generated from ${events.length} ${events.length === 1 ? 'entry' : 'entries'} in ${articleCount} ${articleCount === 1 ? 'article' : 'articles'}`;
  }
  const topicPart = topic ? ` · ${topicLabel(deps.story, topic)}` : '';
  return {
    kind: 'key-points',
    title: `Key Points${topicPart} — ${chosen.label}`,
    subtitle,
    sections: [{ heading, items }],
    window: chosen.window,
    sources: articles.titles(),
    timezone: tz,
  };
}

/**
 * The editors' list applies when the window's coverage is one article that has one, and the window holds
 * at least half of that article's entries (so a sliver of a blog past midnight gets generated points).
 */
export async function editorsList(
  events: readonly Event[],
  deps: BriefingDeps,
  getArticle: (id: string) => Promise<Article | null> = (id) => deps.events.article(id),
): Promise<{ articleId: string; bullets: string[]; articleEvents: Event[] } | null> {
  const ids = new Set(events.map((e) => e.articleId));
  if (ids.size !== 1) return null;
  const [articleId] = [...ids];
  const article = await getArticle(articleId!);
  if (!article || article.editorKeyPoints.length === 0) return null;
  const articleEvents = await deps.events.events({
    articleId,
    includeUntimed: true,
    limit: events.length * 2 + 1,
  });
  if (events.length * 2 < articleEvents.length) return null;
  return { articleId: articleId!, bullets: article.editorKeyPoints, articleEvents };
}
