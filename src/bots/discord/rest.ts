// One place that builds the @discordjs/rest client from the Discord config (token, DISCORD_API_URL override).
import { REST, type RESTOptions } from '@discordjs/rest';
import type { DiscordConfig } from '../../config.ts';

/** REST options honouring DISCORD_API_URL (proxies, tests against a fake); discord.com otherwise. */
export function discordRestOptions(config: Pick<DiscordConfig, 'apiUrl'>): Partial<RESTOptions> {
  return config.apiUrl ? { api: config.apiUrl.replace(/\/+$/, '') } : {};
}

/** An authenticated REST client for the bot. */
export function createDiscordRest(
  config: Pick<DiscordConfig, 'token' | 'apiUrl'>,
  extra: Partial<RESTOptions> = {},
): REST {
  return new REST({ ...discordRestOptions(config), ...extra }).setToken(config.token);
}
