// `/news help [subcommand]`: the subcommands, or one subcommand's options with an example.
import { z } from 'zod';
import type { Briefing } from '../../briefings/briefing.ts';
import { UserError } from '../../errors.ts';
import type { CommandDefinition } from '../command-types.ts';
import { textOption } from './option-schemas.ts';

const schema = z.object({ subcommand: textOption(40).optional() });

/** Usage line of a subcommand in the text grammar. */
export function usage(def: CommandDefinition): string {
  const parts = [`/news ${def.name}`];
  for (const o of def.options) {
    const shown = o.positional ? `<${o.name}>` : `${o.name}:…`;
    parts.push(o.required ? shown : `[${shown}]`);
  }
  return parts.join(' ');
}

/** Builds the help command over the catalogue (passed lazily: the catalogue includes help itself). */
export function createHelpCommand(
  catalogue: () => readonly CommandDefinition[],
): CommandDefinition<z.infer<typeof schema>> {
  return {
    name: 'help',
    description: 'How to use /news, or one subcommand',
    options: [
      { name: 'subcommand', description: 'A subcommand, e.g. quotes', type: 'string', positional: true },
    ],
    schema,
    ephemeral: true,
    async run(args): Promise<Briefing> {
      const all = catalogue();
      if (args.subcommand) {
        const def = all.find((c) => c.name === args.subcommand!.toLowerCase());
        if (!def) {
          throw new UserError(
            'UNKNOWN_COMMAND',
            `Unknown subcommand “${args.subcommand}”. Subcommands: ${all.map((c) => c.name).join(', ')}.`,
          );
        }
        return {
          kind: 'help',
          title: `/news ${def.name}`,
          subtitle: def.description,
          sections: [
            { heading: 'Usage', items: [{ text: usage(def), citation: null }] },
            {
              heading: 'Options',
              items: def.options.map((o) => ({
                text: `${o.name}${o.required ? ' (required)' : ''}${o.positional ? ' — or just type it after the subcommand' : ''}`,
                detail: o.description,
                citation: null,
              })),
            },
          ].filter((s) => s.items.length > 0),
        };
      }
      return {
        kind: 'help',
        title: '/news — briefings on the story',
        subtitle: 'Options are name:value; quote values with spaces, e.g. topic:"security guarantees".',
        sections: [
          {
            heading: 'Subcommands',
            items: all.map((c) => ({ text: usage(c), detail: c.description, citation: null })),
          },
        ],
      };
    },
  };
}
