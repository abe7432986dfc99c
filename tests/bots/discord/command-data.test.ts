// GIVEN the real command catalogue THEN /news is valid Discord registration JSON.
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { commands } from '../../../src/bots/commands.ts';
import { buildCommandData } from '../../../src/bots/discord/command-data.ts';
import { testCommands } from './test-catalogue.ts';

describe('buildCommandData', () => {
  const data = buildCommandData(commands);

  it('GIVEN the catalogue THEN one /news with a subcommand per entry, open to all, guild only', () => {
    expect(data.name).toBe('news');
    expect(data.default_member_permissions).toBeNull();
    expect(data.contexts).toEqual([0]);
    expect(data.options?.map((o) => o.name)).toEqual(commands.map((c) => c.name));
    for (const sub of data.options ?? []) expect(sub.type).toBe(ApplicationCommandOptionType.Subcommand);
  });

  it('GIVEN every option THEN names, descriptions and order follow Discord rules', () => {
    for (const sub of data.options ?? []) {
      expect(sub.description.length).toBeGreaterThan(0);
      expect(sub.description.length).toBeLessThanOrEqual(100);
      const options = 'options' in sub ? (sub.options ?? []) : [];
      expect(options.length).toBeLessThanOrEqual(25);
      const required = options.map((o) => !!o.required);
      expect(required).toEqual([...required].sort((a, b) => Number(b) - Number(a)));
      for (const o of options) {
        expect(o.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
        expect(o.description.length).toBeLessThanOrEqual(100);
        if ('autocomplete' in o && o.autocomplete) expect('choices' in o && o.choices).toBeFalsy();
      }
    }
  });

  it('GIVEN catalogue option types THEN Discord types (string, integer, channel) and autocomplete where declared', () => {
    const data = buildCommandData(testCommands);
    const follow = data.options?.find((o) => o.name === 'follow');
    const quotes = data.options?.find((o) => o.name === 'quotes');
    const opts = (o: typeof follow) => (o && 'options' in o ? (o.options ?? []) : []);
    expect(opts(follow).map((o) => [o.name, o.type])).toEqual([
      ['time', ApplicationCommandOptionType.String],
      ['timezone', ApplicationCommandOptionType.String],
      ['channel', ApplicationCommandOptionType.Channel],
    ]);
    // The required speaker comes before the optional limit, whatever the catalogue order.
    expect(
      opts(quotes).map((o) => [o.name, o.type, 'autocomplete' in o ? o.autocomplete : undefined]),
    ).toEqual([
      ['speaker', ApplicationCommandOptionType.String, true],
      ['limit', ApplicationCommandOptionType.Integer, false],
    ]);
  });

  it('GIVEN an invalid name in a catalogue THEN it fails loudly (a bug, not user input)', () => {
    const bad = [{ ...testCommands[0], name: 'Has Spaces', schema: z.object({}) }];
    expect(() => buildCommandData(bad)).toThrow(/invalid Discord option name/);
  });
});
