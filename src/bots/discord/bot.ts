// The thin discord.js wiring: a gateway client whose raw INTERACTION_CREATE packets go to handleInteraction.

import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { APIInteraction } from 'discord-api-types/v10';
import type { DiscordConfig } from '../../config.ts';
import { autocomplete } from '../autocomplete.ts';
import type { CommandDefinition, CommandServices } from '../command-types.ts';
import { commands as catalogue } from '../commands.ts';
import { runCommand } from '../dispatch.ts';
import {
  handleInteraction,
  type InteractionDeps,
  type InteractionLogger,
  type InteractionOutcome,
} from './handle-interaction.ts';
import { createRestResponder } from './responder.ts';
import { discordRestOptions } from './rest.ts';

export interface DiscordBotOptions {
  logger?: InteractionLogger;
  /** Defaults to the catalogue of src/bots/commands.ts. */
  commands?: CommandDefinition[];
  deferAfterMs?: number;
}

export interface RunningDiscordBot {
  client: Client;
  stop(): Promise<void>;
}

/** Handles one gateway packet: INTERACTION_CREATE goes to the handler, anything else is ignored. */
export function createInteractionListener(
  deps: InteractionDeps,
): (packet: { t?: string | null; d?: unknown }) => Promise<InteractionOutcome | null> {
  return async (packet) => {
    if (packet?.t !== 'INTERACTION_CREATE' || !packet.d || typeof packet.d !== 'object') return null;
    const outcome = await handleInteraction(packet.d as APIInteraction, deps);
    const log = deps.logger;
    if (log && outcome.kind !== 'ignored') {
      const entry = { interaction: (packet.d as { id?: string }).id, ...outcome };
      if (outcome.ok || outcome.code !== 'RESPOND_FAILED') log.info(entry, 'discord interaction');
      else log.warn(entry, 'discord interaction');
    }
    return outcome;
  };
}

/**
 * Logs in to the gateway and serves `/news`. Commands are not registered here (`storybrief discord register`).
 * Replies go through the client's REST manager, so DISCORD_API_URL applies to them too.
 */
export async function startDiscordBot(
  config: DiscordConfig,
  services: CommandServices,
  opts: DiscordBotOptions = {},
): Promise<RunningDiscordBot> {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: discordRestOptions(config),
    allowedMentions: { parse: [] },
  });
  const listener = createInteractionListener({
    commands: opts.commands ?? catalogue,
    runCommand,
    autocomplete,
    services,
    responder: createRestResponder(client.rest),
    deferAfterMs: opts.deferAfterMs,
    logger: opts.logger,
  });
  client.on(Events.Raw as never, (packet: { t?: string; d?: unknown }) => {
    void listener(packet);
  });
  client.on(Events.Error, (err) => opts.logger?.error({ err }, 'discord client error'));
  client.once(Events.ClientReady, (ready) =>
    opts.logger?.info({ user: ready.user.tag, guilds: ready.guilds.cache.size }, 'discord ready'),
  );
  await client.login(config.token);
  return {
    client,
    async stop() {
      await client.destroy();
    },
  };
}
