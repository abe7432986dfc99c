// The /news slash command as a plain function: parse → catalogue → render → respond, never throwing.
import type { KnownBlock } from '@slack/web-api';
import type { Briefing } from '../../briefings/briefing.ts';
import type { ErrorCode, Result } from '../../errors.ts';
import { isUserError } from '../../errors.ts';
import type { CommandContext, CommandDefinition, CommandServices, Invoker } from '../command-types.ts';
import { shortenEscaped } from './escape.ts';
import { RESPONSE_URL_USES_MAX, SECTION_TEXT_MAX } from './limits.ts';
import { type RenderSlackOptions, renderSlackMessages, type SlackMessage } from './render.ts';

/** The fields of Slack's slash-command payload the handler reads (all strings, as Slack form-encodes them). */
export interface SlashCommandBody {
  command?: string;
  text?: string;
  team_id?: string;
  enterprise_id?: string;
  channel_id?: string;
  user_id?: string;
  response_url?: string;
}

/** What running a catalogue command yields (the contract of src/bots/dispatch.ts runCommand). */
export type CommandOutcome =
  | { ok: true; briefing: Briefing; ephemeral: boolean }
  | { ok: false; error: { code: ErrorCode | string; message: string } };

/** The command catalogue as the Slack adapter uses it (src/bots/grammar.ts, commands.ts, dispatch.ts). */
export interface SlackCatalogue {
  parseCommandLine(text: string): Result<{ name: string; raw: Record<string, string> }>;
  findCommand(name: string): Pick<CommandDefinition, 'name' | 'requiresManageChannel'> | undefined;
  runCommand(name: string, raw: Record<string, string>, ctx: CommandContext): Promise<CommandOutcome>;
}

/** A reply through the command's response_url. */
export interface SlackResponse {
  response_type: 'in_channel' | 'ephemeral';
  text: string;
  blocks: KnownBlock[];
  replace_original?: boolean;
}

/** Posting as the bot (chat.postMessage); returns the message ts. Throws a Slack error with `data.error`. */
export type PostMessage = (args: {
  channel: string;
  text: string;
  blocks: KnownBlock[];
  thread_ts?: string;
}) => Promise<{ ts?: string }>;

export interface SlashCommandDeps {
  catalogue: SlackCatalogue;
  services: CommandServices;
  /** Replies through response_url (Bolt's `respond`). */
  respond(message: SlackResponse): Promise<unknown>;
  /** Posts as the bot; when given, channel briefings go there and long ones continue in a thread. */
  postMessage?: PostMessage;
  /** Whether the user may manage the channel; asked only for commands that need it. Default: no. */
  canManageChannel?(user: string, channel: string, workspace: string): Promise<boolean>;
  render?: RenderSlackOptions;
  logger?: { error(...args: unknown[]): void; warn(...args: unknown[]): void };
}

/** What the handler did, for logs and tests. */
export interface SlashCommandResult {
  ok: boolean;
  code?: string;
  command?: string;
  delivery: 'channel' | 'thread' | 'response_url' | 'ephemeral' | 'failed';
  messages: number;
}

/** A short ephemeral message telling the user what went wrong. */
export function renderSlackError(message: string): SlackMessage {
  const escaped = shortenEscaped(message, SECTION_TEXT_MAX - 20);
  return {
    text: escaped,
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `:warning: ${escaped}`, verbatim: true } }],
  };
}

const GENERIC_FAILURE =
  'Sorry, something went wrong while preparing that briefing. Please try again in a moment.';

// Post failures after which the briefing goes through response_url instead (the bot cannot post there).
const FALLBACK_ERRORS = new Set([
  'not_in_channel',
  'channel_not_found',
  'is_archived',
  'restricted_action',
  'missing_scope',
  'ekm_access_denied',
  'team_access_not_granted',
]);

function slackErrorCode(err: unknown): string {
  const data = (err as { data?: { error?: unknown } })?.data;
  return typeof data?.error === 'string' ? data.error : err instanceof Error ? err.message : String(err);
}

async function respondAll(
  deps: SlashCommandDeps,
  messages: SlackMessage[],
  type: SlackResponse['response_type'],
) {
  let list = messages;
  if (list.length > RESPONSE_URL_USES_MAX) {
    // response_url accepts only a few replies: say plainly that the rest is not shown.
    const shown = list.slice(0, RESPONSE_URL_USES_MAX - 1);
    const rest = list.length - shown.length;
    const note = renderSlackError(
      `${rest} more part${rest === 1 ? '' : 's'} of this briefing could not be sent here. ` +
        'Invite the app to this channel so long briefings can continue in a thread, or narrow the request.',
    );
    list = [...shown, note];
  }
  for (const m of list) await deps.respond({ response_type: type, text: m.text, blocks: m.blocks });
  return list.length;
}

