// GIVEN environment variables THEN loadConfig validates them, naming the variable and the expected form on error.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';

function error(env: Record<string, string>): string {
  const res = loadConfig(env);
  if (res.ok) throw new Error('expected a config error');
  expect(res.error.code).toBe('BAD_CONFIG');
  return res.error.message;
}

describe('loadConfig', () => {
  it('GIVEN nothing THEN defaults: no platforms, Europe/London, info, any admin port', () => {
    expect(loadConfig({})).toEqual({
      ok: true,
      value: {
        storybriefDb: undefined,
        databaseUrl: undefined,
        discord: null,
        slack: null,
        port: 3000,
        adminPort: 0,
        logLevel: 'info',
        timezone: 'Europe/London',
      },
    });
  });

  it('GIVEN complete platform groups THEN both are configured with their API bases', () => {
    const res = loadConfig({
      DISCORD_TOKEN: 'abc.def',
      DISCORD_APPLICATION_ID: '123456789012345678',
      DISCORD_API_URL: 'http://127.0.0.1:9999/api',
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_APP_TOKEN: 'xapp-1',
      SLACK_API_URL: 'https://slack.example/api/',
      PORT: '8080',
      ADMIN_PORT: '0',
      LOG_LEVEL: 'DEBUG',
      STORYBRIEF_TZ: 'America/New_York',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
    });
    if (!res.ok) throw new Error(res.error.message);
    expect(res.value.discord).toEqual({
      token: 'abc.def',
      applicationId: '123456789012345678',
      apiUrl: 'http://127.0.0.1:9999/api',
    });
    expect(res.value.slack).toMatchObject({
      botToken: 'xoxb-1',
      appToken: 'xapp-1',
      signingSecret: undefined,
    });
    expect(res.value).toMatchObject({ port: 8080, logLevel: 'debug', timezone: 'America/New_York' });
  });

  it('GIVEN wrong values THEN the message names the variable, the expected form and the value', () => {
    expect(error({ DISCORD_API_URL: 'discord.com/api' })).toBe(
      'DISCORD_API_URL must be an http(s) URL, got "discord.com/api"',
    );
    expect(error({ PORT: '99999' })).toMatch(/^PORT must be a port number .*got "99999"/);
    expect(error({ ADMIN_PORT: 'abc' })).toMatch(/^ADMIN_PORT must be a port number/);
    expect(error({ LOG_LEVEL: 'loud' })).toMatch(/^LOG_LEVEL must be one of fatal, error, warn, info/);
    expect(error({ STORYBRIEF_TZ: 'London' })).toMatch(
      /^STORYBRIEF_TZ must be an IANA time zone.*got "London"/,
    );
    expect(error({ DATABASE_URL: 'mysql://x' })).toMatch(/^DATABASE_URL must be a postgres:\/\//);
    expect(error({ DISCORD_TOKEN: 'a b', DISCORD_APPLICATION_ID: '12345678' })).toBe(
      'DISCORD_TOKEN must be a token without spaces',
    );
  });

  it('GIVEN half a platform group THEN the error names what is missing', () => {
    expect(error({ DISCORD_TOKEN: 'abc' })).toMatch(
      /DISCORD_TOKEN is set but DISCORD_APPLICATION_ID is missing/,
    );
    expect(error({ DISCORD_APPLICATION_ID: '123456789' })).toMatch(/DISCORD_TOKEN is missing/);
    expect(error({ SLACK_SIGNING_SECRET: 's' })).toMatch(/SLACK_BOT_TOKEN is missing/);
    expect(error({ SLACK_BOT_TOKEN: 'xoxb-1' })).toMatch(/SLACK_SIGNING_SECRET .* or SLACK_APP_TOKEN/);
  });

  it('GIVEN blank values THEN they count as unset', () => {
    const res = loadConfig({ DISCORD_TOKEN: '  ', PORT: '' });
    expect(res.ok && res.value.discord).toBe(null);
  });
});
