// `/news topic <topic>`: one topic over a window — key points, latest entries, quotes.
import { z } from 'zod';
import { buildTopic } from '../../briefings/topic.ts';
import type { CommandDefinition } from '../command-types.ts';
import { briefingDeps } from './briefing-deps.ts';
import { dateOption, textOption } from './option-schemas.ts';

const schema = z.object({
  topic: textOption(),
  date: dateOption().optional(),
  from: dateOption().optional(),
  to: dateOption().optional(),
});

export const topicCommand: CommandDefinition<z.infer<typeof schema>> = {
  name: 'topic',
  description: 'One topic: its key points, latest entries and quotes (default: its most recent coverage)',
  options: [
    {
      name: 'topic',
      description: 'The topic, e.g. territory (any alias)',
      type: 'string',
      required: true,
      positional: true,
      autocomplete: 'topic',
    },
    { name: 'date', description: 'One day', type: 'string', autocomplete: 'date' },
    { name: 'from', description: 'Start day', type: 'string', autocomplete: 'date' },
    { name: 'to', description: 'End day (inclusive)', type: 'string', autocomplete: 'date' },
  ],
  schema,
  run: (args, ctx) => buildTopic(args, briefingDeps(ctx.services)),
};
