// Delivers scheduled messages to Discord over REST (no gateway): nonce + enforce_nonce make resends idempotent.
import { createHash } from 'node:crypto';
import type { Briefing } from '../../briefings/briefing.ts';
import { type AttemptOutcome, type RetryPolicy, withRetries } from '../../schedule/http-retry.ts';
import type { DeliveryTarget, PartKey, Publisher, SendResult } from '../../schedule/publisher.ts';
import { type DiscordMessage, renderDiscordMessages } from './render.ts';

export const DISCORD_API_DEFAULT = 'https://discord.com/api/v10';
/** Discord accepts nonces of at most 25 characters. */
const NONCE_MAX = 25;

export interface DiscordPublisherOptions {
  token: string;
  /** REST base (DISCORD_API_URL), default https://discord.com/api/v10. */
  apiUrl?: string;
  retry?: Partial<RetryPolicy>;
  fetch?: typeof fetch;
  /** Per-request timeout (default 15 s). */
  timeoutMs?: number;
}

/** The nonce of one part of one delivery: stable across processes and restarts, 25 characters. */
export function deliveryNonce(key: PartKey): string {
  return createHash('sha256').update(`${key.deliveryId}:${key.part}`).digest('hex').slice(0, NONCE_MAX);
}

async function classify(res: Response): Promise<AttemptOutcome<string>> {
  const body = (await res.json().catch(() => ({}))) as {
    id?: string;
    message?: string;
    code?: number;
    retry_after?: number;
  };
  if (res.ok && body.id) return { kind: 'ok', value: body.id };
  if (res.status === 429) {
    const seconds = Number(body.retry_after ?? res.headers.get('retry-after') ?? 1);
    return { kind: 'rate-limited', retryAfterMs: Math.ceil((Number.isFinite(seconds) ? seconds : 1) * 1000) };
  }
  const what = `Discord ${res.status}${body.message ? `: ${body.message}` : ''}${body.code ? ` (code ${body.code})` : ''}`;
  if (res.status === 403 || res.status === 404) return { kind: 'gone', reason: what };
  if (res.status >= 500 || res.status === 401 || res.ok) return { kind: 'transient', reason: what };
  return { kind: 'rejected', reason: what };
}

/** A Publisher that posts DiscordMessage parts to channels with POST /channels/{id}/messages. */
export function createDiscordPublisher(opts: DiscordPublisherOptions): Publisher<DiscordMessage> {
  const base = (opts.apiUrl ?? DISCORD_API_DEFAULT).replace(/\/+$/, '');
  const doFetch = opts.fetch ?? fetch;
  const timeoutMs = opts.timeoutMs ?? 15_000;
  return {
    platform: 'discord',
    render: (briefing: Briefing) => renderDiscordMessages(briefing),
    async send(target: DeliveryTarget, message: DiscordMessage, key: PartKey): Promise<SendResult> {
      const body = JSON.stringify({
        content: message.content,
        embeds: message.embeds,
        allowed_mentions: { parse: [] },
        nonce: deliveryNonce(key),
        enforce_nonce: true,
      });
      const r = await withRetries(async () => {
        const res = await doFetch(`${base}/channels/${encodeURIComponent(target.channel)}/messages`, {
          method: 'POST',
          headers: {
            authorization: `Bot ${opts.token}`,
            'content-type': 'application/json',
            'user-agent': 'DiscordBot (storybrief, 0.1.0)',
          },
          body,
          signal: AbortSignal.timeout(timeoutMs),
        });
        return classify(res);
      }, opts.retry);
      return r.ok ? { ok: true, messageId: r.value, rateLimitedMs: r.rateLimitedMs, retries: r.retries } : r;
    },
    // Discord returns the original message when a nonce is reused with enforce_nonce, so a resend is safe.
    findSent: async () => null,
  };
}
