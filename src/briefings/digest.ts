// Digest builder: key points, per-topic highlights, new lists and notable quotes for a window.
import type { Event } from '../store/types.ts';
import type { Briefing, BriefingItem, BriefingSection } from './briefing.ts';
import { type ArticleLookup, citedItem } from './citations.ts';
import { chooseWindow, nothingInWindow, windowEvents } from './coverage.ts';
import { articleLookup, type BriefingDeps, scoped, zoneOf } from './deps.ts';
import { matchEditorKeyPoints } from './editor-key-points.ts';
import { rankKeyPoints } from './key-points/index.ts';
import { editorsList } from './key-points.ts';
import { preferKnownSpeakers } from './quotes.ts';
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
const MAX_TOPICS = 6;
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
  const all = await windowEvents(deps, chosen.window);
  const events = all.filter(inScope);
  if (events.length === 0) {
    const what = asked ? `coverage of ${asked.map((t) => topicLabel(story, t)).join(', ')}` : 'coverage';
    throw await nothingInWindow(deps, tz, what, chosen.label);
  }
  const articles = articleLookup(deps);
  const sections: BriefingSection[] = [];
  const used = new Set<string>();

  // Key points: the editors' list when the window is one article that has one (and no topic filter).
  const editors = asked ? null : await editorsList(all, deps, articles.get);
  let keyItems: BriefingItem[];
  let keyHeading = 'Key Points';
  if (editors) {
    const points = matchEditorKeyPoints(editors.bullets, editors.articleEvents);
    for (const p of points) used.add(p.event.id);
    keyItems = await Promise.all(points.map((p) => citedItem(p.text, p.event, articles)));
    keyHeading = "Key Points (the editors')";
  } else {
    const points = rankKeyPoints(events, { n: KEY_POINTS });
    for (const p of points) used.add(p.event.id);
    keyItems = await Promise.all(points.map((p) => citedItem(p.text, p.event, articles)));
  }
  sections.push({ heading: keyHeading, items: keyItems });

  // Highlights per topic: topics asked for, or the on-story topics with most entries.
  for (const topic of digestTopics(events, asked, deps)) {
    const rest = events.filter((e) => e.topics.includes(topic) && !used.has(e.id));
    const points = rankKeyPoints(rest, { n: HIGHLIGHTS_PER_TOPIC });
    if (points.length === 0) continue;
    for (const p of points) used.add(p.event.id);
    sections.push({
      heading: topicLabel(story, topic),
      items: await Promise.all(points.map((p) => citedItem(p.text, p.event, articles))),
    });
  }

  const lists = (
    await deps.events.lists({ from: chosen.window.from, to: chosen.window.to, limit: MAX_LISTS * 3 })
  )
    .filter(({ event }) => inScope(event))
    .slice(0, MAX_LISTS);
  if (lists.length) {
    sections.push({
      heading: 'New lists',
      items: await Promise.all(
        lists.map(({ event, list }) =>
          citedItem(list.title, event, articles, list.items.map((i) => `• ${i}`).join('\n')),
        ),
      ),
    });
  }

  const quoteItems = await notableQuotes(deps, chosen.window, inScope, articles);
  if (quoteItems.length) sections.push({ heading: 'Notable quotes', items: quoteItems });

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

/** Up to MAX_QUOTES quotes of the window, one per speaker, newest first. */
async function notableQuotes(
  deps: BriefingDeps,
  window: { from: string | null; to: string | null },
  inScope: (e: Event) => boolean,
  articles: ArticleLookup,
): Promise<BriefingItem[]> {
  const found = await deps.events.quotes({ from: window.from, to: window.to, limit: 50 });
  await articles.preload(found.filter(({ event }) => inScope(event)).map(({ event }) => event.articleId));
  // Newest first, then speakers the story knows ahead of loose attributions ("one agent").
  const byTime = [...found].sort(
    (a, b) => (b.event.time ?? '').localeCompare(a.event.time ?? '') || a.event.position - b.event.position,
  );
  const sorted = preferKnownSpeakers(byTime);
  const speakers = new Set<string>();
  const items: BriefingItem[] = [];
  for (const { event, quote } of sorted) {
    if (!inScope(event) || quote.text.split(/\s+/u).length < 6) continue;
    const who = quote.speakerId ?? quote.speaker.toLowerCase();
    if (speakers.has(who)) continue;
    speakers.add(who);
    items.push(await citedItem(`“${truncate(quote.text, 300)}”`, event, articles, quote.speaker));
    if (items.length >= MAX_QUOTES) break;
  }
  return items;
}
