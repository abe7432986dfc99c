// GIVEN the five seed texts ingested into an in-memory store THEN real briefings render, preview and reply correctly.

import { readFileSync } from 'node:fs';
import { REST } from '@discordjs/rest';
import type { APIInteraction } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { autocomplete } from '../../../src/bots/autocomplete.ts';
import type { CommandServices } from '../../../src/bots/command-types.ts';
import { commands } from '../../../src/bots/commands.ts';
import { createInteractionListener } from '../../../src/bots/discord/bot.ts';
import { messageLimitViolations } from '../../../src/bots/discord/limits.ts';
import { renderDiscordMessages } from '../../../src/bots/discord/render.ts';
import { createRestResponder } from '../../../src/bots/discord/responder.ts';
import { runCommand } from '../../../src/bots/dispatch.ts';
import { parseCommandLine } from '../../../src/bots/grammar.ts';
import { runProgram } from '../../../src/cli/program.ts';
import { createCapturingContext } from '../../../src/cli/run-context.ts';
import { fixedClock } from '../../../src/clock.ts';
import { loadConfig } from '../../../src/config.ts';
import { parseStory } from '../../../src/ingest/story.ts';
import { seedBundledSources } from '../../../src/main.ts';
import { openStore } from '../../../src/store/open-store.ts';
import { type FakeDiscordApi, startFakeDiscordApi } from '../../fakes/discord-api.ts';

type Store = Awaited<ReturnType<typeof openStore>>;
let store: Store;
let services: CommandServices;
let api: FakeDiscordApi;
const NOW = '2026-01-07T09:00:00Z';
const invoker = {
  platform: 'discord',
  workspace: 'g',
  channel: 'c',
  user: 'u',
  canManageChannel: true,
} as const;
const fixture = (name: string): APIInteraction =>
  JSON.parse(readFileSync(new URL(`../../fixtures/discord/${name}`, import.meta.url), 'utf8'));

beforeAll(async () => {
  store = await openStore({ db: 'memory://', env: {}, cwd: process.cwd(), command: 'test' });
  const config = loadConfig({});
  if (!config.ok) throw new Error(config.error.message);
  await seedBundledSources(store, config.value);
  const story = parseStory(
    JSON.parse(readFileSync(new URL('../../../data/stories/ukraine-russia.json', import.meta.url), 'utf8')),
  );
  if (!story.ok) throw new Error(story.error.message);
  services = { events: store.events, clock: fixedClock(NOW), story: story.value };
  api = await startFakeDiscordApi();
}, 180_000);
afterAll(async () => {
  await store?.close();
  await api?.close();
});

const LINES = [
  'brief date:2026-01-06',
  'timeline',
  'brief date:2025-02-12',
  'lists',
  'search Greenland',
  'digest date:2026-01-06',
  'help',
];

describe('Discord rendering of briefings built from the seeds', () => {
  it.each(LINES)(
    'GIVEN /news %s THEN every message is within Discord limits and mentions nobody',
    async (line) => {
      const parsed = parseCommandLine(line);
      if (!parsed.ok) throw new Error(parsed.error.message);
      const outcome = await runCommand(parsed.value.name, parsed.value.raw, { services, invoker });
      if (!outcome.ok) throw new Error(`${line}: ${outcome.error.message}`);
      const messages = renderDiscordMessages(outcome.briefing, { paginate: { key: 'k' } });
      expect(messages.length).toBeGreaterThan(0);
      for (const m of messages) {
        expect(messageLimitViolations(m)).toEqual([]);
        expect(m.allowed_mentions).toEqual({ parse: [] });
      }
      // Nothing is dropped: every item's first words appear in the rendered text.
      const text = messages
        .flatMap((m) => m.embeds.map((e) => e.description ?? ''))
        .join('\n')
        .replace(/\\(.)/g, '$1');
      for (const section of outcome.briefing.sections)
        for (const item of section.items)
          expect(text).toContain(item.text.trim().split(/\s+/).slice(0, 4).join(' '));
    },
  );

  it("GIVEN /news brief date:2026-01-06 THEN the editors' Key Points of seed 002, each with its time", async () => {
    const outcome = await runCommand('brief', { date: '2026-01-06' }, { services, invoker });
    if (!outcome.ok) throw new Error(outcome.error.message);
    const [m] = renderDiscordMessages(outcome.briefing);
    const description = m.embeds[0].description ?? '';
    expect(description).toContain(
      "Ukraine's allies sign 'declaration of intent' to deploy forces in event of peace",
    );
    expect(description).toContain('Zelensky reshuffles top officials');
    expect(description.match(/^• .*<t:\d+:t>$/gm)?.length).toBeGreaterThanOrEqual(5);
    expect(m.embeds[0].footer?.text).toMatch(/Coverage: .*2026.*Sources: Ukraine-Russia war latest/);
  });
});

