// The Discord adapter as a plain function: interaction payload → catalogue → rendered Briefing → reply.
import { randomBytes } from 'node:crypto';
import type {
  APIApplicationCommandAutocompleteInteraction,
  APIApplicationCommandInteractionDataBasicOption,
  APIChatInputApplicationCommandInteraction,
  APIInteraction,
  APIMessageComponentInteraction,
} from 'discord-api-types/v10';
import {
  ApplicationCommandOptionType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  PermissionFlagsBits,
} from 'discord-api-types/v10';
import type { Briefing } from '../../briefings/briefing.ts';
import type { CommandContext, CommandDefinition, CommandServices, Invoker } from '../command-types.ts';
import { NEWS_COMMAND } from './command-data.ts';
import { clip, escapeMarkdown } from './escape.ts';
import {
  AUTOCOMPLETE_CHOICES_MAX,
  CHOICE_NAME_MAX,
  CHOICE_VALUE_MAX,
  MESSAGE_CONTENT_MAX,
} from './limits.ts';
import type { PageStore } from './page-store.ts';
import { createMemoryPageStore } from './page-store.ts';
import { type DiscordMessage, parsePageId, renderDiscordMessages } from './render.ts';
import type { InteractionRef, InteractionResponder } from './responder.ts';

/** What the catalogue's runCommand returns (src/bots/dispatch.ts). */
export type RunCommandOutcome =
  | { ok: true; briefing: Briefing; ephemeral: boolean }
  | { ok: false; error: { code: string; message: string } };
export type RunCommandFn = (
  name: string,
  raw: Record<string, unknown>,
  ctx: CommandContext,
) => Promise<RunCommandOutcome>;
export type AutocompleteKind = 'speaker' | 'topic' | 'date';
export type AutocompleteFn = (
  kind: AutocompleteKind,
  prefix: string,
  services: CommandServices,
) => Promise<Array<{ name: string; value: string }>>;

/** Minimal logger (pino-compatible). */
export interface InteractionLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface InteractionDeps {
  commands: CommandDefinition[];
  runCommand: RunCommandFn;
  autocomplete: AutocompleteFn;
  services: CommandServices;
  responder: InteractionResponder;
  /** Pages of long replies for the Previous / Next buttons (default: in-memory, 15 minutes). */
  pages?: PageStore;
  /** Defer when the work has not finished after this long (default 1500 ms; Discord's deadline is 3 s). */
  deferAfterMs?: number;
  /** Give up on autocomplete after this long and offer nothing (default 2000 ms). */
  autocompleteTimeoutMs?: number;
  logger?: InteractionLogger;
  newKey?: () => string;
}

/** What happened, for logs and tests. */
export interface InteractionOutcome {
  kind: 'ping' | 'command' | 'autocomplete' | 'page' | 'ignored';
  ok: boolean;
  /** Error code when not ok (user error codes, or INTERNAL / RESPOND_FAILED). */
  code?: string;
  /** The reply was deferred before the work finished. */
  deferred?: boolean;
  /** Messages (pages) the reply rendered into. */
  pages?: number;
}

const INTERNAL_MESSAGE = 'Something went wrong while building that briefing. Please try again in a moment.';
const EXPIRED_MESSAGE = 'This briefing has expired. Run the command again to page through it.';
const defaultPages = createMemoryPageStore();
const silentLogger: InteractionLogger = { info() {}, warn() {}, error() {} };

/** Handles any interaction; never throws, whatever the payload. */
export async function handleInteraction(
  interaction: APIInteraction,
  deps: InteractionDeps,
): Promise<InteractionOutcome> {
  const log = deps.logger ?? silentLogger;
  try {
    switch (interaction.type) {
      case InteractionType.Ping:
        await deps.responder.callback(ref(interaction), { type: InteractionResponseType.Pong });
        return { kind: 'ping', ok: true };
      case InteractionType.ApplicationCommand:
        return await handleCommand(interaction as APIChatInputApplicationCommandInteraction, deps, log);
      case InteractionType.ApplicationCommandAutocomplete:
        return await handleAutocomplete(interaction, deps);
      case InteractionType.MessageComponent:
        return await handlePage(interaction, deps);
      default:
        return { kind: 'ignored', ok: true };
    }
  } catch (err) {
    log.error({ err, interaction: interaction?.id, type: interaction?.type }, 'discord interaction failed');
    return { kind: 'ignored', ok: false, code: 'RESPOND_FAILED' };
  }
}

