// Test helper: sends requests to the app signed exactly as Slack signs them (v0 HMAC-SHA256 of v0:ts:body).
import { createHmac } from 'node:crypto';

export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignedPostOptions {
  secret: string;
  /** Unix seconds for X-Slack-Request-Timestamp (default now). */
  timestamp?: number;
  /** Override the signature header (to send a wrong one). */
  signature?: string;
  contentType?: string;
}

/** POSTs body to url with Slack's signature headers; returns status, body text and elapsed milliseconds. */
export async function postSigned(url: string, body: string, opts: SignedPostOptions) {
  const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': opts.contentType ?? 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': opts.signature ?? slackSignature(opts.secret, timestamp, body),
    },
    body,
  });
  const text = await res.text();
  return { status: res.status, text, ms: performance.now() - started };
}

/** A slash-command payload as Slack form-encodes it. */
export function slashCommandForm(fields: {
  text: string;
  response_url: string;
  channel_id?: string;
  user_id?: string;
}) {
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: 'T0FAKE',
    team_domain: 'fake',
    channel_id: fields.channel_id ?? 'C0NEWS',
    channel_name: 'news',
    user_id: fields.user_id ?? 'U0ALICE',
    user_name: 'alice',
    command: '/news',
    text: fields.text,
    api_app_id: 'A0APP',
    is_enterprise_install: 'false',
    response_url: fields.response_url,
    trigger_id: '123.456.abc',
  }).toString();
}
