// Validates what a follow asks for (time, zone, topics, alerts) into a FollowInput, or an error with a code.
import { fail, ok, type Result } from '../errors.ts';
import type { FollowInput } from '../store/subscription-store.ts';
import { isValidTimezone } from './due-time.ts';

/** The topics a story offers (ids, optional labels and aliases); any story definition shape fits. */
export interface TopicCatalogue {
  topics: ReadonlyArray<{ id: string; label?: string; aliases?: string[] }>;
}

export const DEFAULT_FOLLOW_TIME = '08:00';
export const DEFAULT_FOLLOW_ZONE = 'UTC';

/** Raw follow options, as typed in chat or on the command line. */
export interface RawFollow {
  platform: string;
  workspace?: string | null;
  channel: string;
  time?: string | null;
  timezone?: string | null;
  /** Comma-separated, or already split. */
  topics?: string | string[] | null;
  /** on/off, true/false, yes/no, or a boolean. */
  alerts?: string | boolean | null;
  createdBy?: string | null;
}

const norm = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/gu, ' ');

/** Resolves a topic as written (id, label or alias, any case) to its id, or null. */
export function resolveTopicId(catalogue: TopicCatalogue, text: string): string | null {
  const n = norm(text);
  const hit = catalogue.topics.find((t) =>
    [t.id, t.label ?? '', ...(t.aliases ?? [])].some((a) => a && norm(a) === n),
  );
  return hit?.id ?? null;
}

/** Accepts H:MM or HH:MM (24 h); returns HH:MM. */
export function parseLocalTime(text: string): Result<string> {
  const m = /^\s*(\d{1,2}):(\d{2})\s*$/.exec(text);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59)
    return fail(
      'BAD_TIME',
      `“${text}” is not a time of day: use HH:MM on a 24-hour clock, e.g. 08:00 or 18:30.`,
    );
  return ok(`${m[1].padStart(2, '0')}:${m[2]}`);
}

export function parseAlerts(value: string | boolean | null | undefined): Result<boolean> {
  if (value === undefined || value === null || value === '') return ok(false);
  if (typeof value === 'boolean') return ok(value);
  const v = value.trim().toLowerCase();
  if (['on', 'true', 'yes', '1'].includes(v)) return ok(true);
  if (['off', 'false', 'no', '0'].includes(v)) return ok(false);
  return fail('BAD_OPTION', `alerts must be on or off, not “${value}”.`);
}

/** Validates a follow request completely; nothing is stored unless this returns ok. */
export function parseFollow(raw: RawFollow, catalogue: TopicCatalogue): Result<FollowInput> {
  if (raw.platform !== 'discord' && raw.platform !== 'slack' && raw.platform !== 'console')
    return fail('BAD_OPTION', `platform must be discord or slack, not “${raw.platform}”.`);
  const channel = raw.channel?.trim();
  if (!channel || /\s/.test(channel)) return fail('BAD_OPTION', 'a channel id is required (no spaces).');
  const time = parseLocalTime(raw.time?.trim() || DEFAULT_FOLLOW_TIME);
  if (!time.ok) return time;
  const timezone = raw.timezone?.trim() || DEFAULT_FOLLOW_ZONE;
  if (!isValidTimezone(timezone))
    return fail(
      'BAD_TIMEZONE',
      `“${timezone}” is not an IANA time zone: use a name such as Europe/London or America/New_York.`,
    );
  const list = Array.isArray(raw.topics) ? raw.topics : (raw.topics ?? '').split(',');
  const topics: string[] = [];
  for (const t of list.map((s) => s.trim()).filter(Boolean)) {
    const id = resolveTopicId(catalogue, t);
    if (!id)
      return fail(
        'UNKNOWN_TOPIC',
        `Unknown topic “${t}”. Topics: ${catalogue.topics.map((x) => x.id).join(', ')}.`,
      );
    if (!topics.includes(id)) topics.push(id);
  }
  const alerts = parseAlerts(raw.alerts);
  if (!alerts.ok) return alerts;
  return ok({
    platform: raw.platform,
    workspace: raw.workspace?.trim() || '-',
    channel,
    time: time.value,
    timezone,
    topics,
    alerts: alerts.value,
    createdBy: raw.createdBy ?? null,
  });
}
