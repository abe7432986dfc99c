// `storybrief discord register [--guild ID]`: registers the /news command (guild-scoped or global) over REST.
import type { Command } from 'commander';
import { Routes } from 'discord-api-types/v10';
import { commands } from '../bots/commands.ts';
import { buildCommandData } from '../bots/discord/command-data.ts';
import { createDiscordRest } from '../bots/discord/rest.ts';
import { loadConfig } from '../config.ts';
import { UserError } from '../errors.ts';
import type { CliContext } from './context.ts';

export function register(program: Command, ctx: CliContext): void {
  const discord = program.command('discord').description('Discord administration');
  discord
    .command('register')
    .description(
      'register /news with Discord: in one server (--guild, instant) or globally (may take up to an hour)',
    )
    .option('--guild <id>', 'register in this server only (development)')
    .action(async (opts: { guild?: string }) => {
      const config = loadConfig(ctx.env);
      if (!config.ok) throw new UserError(config.error.code, config.error.message);
      const discordConfig = config.value.discord;
      if (!discordConfig)
        throw new UserError(
          'BAD_CONFIG',
          'DISCORD_TOKEN and DISCORD_APPLICATION_ID must be set to register commands',
        );
      if (opts.guild !== undefined && !/^\d{5,25}$/.test(opts.guild))
        throw new UserError(
          'BAD_OPTION',
          `--guild must be a numeric Discord server id, got "${opts.guild.slice(0, 40)}"`,
        );
      const body = [buildCommandData(commands)];
      const rest = createDiscordRest(discordConfig);
      const route = opts.guild
        ? Routes.applicationGuildCommands(discordConfig.applicationId, opts.guild)
        : Routes.applicationCommands(discordConfig.applicationId);
      let registered: Array<{ id: string; name: string }>;
      try {
        registered = (await rest.put(route, { body })) as Array<{ id: string; name: string }>;
      } catch (err) {
        throw new UserError('BAD_CONFIG', `Discord refused the registration: ${(err as Error).message}`);
      }
      const subcommands = body[0].options?.length ?? 0;
      const where = opts.guild ? `in server ${opts.guild}` : 'globally';
      ctx.out(
        `registered /${registered.map((c) => c.name).join(', /')} with ${subcommands} subcommands ${where}` +
          ` (application ${discordConfig.applicationId})`,
      );
    });
}
