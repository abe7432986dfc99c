// Breaking alerts: new entries that are marked breaking or rank as key news go to channels with alerts on, capped per hour.
import { createHash } from 'node:crypto';
import type { Briefing } from '../briefings/briefing.ts';
import { citedItem, createArticleLookup } from '../briefings/citations.ts';
import { rankKeyPoints } from '../briefings/key-points/index.ts';
import type { LedgerEntry } from '../store/delivery-ledger.ts';
import type { EventStore } from '../store/event-store.ts';
import type { ScheduledSubscription } from '../store/subscription-store.ts';
import type { Event } from '../store/types.ts';
import type { DeliveryJob } from './deliver-one.ts';
import { fanOut } from './digest-pass.ts';
import { emptyReport, type PassReport, type SchedulerDeps } from './scheduler-deps.ts';

/** Alerts one channel may get per hour; the excess is folded into one "N more updates" message. */
export const ALERTS_PER_CHANNEL_PER_HOUR = 5;
/** How many of a batch's new entries count as key news (by the key-point ranking). */
export const KEY_NEWS_PER_BATCH = 3;
const FOLD_LISTED_MAX = 10;

export interface AlertDeps extends SchedulerDeps {
  events: EventStore;
  capPerHour?: number;
}

/** The new entries worth an alert: marked breaking, or among the batch's top-ranked key news; never repeats. */
export function alertWorthy(added: Event[], keyNews = KEY_NEWS_PER_BATCH): Event[] {
  const fresh = added.filter((e) => !e.duplicateOf);
  const top = new Set(rankKeyPoints(fresh, { n: keyNews }).map((p) => p.event.id));
  return fresh
    .filter((e) => e.hints.includes('breaking') || top.has(e.id))
    .sort((a, b) => (a.time ?? '').localeCompare(b.time ?? '') || a.position - b.position);
}

function matches(sub: ScheduledSubscription, event: Event): boolean {
  return sub.topics.length === 0 || event.topics.some((t) => sub.topics.includes(t));
}

/** The briefing of one alert (an entry) or of a fold ("N more updates"). */
export async function alertBriefing(
  kind: 'alert' | 'alert-more',
  events: Event[],
  store: EventStore,
): Promise<Briefing | null> {
  if (events.length === 0) return null;
  const articles = createArticleLookup(store);
  if (kind === 'alert') {
    const e = events[0];
    const lead = e.paragraphs.find((p) => p.trim()) ?? '';
    return {
      kind: 'alert',
      title: `Breaking: ${e.headline || lead.slice(0, 200)}`,
      subtitle: '',
      sections: [
        { heading: e.headline || 'Update', items: [await citedItem(lead || e.headline, e, articles)] },
      ],
    };
  }
  const listed = events.slice(0, FOLD_LISTED_MAX);
  return {
    kind: 'alert',
    title: `${events.length} more update${events.length === 1 ? '' : 's'}`,
    subtitle: 'More new entries than the hourly alert limit; the next digest covers them.',
    sections: [
      {
        heading: 'Also new',
        items: await Promise.all(listed.map((e) => citedItem(e.headline, e, articles))),
      },
    ],
  };
}

/** Rebuilds an alert delivery's briefing from its ledger payload (after a crash). */
export async function alertContentFor(entry: LedgerEntry, store: EventStore): Promise<Briefing | null> {
  const ids = Array.isArray(entry.payload?.eventIds) ? (entry.payload.eventIds as string[]) : [];
  const events = await store.eventsByIds(ids);
  const order = new Map(ids.map((id, i) => [id, i]));
  events.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  return alertBriefing(entry.kind === 'alert-more' ? 'alert-more' : 'alert', events, store);
}

/**
 * Announces newly ingested entries to subscriptions with alerts on: one message per worthy entry matching their
 * topics, at most `capPerHour` per channel per hour, the rest folded into one message. Each (subscription, entry)
 * is claimed in the ledger first, so a re-run, another replica or a re-ingest never announces an entry twice.
 */
export async function announceNewEvents(added: Event[], deps: AlertDeps): Promise<PassReport> {
  const now = deps.clock.now();
  const report = emptyReport(now, deps.ledger.owner);
  const worthy = alertWorthy(added);
  if (worthy.length === 0 || deps.stopping?.()) return report;
  const cap = deps.capPerHour ?? ALERTS_PER_CHANNEL_PER_HOUR;
  const subs = (await deps.subscriptions.list({ active: true })).filter((s) => s.alerts);
  const briefings = new Map<string, Promise<Briefing | null>>();
  const briefingOf = (kind: 'alert' | 'alert-more', events: Event[]) => {
    const key = `${kind}:${events.map((e) => e.id).join(',')}`;
    let b = briefings.get(key);
    if (!b) {
      b = alertBriefing(kind, events, deps.events);
      briefings.set(key, b);
    }
    return { key, briefing: b };
  };
  const jobs: DeliveryJob[] = [];
  for (const sub of subs) {
    const mine = worthy.filter((e) => matches(sub, e));
    if (mine.length === 0) continue;
    let room = Math.max(
      0,
      cap - (await deps.ledger.countAlertsSince(sub.id, new Date(now.getTime() - 3600_000))),
    );
    const folded: Event[] = [];
    for (const event of mine) {
      const base = {
        subscriptionId: sub.id,
        windowKey: `alert:${event.id}`,
        dueAt: now,
        payload: { eventIds: [event.id] },
      };
      if (room > 0) {
        const entry = await deps.ledger.claim({ ...base, kind: 'alert' });
        if (!entry) continue;
        room--;
        report.claimed++;
        const { key, briefing } = briefingOf('alert', [event]);
        jobs.push({ entry, sub, resumed: false, contentKey: key, briefing: await briefing });
      } else if (
        await deps.ledger.record({
          ...base,
          kind: 'alert',
          state: 'skipped',
          error: 'folded: hourly alert limit',
        })
      ) {
        folded.push(event);
      }
    }
    if (folded.length > 0) {
      const ids = folded.map((e) => e.id);
      const digest = createHash('sha256').update(ids.join(',')).digest('hex').slice(0, 16);
      const entry = await deps.ledger.claim({
        subscriptionId: sub.id,
        windowKey: `alert-more:${digest}`,
        kind: 'alert-more',
        dueAt: now,
        payload: { eventIds: ids },
      });
      if (entry) {
        report.claimed++;
        const { key, briefing } = briefingOf('alert-more', folded);
        jobs.push({ entry, sub, resumed: false, contentKey: key, briefing: await briefing });
      }
    }
  }
  await fanOut(deps, jobs, report);
  return report;
}