describe('storybrief preview', () => {
  async function preview(args: string[]) {
    const ctx = createCapturingContext({
      env: {},
      cwd: process.cwd(),
      globals: () => ({}),
      open: async () => store,
      ownsStore: false,
    });
    const code = await runProgram(['preview', ...args], ctx, [() => import('../../../src/cli/preview.ts')]);
    return { code, ...ctx.output() };
  }

  it('GIVEN --platform discord brief date:2026-01-06 THEN a JSON array of valid Discord payloads', async () => {
    const r = await preview(['--platform', 'discord', '--now', NOW, 'brief', 'date:2026-01-06']);
    expect(r.err).toBe('');
    const payloads = JSON.parse(r.out);
    expect(Array.isArray(payloads)).toBe(true);
    for (const p of payloads) {
      expect(Object.keys(p).sort()).toEqual(['allowed_mentions', 'embeds']);
      expect(messageLimitViolations(p)).toEqual([]);
    }
    expect(payloads[0].embeds[0].description).toContain('declaration of intent');
  });

  it('GIVEN --platform slack THEN the Slack renderer payloads ({text, blocks})', async () => {
    const r = await preview(['--platform', 'slack', '--now', NOW, 'search', 'Greenland']);
    expect(r.err).toBe('');
    const payloads = JSON.parse(r.out);
    expect(payloads.length).toBeGreaterThan(0);
    expect(typeof payloads[0].text).toBe('string');
    expect(Array.isArray(payloads[0].blocks)).toBe(true);
  });

  it('GIVEN bad input THEN exit 1 with the user-error message on stderr and nothing on stdout', async () => {
    for (const args of [
      ['--platform', 'teams', 'brief'],
      ['--platform', 'discord', 'nonsense'],
      ['--platform', 'discord', 'brief', 'date:yesterday-ish'],
      ['--platform', 'discord', '--now', 'soon', 'brief'],
    ]) {
      const r = await preview(args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.out).toBe('');
      expect(r.err).toMatch(/^storybrief: /);
    }
  });
});

describe('gateway listener with the real catalogue', () => {
  it('GIVEN an INTERACTION_CREATE packet for /news brief THEN the real briefing reaches the fake API', async () => {
    api.reset();
    const listen = createInteractionListener({
      commands,
      runCommand,
      autocomplete,
      services,
      responder: createRestResponder(new REST({ api: api.url })),
    });
    expect(await listen({ t: 'GUILD_CREATE', d: {} })).toBeNull();
    const outcome = await listen({ t: 'INTERACTION_CREATE', d: fixture('command-brief-date.json') });
    expect(outcome).toMatchObject({ kind: 'command', ok: true });
    const [cb] = api.find({ route: /\/callback$/ });
    const body = cb.body as { type: number; data: { embeds: Array<{ description: string }> } };
    expect(body.type).toBe(4);
    expect(body.data.embeds[0].description).toContain('declaration of intent');
  });

  it('GIVEN autocomplete "2026" for a date THEN the days with coverage, drawn from the data', async () => {
    api.reset();
    const listen = createInteractionListener({
      commands,
      runCommand,
      autocomplete,
      services,
      responder: createRestResponder(new REST({ api: api.url })),
    });
    const payload = fixture('autocomplete-quotes-speaker.json') as APIInteraction & { data: unknown };
    payload.data = {
      id: '1310000000000000100',
      name: 'news',
      type: 1,
      options: [
        { name: 'brief', type: 1, options: [{ name: 'date', type: 3, value: '2026', focused: true }] },
      ],
    };
    await listen({ t: 'INTERACTION_CREATE', d: payload });
    const [cb] = api.find({ route: /\/callback$/ });
    const choices = (cb.body as { data: { choices: Array<{ name: string; value: string }> } }).data.choices;
    expect(choices.map((c) => c.value)).toContain('2026-01-06');
  });
});
