// `/news search <words>`: full-text search over headlines and text, best match first.
import { z } from 'zod';
import { buildSearch } from '../../briefings/search.ts';
import type { CommandDefinition } from '../command-types.ts';
import { briefingDeps } from './briefing-deps.ts';
import { integerOption, textOption } from './option-schemas.ts';

const schema = z.object({
  query: textOption(),
  topic: textOption().optional(),
  limit: integerOption(1, 25).optional(),
});

export const searchCommand: CommandDefinition<z.infer<typeof schema>> = {
  name: 'search',
  description: 'Search the coverage, e.g. Greenland',
  options: [
    { name: 'query', description: 'Words to find', type: 'string', required: true, positional: true },
    { name: 'topic', description: 'Only this topic (any alias)', type: 'string', autocomplete: 'topic' },
    { name: 'limit', description: 'How many results (1-25, default 10)', type: 'integer' },
  ],
  schema,
  run: (args, ctx) => buildSearch(args, briefingDeps(ctx.services)),
};
