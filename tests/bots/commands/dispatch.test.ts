// GIVEN raw options as Discord (typed) or text (strings) sends them THEN runCommand validates, runs, and explains errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { autocomplete } from '../../../src/bots/autocomplete.ts';
import type { CommandContext, CommandServices, Invoker } from '../../../src/bots/command-types.ts';
import { commands, findCommand } from '../../../src/bots/commands.ts';
import { runCommand } from '../../../src/bots/dispatch.ts';
import { parseCommandLine } from '../../../src/bots/grammar.ts';
import { fixedClock } from '../../../src/clock.ts';
import type { EventStore } from '../../../src/store/event-store.ts';
import { openSeedStore, type SeedStore } from '../../briefings/seed-store.ts';

let seed: SeedStore;
let ctx: CommandContext;
const invoker: Invoker = {
  platform: 'discord',
  workspace: 'g1',
  channel: 'c1',
  user: 'u1',
  canManageChannel: false,
};

beforeAll(async () => {
  seed = await openSeedStore();
  const services: CommandServices = {
    events: seed.events,
    clock: fixedClock('2026-01-08T09:00:00Z'),
    stories: [seed.story],
  };
  ctx = { services, invoker };
});
afterAll(async () => {
  await seed?.close();
});

async function text(line: string) {
  const parsed = parseCommandLine(line);
  if (!parsed.ok) return { ok: false as const, error: parsed.error };
  return runCommand(parsed.value.name, parsed.value.raw, ctx);
}

describe('catalogue', () => {
  it('GIVEN the catalogue THEN one definition per subcommand, Discord-valid names and descriptions, required options first', () => {
    const names = commands.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of [
      'brief',
      'lists',
      'timeline',
      'quotes',
      'topic',
      'search',
      'digest',
      'sources',
      'help',
    ]) {
      expect(findCommand(name)?.name).toBe(name);
    }
    for (const c of commands) {
      expect(c.name).toMatch(/^[a-z][a-z-]{0,31}$/);
      expect(c.description.length).toBeLessThanOrEqual(100);
      expect(c.options.filter((o) => o.positional).length).toBeLessThanOrEqual(1);
      const firstOptional = c.options.findIndex((o) => !o.required);
      if (firstOptional >= 0) expect(c.options.slice(firstOptional).some((o) => o.required)).toBe(false);
      for (const o of c.options) {
        expect(o.name).toMatch(/^[a-z][a-z0-9_-]{0,31}$/);
        expect(o.description.length).toBeLessThanOrEqual(100);
      }
    }
    expect(findCommand('BRIEF')?.name).toBe('brief');
    expect(findCommand('nope')).toBeUndefined();
  });
});

