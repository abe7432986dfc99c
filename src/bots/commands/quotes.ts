// `/news quotes [speaker]`: who said what, by speaker (any alias) and/or topic.
import { z } from 'zod';
import { buildQuotes } from '../../briefings/quotes.ts';
import type { CommandDefinition } from '../command-types.ts';
import { briefingDeps } from './briefing-deps.ts';
import { dateOption, integerOption, textOption } from './option-schemas.ts';

const schema = z.object({
  speaker: textOption().optional(),
  topic: textOption().optional(),
  date: dateOption().optional(),
  limit: integerOption(1, 25).optional(),
});

export const quotesCommand: CommandDefinition<z.infer<typeof schema>> = {
  name: 'quotes',
  description: 'Who said what: quotes by speaker and/or topic, newest first',
  options: [
    {
      name: 'speaker',
      description: 'Who, e.g. Witkoff or Zelensky (any alias)',
      type: 'string',
      positional: true,
      autocomplete: 'speaker',
    },
    { name: 'topic', description: 'Only this topic (any alias)', type: 'string', autocomplete: 'topic' },
    { name: 'date', description: 'Only quotes from this day', type: 'string', autocomplete: 'date' },
    { name: 'limit', description: 'How many quotes (1-25, default 10)', type: 'integer' },
  ],
  schema,
  run: (args, ctx) => buildQuotes(args, briefingDeps(ctx.services)),
};