async function handleCommand(
  interaction: APIChatInputApplicationCommandInteraction,
  deps: InteractionDeps,
  log: InteractionLogger,
): Promise<InteractionOutcome> {
  const i = ref(interaction);
  const sub = interaction.data?.options?.[0];
  if (interaction.data?.name !== NEWS_COMMAND || sub?.type !== ApplicationCommandOptionType.Subcommand)
    return replyError(deps, i, 'UNKNOWN_COMMAND', 'Unknown command. Try `/news help`.');
  const definition = deps.commands.find((c) => c.name === sub.name);
  if (!definition)
    return replyError(deps, i, 'UNKNOWN_COMMAND', `Unknown command \`/news ${sub.name}\`. Try /news help.`);
  const invoker = invokerOf(interaction);
  if (definition.requiresManageChannel && !invoker.canManageChannel)
    return replyError(
      deps,
      i,
      'FORBIDDEN',
      `You need the Manage Channels permission in this channel to use /news ${definition.name}.`,
    );

  const raw = rawOptions(sub.options ?? []);
  const work = safeRun(deps, definition.name, raw, { services: deps.services, invoker }, log);
  const timeout = Symbol('timeout');
  const early = await Promise.race([work, sleep(deps.deferAfterMs ?? 1500).then(() => timeout)]);
  if (early !== timeout) {
    const outcome = early as RunCommandOutcome;
    if (!outcome.ok) return replyError(deps, i, outcome.error.code, outcome.error.message);
    const pages = pagesFor(outcome.briefing, deps);
    await deps.responder.callback(i, {
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { ...pages[0], flags: outcome.ephemeral ? MessageFlags.Ephemeral : undefined },
    });
    return { kind: 'command', ok: true, pages: pages.length };
  }

  const deferredEphemeral = !!definition.ephemeral;
  await deps.responder.callback(i, {
    type: InteractionResponseType.DeferredChannelMessageWithSource,
    data: deferredEphemeral ? { flags: MessageFlags.Ephemeral } : {},
  });
  const outcome = await work;
  if (outcome.ok && outcome.ephemeral === deferredEphemeral) {
    const pages = pagesFor(outcome.briefing, deps);
    await deps.responder.editOriginal(i, pages[0]);
    return { kind: 'command', ok: true, deferred: true, pages: pages.length };
  }
  // The deferred placeholder is public but the answer is private (an error, or an ephemeral briefing): remove the
  // placeholder and answer privately.
  if (!deferredEphemeral) await deps.responder.deleteOriginal(i);
  if (outcome.ok) {
    const pages = pagesFor(outcome.briefing, deps);
    await deps.responder.followUp(i, { ...pages[0], flags: MessageFlags.Ephemeral });
    return { kind: 'command', ok: true, deferred: true, pages: pages.length };
  }
  const message = errorMessage(outcome.error.message);
  if (deferredEphemeral) await deps.responder.editOriginal(i, message);
  else await deps.responder.followUp(i, { ...message, flags: MessageFlags.Ephemeral });
  return { kind: 'command', ok: false, code: outcome.error.code, deferred: true };
}

async function handleAutocomplete(
  interaction: APIApplicationCommandAutocompleteInteraction,
  deps: InteractionDeps,
): Promise<InteractionOutcome> {
  const i = ref(interaction);
  const sub = interaction.data?.options?.[0];
  const options = sub && sub.type === ApplicationCommandOptionType.Subcommand ? (sub.options ?? []) : [];
  const focused = options.find((o) => 'focused' in o && o.focused);
  const definition = deps.commands.find((c) => c.name === sub?.name);
  const kind = definition?.options.find((o) => o.name === focused?.name)?.autocomplete;
  let choices: Array<{ name: string; value: string }> = [];
  let ok = true;
  if (kind && focused) {
    const prefix = String(focused.value ?? '').slice(0, 100);
    const timeout = sleep(deps.autocompleteTimeoutMs ?? 2000).then(() => [] as typeof choices);
    try {
      choices = await Promise.race([deps.autocomplete(kind, prefix, deps.services), timeout]);
    } catch {
      ok = false;
    }
  }
  await deps.responder.callback(i, {
    type: InteractionResponseType.ApplicationCommandAutocompleteResult,
    data: {
      choices: choices.slice(0, AUTOCOMPLETE_CHOICES_MAX).map((c) => ({
        name: clip(c.name, CHOICE_NAME_MAX),
        value: String(c.value).slice(0, CHOICE_VALUE_MAX),
      })),
    },
  });
  return { kind: 'autocomplete', ok, code: ok ? undefined : 'INTERNAL' };
}

