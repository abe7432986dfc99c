// GIVEN the shipped manifest THEN it declares /news, the scopes used, App Home and both modes; the CLI prints it.
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { loadSlackManifest, manifestForHttp } from '../../../src/bots/slack/manifest.ts';
import type { CliContext } from '../../../src/cli/context.ts';
import { register } from '../../../src/cli/slack.ts';

async function runCli(args: string[]) {
  let out = '';
  let err = '';
  const ctx: CliContext = {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
    store: () => Promise.reject(new Error('the manifest needs no store')),
    globals: () => ({}),
    cwd: process.cwd(),
    env: {},
  };
  const program = new Command('storybrief').exitOverride();
  register(program, ctx);
  let error: unknown = null;
  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (e) {
    error = e;
  }
  return { out, err, error };
}

describe('Slack app manifest', () => {
  it('declares the /news command, App Home, the events and the scopes the adapter calls', async () => {
    const m = await loadSlackManifest();
    expect(m.features.slash_commands.map((c) => c.command)).toEqual(['/news']);
    expect(m.features.app_home.home_tab_enabled).toBe(true);
    expect(m.settings.event_subscriptions.bot_events).toContain('app_home_opened');
    expect(m.settings.socket_mode_enabled).toBe(true);
    expect(m.settings.event_subscriptions.request_url).toMatch(/\/slack\/events$/);
    // chat.postMessage (+ public channels without joining), users.info, conversations.info/history.
    for (const scope of [
      'commands',
      'chat:write',
      'chat:write.public',
      'users:read',
      'channels:read',
      'channels:history',
    ]) {
      expect(m.oauth_config.scopes.bot).toContain(scope);
    }
  });

  it('has an HTTP variant pointing the command and events at <url>/slack/events', async () => {
    const m = await loadSlackManifest();
    const http = manifestForHttp(m, 'https://news.example.com/');
    expect(http.ok).toBe(true);
    if (!http.ok) return;
    expect(http.value.settings.socket_mode_enabled).toBe(false);
    expect(http.value.settings.event_subscriptions.request_url).toBe('https://news.example.com/slack/events');
    expect(http.value.features.slash_commands[0].url).toBe('https://news.example.com/slack/events');
    expect(m.settings.socket_mode_enabled).toBe(true); // the shipped one is untouched
    expect(manifestForHttp(m, 'http://insecure.example.com').ok).toBe(false);
    expect(manifestForHttp(m, 'not a url').ok).toBe(false);
  });

  it('`storybrief slack manifest` prints it as JSON; --url gives the HTTP variant; a bad --url is refused', async () => {
    const plain = await runCli(['slack', 'manifest']);
    expect(plain.error).toBeNull();
    expect(JSON.parse(plain.out)).toEqual(await loadSlackManifest());
    const http = await runCli(['slack', 'manifest', '--url', 'https://bot.example.org']);
    expect(JSON.parse(http.out).settings.socket_mode_enabled).toBe(false);
    const bad = await runCli(['slack', 'manifest', '--url', 'ftp://x']);
    expect(bad.out).toBe('');
    expect(String((bad.error as Error)?.message)).toMatch(/https/);
  });
});
