// GIVEN recorded interaction payloads THEN the handler replies through @discordjs/rest to a fake Discord API.
import { readFileSync } from 'node:fs';
import { REST } from '@discordjs/rest';
import type { APIInteraction } from 'discord-api-types/v10';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CommandServices } from '../../../src/bots/command-types.ts';
import { handleInteraction, type InteractionDeps } from '../../../src/bots/discord/handle-interaction.ts';
import { messageLimitViolations } from '../../../src/bots/discord/limits.ts';
import { createMemoryPageStore } from '../../../src/bots/discord/page-store.ts';
import { createRestResponder } from '../../../src/bots/discord/responder.ts';
import { fixedClock } from '../../../src/clock.ts';
import type { EventStore } from '../../../src/store/event-store.ts';
import { type FakeDiscordApi, startFakeDiscordApi } from '../../fakes/discord-api.ts';
import { createTestRunCommand, testAutocomplete, testCommands } from './test-catalogue.ts';

const fixture = (name: string): APIInteraction =>
  JSON.parse(readFileSync(new URL(`../../fixtures/discord/${name}`, import.meta.url), 'utf8'));

let api: FakeDiscordApi;
let deps: InteractionDeps;
const services: CommandServices = { events: {} as EventStore, clock: fixedClock('2026-01-07T08:00:00Z') };

beforeAll(async () => {
  api = await startFakeDiscordApi();
});
afterAll(async () => api.close());
beforeEach(() => {
  api.reset();
  const rest = new REST({ api: api.url, retries: 0 }).setToken('test-token');
  deps = {
    commands: testCommands,
    runCommand: createTestRunCommand(),
    autocomplete: testAutocomplete,
    services,
    responder: createRestResponder(rest),
    pages: createMemoryPageStore(),
    newKey: () => 'fixtureKey',
  };
});

const callbacks = () => api.find({ method: 'POST', route: /\/callback$/ });
// biome-ignore lint/suspicious/noExplicitAny: recorded JSON bodies are read loosely in assertions
type Body = { type: number; data: Record<string, any> };

