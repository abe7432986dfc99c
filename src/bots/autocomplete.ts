// Suggestions while typing an option: speakers (quoted in coverage or known aliases), topics, dates with coverage.
import { DateTime } from 'luxon';
import { zoneOf } from '../briefings/deps.ts';
import { storyTopicsForSuggest } from '../briefings/story-access.ts';
import { dayWindow, formatDay, localDay } from '../briefings/time.ts';
import type { CommandServices } from './command-types.ts';
import { briefingDeps, storyOf } from './commands/briefing-deps.ts';

/** Most choices Discord accepts in one autocomplete response. */
export const MAX_CHOICES = 25;
/** Discord's limit on a choice's name and value. */
const MAX_CHOICE_CHARS = 100;
/** How many past days with coverage `date` suggests. */
const DATE_DAYS = 10;

type Choice = { name: string; value: string };

const clip = (s: string) => (s.length > MAX_CHOICE_CHARS ? `${s.slice(0, MAX_CHOICE_CHARS - 1)}…` : s);
const norm = (s: string) => s.trim().toLowerCase();

/** Up to 25 choices for the option being typed; never throws (an empty list on trouble). */
export async function autocomplete(
  kind: 'speaker' | 'topic' | 'date',
  prefix: string,
  services: CommandServices,
): Promise<Array<{ name: string; value: string }>> {
  try {
    const p = norm(typeof prefix === 'string' ? prefix : '');
    const choices =
      kind === 'speaker'
        ? await speakers(p, services)
        : kind === 'topic'
          ? topics(p, services)
          : kind === 'date'
            ? await dates(p, services)
            : [];
    const seen = new Set<string>();
    const out: Choice[] = [];
    for (const c of choices) {
      const value = clip(c.value);
      if (seen.has(value)) continue;
      seen.add(value);
      out.push({ name: clip(c.name), value });
      if (out.length >= MAX_CHOICES) break;
    }
    return out;
  } catch {
    return [];
  }
}

/** True when any word of the name starts with the prefix ("wit" → "Steve Witkoff"), or the name does. */
function wordPrefix(name: string, prefix: string): boolean {
  const n = norm(name);
  return !prefix || n.startsWith(prefix) || n.split(/[\s-]+/u).some((w) => w.startsWith(prefix));
}

/**
 * Quoted speakers whose name starts with the prefix (most quoted first, an indexed store query), then the
 * story's people any of whose names has a word starting with it ("wit" → Steve Witkoff).
 */
async function speakers(prefix: string, services: CommandServices): Promise<Choice[]> {
  const seen = await services.events.speakers(prefix || undefined, MAX_CHOICES);
  const out: Choice[] = seen.map((s) => ({ name: `${s.name} (${s.count})`, value: s.name }));
  const names = new Set(seen.map((s) => norm(s.name)));
  for (const e of storyOf(services).entities) {
    if (e.type !== 'person' || names.has(norm(e.name))) continue;
    if ([e.name, ...e.aliases].some((n) => wordPrefix(n, prefix))) out.push({ name: e.name, value: e.name });
  }
  return out;
}

function topics(prefix: string, services: CommandServices): Choice[] {
  const story = storyOf(services);
  return storyTopicsForSuggest(story)
    .filter(
      (t) => !prefix || t.words.some((w) => norm(w).startsWith(prefix) || norm(w).includes(` ${prefix}`)),
    )
    .map((t) => ({ name: t.label, value: t.id }));
}

async function dates(prefix: string, services: CommandServices): Promise<Choice[]> {
  const tz = await zoneOf(briefingDeps(services));
  const now = DateTime.fromJSDate(services.clock.now()).setZone(tz);
  const out: Choice[] = [
    { name: `today (${formatDay(now.toISODate()!)})`, value: 'today' },
    { name: `yesterday (${formatDay(now.minus({ days: 1 }).toISODate()!)})`, value: 'yesterday' },
  ];
  // Walk back day by day through the coverage: one indexed query per day.
  let before: string | null = null;
  for (let i = 0; i < DATE_DAYS; i++) {
    const [latest] = await services.events.events({
      from: '1970-01-01T00:00:00Z',
      to: before,
      order: 'desc',
      limit: 1,
    });
    if (!latest?.time) break;
    const day = localDay(latest.time, tz);
    out.push({ name: `${day} (${formatDay(day)})`, value: day });
    before = dayWindow(day, tz).from;
  }
  return out.filter((c) => !prefix || c.value.startsWith(prefix) || norm(c.name).startsWith(prefix));
}
