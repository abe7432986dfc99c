// Runs the CLI in this process: forwards to the process holding the database when there is one, handles signals.
import type { Command } from 'commander';
import { forwardToHolder } from '../admin/admin-client.ts';
import { requestShutdown, shutdownClaimed, withTimeout } from '../app/shutdown.ts';
import { holderAlive, readLock } from '../store/directory-lock.ts';
import { type LockedStore, openStore, resolveStoreTarget } from '../store/open-store.ts';
import { ForwardedExit, type GroupLoader, runProgram } from './program.ts';
import { createRunContext } from './run-context.ts';

/** Commands that must run in this process even when another one holds the database. */
const LOCAL_COMMANDS = new Set(['start', 'help']);

/** Forwards the whole invocation to the holder's admin endpoint when the embedded directory is held by a live bot. */
async function forwardIfHeld(
  command: Command,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<void> {
  if (LOCAL_COMMANDS.has(command.name())) return;
  let target: ReturnType<typeof resolveStoreTarget>;
  try {
    target = resolveStoreTarget({ db: command.optsWithGlobals().db, env, cwd });
  } catch {
    return; // the command reports the bad --db itself
  }
  if (target.kind !== 'directory') return;
  const holder = readLock(target.dir);
  if (!holder?.admin || holder.pid === process.pid || !holderAlive(holder)) return;
  const res = await forwardToHolder(holder.admin, { argv: args, cwd });
  if (!res) return; // unreachable: opening the store fails and names the holder
  if (res.out) process.stdout.write(res.out);
  if (res.err) process.stderr.write(res.err);
  throw new ForwardedExit(res.exitCode);
}

/** Runs `storybrief <args>` and sets process.exitCode. */
export async function runCli(args: string[], groups: GroupLoader[]): Promise<void> {
  const env = process.env;
  const cwd = process.cwd();
  let globals: { db?: string } = {};
  let lockRelease: (() => void) | null = null;
  let commandName = 'cli';
  const ctx = createRunContext({
    env,
    cwd,
    write: (t) => process.stdout.write(t),
    writeErr: (t) => process.stderr.write(t),
    globals: () => globals,
    open: async (g) => {
      const store: LockedStore = await openStore({ db: g.db, env, cwd, command: commandName });
      if (store.lock) {
        lockRelease = () => store.lock?.release();
        process.once('exit', () => lockRelease?.());
      }
      return store;
    },
  });

  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    const code = signal === 'SIGINT' ? 130 : 143;
    if (stopping) {
      lockRelease?.();
      process.exit(code);
    }
    stopping = true;
    requestShutdown(signal);
    if (shutdownClaimed()) {
      // The running command (start) stops by itself; force exit if it hangs.
      setTimeout(() => {
        lockRelease?.();
        process.exit(code);
      }, 15_000).unref();
      return;
    }
    void withTimeout(ctx.close(), 3000)
      .catch(() => {})
      .finally(() => {
        lockRelease?.();
        process.exit(code);
      });
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // A closed pipe (`storybrief export | head`) is not an error worth a stack trace.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exitCode = process.exitCode ?? 0;
    else throw err;
  });

  const code = await runProgram(args, ctx, groups, async (command) => {
    globals = command.optsWithGlobals();
    commandName = [command.parent?.name() === 'storybrief' ? '' : command.parent?.name(), command.name()]
      .filter(Boolean)
      .join(' ');
    await forwardIfHeld(command, args, env, cwd);
  });
  try {
    await ctx.close();
  } catch (err) {
    process.stderr.write(`storybrief: closing the database failed: ${(err as Error).message}\n`);
  }
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  process.exitCode = code;
}
