// Configuration from the environment, validated once at start-up; errors name the variable and the expected form.
import { IANAZone } from 'luxon';
import { z } from 'zod';
import { fail, ok, type Result } from './errors.ts';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Discord credentials: present together or not at all. */
export interface DiscordConfig {
  token: string;
  applicationId: string;
  /** API base (proxies, tests against a fake); undefined = discord.com. */
  apiUrl?: string;
}

/** Slack credentials: a bot token plus a signing secret (HTTP) and/or an app token (Socket Mode). */
export interface SlackConfig {
  botToken: string;
  signingSecret?: string;
  appToken?: string;
  apiUrl?: string;
}

/** The validated configuration of one storybrief process. */
export interface Config {
  /** STORYBRIEF_DB: a directory (PGlite) or postgres:// URL. */
  storybriefDb?: string;
  /** DATABASE_URL: postgres:// URL. */
  databaseUrl?: string;
  discord: DiscordConfig | null;
  slack: SlackConfig | null;
  /** HTTP port for Slack events (HTTP mode). */
  port: number;
  /** Loopback admin endpoint port; 0 = any free port. */
  adminPort: number;
  logLevel: (typeof LOG_LEVELS)[number];
  /** Default IANA zone for texts without one and for digests. */
  timezone: string;
}

const token = (name: string) => z.string().regex(/^\S+$/, `${name} must be a token without spaces`);

const httpUrl = (name: string) =>
  z.string().refine((v) => {
    try {
      const u = new URL(v);
      return u.protocol === 'http:' || u.protocol === 'https:';
    } catch {
      return false;
    }
  }, `${name} must be an http(s) URL`);

const port = (name: string, min: number) =>
  z
    .string()
    .regex(/^\d+$/, `${name} must be a port number (${min}-65535)`)
    .transform(Number)
    .refine((n) => n >= min && n <= 65535, `${name} must be a port number (${min}-65535)`);

const EnvSchema = z.object({
  STORYBRIEF_DB: z.string().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'DATABASE_URL must be a postgres://user@host:port/database URL')
    .optional(),
  DISCORD_TOKEN: token('DISCORD_TOKEN').optional(),
  DISCORD_APPLICATION_ID: z
    .string()
    .regex(/^\d{5,25}$/, 'DISCORD_APPLICATION_ID must be a numeric Discord id (snowflake)')
    .optional(),
  DISCORD_API_URL: httpUrl('DISCORD_API_URL').optional(),
  SLACK_BOT_TOKEN: token('SLACK_BOT_TOKEN').optional(),
  SLACK_SIGNING_SECRET: token('SLACK_SIGNING_SECRET').optional(),
  SLACK_APP_TOKEN: token('SLACK_APP_TOKEN').optional(),
  SLACK_API_URL: httpUrl('SLACK_API_URL').optional(),
  PORT: port('PORT', 1).optional(),
  ADMIN_PORT: port('ADMIN_PORT', 0).optional(),
  LOG_LEVEL: z
    .string()
    .transform((v) => v.toLowerCase())
    .pipe(z.enum(LOG_LEVELS, `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`))
    .optional(),
  STORYBRIEF_TZ: z
    .string()
    .refine((v) => IANAZone.isValidZone(v), 'STORYBRIEF_TZ must be an IANA time zone such as Europe/London')
    .optional(),
});

const KEYS = Object.keys(EnvSchema.shape) as Array<keyof typeof EnvSchema.shape>;

function missing(group: string, have: string[], need: string[]): string | null {
  const absent = need.filter((n) => !have.includes(n));
  if (have.length === 0 || absent.length === 0) return null;
  return `${group} is incomplete: ${have.join(', ')} ${have.length === 1 ? 'is' : 'are'} set but ${absent.join(' and ')} ${absent.length === 1 ? 'is' : 'are'} missing`;
}

/** Validates the environment; blank values count as unset. */
export function loadConfig(env: NodeJS.ProcessEnv): Result<Config> {
  const raw: Record<string, string> = {};
  for (const key of KEYS) {
    const v = env[key]?.trim();
    if (v) raw[key] = v;
  }
  const parsed = EnvSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue.path[0] ?? 'configuration');
    const got =
      raw[name] === undefined
        ? ''
        : `, got "${raw[name].length > 60 ? `${raw[name].slice(0, 60)}…` : raw[name]}"`;
    const message = issue.message.startsWith(name) ? issue.message : `${name}: ${issue.message}`;
    const secret = /TOKEN|SECRET/.test(name);
    return fail('BAD_CONFIG', `${message}${secret ? '' : got}`);
  }
  const e = parsed.data;

  const discordSet = ['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID'].filter((k) => raw[k]);
  const discordGap = missing('Discord configuration', discordSet, [
    'DISCORD_TOKEN',
    'DISCORD_APPLICATION_ID',
  ]);
  if (discordGap) return fail('BAD_CONFIG', discordGap);

  const slackSet = ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN'].filter((k) => raw[k]);
  if (slackSet.length > 0 && !e.SLACK_BOT_TOKEN) {
    return fail(
      'BAD_CONFIG',
      `Slack configuration is incomplete: ${slackSet.join(', ')} set but SLACK_BOT_TOKEN is missing`,
    );
  }
  if (e.SLACK_BOT_TOKEN && !e.SLACK_SIGNING_SECRET && !e.SLACK_APP_TOKEN) {
    return fail(
      'BAD_CONFIG',
      'Slack configuration is incomplete: SLACK_BOT_TOKEN is set but SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode) is missing',
    );
  }

  return ok({
    storybriefDb: e.STORYBRIEF_DB,
    databaseUrl: e.DATABASE_URL,
    discord:
      e.DISCORD_TOKEN && e.DISCORD_APPLICATION_ID
        ? { token: e.DISCORD_TOKEN, applicationId: e.DISCORD_APPLICATION_ID, apiUrl: e.DISCORD_API_URL }
        : null,
    slack: e.SLACK_BOT_TOKEN
      ? {
          botToken: e.SLACK_BOT_TOKEN,
          signingSecret: e.SLACK_SIGNING_SECRET,
          appToken: e.SLACK_APP_TOKEN,
          apiUrl: e.SLACK_API_URL,
        }
      : null,
    port: e.PORT ?? 3000,
    adminPort: e.ADMIN_PORT ?? 0,
    logLevel: e.LOG_LEVEL ?? 'info',
    timezone: e.STORYBRIEF_TZ ?? 'Europe/London',
  });
}
