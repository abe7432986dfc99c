// `storybrief preview --platform discord|slack <subcommand> [args]`: prints the exact message payloads as JSON.
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { BUNDLED_SOURCES_DIR } from '../app/source-manifest.ts';
import type { CommandServices, Invoker } from '../bots/command-types.ts';
import { renderDiscordMessages } from '../bots/discord/render.ts';
import { runCommand } from '../bots/dispatch.ts';
import { parseCommandLine } from '../bots/grammar.ts';
import { renderSlackMessages } from '../bots/slack/render.ts';
import { fixedClock, systemClock } from '../clock.ts';
import { type ErrorCode, UserError } from '../errors.ts';
import { parseStory, type Story } from '../ingest/story.ts';
import type { CliContext } from './context.ts';

const PLATFORMS = ['discord', 'slack'] as const;
type Platform = (typeof PLATFORMS)[number];

/** The story definitions bundled in data/stories/. */
async function loadBundledStories(): Promise<Story[]> {
  const dir = resolve(BUNDLED_SOURCES_DIR, '../stories');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  const stories: Story[] = [];
  for (const file of files) {
    const parsed = parseStory(JSON.parse(await readFile(join(dir, file), 'utf8')), file);
    if (!parsed.ok) throw new UserError('BAD_STORY', parsed.error.message);
    stories.push(parsed.value);
  }
  return stories;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('preview')
    .description('print, as JSON, the messages a /news command would send on a platform')
    .requiredOption('--platform <platform>', 'discord or slack')
    .option('--now <iso>', 'pretend the current time is this instant (ISO 8601)')
    .option('--paginate', 'Discord: include the Previous / Next buttons of an interactive reply')
    .argument('<subcommand>', 'a /news subcommand, e.g. brief')
    .argument('[args...]', 'options in the /news text grammar, e.g. date:2026-01-06')
    .action(
      async (
        subcommand: string,
        args: string[],
        opts: { platform: string; now?: string; paginate?: boolean },
      ) => {
        const platform = opts.platform.toLowerCase() as Platform;
        if (!PLATFORMS.includes(platform))
          throw new UserError(
            'BAD_OPTION',
            `--platform must be discord or slack, got "${opts.platform.slice(0, 40)}"`,
          );
        let clock = systemClock;
        if (opts.now !== undefined) {
          if (Number.isNaN(Date.parse(opts.now)))
            throw new UserError('BAD_DATE', `--now must be an ISO 8601 instant such as 2026-01-07T08:00:00Z`);
          clock = fixedClock(opts.now);
        }
        const parsed = parseCommandLine([subcommand, ...args].map(quoteIfSpaced).join(' '));
        if (!parsed.ok) throw new UserError(parsed.error.code, parsed.error.message);

        const store = await ctx.store();
        const services: CommandServices = {
          events: store.events,
          clock,
          stories: await loadBundledStories(),
        };
        const invoker: Invoker = {
          platform: 'cli',
          workspace: 'preview',
          channel: 'preview',
          user: 'preview',
          canManageChannel: true,
        };
        const outcome = await runCommand(parsed.value.name, parsed.value.raw, { services, invoker });
        if (!outcome.ok) throw new UserError(outcome.error.code as ErrorCode, outcome.error.message);
        const messages =
          platform === 'discord'
            ? renderDiscordMessages(outcome.briefing, opts.paginate ? { paginate: { key: 'preview' } } : {})
            : renderSlackMessages(outcome.briefing);
        ctx.out(JSON.stringify(messages, null, 2));
      },
    );
}

/** Shell arguments that held spaces (`speaker:"Steve Witkoff"` arrives as one word) are re-quoted for the grammar. */
function quoteIfSpaced(word: string): string {
  if (!/\s/.test(word)) return word;
  const m = /^([\p{L}][\p{L}\d_-]*):(.*)$/su.exec(word);
  return m ? `${m[1]}:"${m[2]}"` : `"${word}"`;
}
