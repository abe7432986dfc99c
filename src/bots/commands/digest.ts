// `/news digest`: key points, highlights per topic, new lists and notable quotes for a day or window.
import { z } from 'zod';
import { buildDigest } from '../../briefings/digest.ts';
import type { CommandDefinition } from '../command-types.ts';
import { briefingDeps } from './briefing-deps.ts';
import { dateOption, wordListOption } from './option-schemas.ts';

const schema = z.object({
  date: dateOption().optional(),
  from: dateOption().optional(),
  to: dateOption().optional(),
  topics: wordListOption().optional(),
});

export const digestCommand: CommandDefinition<z.infer<typeof schema>> = {
  name: 'digest',
  description: 'The digest of a day: key points, topic highlights, new lists, notable quotes',
  options: [
    { name: 'date', description: 'Day (default: latest coverage)', type: 'string', autocomplete: 'date' },
    { name: 'from', description: 'Start day', type: 'string', autocomplete: 'date' },
    { name: 'to', description: 'End day (inclusive)', type: 'string', autocomplete: 'date' },
    {
      name: 'topics',
      description: 'Comma-separated topics (off-story topics only when named)',
      type: 'string',
      autocomplete: 'topic',
    },
  ],
  schema,
  run: (args, ctx) => buildDigest(args, briefingDeps(ctx.services)),
};
