// The delivery ledger over SQL: one row per (subscription, window key); the database decides who sends.
import { randomUUID } from 'node:crypto';
import type { Sql } from './sql.ts';
import { isoOrNull } from './subscription-store.ts';
import type { Delivery } from './types.ts';

export type DeliveryKind = 'digest' | 'alert' | 'alert-more' | 'backfill';

/** A ledger row with what a replica needs to (re)send it. */
export interface LedgerEntry extends Delivery {
  kind: DeliveryKind;
  partsSent: number;
  dueAt: string | null;
  windowFrom: string | null;
  windowTo: string | null;
  payload: Record<string, unknown> | null;
  error: string | null;
  leaseUntil: string | null;
  /** When the row was first claimed (database time). */
  createdAt: string;
}

export interface ClaimInput {
  subscriptionId: string;
  windowKey: string;
  kind: DeliveryKind;
  late?: boolean;
  dueAt?: Date | null;
  windowFrom?: Date | null;
  windowTo?: Date | null;
  payload?: Record<string, unknown> | null;
}

export interface DeliveryLedger {
  /** The replica id written into claimed_by. */
  readonly owner: string;
  /** How long a claim lasts without renewal. */
  readonly leaseMs: number;
  /** Which of these (subscription, window key) pairs already have a row, as `subscriptionId|windowKey`. */
  existing(subscriptionIds: string[], windowKeys: string[]): Promise<Set<string>>;
  /** Claims a window for this replica (INSERT … ON CONFLICT DO NOTHING); null when any row for it exists. */
  claim(input: ClaimInput): Promise<LedgerEntry | null>;
  /** Records a final outcome without sending ('skipped', 'missed'); false when the window already had a row. */
  record(input: ClaimInput & { state: 'skipped' | 'missed' | 'failed'; error?: string }): Promise<boolean>;
  /**
   * Takes over claimed/sending rows whose lease expired (their replica died or stopped), with
   * FOR UPDATE SKIP LOCKED so two replicas never take the same row. Returns them as they were (state kept).
   */
  reclaimExpired(limit?: number): Promise<LedgerEntry[]>;
  /** Extends the lease of rows this replica holds. */
  renew(ids: string[]): Promise<void>;
  /** claimed -> sending (only while this replica holds it); false when it lost the row. */
  markSending(id: string): Promise<boolean>;
  /** Records that parts [0, partsSent) are in the channel. */
  progress(id: string, partsSent: number, messageId: string | null): Promise<void>;
  /** Final state for a row this replica holds. */
  finish(
    id: string,
    state: 'sent' | 'skipped' | 'failed' | 'missed',
    fields?: { messageId?: string | null; error?: string | null },
  ): Promise<boolean>;
  /** Gives a held row back (lease ends now) so any replica can take it at once. */
  release(id: string, error?: string | null): Promise<void>;
  get(subscriptionId: string, windowKey: string): Promise<LedgerEntry | null>;
  list(filter?: { subscriptionId?: string; kind?: DeliveryKind }): Promise<LedgerEntry[]>;
  /** Alerts (and folds) claimed or sent for a subscription whose announce instant (due_at) is at or after `since`. */
  countAlertsSince(subscriptionId: string, since: Date): Promise<number>;
}

type Row = Record<string, unknown>;

