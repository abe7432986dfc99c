// `storybrief export --json`: every article and event as one JSON document on stdout.
import type { Command } from 'commander';
import { writeExportJson } from '../app/export-json.ts';
import type { CliContext } from './context.ts';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('export')
    .description('print every article and event as JSON: {"articles":[…],"events":[…]}')
    .option('--json', 'JSON output (the only format)', true)
    .action(async () => {
      const store = await ctx.store();
      writeExportJson(await store.events.exportAll(), (line) => ctx.out(line));
    });
}