describe('handleInteraction', () => {
  it('GIVEN /news brief date:2026-01-06 THEN one public message with the key points embed, mentions off', async () => {
    const outcome = await handleInteraction(fixture('command-brief-date.json'), deps);
    expect(outcome).toEqual({ kind: 'command', ok: true, pages: 1 });
    const [cb] = callbacks();
    expect(cb.route).toMatch(/^\/interactions\/1320000000000000001\/[^/]+\/callback$/);
    const body = cb.body as Body;
    expect(body.type).toBe(4);
    expect(body.data.flags).toBeUndefined();
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
    expect(body.data.embeds[0].title).toBe('Key Points — 6 January 2026');
    expect(cb.headers.authorization).toBeUndefined();
  });

  it('GIVEN hostile text in an option THEN the user error is ephemeral, escaped, and mentions nobody', async () => {
    const outcome = await handleInteraction(fixture('command-quotes-hostile.json'), deps);
    expect(outcome).toMatchObject({ kind: 'command', ok: false, code: 'UNKNOWN_SPEAKER' });
    const body = callbacks()[0].body as Body;
    expect(body.data.flags).toBe(64);
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
    expect(body.data.content).toContain(
      'No quotes from @\u200beveryone \\<@1280000000000000002\\> \\*\\*Witkoff\\*\\*',
    );
  });

  it('GIVEN follow by a member without Manage Channels THEN refused ephemerally and the command never runs', async () => {
    let ran = false;
    const run = createTestRunCommand();
    deps.runCommand = async (...args) => {
      ran = true;
      return run(...args);
    };
    const outcome = await handleInteraction(fixture('command-follow-member.json'), deps);
    expect(outcome).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(ran).toBe(false);
    const body = callbacks()[0].body as Body;
    expect(body.data.flags).toBe(64);
    expect(body.data.content).toContain('Manage Channels');
  });

  it('GIVEN follow by a member with Manage Channels THEN it runs with canManageChannel and typed options', async () => {
    let seen: unknown;
    const run = createTestRunCommand();
    deps.runCommand = async (name, raw, ctx) => {
      seen = { raw, invoker: ctx.invoker };
      return run(name, raw, ctx);
    };
    const outcome = await handleInteraction(fixture('command-follow-manager.json'), deps);
    expect(outcome.ok).toBe(true);
    expect(seen).toEqual({
      raw: { time: '08:00', timezone: 'Europe/London', channel: '1290000000000000010' },
      invoker: {
        platform: 'discord',
        workspace: '1290000000000000001',
        channel: '1290000000000000010',
        user: '1280000000000000001',
        canManageChannel: true,
      },
    });
  });

  it('GIVEN an unknown subcommand THEN an ephemeral error, not a crash', async () => {
    const outcome = await handleInteraction(fixture('command-unknown-sub.json'), deps);
    expect(outcome).toMatchObject({ ok: false, code: 'UNKNOWN_COMMAND' });
    expect((callbacks()[0].body as Body).data.flags).toBe(64);
  });

  it('GIVEN slow work THEN the reply is deferred within the deadline and the original edited', async () => {
    deps.runCommand = createTestRunCommand({ delayMs: 300 });
    deps.deferAfterMs = 50;
    const outcome = await handleInteraction(fixture('command-brief-date.json'), deps);
    expect(outcome).toEqual({ kind: 'command', ok: true, deferred: true, pages: 1 });
    const [cb] = callbacks();
    expect((cb.body as Body).type).toBe(5);
    const [edit] = api.find({ method: 'PATCH', route: /\/messages\/@original$/ });
    expect(edit.route).toMatch(/^\/webhooks\/1310000000000000001\//);
    expect((edit.body as Body['data']).embeds[0].title).toBe('Key Points — 6 January 2026');
    expect(edit.at).toBeGreaterThan(cb.at);
  });

  it('GIVEN slow work that fails THEN the public placeholder is removed and the error sent ephemerally', async () => {
    deps.runCommand = createTestRunCommand({ delayMs: 200 });
    deps.deferAfterMs = 20;
    const outcome = await handleInteraction(fixture('command-quotes-hostile.json'), deps);
    expect(outcome).toMatchObject({ ok: false, code: 'UNKNOWN_SPEAKER', deferred: true });
    expect(api.find({ method: 'DELETE', route: /\/messages\/@original$/ })).toHaveLength(1);
    const [follow] = api.find({ method: 'POST', route: /^\/webhooks\/[^/]+\/[^/]+$/ });
    expect((follow.body as Body['data']).flags).toBe(64);
  });

  it('GIVEN the command crashes THEN a generic ephemeral error and no stack reaches chat', async () => {
    deps.runCommand = createTestRunCommand({ crash: true });
    const outcome = await handleInteraction(fixture('command-brief-date.json'), deps);
    expect(outcome).toMatchObject({ ok: false, code: 'INTERNAL' });
    const body = callbacks()[0].body as Body;
    expect(body.data.flags).toBe(64);
    expect(body.data.content).not.toContain('exploded');
  });

  it('GIVEN a long digest THEN page 1 with buttons, and the Next button shows page 2', async () => {
    // biome-ignore lint/suspicious/noExplicitAny: editing a recorded payload
    const command = fixture('command-brief-date.json') as any;
    command.data.options = [{ name: 'digest', type: 1, options: [{ name: 'items', type: 4, value: 240 }] }];
    const outcome = await handleInteraction(command, deps);
    expect(outcome.pages).toBeGreaterThan(2);
    const first = callbacks()[0].body as Body;
    expect(messageLimitViolations(first.data)).toEqual([]);
    expect(first.data.components[0].components[2].custom_id).toBe('news:page:fixtureKey:n:1');

    const next = await handleInteraction(fixture('component-next-page.json'), deps);
    expect(next).toMatchObject({ kind: 'page', ok: true });
    const update = callbacks()[1].body as Body;
    expect(update.type).toBe(7);
    expect(update.data.embeds.at(-1).footer.text).toContain(`Page 2/${outcome.pages}`);
    expect(update.data.allowed_mentions).toEqual({ parse: [] });
  });

  it('GIVEN a page button whose pages expired THEN an ephemeral "run it again"', async () => {
    const outcome = await handleInteraction(fixture('component-next-page.json'), deps);
    expect(outcome).toMatchObject({ kind: 'page', ok: false });
    expect((callbacks()[0].body as Body).data.content).toContain('expired');
  });

  it('GIVEN autocomplete for speaker "wit" THEN choices from the data, within the limits', async () => {
    const outcome = await handleInteraction(fixture('autocomplete-quotes-speaker.json'), deps);
    expect(outcome).toEqual({ kind: 'autocomplete', ok: true });
    const body = callbacks()[0].body as Body;
    expect(body).toEqual({ type: 8, data: { choices: [{ name: 'Steve Witkoff', value: 'Steve Witkoff' }] } });
  });

  it('GIVEN autocomplete that throws THEN an empty list, still answered', async () => {
    deps.autocomplete = async () => {
      throw new Error('store down');
    };
    const outcome = await handleInteraction(fixture('autocomplete-quotes-speaker.json'), deps);
    expect(outcome).toMatchObject({ kind: 'autocomplete', ok: false });
    expect(callbacks()[0].body).toEqual({ type: 8, data: { choices: [] } });
  });

  it('GIVEN a PING THEN PONG', async () => {
    expect(await handleInteraction(fixture('ping.json'), deps)).toEqual({ kind: 'ping', ok: true });
    expect(callbacks()[0].body).toEqual({ type: 1 });
  });

  it('GIVEN garbage payloads THEN it never throws', async () => {
    const garbage: unknown[] = [
      {},
      { type: 2 },
      { type: 2, data: { name: 'news', options: 'x' } },
      { type: 4, data: null },
      { type: 3, data: { custom_id: 42 } },
      { type: 99 },
    ];
    for (const g of garbage) {
      const outcome = await handleInteraction(g as APIInteraction, deps);
      expect(outcome.kind).toBeDefined();
    }
  });

  it('GIVEN Discord answers 429 with retry_after THEN the client waits and the reply still arrives', async () => {
    api.enqueue(
      { method: 'POST', route: /\/callback$/ },
      { status: 429, body: { message: 'You are being rate limited.', retry_after: 0.25, global: false } },
    );
    const outcome = await handleInteraction(fixture('command-brief-date.json'), deps);
    expect(outcome.ok).toBe(true);
    const attempts = callbacks();
    expect(attempts).toHaveLength(2);
    expect(attempts[1].at - attempts[0].at).toBeGreaterThanOrEqual(250);
  });
});
