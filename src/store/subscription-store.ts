// Subscriptions over SQL: which channels follow the story, when, on which topics, and whether paused.
import { randomUUID } from 'node:crypto';
import type { Sql } from './sql.ts';
import type { Subscription } from './types.ts';

/** What a follow sets; the rest (id, createdAt, paused…) the store decides. */
export interface FollowInput {
  platform: Subscription['platform'];
  workspace: string;
  channel: string;
  time: string;
  timezone: string;
  topics: string[];
  alerts: boolean;
  createdBy: string | null;
}

export interface ChannelRef {
  platform: Subscription['platform'];
  workspace: string;
  channel: string;
}

/** A subscription as the scheduler sees it: with the end of its last digest's coverage window. */
export interface ScheduledSubscription extends Subscription {
  lastWindowEnd: string | null;
}

export interface SubscriptionStore {
  /** Creates the channel's subscription, or updates it (and resumes it) when it exists. */
  follow(input: FollowInput, at: Date): Promise<{ subscription: ScheduledSubscription; created: boolean }>;
  /** Removes the channel's subscription; false when there was none. */
  unfollow(ref: ChannelRef): Promise<boolean>;
  get(id: string): Promise<ScheduledSubscription | null>;
  find(ref: ChannelRef): Promise<ScheduledSubscription | null>;
  list(filter?: {
    platform?: Subscription['platform'];
    workspace?: string;
    active?: boolean;
  }): Promise<ScheduledSubscription[]>;
  pause(id: string, reason: string): Promise<void>;
  /** Records a delivered digest: when it went out, and the end of the coverage it carried. */
  markDelivered(id: string, deliveredAt: Date, windowEnd: Date): Promise<void>;
}

/** Timestamps come back as Date (PGlite) or text (pg); both become ISO 8601 UTC. */
export function isoOrNull(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString();
  const s = String(v)
    .replace(' ', 'T')
    .replace(/([+-]\d\d)$/, '$1:00');
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

function toTopics(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(String);
  if (typeof v === 'string' && v.startsWith('{')) {
    const inner = v.slice(1, -1);
    return inner ? inner.split(',').map((s) => s.replace(/^"|"$/g, '')) : [];
  }
  return [];
}

type Row = Record<string, unknown>;

function fromRow(r: Row): ScheduledSubscription {
  return {
    id: String(r.id),
    platform: r.platform as Subscription['platform'],
    workspace: String(r.workspace),
    channel: String(r.channel),
    time: String(r.local_time),
    timezone: String(r.timezone),
    topics: toTopics(r.topics),
    alerts: Boolean(r.alerts),
    createdBy: (r.created_by as string | null) ?? null,
    createdAt: isoOrNull(r.created_at) ?? '',
    paused: Boolean(r.paused),
    pausedReason: (r.paused_reason as string | null) ?? null,
    lastDeliveredAt: isoOrNull(r.last_delivered_at),
    lastWindowEnd: isoOrNull(r.last_window_end),
  };
}

/** Subscriptions repository on the shared SQL port (PGlite or Postgres). */
export function createSubscriptionStore(sql: Sql): SubscriptionStore {
  const byRef = async (ref: ChannelRef) => {
    const { rows } = await sql.query<Row>(
      'SELECT * FROM subscriptions WHERE platform = $1 AND workspace = $2 AND channel = $3',
      [ref.platform, ref.workspace, ref.channel],
    );
    return rows[0] ? fromRow(rows[0]) : null;
  };
  return {
    async follow(input, at) {
      const { rows } = await sql.query<Row & { inserted: boolean }>(
        `INSERT INTO subscriptions (id, platform, workspace, channel, local_time, timezone, topics, alerts, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (platform, workspace, channel) DO UPDATE SET
           local_time = EXCLUDED.local_time, timezone = EXCLUDED.timezone, topics = EXCLUDED.topics,
           alerts = EXCLUDED.alerts, paused = false, paused_reason = NULL
         RETURNING *, (xmax = 0) AS inserted`,
        [
          `sub_${randomUUID()}`,
          input.platform,
          input.workspace,
          input.channel,
          input.time,
          input.timezone,
          input.topics,
          input.alerts,
          input.createdBy,
          at.toISOString(),
        ],
      );
      const row = rows[0];
      return { subscription: fromRow(row), created: Boolean(row.inserted) };
    },
    async unfollow(ref) {
      const { rows } = await sql.query(
        'DELETE FROM subscriptions WHERE platform = $1 AND workspace = $2 AND channel = $3 RETURNING id',
        [ref.platform, ref.workspace, ref.channel],
      );
      return rows.length > 0;
    },
    async get(id) {
      const { rows } = await sql.query<Row>('SELECT * FROM subscriptions WHERE id = $1', [id]);
      return rows[0] ? fromRow(rows[0]) : null;
    },
    find: byRef,
    async list(filter = {}) {
      const where: string[] = [];
      const params: unknown[] = [];
      if (filter.platform) {
        params.push(filter.platform);
        where.push(`platform = $${params.length}`);
      }
      if (filter.workspace) {
        params.push(filter.workspace);
        where.push(`workspace = $${params.length}`);
      }
      if (filter.active) where.push('NOT paused');
      const { rows } = await sql.query<Row>(
        `SELECT * FROM subscriptions ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY platform, workspace, channel`,
        params,
      );
      return rows.map(fromRow);
    },
    async pause(id, reason) {
      await sql.query('UPDATE subscriptions SET paused = true, paused_reason = $2 WHERE id = $1', [
        id,
        reason,
      ]);
    },
    async markDelivered(id, deliveredAt, windowEnd) {
      await sql.query(
        `UPDATE subscriptions SET last_delivered_at = GREATEST(COALESCE(last_delivered_at, $2::timestamptz), $2::timestamptz),
           last_window_end = GREATEST(COALESCE(last_window_end, $3::timestamptz), $3::timestamptz) WHERE id = $1`,
        [id, deliveredAt.toISOString(), windowEnd.toISOString()],
      );
    },
  };
}
