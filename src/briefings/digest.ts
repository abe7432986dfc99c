// Digest builder: key points, per-topic highlights, new lists and notable quotes for a window.
import type { Event, Quote } from '../store/types.ts';
import type { Briefing, BriefingSection } from './briefing.ts';
import { citedItem } from './citations.ts';
import { chooseWindow, nothingInWindow, windowEvents } from './coverage.ts';
import { articleLookup, type BriefingDeps, scoped, zoneOf } from './deps.ts';
import { matchEditorKeyPoints } from './editor-key-points.ts';
import { editorsList } from './key-points.ts';
import { preferKnownSpeakers } from './quotes.ts';
import { rankKeyPointsMemo } from './rank-memo.ts';
import { isOffStoryTopic, requireTopic, topicLabel } from './story-access.ts';
import { truncate } from './text-match.ts';

export interface DigestQuery {
  date?: string;
  from?: string;
  to?: string;
  /** Topics to cover (any alias); off-story topics are included only when named here. */
  topics?: string[];
  /** Marks a digest sent after its due time. */
  late?: boolean;
}

const KEY_POINTS = 5;
const HIGHLIGHTS_PER_TOPIC = 3;
/**
 * Entries of one topic the ranker's pairwise steps compare when the window's ranking left the topic without a
 * highlight (its own cheap score picks them, plus the most corroborated): 3 bullets need far fewer candidates.
 */
export const HIGHLIGHT_POOL = 40;
const MAX_TOPICS = 6;
/** The window's ranking runs this many times deeper than the bullets the digest shows, so topics find theirs in it. */
const RANKED_MARGIN = 2;
const MAX_LISTS = 3;
const MAX_QUOTES = 5;

