// Builds the commander program from the command groups and runs it against a CliContext, returning the exit code.
import { Command, CommanderError } from 'commander';
import { isUserError } from '../errors.ts';
import type { CliContext } from './context.ts';

/** A lazily imported command group module (see the `groups` array in src/cli.ts). */
export type GroupLoader = () => Promise<{ register(program: Command, ctx: CliContext): void }>;

/** Thrown by a pre-action hook when another process ran the command for us. */
export class ForwardedExit extends Error {
  constructor(readonly exitCode: number) {
    super(`forwarded (exit ${exitCode})`);
  }
}

/** Runs before each command's action (e.g. forwarding to the process that holds the database). */
export type BeforeAction = (command: Command) => Promise<void>;

let registeredGroups: GroupLoader[] = [];
/** Groups that failed to import: their commands are missing, and an unknown command says why. */
let loadErrors: string[] = [];

/** The groups of the running CLI, so the admin endpoint can build the same program in-process. */
export function cliGroups(): GroupLoader[] {
  return registeredGroups;
}

/** Creates the `storybrief` program writing through ctx, with every group registered. */
export async function createProgram(
  ctx: CliContext,
  groups: GroupLoader[],
  before?: BeforeAction,
): Promise<Command> {
  registeredGroups = groups;
  const program = new Command('storybrief')
    .description('News briefings for Discord and Slack from live-blog coverage')
    .option('--db <path|url>', 'database: a directory (PGlite) or postgres://… URL')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => ctx.out(s), writeErr: (s) => ctx.err(s) });
  if (before) program.hook('preAction', (_self, action) => before(action));
  loadErrors = [];
  for (const load of groups) {
    try {
      (await load()).register(program, ctx);
    } catch (err) {
      // One broken group must not take every other command down with it.
      loadErrors.push(err instanceof Error ? err.message.split('\n')[0] : String(err));
    }
  }
  return program;
}

/** Parses `args` (the words after `storybrief`) and runs the command; never throws. */
export async function runProgram(
  args: string[],
  ctx: CliContext,
  groups: GroupLoader[],
  before?: BeforeAction,
): Promise<number> {
  try {
    const program = await createProgram(ctx, groups, before);
    if (args.length === 0) {
      program.outputHelp();
      return 0;
    }
    await program.parseAsync(args, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof ForwardedExit) return err.exitCode;
    if (err instanceof CommanderError) {
      if (err.code === 'commander.unknownCommand' && loadErrors.length > 0) {
        ctx.err(`storybrief: some command groups failed to load: ${loadErrors.join('; ')}`);
      }
      return err.exitCode === 0 ? 0 : 2;
    }
    if (isUserError(err)) {
      ctx.err(`storybrief: ${err.message}`);
      return 1;
    }
    ctx.err(`storybrief: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return 1;
  }
}
