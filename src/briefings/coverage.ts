// Picks the coverage a briefing reads: the window the user asked for, or the latest day with coverage.
import { DateTime } from 'luxon';
import { UserError } from '../errors.ts';
import type { Event } from '../store/types.ts';
import { type BriefingDeps, clockOf, latestEvent, MAX_WINDOW_EVENTS } from './deps.ts';

export { latestEvent };

import { dayWindow, formatDay, formatWindow, localDay, resolveWindow, type Window } from './time.ts';

/** Hour (local) before which a live blog's overnight entries still belong to the previous news day. */
const NEWS_DAY_ROLLOVER_HOUR = 6;

const EPOCH = '1970-01-01T00:00:00Z';

/**
 * The latest local day with coverage. A live blog that runs past midnight keeps its overnight entries
 * (before 06:00) on the day it started, so `brief` after a late night still shows that day.
 */
export async function latestCoverageDay(
  deps: BriefingDeps,
  tz: string,
  topic?: string,
): Promise<string | null> {
  const latest = await latestEvent(deps, topic);
  if (!latest?.time) return null;
  const local = DateTime.fromISO(latest.time, { zone: 'utc' }).setZone(tz);
  const day = local.toISODate()!;
  if (local.hour >= NEWS_DAY_ROLLOVER_HOUR) return day;
  const previous = local.minus({ days: 1 }).toISODate()!;
  const eve = dayWindow(previous, tz);
  const [sameBlog] = await deps.events.events({
    from: eve.from,
    to: eve.to,
    articleId: latest.articleId,
    order: 'desc',
    limit: 1,
  });
  return sameBlog ? previous : day;
}

/** A resolved coverage window with its label. */
export interface ChosenWindow {
  window: Window;
  /** The local day when the window is one day. */
  day: string | null;
  label: string;
}

/**
 * The window from date / from / to options, or — when none is given — the latest day with coverage.
 * Throws NOTHING_FOUND when the store holds no coverage at all.
 */
export async function chooseWindow(
  spec: { date?: string; from?: string; to?: string },
  deps: BriefingDeps,
  tz: string,
  topic?: string,
): Promise<ChosenWindow> {
  const given = resolveWindow(spec, clockOf(deps), tz);
  if (given) return { ...given, label: given.day ? formatDay(given.day) : formatWindow(given.window, tz) };
  const day = await latestCoverageDay(deps, tz, topic);
  if (!day) throw new UserError('NOTHING_FOUND', 'There is no coverage yet: ingest some articles first.');
  return { window: dayWindow(day, tz), day, label: formatDay(day) };
}

/**
 * Events of a window (optionally one topic), oldest first, bounded by MAX_WINDOW_EVENTS: when the window
 * holds more, the newest MAX_WINDOW_EVENTS are kept.
 */
export async function windowEvents(deps: BriefingDeps, window: Window, topic?: string): Promise<Event[]> {
  const newest = await deps.events.events({
    from: window.from ?? EPOCH,
    to: window.to,
    topic,
    order: 'desc',
    limit: MAX_WINDOW_EVENTS,
  });
  return newest.reverse();
}

/** A UserError saying the window has no coverage, naming the latest day that does. */
export async function nothingInWindow(
  deps: BriefingDeps,
  tz: string,
  what: string,
  label: string,
  topic?: string,
): Promise<UserError> {
  const latest = await latestEvent(deps, topic);
  const hint = latest?.time
    ? ` The latest coverage${topic ? ' on that topic' : ''} is from ${formatDay(localDay(latest.time, tz))}.`
    : '';
  return new UserError('NOTHING_FOUND', `No ${what} for ${label}.${hint}`);
}
