// Runs one subcommand for any adapter: validates options, checks permission, turns errors into messages; never throws.
import type { z } from 'zod';
import type { Briefing } from '../briefings/briefing.ts';
import { isUserError } from '../errors.ts';
import type { CommandContext, CommandDefinition } from './command-types.ts';
import { usage } from './commands/help.ts';
import { commandNames, findCommand } from './commands.ts';

/** What an adapter gets back: a briefing to post, or an error to show (ephemerally) to the invoker. */
export type CommandOutcome =
  | { ok: true; briefing: Briefing; ephemeral: boolean }
  | { ok: false; error: { code: string; message: string } };

/** A pino-style logger, if the services carry one. */
interface ErrorLogger {
  error(obj: unknown, msg?: string): void;
}

const INTERNAL_MESSAGE =
  'Something went wrong while building that briefing. It has been logged; please try again.';

function loggerOf(ctx: CommandContext): ErrorLogger {
  const candidate = (ctx.services.logger ?? ctx.services.log) as Partial<ErrorLogger> | undefined;
  if (candidate && typeof candidate.error === 'function') return candidate as ErrorLogger;
  return {
    error(obj, msg) {
      process.stderr.write(`${JSON.stringify({ level: 'error', msg, ...(obj as object) })}\n`);
    },
  };
}

/** Drops absent values (undefined, null, empty text) so they read as "not given". */
function presentValues(raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw ?? {})) {
    if (v === undefined || v === null) continue;
    if (typeof v === 'string' && v.trim() === '') continue;
    out[k] = v;
  }
  return out;
}

/** A message naming the first invalid option and what it should look like. */
export function describeZodError(def: CommandDefinition, error: z.ZodError): string {
  const issue = error.issues[0];
  const name = issue?.path[0] !== undefined ? String(issue.path[0]) : undefined;
  const option = def.options.find((o) => o.name === name);
  if (option && issue?.code === 'invalid_type' && issue.input === undefined) {
    return `\`${def.name}\` needs ${option.name}. Usage: ${usage(def)}`;
  }
  const what = option ? `Option ${option.name}` : `\`${def.name}\``;
  return `${what}: ${issue?.message ?? 'invalid value'}.`;
}

/** Validates raw options against the command's schema, checks permissions, runs it. Never throws. */
export async function runCommand(
  name: string,
  raw: Record<string, unknown>,
  ctx: CommandContext,
): Promise<CommandOutcome> {
  const def = typeof name === 'string' ? findCommand(name) : undefined;
  if (!def) {
    return {
      ok: false,
      error: {
        code: 'UNKNOWN_COMMAND',
        message: `Unknown subcommand “${String(name)}”. Subcommands: ${commandNames().join(', ')}.`,
      },
    };
  }
  const values = presentValues(raw);
  const known = new Set(def.options.map((o) => o.name));
  const unknown = Object.keys(values).filter((k) => !known.has(k));
  if (unknown.length > 0) {
    const list = def.options.map((o) => o.name).join(', ');
    return {
      ok: false,
      error: {
        code: 'BAD_OPTION',
        message: `\`${def.name}\` has no option ${unknown.map((k) => `“${k}”`).join(', ')}.${list ? ` Its options: ${list}.` : ''}`,
      },
    };
  }
  const parsed = def.schema.safeParse(values);
  if (!parsed.success) {
    return { ok: false, error: { code: 'BAD_OPTION', message: describeZodError(def, parsed.error) } };
  }
  if (def.requiresManageChannel && !ctx.invoker.canManageChannel) {
    return {
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: `\`${def.name}\` needs the Manage Channels permission in this channel.`,
      },
    };
  }
  try {
    const briefing = await def.run(parsed.data, ctx);
    return { ok: true, briefing, ephemeral: def.ephemeral === true };
  } catch (err) {
    if (isUserError(err)) return { ok: false, error: { code: err.code, message: err.message } };
    loggerOf(ctx).error(
      {
        err: err instanceof Error ? { message: err.message, stack: err.stack } : String(err),
        command: def.name,
      },
      'command failed',
    );
    return { ok: false, error: { code: 'INTERNAL', message: INTERNAL_MESSAGE } };
  }
}
