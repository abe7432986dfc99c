// The CliContext implementation: output sinks, globals, and a store opened once on first use (closed by the runner).
import type { CliContext, OpenedStore } from './context.ts';

export interface RunContext extends CliContext {
  /** Closes the store if this context opened it. */
  close(): Promise<void>;
}

export interface RunContextOptions {
  /** Writes raw text (stdout / a capture buffer). out() and err() add a trailing newline when missing. */
  write: (text: string) => void;
  writeErr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** The program's global options once parsed. */
  globals: () => { db?: string };
  /** Opens the store (called at most once). */
  open: (globals: { db?: string }) => Promise<OpenedStore>;
  /** Whether close() also closes the store (false when the store belongs to the bot process). */
  ownsStore?: boolean;
  /** The running bot's services (forwarded commands). */
  app?: CliContext['app'];
}

const line = (text: string) => (text.endsWith('\n') ? text : `${text}\n`);

export function createRunContext(opts: RunContextOptions): RunContext {
  let opening: Promise<OpenedStore> | null = null;
  return {
    cwd: opts.cwd,
    env: opts.env,
    app: opts.app,
    out: (text) => opts.write(line(text)),
    err: (text) => opts.writeErr(line(text)),
    globals: () => opts.globals(),
    store() {
      opening ??= opts.open(opts.globals());
      return opening;
    },
    async close() {
      if (!opening || opts.ownsStore === false) return;
      const pending = opening;
      opening = null;
      const store = await pending.catch(() => null);
      await store?.close();
    },
  };
}

/** A context whose output is captured in memory (the admin endpoint, tests). */
export function createCapturingContext(
  opts: Omit<RunContextOptions, 'write' | 'writeErr'>,
): RunContext & { output(): { out: string; err: string } } {
  let out = '';
  let err = '';
  const ctx = createRunContext({
    ...opts,
    write: (t) => {
      out += t;
    },
    writeErr: (t) => {
      err += t;
    },
  });
  return { ...ctx, output: () => ({ out, err }) };
}