async function handlePage(
  interaction: APIMessageComponentInteraction,
  deps: InteractionDeps,
): Promise<InteractionOutcome> {
  const i = ref(interaction);
  const target = parsePageId(interaction.data?.custom_id ?? '');
  if (!target) return { kind: 'ignored', ok: true };
  const pages = (deps.pages ?? defaultPages).get(target.key);
  const page = pages?.[target.page];
  if (!pages || !page) return replyError(deps, i, 'NOT_FOUND', EXPIRED_MESSAGE, 'page');
  await deps.responder.callback(i, { type: InteractionResponseType.UpdateMessage, data: page });
  return { kind: 'page', ok: true, pages: pages.length };
}

/** Renders the briefing; keeps the pages when there is more than one so the buttons can page through them. */
function pagesFor(briefing: Briefing, deps: InteractionDeps): DiscordMessage[] {
  const key = (deps.newKey ?? newKey)();
  const pages = renderDiscordMessages(briefing, { paginate: { key } });
  if (pages.length > 1) (deps.pages ?? defaultPages).put(key, pages);
  return pages;
}

async function safeRun(
  deps: InteractionDeps,
  name: string,
  raw: Record<string, unknown>,
  ctx: CommandContext,
  log: InteractionLogger,
): Promise<RunCommandOutcome> {
  try {
    return await deps.runCommand(name, raw, ctx);
  } catch (err) {
    log.error({ err, command: name }, 'command failed');
    return { ok: false, error: { code: 'INTERNAL', message: INTERNAL_MESSAGE } };
  }
}

async function replyError(
  deps: InteractionDeps,
  i: InteractionRef,
  code: string,
  message: string,
  kind: InteractionOutcome['kind'] = 'command',
): Promise<InteractionOutcome> {
  await deps.responder.callback(i, {
    type: InteractionResponseType.ChannelMessageWithSource,
    data: { ...errorMessage(message), flags: MessageFlags.Ephemeral },
  });
  return { kind, ok: false, code };
}

/** An error as a message: the user-error text, escaped (it may echo what the user typed), no mentions. */
function errorMessage(message: string): { content: string; allowed_mentions: { parse: [] } } {
  return {
    content: clip(`⚠️ ${escapeMarkdown(message)}`, MESSAGE_CONTENT_MAX),
    allowed_mentions: { parse: [] },
  };
}

/** Option values by name, as Discord typed them (strings, integers, booleans, channel ids). */
function rawOptions(options: APIApplicationCommandInteractionDataBasicOption[]): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const o of options) if ('value' in o) raw[o.name] = o.value;
  return raw;
}

/** Who ran the command; Manage Channels comes from the member's permissions in this channel. */
export function invokerOf(interaction: APIInteraction): Invoker {
  const user = interaction.member?.user?.id ?? interaction.user?.id ?? 'unknown';
  let canManageChannel = false;
  try {
    const perms = BigInt(interaction.member?.permissions ?? '0');
    canManageChannel =
      (perms & (PermissionFlagsBits.ManageChannels | PermissionFlagsBits.Administrator)) !== 0n;
  } catch {
    canManageChannel = false;
  }
  return {
    platform: 'discord',
    workspace: interaction.guild_id ?? `dm:${user}`,
    channel: interaction.channel?.id ?? interaction.channel_id ?? 'unknown',
    user,
    canManageChannel,
  };
}

function ref(interaction: APIInteraction): InteractionRef {
  return { id: interaction.id, application_id: interaction.application_id, token: interaction.token };
}

function newKey(): string {
  return randomBytes(6).toString('base64url');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref?.());
}
