// Slack settings from the environment, validated once with zod into a SlackConfig or a BAD_CONFIG error.
import { z } from 'zod';
import { fail, ok, type Result } from '../../errors.ts';

/** Validated Slack settings. Socket Mode when appToken is set; otherwise HTTP on port at /slack/events. */
export interface SlackConfig {
  botToken: string;
  /** Required for the HTTP receiver (request signatures); unused in Socket Mode. */
  signingSecret?: string;
  appToken?: string;
  port: number;
  /** Interface to listen on in HTTP mode (default all). */
  host?: string;
  /** Web API base, e.g. http://127.0.0.1:9999/api/ (SLACK_API_URL). */
  apiUrl?: string;
}

const EnvSchema = z
  .object({
    SLACK_BOT_TOKEN: z
      .string({ error: 'SLACK_BOT_TOKEN is missing: set it to the Bot User OAuth Token (xoxb-…)' })
      .trim()
      .regex(/^xoxb-\S+$/, 'SLACK_BOT_TOKEN must be a bot token that starts with xoxb-'),
    SLACK_SIGNING_SECRET: z.string().trim().min(1).optional(),
    SLACK_APP_TOKEN: z
      .string()
      .trim()
      .regex(/^xapp-\S+$/, 'SLACK_APP_TOKEN must be an app-level token that starts with xapp- (Socket Mode)')
      .optional(),
    PORT: z
      .string()
      .trim()
      .regex(/^\d{1,5}$/, 'PORT must be a port number such as 3000')
      .transform(Number)
      .refine((n) => n >= 0 && n <= 65535, 'PORT must be between 0 and 65535')
      .optional(),
    SLACK_API_URL: z
      .string()
      .trim()
      .url('SLACK_API_URL must be an absolute URL such as https://slack.com/api/')
      .refine((u) => /^https?:/.test(u), 'SLACK_API_URL must be an http(s) URL')
      .optional(),
  })
  .refine((e) => e.SLACK_APP_TOKEN || e.SLACK_SIGNING_SECRET, {
    message:
      'SLACK_SIGNING_SECRET is missing: the HTTP receiver needs it (or set SLACK_APP_TOKEN to use Socket Mode)',
    path: ['SLACK_SIGNING_SECRET'],
  });

const blankToUndefined = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v);

/** Reads SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_APP_TOKEN, PORT and SLACK_API_URL. */
export function loadSlackConfig(env: NodeJS.ProcessEnv): Result<SlackConfig> {
  const parsed = EnvSchema.safeParse({
    SLACK_BOT_TOKEN: blankToUndefined(env.SLACK_BOT_TOKEN),
    SLACK_SIGNING_SECRET: blankToUndefined(env.SLACK_SIGNING_SECRET),
    SLACK_APP_TOKEN: blankToUndefined(env.SLACK_APP_TOKEN),
    PORT: blankToUndefined(env.PORT),
    SLACK_API_URL: blankToUndefined(env.SLACK_API_URL),
  });
  if (!parsed.success) return fail('BAD_CONFIG', parsed.error.issues.map((i) => i.message).join('; '));
  const e = parsed.data;
  return ok({
    botToken: e.SLACK_BOT_TOKEN,
    signingSecret: e.SLACK_SIGNING_SECRET,
    appToken: e.SLACK_APP_TOKEN,
    port: e.PORT ?? 3000,
    apiUrl: e.SLACK_API_URL ? withApiSlash(e.SLACK_API_URL) : undefined,
  });
}

/** The Web API client wants a base ending in a slash (https://slack.com/api/). */
export function withApiSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/** Whether a Slack token is configured at all (the console adapter runs otherwise). */
export function hasSlackToken(env: NodeJS.ProcessEnv): boolean {
  return !!blankToUndefined(env.SLACK_BOT_TOKEN);
}
