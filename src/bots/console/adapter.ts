// Console adapter: reads `/news …` lines from a stream, runs them through the catalogue, prints rendered briefings.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Briefing } from '../../briefings/briefing.ts';
import { renderText } from '../../briefings/render-text.ts';
import type { CommandServices, Invoker } from '../command-types.ts';
import { runCommand } from '../dispatch.ts';
import { parseCommandLine } from '../grammar.ts';

export interface ConsoleAdapterOptions {
  input: Readable;
  output: Writable;
  services: CommandServices;
  /** Show a prompt and a greeting (a terminal), or stay quiet (a pipe). */
  interactive: boolean;
  /** Who runs the commands (default: the console user, allowed to manage the channel). */
  invoker?: Partial<Invoker>;
  /** Stops reading (after the line in progress) when aborted. */
  signal?: AbortSignal;
}

const PROMPT = 'news> ';
const QUIT = new Set(['exit', 'quit', '/exit', '/quit']);

/** Writes one briefing to the stream as text (also used for scheduled digests printed to the console). */
export function printBriefing(output: Writable, briefing: Briefing): void {
  output.write(`${renderText(briefing)}\n`);
}

/** Runs one line and returns the text to print (a rendered briefing, or `error: …`). Never throws. */
export async function runConsoleLine(
  line: string,
  services: CommandServices,
  invoker: Invoker,
): Promise<string> {
  const parsed = parseCommandLine(line);
  if (!parsed.ok) return `error: ${parsed.error.message}\n`;
  const outcome = await runCommand(parsed.value.name, parsed.value.raw, { services, invoker });
  if (!outcome.ok) return `error: ${outcome.error.message}\n`;
  return `${renderText(outcome.briefing)}\n`;
}

/** Reads lines until the input ends (or `exit`), answering each `/news …` line in order. */
export async function startConsoleAdapter(opts: ConsoleAdapterOptions): Promise<void> {
  const { input, output, services, interactive } = opts;
  const invoker: Invoker = {
    platform: 'console',
    workspace: 'console',
    channel: 'console',
    user: process.env.USER ?? 'console',
    canManageChannel: true,
    ...opts.invoker,
  };
  const rl = createInterface({ input, terminal: false, crlfDelay: Number.POSITIVE_INFINITY });
  if (opts.signal?.aborted) rl.close();
  opts.signal?.addEventListener('abort', () => rl.close(), { once: true });
  if (interactive) output.write(`storybrief console — type \`/news help\`, or \`exit\` to leave.\n${PROMPT}`);
  try {
    for await (const raw of rl) {
      const line = raw.trim();
      if (QUIT.has(line.toLowerCase())) break;
      if (line !== '' && !line.startsWith('#')) {
        output.write(await runConsoleLine(line, services, invoker));
      }
      if (interactive) output.write(PROMPT);
    }
  } finally {
    rl.close();
  }
  if (interactive) output.write('\n');
}