/** Builds the digest of a window (default: the latest day with coverage). */
export async function buildDigest(query: DigestQuery, input: BriefingDeps): Promise<Briefing> {
  const deps = scoped(input);
  const { story } = deps;
  const tz = await zoneOf(deps);
  const asked = query.topics?.length ? [...new Set(query.topics.map((t) => requireTopic(story, t)))] : null;
  const chosen = await chooseWindow(query, deps, tz);
  const inScope = (e: Event) =>
    asked
      ? e.topics.some((t) => asked.includes(t))
      : // Topics are ordered strongest first: an entry mainly about an off-story thread is off-story.
        !(e.topics.length > 0 && isOffStoryTopic(story, e.topics[0]));
  // The window's entries, lists and quotes in parallel (separate connections on Postgres).
  const [all, foundLists, foundQuotes] = await Promise.all([
    windowEvents(deps, chosen.window),
    deps.events.lists({ from: chosen.window.from, to: chosen.window.to, limit: MAX_LISTS * 3 }),
    deps.events.quotes({ from: chosen.window.from, to: chosen.window.to, limit: 50 }),
  ]);
  const events = all.filter(inScope);
  if (events.length === 0) {
    const what = asked ? `coverage of ${asked.map((t) => topicLabel(story, t)).join(', ')}` : 'coverage';
    throw await nothingInWindow(deps, tz, what, chosen.label);
  }
  const articles = articleLookup(deps);
  // Sections are planned first and cited together at the end: one article query for the whole digest.
  const planned: Array<{ heading: string; items: PlannedItem[] }> = [];
  const used = new Set<string>();

  // One ranking of the window serves the Key Points (its first bullets: the ranker picks greedily, so they are the
  // same as a 5-bullet ranking's) and the topic highlights (its later bullets that carry the topic).
  const topics = digestTopics(events, asked, deps);
  const ranked = rankKeyPointsMemo(events, {
    n: KEY_POINTS + topics.length * HIGHLIGHTS_PER_TOPIC * RANKED_MARGIN,
  });

  // Key points: the editors' list when the window is one article that has one (and no topic filter).
  const editors = asked ? null : await editorsList(all, deps, articles.get);
  if (editors) {
    const points = matchEditorKeyPoints(editors.bullets, editors.articleEvents);
    for (const p of points) used.add(p.event.id);
    planned.push({ heading: "Key Points (the editors')", items: points });
  } else {
    const points = ranked.slice(0, KEY_POINTS);
    for (const p of points) used.add(p.event.id);
    planned.push({ heading: 'Key Points', items: points });
  }

  // Highlights per topic: topics asked for, or the on-story topics with most entries. A topic the window's
  // ranking leaves without a bullet is ranked on its own.
  for (const topic of topics) {
    let points = ranked
      .filter((p) => p.event.topics.includes(topic) && !used.has(p.event.id))
      .slice(0, HIGHLIGHTS_PER_TOPIC);
    if (points.length === 0) {
      const rest = events.filter((e) => e.topics.includes(topic) && !used.has(e.id));
      points = rankKeyPointsMemo(rest, { n: HIGHLIGHTS_PER_TOPIC, poolSize: HIGHLIGHT_POOL });
    }
    if (points.length === 0) continue;
    for (const p of points) used.add(p.event.id);
    planned.push({ heading: topicLabel(story, topic), items: points });
  }

  const lists = foundLists.filter(({ event }) => inScope(event)).slice(0, MAX_LISTS);
  planned.push({
    heading: 'New lists',
    items: lists.map(({ event, list }) => ({
      text: list.title,
      event,
      detail: list.items.map((i) => `• ${i}`).join('\n'),
    })),
  });
  planned.push({ heading: 'Notable quotes', items: notableQuotes(foundQuotes, inScope) });

  const sections: BriefingSection[] = await Promise.all(
    planned.map(async ({ heading, items }) => ({
      heading,
      items: await Promise.all(items.map((p) => citedItem(p.text, p.event, articles, p.detail))),
    })),
  );

  const scope = asked ? ` · ${asked.map((t) => topicLabel(story, t)).join(', ')}` : '';
  const briefing: Briefing = {
    kind: 'digest',
    title: `Digest — ${chosen.label}${scope}`,
    subtitle: `${events.length} ${events.length === 1 ? 'entry' : 'entries'} from ${new Set(events.map((e) => e.articleId)).size} of the story's articles`,
    sections: sections.filter((s) => s.items.length > 0),
    window: chosen.window,
    sources: articles.titles(),
    timezone: tz,
  };
  if (query.late) briefing.late = true;
  return briefing;
}

function digestTopics(events: readonly Event[], asked: string[] | null, deps: BriefingDeps): string[] {
  if (asked) return asked;
  const counts = new Map<string, number>();
  for (const e of events) {
    for (const t of e.topics) if (!isOffStoryTopic(deps.story, t)) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return [...counts.entries()]
    .filter(([, c]) => c >= 2)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_TOPICS)
    .map(([t]) => t);
}

/** An item before its citation is looked up. */
interface PlannedItem {
  text: string;
  event: Event;
  detail?: string;
}

/** Up to MAX_QUOTES of the window's quotes (`found`, newest first), one per speaker. */
function notableQuotes(
  found: ReadonlyArray<{ event: Event; quote: Quote }>,
  inScope: (e: Event) => boolean,
): PlannedItem[] {
  // Newest first, then speakers the story knows ahead of loose attributions ("one agent").
  const byTime = [...found].sort(
    (a, b) => (b.event.time ?? '').localeCompare(a.event.time ?? '') || a.event.position - b.event.position,
  );
  const sorted = preferKnownSpeakers(byTime);
  const speakers = new Set<string>();
  const items: PlannedItem[] = [];
  for (const { event, quote } of sorted) {
    if (!inScope(event) || quote.text.split(/\s+/u).length < 6) continue;
    const who = quote.speakerId ?? quote.speaker.toLowerCase();
    if (speakers.has(who)) continue;
    speakers.add(who);
    items.push({ text: `“${truncate(quote.text, 300)}”`, event, detail: quote.speaker });
    if (items.length >= MAX_QUOTES) break;
  }
  return items;
}