function fromRow(r: Row): LedgerEntry {
  return {
    id: String(r.id),
    subscriptionId: String(r.subscription_id),
    windowKey: String(r.window_key),
    state: r.state as Delivery['state'],
    attempts: Number(r.attempts),
    platformMessageId: (r.platform_message_id as string | null) ?? null,
    late: Boolean(r.late),
    claimedBy: (r.claimed_by as string | null) ?? null,
    updatedAt: isoOrNull(r.updated_at) ?? '',
    kind: String(r.kind) as DeliveryKind,
    partsSent: Number(r.parts_sent),
    dueAt: isoOrNull(r.due_at),
    windowFrom: isoOrNull(r.window_from),
    windowTo: isoOrNull(r.window_to),
    payload:
      typeof r.payload === 'string'
        ? JSON.parse(r.payload)
        : ((r.payload as Record<string, unknown>) ?? null),
    error: (r.error as string | null) ?? null,
    leaseUntil: isoOrNull(r.lease_until),
    createdAt: isoOrNull(r.created_at) ?? '',
  };
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** A ledger bound to one replica (`owner`), with claims leased for `leaseMs` of database time. */
export function createDeliveryLedger(
  sql: Sql,
  opts: { owner?: string; leaseMs?: number } = {},
): DeliveryLedger {
  const owner = opts.owner ?? `replica-${process.pid}-${randomUUID().slice(0, 8)}`;
  const leaseMs = Math.max(100, opts.leaseMs ?? 60_000);
  const leaseSql = `clock_timestamp() + make_interval(secs => ${leaseMs / 1000})`;
  const insert = async (input: ClaimInput, state: string, error: string | null) => {
    const { rows } = await sql.query<Row>(
      `INSERT INTO deliveries (id, subscription_id, window_key, kind, state, attempts, late, due_at, window_from, window_to,
         payload, claimed_by, lease_until, error)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, ${state === 'claimed' ? leaseSql : 'NULL'}, $13)
       ON CONFLICT (subscription_id, window_key) DO NOTHING
       RETURNING *`,
      [
        `dlv_${randomUUID()}`,
        input.subscriptionId,
        input.windowKey,
        input.kind,
        state,
        state === 'claimed' ? 1 : 0,
        input.late ?? false,
        iso(input.dueAt),
        iso(input.windowFrom),
        iso(input.windowTo),
        input.payload ? JSON.stringify(input.payload) : null,
        owner,
        error,
      ],
    );
    return rows[0] ? fromRow(rows[0]) : null;
  };
  return {
    owner,
    leaseMs,
    async existing(subscriptionIds, windowKeys) {
      if (subscriptionIds.length === 0 || windowKeys.length === 0) return new Set();
      const { rows } = await sql.query<{ subscription_id: string; window_key: string }>(
        'SELECT subscription_id, window_key FROM deliveries WHERE subscription_id = ANY($1::text[]) AND window_key = ANY($2::text[])',
        [subscriptionIds, windowKeys],
      );
      return new Set(rows.map((r) => `${r.subscription_id}|${r.window_key}`));
    },
    claim: (input) => insert(input, 'claimed', null),
    async record(input) {
      return (await insert(input, input.state, input.error ?? null)) !== null;
    },
    async reclaimExpired(limit = 100) {
      return sql.transaction(async (tx) => {
        const { rows } = await tx.query<Row>(
          `SELECT * FROM deliveries WHERE state IN ('claimed', 'sending') AND lease_until < clock_timestamp()
           ORDER BY lease_until LIMIT $1 FOR UPDATE SKIP LOCKED`,
          [limit],
        );
        if (rows.length === 0) return [];
        const ids = rows.map((r) => String(r.id));
        const { rows: taken } = await tx.query<Row>(
          `UPDATE deliveries SET claimed_by = $2, lease_until = ${leaseSql}, attempts = attempts + 1, updated_at = now()
           WHERE id = ANY($1::text[]) RETURNING *`,
          [ids, owner],
        );
        return taken.map(fromRow);
      });
    },
    async renew(ids) {
      if (ids.length === 0) return;
      await sql.query(
        `UPDATE deliveries SET lease_until = ${leaseSql} WHERE id = ANY($1::text[]) AND claimed_by = $2 AND state IN ('claimed', 'sending')`,
        [ids, owner],
      );
    },
    async markSending(id) {
      const { rows } = await sql.query(
        `UPDATE deliveries SET state = 'sending', lease_until = ${leaseSql}, updated_at = now()
         WHERE id = $1 AND claimed_by = $2 AND state IN ('claimed', 'sending') RETURNING id`,
        [id, owner],
      );
      return rows.length > 0;
    },
    async progress(id, partsSent, messageId) {
      await sql.query(
        `UPDATE deliveries SET parts_sent = GREATEST(parts_sent, $2), platform_message_id = COALESCE(platform_message_id, $3),
           lease_until = ${leaseSql}, updated_at = now() WHERE id = $1 AND claimed_by = $4`,
        [id, partsSent, messageId, owner],
      );
    },
    async finish(id, state, fields = {}) {
      const { rows } = await sql.query(
        `UPDATE deliveries SET state = $2, platform_message_id = COALESCE($3, platform_message_id), error = $4,
           lease_until = NULL, updated_at = now()
         WHERE id = $1 AND claimed_by = $5 AND state IN ('claimed', 'sending') RETURNING id`,
        [id, state, fields.messageId ?? null, fields.error ?? null, owner],
      );
      return rows.length > 0;
    },
    async release(id, error = null) {
      await sql.query(
        `UPDATE deliveries SET lease_until = clock_timestamp() - interval '1 second', error = COALESCE($3, error), updated_at = now()
         WHERE id = $1 AND claimed_by = $2 AND state IN ('claimed', 'sending')`,
        [id, owner, error],
      );
    },
    async get(subscriptionId, windowKey) {
      const { rows } = await sql.query<Row>(
        'SELECT * FROM deliveries WHERE subscription_id = $1 AND window_key = $2',
        [subscriptionId, windowKey],
      );
      return rows[0] ? fromRow(rows[0]) : null;
    },
    async list(filter = {}) {
      const where: string[] = [];
      const params: unknown[] = [];
      if (filter.subscriptionId) {
        params.push(filter.subscriptionId);
        where.push(`subscription_id = $${params.length}`);
      }
      if (filter.kind) {
        params.push(filter.kind);
        where.push(`kind = $${params.length}`);
      }
      const { rows } = await sql.query<Row>(
        `SELECT * FROM deliveries ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at, window_key`,
        params,
      );
      return rows.map(fromRow);
    },
    async countAlertsSince(subscriptionId, since) {
      const { rows } = await sql.query<{ n: unknown }>(
        `SELECT count(*) AS n FROM deliveries WHERE subscription_id = $1 AND kind IN ('alert', 'alert-more')
         AND state IN ('claimed', 'sending', 'sent') AND due_at >= $2`,
        [subscriptionId, since.toISOString()],
      );
      return Number(rows[0]?.n ?? 0);
    },
  };
}
