// `/news timeline`: entries of a window in time order, optionally for one topic.
import { z } from 'zod';
import { buildTimeline } from '../../briefings/timeline.ts';
import type { CommandDefinition } from '../command-types.ts';
import { briefingDeps } from './briefing-deps.ts';
import { dateOption, integerOption, textOption } from './option-schemas.ts';

const schema = z.object({
  from: dateOption().optional(),
  to: dateOption().optional(),
  topic: textOption().optional(),
  limit: integerOption(1, 100).optional(),
});

export const timelineCommand: CommandDefinition<z.infer<typeof schema>> = {
  name: 'timeline',
  description: 'What happened when: entries in time order (default: the latest day)',
  options: [
    {
      name: 'from',
      description: 'Start day or time, e.g. 2026-01-06 or 2026-01-06T18:00',
      type: 'string',
      autocomplete: 'date',
    },
    { name: 'to', description: 'End day (inclusive) or time', type: 'string', autocomplete: 'date' },
    { name: 'topic', description: 'Only this topic (any alias)', type: 'string', autocomplete: 'topic' },
    { name: 'limit', description: 'How many entries (1-100, default 25)', type: 'integer' },
  ],
  schema,
  run: (args, ctx) => buildTimeline(args, briefingDeps(ctx.services)),
};
