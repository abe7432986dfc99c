// `/news lists [words]`: enumerated lists in coverage ("Five key promises…"), found by words in the title.
import { z } from 'zod';
import { buildLists } from '../../briefings/lists.ts';
import type { CommandDefinition } from '../command-types.ts';
import { briefingDeps } from './briefing-deps.ts';
import { dateOption, integerOption, textOption } from './option-schemas.ts';

const schema = z.object({
  query: textOption().optional(),
  date: dateOption().optional(),
  limit: integerOption(1, 10).optional(),
});

export const listsCommand: CommandDefinition<z.infer<typeof schema>> = {
  name: 'lists',
  description: 'Enumerated lists in the coverage, e.g. "Five key promises"',
  options: [
    {
      name: 'query',
      description: 'Words in the list title, e.g. promises',
      type: 'string',
      positional: true,
    },
    { name: 'date', description: 'Only lists from this day', type: 'string', autocomplete: 'date' },
    { name: 'limit', description: 'How many lists (1-10, default 5)', type: 'integer' },
  ],
  schema,
  run: (args, ctx) => buildLists(args, briefingDeps(ctx.services)),
};