async function replyError(
  deps: SlashCommandDeps,
  code: string,
  message: string,
  command?: string,
): Promise<SlashCommandResult> {
  try {
    const m = renderSlackError(message);
    await deps.respond({ response_type: 'ephemeral', text: m.text, blocks: m.blocks });
    return { ok: false, code, command, delivery: 'ephemeral', messages: 1 };
  } catch (err) {
    deps.logger?.error({ err, code }, 'slack: could not deliver an error reply');
    return { ok: false, code, command, delivery: 'failed', messages: 0 };
  }
}

/** Sends a channel briefing: as the bot (first part in channel, the rest in its thread) or via response_url. */
async function deliverToChannel(
  deps: SlashCommandDeps,
  briefing: Briefing,
  channel: string,
  command: string,
): Promise<SlashCommandResult> {
  if (deps.postMessage && channel) {
    const messages = renderSlackMessages(briefing, { ...deps.render, continuation: 'thread' });
    let firstTs: string | undefined;
    try {
      const first = await deps.postMessage({ channel, text: messages[0].text, blocks: messages[0].blocks });
      firstTs = first.ts;
    } catch (err) {
      const code = slackErrorCode(err);
      if (!FALLBACK_ERRORS.has(code)) throw err;
      deps.logger?.warn(
        { code, channel },
        'slack: cannot post as the bot here; answering through response_url',
      );
    }
    if (firstTs !== undefined) {
      let sent = 1;
      try {
        for (const m of messages.slice(1)) {
          await deps.postMessage({ channel, text: m.text, blocks: m.blocks, thread_ts: firstTs });
          sent++;
        }
      } catch (err) {
        // Say plainly which parts are missing rather than leaving a briefing cut short without a word.
        const code = slackErrorCode(err);
        deps.logger?.error(
          { code, channel, sent, total: messages.length },
          'slack: thread continuation failed',
        );
        await replyError(
          deps,
          code,
          `Posted ${sent} of ${messages.length} parts of this briefing; the rest could not be posted (${code}). Please try again.`,
          command,
        );
        return { ok: false, code, command, delivery: 'thread', messages: sent };
      }
      return {
        ok: true,
        command,
        delivery: messages.length > 1 ? 'thread' : 'channel',
        messages: messages.length,
      };
    }
  }
  const messages = renderSlackMessages(briefing, { ...deps.render, continuation: 'messages' });
  const sent = await respondAll(deps, messages, 'in_channel');
  return { ok: true, command, delivery: 'response_url', messages: sent };
}

/**
 * Handles one `/news …` command after it has been acknowledged: parses the text with the catalogue grammar,
 * runs the command, and answers in channel (briefings) or ephemerally (errors, help). Never throws.
 */
export async function handleSlashCommand(
  body: SlashCommandBody,
  deps: SlashCommandDeps,
): Promise<SlashCommandResult> {
  let command: string | undefined;
  try {
    const text = typeof body.text === 'string' ? body.text : '';
    const parsed = deps.catalogue.parseCommandLine(text);
    if (!parsed.ok) return await replyError(deps, parsed.error.code, parsed.error.message);
    command = parsed.value.name;
    const workspace = body.team_id ?? body.enterprise_id ?? '';
    const channel = body.channel_id ?? '';
    const user = body.user_id ?? '';
    const def = deps.catalogue.findCommand(command);
    const canManage =
      def?.requiresManageChannel && deps.canManageChannel
        ? await deps.canManageChannel(user, channel, workspace).catch(() => false)
        : false;
    const invoker: Invoker = { platform: 'slack', workspace, channel, user, canManageChannel: canManage };
    const outcome = await deps.catalogue.runCommand(command, parsed.value.raw, {
      services: deps.services,
      invoker,
    });
    if (!outcome.ok)
      return await replyError(deps, String(outcome.error.code), outcome.error.message, command);
    if (outcome.ephemeral) {
      const messages = renderSlackMessages(outcome.briefing, { ...deps.render, continuation: 'messages' });
      const sent = await respondAll(deps, messages, 'ephemeral');
      return { ok: true, command, delivery: 'ephemeral', messages: sent };
    }
    return await deliverToChannel(deps, outcome.briefing, channel, command);
  } catch (err) {
    if (isUserError(err)) return replyError(deps, err.code, err.message, command);
    deps.logger?.error({ err, command }, 'slack: slash command failed');
    return replyError(deps, 'INTERNAL', GENERIC_FAILURE, command);
  }
}
