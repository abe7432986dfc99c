// Builds the `/news` application command (one subcommand per catalogue entry) as Discord registration JSON.
import type {
  APIApplicationCommandBasicOption,
  APIApplicationCommandSubcommandOption,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ChannelType,
  InteractionContextType,
} from 'discord-api-types/v10';
import type { CommandDefinition, CommandOption } from '../command-types.ts';
import { CHOICE_NAME_MAX, CHOICE_VALUE_MAX, COMMAND_DESCRIPTION_MAX, COMMAND_OPTIONS_MAX } from './limits.ts';

/** The one top-level command name. */
export const NEWS_COMMAND = 'news';

const NAME = /^[-_\p{Ll}\p{Lo}\p{N}]{1,32}$/u;

/**
 * The `/news` command JSON. Discord permissions are per command, not per subcommand, so `/news` stays open to
 * everyone (default_member_permissions null) and follow / unfollow check Manage Channels at run time from the
 * interaction's member permissions. Guild-only: subscriptions belong to a server channel.
 */
export function buildCommandData(
  commands: CommandDefinition[],
): RESTPostAPIChatInputApplicationCommandsJSONBody {
  if (commands.length > COMMAND_OPTIONS_MAX)
    throw new Error(`/news has ${commands.length} subcommands; Discord allows ${COMMAND_OPTIONS_MAX}`);
  return {
    type: ApplicationCommandType.ChatInput,
    name: NEWS_COMMAND,
    description: 'Briefings on the story: key points, timelines, quotes, lists, digests',
    default_member_permissions: null,
    integration_types: [ApplicationIntegrationType.GuildInstall],
    contexts: [InteractionContextType.Guild],
    options: commands.map(subcommand),
  };
}

function subcommand(command: CommandDefinition): APIApplicationCommandSubcommandOption {
  checkName(command.name);
  if (command.options.length > COMMAND_OPTIONS_MAX)
    throw new Error(`/news ${command.name}: too many options`);
  // Discord requires required options before optional ones.
  const ordered = [...command.options].sort((a, b) => Number(!!b.required) - Number(!!a.required));
  return {
    type: ApplicationCommandOptionType.Subcommand,
    name: command.name,
    description: describe(command.description),
    options: ordered.map((o) => option(command.name, o)),
  };
}

function option(commandName: string, o: CommandOption): APIApplicationCommandBasicOption {
  checkName(o.name, commandName);
  const base = { name: o.name, description: describe(o.description), required: !!o.required };
  switch (o.type) {
    case 'channel':
      return {
        ...base,
        type: ApplicationCommandOptionType.Channel,
        channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement],
      };
    case 'boolean':
      return { ...base, type: ApplicationCommandOptionType.Boolean };
    case 'integer':
      if (o.choices?.length)
        return {
          ...base,
          type: ApplicationCommandOptionType.Integer,
          choices: o.choices
            .slice(0, 25)
            .map((c) => ({ name: c.name.slice(0, CHOICE_NAME_MAX), value: Number(c.value) })),
        };
      return { ...base, type: ApplicationCommandOptionType.Integer, min_value: 1, autocomplete: false };
    case 'string':
      if (o.choices?.length)
        return {
          ...base,
          type: ApplicationCommandOptionType.String,
          choices: o.choices.slice(0, 25).map((c) => ({
            name: c.name.slice(0, CHOICE_NAME_MAX),
            value: c.value.slice(0, CHOICE_VALUE_MAX),
          })),
        };
      return { ...base, type: ApplicationCommandOptionType.String, autocomplete: !!o.autocomplete };
  }
}

function describe(text: string): string {
  const t = text.trim() || 'No description';
  return t.length <= COMMAND_DESCRIPTION_MAX ? t : `${t.slice(0, COMMAND_DESCRIPTION_MAX - 1)}…`;
}

function checkName(name: string, parent?: string): void {
  if (!NAME.test(name))
    throw new Error(
      `invalid Discord option name ${JSON.stringify(name)}${parent ? ` in /news ${parent}` : ''}`,
    );
}
