// The `storybrief` command line: one commander program; each command group registers itself from src/cli/.
import { Command, CommanderError } from 'commander';
import { isUserError } from './errors.ts';

const program = new Command('storybrief')
  .description('News briefings for Discord and Slack from live-blog coverage')
  .option('--db <path|url>', 'database: a directory (PGlite) or postgres://… URL')
  .showHelpAfterError()
  .exitOverride();

// Command groups (one module each). Keep this list sorted; each module exports register(program).
const groups: Array<() => Promise<{ register(p: Command): void }>> = [];

for (const load of groups) (await load()).register(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    process.exitCode = err.exitCode === 0 ? 0 : 2;
  } else if (isUserError(err)) {
    process.stderr.write(`storybrief: ${err.message}\n`);
    process.exitCode = 1;
  } else {
    process.stderr.write(`storybrief: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  }
}
