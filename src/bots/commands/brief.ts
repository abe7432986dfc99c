// `/news brief`: Key Points for a day (default: the latest with coverage), optionally one topic or generated.
import { z } from 'zod';
import { buildKeyPoints } from '../../briefings/key-points.ts';
import type { CommandDefinition } from '../command-types.ts';
import { briefingDeps } from './briefing-deps.ts';
import { booleanOption, dateOption, integerOption, textOption } from './option-schemas.ts';

const schema = z.object({
  date: dateOption().optional(),
  topic: textOption().optional(),
  generated: booleanOption().optional(),
  limit: integerOption(1, 15).optional(),
});

export const briefCommand: CommandDefinition<z.infer<typeof schema>> = {
  name: 'brief',
  description: "Key Points for a day: the editors' list when there is one, otherwise generated",
  options: [
    {
      name: 'date',
      description: 'Day: 2026-01-06, today or yesterday (default: latest coverage)',
      type: 'string',
      autocomplete: 'date',
    },
    { name: 'topic', description: 'Only this topic (any alias)', type: 'string', autocomplete: 'topic' },
    {
      name: 'generated',
      description: 'Generate Key Points even when the editors published a list',
      type: 'boolean',
    },
    { name: 'limit', description: 'How many points (1-15, default 5)', type: 'integer' },
  ],
  schema,
  run: (args, ctx) => buildKeyPoints(args, briefingDeps(ctx.services)),
};