describe('runCommand', () => {
  it('GIVEN typed Discord values THEN they validate like text', async () => {
    const typed = await runCommand('brief', { generated: true, limit: 3, date: '2026-01-06' }, ctx);
    const fromText = await text('/news brief generated:yes limit:3 date:2026-01-06');
    expect(typed.ok).toBe(true);
    expect(fromText).toEqual(typed);
    if (typed.ok) {
      expect(typed.ephemeral).toBe(false);
      expect(typed.briefing.sections[0]!.items).toHaveLength(3);
    }
  });

  it('GIVEN an unknown subcommand THEN the list of subcommands', async () => {
    const r = await runCommand('breif', {}, ctx);
    expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } });
    if (!r.ok) for (const c of commands) expect(r.error.message).toContain(c.name);
  });

  it('GIVEN a bad date, limit or unknown option THEN BAD_OPTION / BAD_DATE naming the option', async () => {
    const date = await runCommand('brief', { date: 'tomorrowish' }, ctx);
    expect(date).toMatchObject({ ok: false, error: { code: 'BAD_OPTION' } });
    if (!date.ok) expect(date.error.message).toMatch(/date.*2026-01-06/s);
    const impossible = await runCommand('brief', { date: '2026-02-31' }, ctx);
    expect(impossible).toMatchObject({ ok: false, error: { code: 'BAD_DATE' } });
    const limit = await runCommand('brief', { limit: 'many' }, ctx);
    expect(limit).toMatchObject({ ok: false, error: { code: 'BAD_OPTION' } });
    if (!limit.ok) expect(limit.error.message).toContain('limit');
    const unknown = await runCommand('brief', { colour: 'red' }, ctx);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'BAD_OPTION' } });
    if (!unknown.ok) expect(unknown.error.message).toContain('colour');
    const missing = await runCommand('topic', {}, ctx);
    expect(missing).toMatchObject({ ok: false, error: { code: 'BAD_OPTION' } });
    if (!missing.ok) expect(missing.error.message).toContain('/news topic <topic>');
  });

  it('GIVEN an unknown speaker THEN UNKNOWN_SPEAKER with did-you-mean', async () => {
    const r = await text('/news quotes Witkofx');
    expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_SPEAKER' } });
    if (!r.ok) expect(r.error.message).toMatch(/did you mean .*Witkoff/i);
  });

  it('GIVEN a day without coverage THEN NOTHING_FOUND naming the latest covered day', async () => {
    const r = await text('/news timeline from:2024-01-01 to:2024-01-02');
    expect(r).toMatchObject({ ok: false, error: { code: 'NOTHING_FOUND' } });
    if (!r.ok) expect(r.error.message).toMatch(/latest coverage is from/i);
  });

  it('GIVEN help THEN an ephemeral briefing listing every subcommand', async () => {
    const r = await text('/news help');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.ephemeral).toBe(true);
      expect(r.briefing.sections[0]!.items).toHaveLength(commands.length);
    }
    const one = await text('/news help quotes');
    expect(one.ok && one.briefing.title).toBe('/news quotes');
  });

  it('GIVEN a store that fails THEN a generic message, logged, never thrown', async () => {
    const broken = new Proxy(seed.events, {
      get: () => async () => {
        throw new Error('connection reset');
      },
    }) as EventStore;
    const logged: unknown[] = [];
    const r = await runCommand(
      'brief',
      {},
      {
        invoker,
        services: { ...ctx.services, events: broken, logger: { error: (o: unknown) => logged.push(o) } },
      },
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    if (!r.ok) expect(r.error.message).not.toContain('connection reset');
    expect(JSON.stringify(logged)).toContain('connection reset');
  });

  it('GIVEN a command that needs Manage Channels THEN FORBIDDEN without it', async () => {
    const guarded = commands.filter((c) => c.requiresManageChannel);
    expect(guarded.map((c) => c.name)).toContain('follow');
    for (const c of guarded) {
      const r = await runCommand(c.name, {}, ctx);
      expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      if (!r.ok) expect(r.error.message).toContain('Manage Channels');
    }
  });
});

describe('autocomplete', () => {
  it('GIVEN prefixes THEN at most 25 matching choices for speakers, topics and dates', async () => {
    const speakers = await autocomplete('speaker', 'wit', ctx.services);
    expect(speakers.some((s) => /witkoff/i.test(s.value))).toBe(true);
    const topics = await autocomplete('topic', 'secur', ctx.services);
    expect(topics.map((t) => t.value)).toContain('security-guarantees');
    const all = await autocomplete('topic', '', ctx.services);
    expect(all.length).toBe(Math.min(25, seed.story.topics.length));
    const dates = await autocomplete('date', '2026', ctx.services);
    expect(dates.length).toBeGreaterThan(0);
    expect(dates.every((d) => d.value.startsWith('2026'))).toBe(true);
    for (const list of [speakers, topics, dates]) {
      expect(list.length).toBeLessThanOrEqual(25);
      for (const c of list) expect(c.name.length).toBeLessThanOrEqual(100);
    }
  });
});
