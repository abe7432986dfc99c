// `/news sources`: what the dataset holds — articles, date range, counts.
import { z } from 'zod';
import { buildSources } from '../../briefings/sources.ts';
import type { CommandDefinition } from '../command-types.ts';
import { briefingDeps } from './briefing-deps.ts';
import { withFeedsSection } from './sources-feed.ts';

const schema = z.object({});

export const datasetCommand: CommandDefinition<z.infer<typeof schema>> = {
  name: 'sources',
  description: 'What the dataset holds: articles, date range and counts',
  options: [],
  schema,
  run: async (_args, ctx) =>
    withFeedsSection(await buildSources({}, briefingDeps(ctx.services)), ctx.services),
};
