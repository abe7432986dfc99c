// The Publisher port: how the scheduler puts one rendered message part into one channel, idempotently.
import type { Briefing } from '../briefings/briefing.ts';

/** Where a delivery goes. */
export interface DeliveryTarget {
  workspace: string;
  channel: string;
}

/** Identifies one message part of one delivery; the platform adapters derive their idempotency keys from it. */
export interface PartKey {
  deliveryId: string;
  part: number;
}

/** The outcome of sending one part after the publisher's own bounded retries. */
export type SendResult =
  | { ok: true; messageId: string; rateLimitedMs?: number; retries?: number }
  /** The channel is gone or we lost access (403/404): pause the subscription with this reason. */
  | { ok: false; kind: 'gone'; reason: string }
  /** The platform refused this payload (other 4xx): do not retry it. */
  | { ok: false; kind: 'rejected'; reason: string }
  /** Retries exhausted (5xx, network, auth): give the delivery back for a later pass. */
  | { ok: false; kind: 'transient'; reason: string };

/** One platform's delivery over its Web/REST API (no gateway session). M is the rendered message type. */
export interface Publisher<M = unknown> {
  readonly platform: 'discord' | 'slack' | 'console';
  /** Renders a briefing into this platform's message parts (done once per distinct briefing). */
  render(briefing: Briefing): M[];
  send(target: DeliveryTarget, message: M, key: PartKey): Promise<SendResult>;
  /**
   * Looks in the channel for a part an earlier (crashed) attempt may already have posted; its message id or null.
   * Platforms whose send is idempotent by itself (Discord nonce) may always answer null. Throws when it cannot look.
   */
  findSent(target: DeliveryTarget, key: PartKey, since: Date): Promise<string | null>;
}
