// The `storybrief` command line: one commander program; each command group registers itself from src/cli/.
import type { GroupLoader } from './cli/program.ts';
import { runCli } from './cli/run.ts';

// Command groups (one module each). Keep this list sorted; each module exports register(program, ctx).
const groups: GroupLoader[] = [
  () => import('./cli/briefings.ts'),
  () => import('./cli/digest.ts'),
  () => import('./cli/discord.ts'),
  () => import('./cli/entities.ts'),
  () => import('./cli/export.ts'),
  () => import('./cli/follow.ts'),
  () => import('./cli/ingest.ts'),
  () => import('./cli/preview.ts'),
  () => import('./cli/slack.ts'),
  () => import('./cli/sources.ts'),
  () => import('./main.ts'), // `start`
];

await runCli(process.argv.slice(2), groups);
