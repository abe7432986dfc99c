// `/news feeds`: the live blogs and feeds that feed the story, with their state; also a "Feeds" section for `/news sources`.
import { z } from 'zod';
import type { Briefing, BriefingItem, BriefingSection } from '../../briefings/briefing.ts';
import { formatInterval } from '../../sources/durations.ts';
import type { Source } from '../../store/source-store.ts';
import type { CommandDefinition, CommandServices } from '../command-types.ts';

/** What the command reads: `services.sources` (createSourceStore from src/store/source-store.ts). */
interface SourceLister {
  list(): Promise<Source[]>;
}

function listerOf(services: CommandServices): SourceLister | null {
  const s = services.sources as Partial<SourceLister> | undefined;
  return s && typeof s.list === 'function' ? (s as SourceLister) : null;
}

/** The URL as shown in chat: without query or fragment (they may carry keys). */
function shownUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return url;
  }
}

function itemOf(s: Source): BriefingItem {
  const kind = s.kind === 'feed' ? 'feed' : s.kind === 'page' ? 'page' : 'not fetched yet';
  const state = s.paused
    ? `paused: ${s.pausedReason ?? 'no reason given'}`
    : s.failures > 0
      ? `failing (${s.lastError ?? 'error'}), retrying`
      : s.lastSuccessAt
        ? `last checked ${s.lastSuccessAt.slice(0, 16).replace('T', ' ')} UTC`
        : 'waiting for the first check';
  return {
    text: s.title ? `${s.title} — ${shownUrl(s.url)}` : shownUrl(s.url),
    citation: null,
    detail: [kind, `every ${formatInterval(s.intervalMs)}`, `${s.eventsAdded} entries`, state].join(' · '),
  };
}

/** The "Feeds" section listing followed sources; null when the bot has no source store or follows nothing. */
export async function feedsSection(services: CommandServices): Promise<BriefingSection | null> {
  const lister = listerOf(services);
  if (!lister) return null;
  const all = await lister.list();
  if (all.length === 0) return null;
  return { heading: 'Feeds', items: all.map(itemOf) };
}

/** Adds the "Feeds" section to a briefing (the dataset `/news sources` calls this). */
export async function withFeedsSection(briefing: Briefing, services: CommandServices): Promise<Briefing> {
  const section = await feedsSection(services);
  return section ? { ...briefing, sections: [...briefing.sections, section] } : briefing;
}

const schema = z.object({});

export const feedsCommand: CommandDefinition<z.infer<typeof schema>> = {
  name: 'feeds',
  description: 'Which live blogs and feeds the story follows, and whether they are working',
  options: [],
  schema,
  ephemeral: true,
  async run(_args, ctx): Promise<Briefing> {
    const lister = listerOf(ctx.services);
    const section = await feedsSection(ctx.services);
    const count = section?.items.length ?? 0;
    return {
      kind: 'sources',
      title: 'Feeds',
      subtitle: !lister
        ? 'This bot does not follow feeds (no source store is wired).'
        : count === 0
          ? 'No live blog or feed is followed. An operator adds one with `storybrief sources add URL`.'
          : `${count} followed ${count === 1 ? 'source' : 'sources'}; new entries reach channels with alerts on.`,
      sections: section ? [section] : [],
    };
  },
};
