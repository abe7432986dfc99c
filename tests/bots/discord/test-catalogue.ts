// A tiny command catalogue and runCommand for the Discord handler tests (stands in until the real catalogue lands).
import { z } from 'zod';
import type { CommandDefinition } from '../../../src/bots/command-types.ts';
import type { AutocompleteFn, RunCommandFn } from '../../../src/bots/discord/handle-interaction.ts';
import type { Briefing } from '../../../src/briefings/briefing.ts';
import { adversarialBriefing, seedKeyPoints } from './briefing-samples.ts';

const message = (title: string, text: string): Briefing => ({
  kind: 'message',
  title,
  subtitle: '',
  sections: [{ heading: '', items: [{ text, citation: null }] }],
});

export const testCommands: CommandDefinition[] = [
  {
    name: 'brief',
    description: 'Key points for a day',
    options: [{ name: 'date', description: 'Day (YYYY-MM-DD)', type: 'string', autocomplete: 'date' }],
    schema: z.object({
      date: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .optional(),
    }),
    run: async () => seedKeyPoints(),
  },
  {
    name: 'quotes',
    description: 'Who said what',
    options: [
      { name: 'limit', description: 'How many', type: 'integer' },
      {
        name: 'speaker',
        description: 'Speaker',
        type: 'string',
        required: true,
        positional: true,
        autocomplete: 'speaker',
      },
    ],
    schema: z.object({ speaker: z.string(), limit: z.number().int().optional() }),
    run: async (args) => {
      throw Object.assign(new Error(`No quotes from ${(args as { speaker: string }).speaker}`), {
        code: 'UNKNOWN_SPEAKER',
      });
    },
  },
  {
    name: 'follow',
    description: 'Daily digest in this channel',
    requiresManageChannel: true,
    options: [
      { name: 'time', description: 'HH:MM', type: 'string', required: true },
      { name: 'timezone', description: 'IANA zone', type: 'string', required: true },
      { name: 'channel', description: 'Channel', type: 'channel' },
    ],
    schema: z.object({ time: z.string(), timezone: z.string(), channel: z.string().optional() }),
    run: async (args, ctx) =>
      message('Following', `Digest at ${(args as { time: string }).time} in ${ctx.invoker.channel}`),
  },
  {
    name: 'help',
    description: 'How to use the bot',
    ephemeral: true,
    options: [],
    schema: z.object({}),
    run: async () => message('Help', 'Try /news brief'),
  },
  {
    name: 'digest',
    description: 'A very long digest',
    options: [{ name: 'items', description: 'Items', type: 'integer' }],
    schema: z.object({ items: z.number().int().optional() }),
    run: async (args) => adversarialBriefing((args as { items?: number }).items ?? 400),
  },
];

/** runCommand over the test catalogue: zod validation, user errors from thrown coded errors, delay option. */
export function createTestRunCommand(opts: { delayMs?: number; crash?: boolean } = {}): RunCommandFn {
  return async (name, raw, ctx) => {
    if (opts.crash) throw new Error('database exploded');
    if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
    const command = testCommands.find((c) => c.name === name);
    if (!command)
      return { ok: false, error: { code: 'UNKNOWN_COMMAND', message: `Unknown command ${name}` } };
    const parsed = command.schema.safeParse(raw);
    if (!parsed.success)
      return { ok: false, error: { code: 'BAD_OPTION', message: parsed.error.issues[0].message } };
    try {
      return { ok: true, briefing: await command.run(parsed.data, ctx), ephemeral: !!command.ephemeral };
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (!code) throw err;
      return { ok: false, error: { code, message: (err as Error).message } };
    }
  };
}

export const testAutocomplete: AutocompleteFn = async (kind, prefix) => {
  const data: Record<string, string[]> = {
    speaker: ['Steve Witkoff', 'Volodymyr Zelensky', 'Keir Starmer', `${'Very long name '.repeat(10)}`],
    topic: ['security-guarantees', 'territory'],
    date: ['2026-01-06', '2025-02-18'],
  };
  return data[kind]
    .filter((v) =>
      v
        .toLowerCase()
        .split(' ')
        .some((w) => w.startsWith(prefix.toLowerCase())),
    )
    .map((v) => ({ name: v, value: v }));
};
