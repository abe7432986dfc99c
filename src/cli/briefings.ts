// `storybrief brief|lists|timeline|quotes|topic|search|digest|sources [words…] [options] [--json]`: briefings on the command line.
import type { Command } from 'commander';
import { loadStories } from '../app/stories.ts';
import type { CommandServices, Invoker } from '../bots/command-types.ts';
import { findCommand } from '../bots/commands.ts';
import { runCommand } from '../bots/dispatch.ts';
import { renderText } from '../briefings/render-text.ts';
import { type Clock, fixedClock, systemClock } from '../clock.ts';
import { type ErrorCode, UserError } from '../errors.ts';
import type { CliContext } from './context.ts';

/** Subcommands served here; `digest` attaches as the default of the scheduler's `digest` group (`digest show`). */
const TOP_LEVEL = ['brief', 'lists', 'timeline', 'quotes', 'topic', 'search', 'sources'] as const;

interface Flags {
  date?: string;
  from?: string;
  to?: string;
  topic?: string;
  topics?: string;
  speaker?: string;
  generated?: boolean;
  limit?: string;
  now?: string;
  json?: boolean;
}

const INVOKER: Invoker = {
  platform: 'cli',
  workspace: 'cli',
  channel: 'cli',
  user: 'cli',
  canManageChannel: true,
};

/** The raw option record of a subcommand from CLI words and flags (only options the subcommand has). */
export function rawOptions(name: string, words: string[], flags: Flags): Record<string, unknown> {
  const def = findCommand(name);
  if (!def) throw new UserError('UNKNOWN_COMMAND', `unknown briefing "${name}"`);
  const raw: Record<string, unknown> = {};
  const take = (option: string, value: unknown) => {
    if (value === undefined) return;
    if (!def.options.some((o) => o.name === option)) {
      throw new UserError('BAD_OPTION', `${name} has no --${option} option`);
    }
    raw[option] = value;
  };
  take('date', flags.date);
  take('from', flags.from);
  take('to', flags.to);
  take('topics', flags.topics);
  take('generated', flags.generated);
  take('limit', flags.limit);
  // --topic names the positional topic of `topic`, else the topic filter.
  take('topic', flags.topic);
  if (flags.speaker !== undefined) take('speaker', flags.speaker);
  if (words.length > 0) {
    const positional = def.options.find((o) => o.positional);
    if (!positional) throw new UserError('BAD_OPTION', `${name} takes no words (got "${words.join(' ')}")`);
    if (raw[positional.name] !== undefined) {
      throw new UserError(
        'BAD_OPTION',
        `give ${positional.name} either as words or as --${positional.name}, not both`,
      );
    }
    raw[positional.name] = words.join(' ');
  }
  return raw;
}

async function run(ctx: CliContext, name: string, words: string[], flags: Flags): Promise<void> {
  let clock: Clock = systemClock;
  if (flags.now !== undefined) {
    if (Number.isNaN(Date.parse(flags.now))) {
      throw new UserError('BAD_DATE', `--now must be an ISO 8601 instant such as 2026-01-07T08:00:00Z`);
    }
    clock = fixedClock(flags.now);
  }
  const raw = rawOptions(name, words, flags);
  const store = await ctx.store();
  const services: CommandServices = { events: store.events, clock, stories: await loadStories() };
  const outcome = await runCommand(name, raw, { services, invoker: INVOKER });
  if (!outcome.ok) throw new UserError(outcome.error.code as ErrorCode, outcome.error.message);
  const { briefing } = outcome;
  if (flags.json) ctx.out(JSON.stringify(briefing, null, 2));
  else ctx.out(renderText(briefing));
}

function addBriefing(cmd: Command, name: string, ctx: CliContext): Command {
  const def = findCommand(name)!;
  const has = (o: string) => def.options.some((x) => x.name === o);
  const positional = def.options.find((o) => o.positional);
  cmd.description(def.description);
  if (positional) cmd.argument('[words...]', positional.description);
  if (has('date')) cmd.option('--date <day>', 'day: 2026-01-06, today or yesterday');
  if (has('from')) cmd.option('--from <day>', 'start day or time');
  if (has('to')) cmd.option('--to <day>', 'end day (inclusive) or time');
  if (has('topic')) cmd.option('--topic <topic>', 'topic (any alias)');
  if (has('topics')) cmd.option('--topics <list>', 'comma-separated topics');
  if (has('speaker')) cmd.option('--speaker <name>', 'speaker (any alias)');
  if (has('generated'))
    cmd.option('--generated', 'generate Key Points even when the editors published a list');
  if (has('limit')) cmd.option('--limit <n>', 'how many items');
  cmd.option('--now <iso>', 'resolve today / yesterday as if at this instant');
  cmd.option('--json', 'print the Briefing document as JSON');
  return cmd.action(async (...args: unknown[]) => {
    const words = positional ? ((args[0] as string[] | undefined) ?? []) : [];
    const flags = (positional ? args[1] : args[0]) as Flags;
    await run(ctx, name, words, flags);
  });
}

export function register(program: Command, ctx: CliContext): void {
  for (const name of TOP_LEVEL) addBriefing(program.command(name), name, ctx);
  // `digest` belongs to the scheduler's group (`digest run`); the briefing is its default subcommand `digest show`.
  const attach = (digest: Command) => {
    if (!digest.commands.some((c) => c.name() === 'show')) {
      addBriefing(digest.command('show', { isDefault: true }), 'digest', ctx);
    }
  };
  const existing = program.commands.find((c) => c.name() === 'digest');
  if (existing) attach(existing);
  else {
    program.hook('preSubcommand', (_program, sub) => {
      if (sub.name() === 'digest') attach(sub);
    });
  }
}
