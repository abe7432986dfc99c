// GIVEN the discord CLI group and a fake Discord API THEN `discord register` PUTs /news where asked.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../../src/bots/commands.ts';
import { runProgram } from '../../../src/cli/program.ts';
import { createCapturingContext } from '../../../src/cli/run-context.ts';
import { type FakeDiscordApi, startFakeDiscordApi } from '../../fakes/discord-api.ts';

let api: FakeDiscordApi;
beforeAll(async () => {
  api = await startFakeDiscordApi();
});
afterAll(async () => api.close());
beforeEach(() => api.reset());

async function run(args: string[], env: NodeJS.ProcessEnv) {
  const ctx = createCapturingContext({
    env,
    cwd: process.cwd(),
    globals: () => ({}),
    open: async () => {
      throw new Error('discord register must not open the store');
    },
  });
  const code = await runProgram(args, ctx, [() => import('../../../src/cli/discord.ts')]);
  return { code, ...ctx.output() };
}

const env = () => ({
  DISCORD_TOKEN: 'test.bot.token',
  DISCORD_APPLICATION_ID: '1310000000000000001',
  DISCORD_API_URL: api.url,
});

describe('storybrief discord register', () => {
  it('GIVEN --guild THEN the command set is PUT to that guild with the bot token', async () => {
    const r = await run(['discord', 'register', '--guild', '1290000000000000001'], env());
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const [put] = api.requests;
    expect(put.method).toBe('PUT');
    expect(put.path).toBe('/api/v10/applications/1310000000000000001/guilds/1290000000000000001/commands');
    expect(put.headers.authorization).toBe('Bot test.bot.token');
    const body = put.body as Array<{ name: string; options: unknown[] }>;
    expect(body).toHaveLength(1);
    expect(body[0].name).toBe('news');
    expect(body[0].options).toHaveLength(commands.length);
    expect(api.commands('1290000000000000001')).toHaveLength(1);
    expect(r.out).toContain(
      `registered /news with ${commands.length} subcommands in server 1290000000000000001`,
    );
  });

  it('GIVEN no --guild THEN global registration, and a 429 with retry_after is waited out', async () => {
    api.enqueue(
      { method: 'PUT' },
      { status: 429, body: { message: 'rate limited', retry_after: 0.2, global: false } },
    );
    const r = await run(['discord', 'register'], env());
    expect(r.code).toBe(0);
    const puts = api.find({ method: 'PUT', route: '/applications/1310000000000000001/commands' });
    expect(puts).toHaveLength(2);
    expect(puts[1].at - puts[0].at).toBeGreaterThanOrEqual(200);
    expect(r.out).toContain('globally');
  });

  it('GIVEN missing or malformed configuration THEN a message naming the variable, and no request', async () => {
    const missing = await run(['discord', 'register'], { DISCORD_API_URL: api.url });
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('DISCORD_TOKEN and DISCORD_APPLICATION_ID must be set');
    const bad = await run(['discord', 'register'], { ...env(), DISCORD_APPLICATION_ID: 'abc' });
    expect(bad.err).toContain('DISCORD_APPLICATION_ID');
    const badGuild = await run(['discord', 'register', '--guild', 'my-server'], env());
    expect(badGuild.err).toContain('--guild must be a numeric');
    expect(api.requests).toHaveLength(0);
  });

  it('GIVEN Discord rejects the token THEN a user error, not a stack trace', async () => {
    api.enqueue({ method: 'PUT' }, { status: 401, body: { message: '401: Unauthorized', code: 0 } });
    const r = await run(['discord', 'register'], env());
    expect(r.code).toBe(1);
    expect(r.err).toContain('Discord refused the registration');
    expect(r.err).not.toContain('    at ');
  });
});
