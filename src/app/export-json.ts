// The `export --json` document: articles and events in the public export shape (stable field names).
import { type Article, type Event, eventText } from '../store/types.ts';

export interface ExportedArticle {
  id: string;
  source: string;
  title: string;
  kind: Article['kind'];
  publishedAt: string | null;
  editorKeyPoints: string[];
  outlet: string | null;
  url: string | null;
}

export interface ExportedEvent {
  id: string;
  articleId: string;
  source: string;
  headline: string;
  time: string | null;
  timeEstimated: boolean;
  author: string | null;
  /** Paragraphs joined by blank lines. */
  text: string;
  lists: Array<{ title: string; items: string[] }>;
  quotes: Array<{ speaker: string; text: string }>;
  entities: Array<{ id: string; name: string; type: string }>;
  topics: string[];
  duplicateOf: string | null;
}

export function exportArticle(a: Article): ExportedArticle {
  return {
    id: a.id,
    source: a.source,
    title: a.title,
    kind: a.kind,
    publishedAt: a.publishedAt,
    editorKeyPoints: a.editorKeyPoints,
    outlet: a.outlet,
    url: a.url,
  };
}

export function exportEvent(e: Event): ExportedEvent {
  return {
    id: e.id,
    articleId: e.articleId,
    source: e.source,
    headline: e.headline,
    time: e.time,
    timeEstimated: e.timeEstimated,
    author: e.author,
    text: eventText(e),
    lists: e.lists.map((l) => ({ title: l.title, items: l.items })),
    quotes: e.quotes.map((q) => ({ speaker: q.speaker, text: q.text })),
    entities: e.entities.map((x) => ({ id: x.id, name: x.name, type: x.type })),
    topics: e.topics,
    duplicateOf: e.duplicateOf,
  };
}

/** Writes {"articles":[…],"events":[…]} as valid JSON, one record per line, through `write`. */
export function writeExportJson(
  data: { articles: Article[]; events: Event[] },
  write: (line: string) => void,
): void {
  const records = (items: unknown[]) =>
    items.map((x, i) => `  ${JSON.stringify(x)}${i < items.length - 1 ? ',' : ''}`);
  write('{"articles":[');
  for (const l of records(data.articles.map(exportArticle))) write(l);
  write('],"events":[');
  for (const l of records(data.events.map(exportEvent))) write(l);
  write(']}');
}
