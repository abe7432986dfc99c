// Delivers scheduled messages to Slack over the Web API; message metadata carries the delivery id for crash checks.
import type { Briefing } from '../../briefings/briefing.ts';
import { type AttemptOutcome, type RetryPolicy, withRetries } from '../../schedule/http-retry.ts';
import type { DeliveryTarget, PartKey, Publisher, SendResult } from '../../schedule/publisher.ts';
import { renderSlackMessages, type SlackMessage } from './render.ts';

export const SLACK_API_DEFAULT = 'https://slack.com/api/';
/** The metadata event type our scheduled messages carry. */
export const DELIVERY_EVENT_TYPE = 'storybrief_delivery';

/** Errors meaning the channel is gone or closed to us: pause the subscription. */
const GONE_ERRORS = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'channel_is_archived',
  'access_denied',
  'restricted_action',
  'restricted_action_read_only_channel',
  'restricted_action_non_threadable_channel',
  'restricted_action_thread_only_channel',
  'team_access_not_granted',
  'ekm_access_denied',
  'missing_scope',
]);
/** Errors that concern the whole workspace or Slack itself: try again later, pause nothing. */
const TRANSIENT_ERRORS = new Set([
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
  'ratelimited',
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'account_inactive',
  'team_added_to_org',
]);
const HISTORY_PAGES_MAX = 10;

export interface SlackPublisherOptions {
  token: string;
  /** Web API base (SLACK_API_URL), default https://slack.com/api/. */
  apiUrl?: string;
  retry?: Partial<RetryPolicy>;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

type SlackBody = { ok?: boolean; error?: string; ts?: string } & Record<string, unknown>;

async function classify(res: Response): Promise<AttemptOutcome<SlackBody>> {
  if (res.status === 429) {
    const seconds = Number(res.headers.get('retry-after') ?? 1);
    return { kind: 'rate-limited', retryAfterMs: Math.ceil((Number.isFinite(seconds) ? seconds : 1) * 1000) };
  }
  if (res.status >= 500) return { kind: 'transient', reason: `Slack HTTP ${res.status}` };
  const body = (await res.json().catch(() => ({}))) as SlackBody;
  if (res.ok && body.ok) return { kind: 'ok', value: body };
  const error = body.error ?? `HTTP ${res.status}`;
  const what = `Slack: ${error}`;
  if (GONE_ERRORS.has(error)) return { kind: 'gone', reason: what };
  if (TRANSIENT_ERRORS.has(error) || !res.ok) return { kind: 'transient', reason: what };
  return { kind: 'rejected', reason: what };
}

/** A Publisher that posts SlackMessage parts with chat.postMessage and finds crashed sends with conversations.history. */
export function createSlackPublisher(opts: SlackPublisherOptions): Publisher<SlackMessage> {
  const base = (opts.apiUrl ?? SLACK_API_DEFAULT).replace(/\/*$/, '/');
  const doFetch = opts.fetch ?? fetch;
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const call = (method: string, body: Record<string, unknown>) =>
    withRetries(async () => {
      const res = await doFetch(`${base}${method}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${opts.token}`, 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      return classify(res);
    }, opts.retry);
  const publisher: Publisher<SlackMessage> = {
    platform: 'slack',
    render: (briefing: Briefing) => renderSlackMessages(briefing, { continuation: 'messages' }),
    async send(target: DeliveryTarget, message: SlackMessage, key: PartKey): Promise<SendResult> {
      const body = JSON.stringify({
        channel: target.channel,
        text: message.text,
        blocks: message.blocks,
        unfurl_links: false,
        unfurl_media: false,
        metadata: {
          event_type: DELIVERY_EVENT_TYPE,
          event_payload: { delivery_id: key.deliveryId, part: key.part },
        },
      });
      const startedAt = new Date();
      // After a network error the post may have landed: look in the channel before posting again.
      let ambiguous = false;
      const r = await withRetries<string>(async () => {
        if (ambiguous) {
          const found = await publisher.findSent(target, key, startedAt);
          if (found) return { kind: 'ok', value: found };
        }
        let res: Response;
        try {
          res = await doFetch(`${base}chat.postMessage`, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${opts.token}`,
              'content-type': 'application/json; charset=utf-8',
            },
            body,
            signal: AbortSignal.timeout(timeoutMs),
          });
        } catch (err) {
          ambiguous = true;
          return {
            kind: 'transient',
            reason: `network: ${err instanceof Error ? err.message : String(err)}`,
          };
        }
        const out = await classify(res);
        return out.kind === 'ok' ? { kind: 'ok', value: String(out.value.ts ?? '') } : out;
      }, opts.retry);
      if (!r.ok) return r;
      return { ok: true, messageId: r.value, rateLimitedMs: r.rateLimitedMs, retries: r.retries };
    },
    async findSent(target: DeliveryTarget, key: PartKey, since: Date): Promise<string | null> {
      let cursor: string | undefined;
      for (let page = 0; page < HISTORY_PAGES_MAX; page++) {
        const r = await call('conversations.history', {
          channel: target.channel,
          oldest: (Math.floor(since.getTime() / 1000) - 60).toString(),
          include_all_metadata: true,
          limit: 200,
          ...(cursor ? { cursor } : {}),
        });
        if (!r.ok) throw new Error(`cannot check the channel for an earlier send: ${r.reason}`);
        const messages = (r.value.messages as Array<Record<string, unknown>> | undefined) ?? [];
        for (const m of messages) {
          const meta = m.metadata as
            | { event_type?: string; event_payload?: Record<string, unknown> }
            | undefined;
          if (meta?.event_type !== DELIVERY_EVENT_TYPE) continue;
          if (
            meta.event_payload?.delivery_id === key.deliveryId &&
            Number(meta.event_payload?.part ?? 0) === key.part
          )
            return String(m.ts);
        }
        cursor =
          (r.value.response_metadata as { next_cursor?: string } | undefined)?.next_cursor || undefined;
        if (!cursor) return null;
      }
      return null;
    },
  };
  return publisher;
}
