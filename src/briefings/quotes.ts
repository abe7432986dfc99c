// Quotes builder: who said what, for a speaker (by any alias) and/or a topic, newest first.
import { UserError } from '../errors.ts';
import type { Event, Quote } from '../store/types.ts';
import type { Briefing } from './briefing.ts';
import { citedItem } from './citations.ts';
import { articleLookup, type BriefingDeps, clockOf, zoneOf } from './deps.ts';
import { requireTopic, resolveSpeaker, speakerSuggestions, topicLabel } from './story-access.ts';
import { truncate } from './text-match.ts';
import { formatWindow, resolveWindow } from './time.ts';

export interface QuotesQuery {
  speaker?: string;
  topic?: string;
  date?: string;
  from?: string;
  to?: string;
  limit?: number;
}

export const DEFAULT_QUOTES = 10;
const MAX_QUOTE_CHARS = 600;

/** Builds the quotes of a speaker and/or topic, each cited to its entry. */
export async function buildQuotes(query: QuotesQuery, deps: BriefingDeps): Promise<Briefing> {
  const tz = await zoneOf(deps);
  const topic = query.topic !== undefined ? requireTopic(deps.story, query.topic) : undefined;
  const chosen = resolveWindow(query, clockOf(deps), tz);
  const limit = query.limit ?? DEFAULT_QUOTES;
  const base = { topic, from: chosen?.window.from, to: chosen?.window.to, limit };
  const speakerText = query.speaker?.trim() || undefined;

  let found: Array<{ event: Event; quote: Quote }>;
  let speakerName: string | undefined;
  if (speakerText) {
    const known = resolveSpeaker(deps.story, speakerText);
    speakerName = known?.name ?? speakerText;
    found = known ? await deps.events.quotes({ ...base, speakerId: known.id }) : [];
    if (found.length === 0)
      found = await deps.events.quotes({ ...base, speaker: known?.name ?? speakerText });
    if (found.length === 0 && !known) {
      const seen = await deps.events.speakers(speakerText.slice(0, 3), 10);
      const suggestions = [
        ...new Set([...speakerSuggestions(deps.story, speakerText), ...seen.map((s) => s.name)]),
      ];
      const hint = suggestions.length ? ` Did you mean ${suggestions.slice(0, 5).join(', ')}?` : '';
      throw new UserError('UNKNOWN_SPEAKER', `No speaker “${speakerText}” is quoted in the coverage.${hint}`);
    }
  } else {
    found = await deps.events.quotes(base);
  }

  const scope = [
    speakerName ? `from ${speakerName}` : '',
    topic ? `on ${topicLabel(deps.story, topic)}` : '',
    chosen ? `in ${formatWindow(chosen.window, tz)}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  if (found.length === 0) throw new UserError('NOTHING_FOUND', `No quotes ${scope || 'in the coverage'}.`);

  found = withoutRepeats(found).sort(newestFirst);
  const articles = articleLookup(deps);
  const items = await Promise.all(
    found.map(({ event, quote }) =>
      citedItem(`“${truncate(quote.text, MAX_QUOTE_CHARS)}”`, event, articles, quote.speaker),
    ),
  );
  return {
    kind: 'quotes',
    title: speakerName ? `Quotes — ${speakerName}` : 'Quotes',
    subtitle: `${items.length} ${items.length === 1 ? 'quote' : 'quotes'}${scope ? ` ${scope}` : ''}, newest first`,
    sections: [{ heading: speakerName ? `What ${speakerName} said` : 'Who said what', items }],
    window: chosen?.window ?? null,
    sources: articles.titles(),
    timezone: tz,
  };
}

/** Normalised quote text: case, punctuation and spacing do not make a quote new. */
const quoteKey = (q: Quote) =>
  `${q.speakerId ?? q.speaker.toLowerCase()}|${q.text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()}`;

/** The same words by the same speaker reported again (a repeated entry): kept once, from the earliest report. */
export function withoutRepeats<T extends { event: Event; quote: Quote }>(found: readonly T[]): T[] {
  const earliest = new Map<string, T>();
  for (const f of [...found].sort((a, b) => -newestFirst(a, b))) {
    const key = quoteKey(f.quote);
    if (!earliest.has(key)) earliest.set(key, f);
  }
  return [...earliest.values()];
}

function newestFirst(a: { event: Event }, b: { event: Event }): number {
  const ta = a.event.time ?? '';
  const tb = b.event.time ?? '';
  if (ta !== tb) return ta < tb ? 1 : -1;
  return (
    a.event.position - b.event.position || (a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0)
  );
}

/** Quotes whose speaker the story knows come first (stable otherwise): "one agent" is a weaker attribution. */
export function preferKnownSpeakers<T extends { quote: Quote }>(found: readonly T[]): T[] {
  return [...found.filter((f) => f.quote.speakerId), ...found.filter((f) => !f.quote.speakerId)];
}
