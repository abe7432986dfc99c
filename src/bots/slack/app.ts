// Boots the Bolt app: /news over Socket Mode (SLACK_APP_TOKEN) or HTTP (/slack/events), plus the App Home tab.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, type Logger, LogLevel, SocketModeReceiver } from '@slack/bolt';
import type { Briefing } from '../../briefings/briefing.ts';
import type { SlackConfig } from '../../config.ts';
import type { Subscription } from '../../store/types.ts';
import type { CommandServices } from '../command-types.ts';
import { renderHomeView } from './home.ts';
import { createChannelManagerCheck } from './permissions.ts';
import type { RenderSlackOptions } from './render.ts';
import { handleSlashCommand, type SlackCatalogue, type SlashCommandResult } from './slash-command.ts';

/** Slack credentials (src/config.ts) plus where the HTTP receiver listens. */
export interface SlackAppConfig extends SlackConfig {
  /** HTTP port for /slack/events (HTTP mode; default 3000, 0 = any free port). */
  port?: number;
  /** Interface to listen on (HTTP mode; default all). */
  host?: string;
}

/** Optional wiring beyond the command services. */
export interface SlackAppOptions {
  /** The command catalogue (default: src/bots/commands.ts via grammar + dispatch). */
  catalogue?: SlackCatalogue;
  /** This workspace's subscriptions for the Home tab; without it the tab shows "none". */
  subscriptions?: (workspace: string) => Promise<Subscription[]>;
  /** The subcommand whose briefing the Home tab shows (default `brief`). */
  homeCommand?: string;
  render?: RenderSlackOptions;
  logger?: Logger;
  logLevel?: LogLevel;
  /** Called after each slash command is handled (logs, metrics, tests). */
  onCommand?: (result: SlashCommandResult) => void;
  /** Extra HTTP routes served beside /slack/events in HTTP mode (e.g. GET /healthz). */
  customRoutes?: Array<{
    path: string;
    method: string;
    handler: (req: IncomingMessage, res: ServerResponse) => void;
  }>;
}

/** A running Slack app. `port` is the bound HTTP port (HTTP mode only). */
export interface RunningSlackApp {
  mode: 'socket' | 'http';
  port?: number;
  app: App;
  stop(): Promise<void>;
}

async function loadCatalogue(options: SlackAppOptions): Promise<SlackCatalogue> {
  return options.catalogue ?? (await import('./catalogue.ts')).defaultSlackCatalogue;
}

/** Starts the Slack adapter with the given config and command services. */
export async function startSlackApp(
  config: SlackAppConfig,
  services: CommandServices,
  options: SlackAppOptions = {},
): Promise<RunningSlackApp> {
  const catalogue = await loadCatalogue(options);
  const logLevel = options.logLevel ?? LogLevel.INFO;
  // A user is waiting: retry a failing call a few times within seconds, not Slack's default half hour.
  // (429s are waited out separately, honouring Retry-After.)
  const clientOptions = {
    retryConfig: { retries: 3, factor: 2, minTimeout: 250, maxTimeout: 2000 },
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
  };
  const socket = !!config.appToken;
  let receiver: HTTPReceiver | SocketModeReceiver;
  if (config.appToken) {
    receiver = new SocketModeReceiver({
      appToken: config.appToken,
      logger: options.logger,
      logLevel,
      // apps.connections.open goes to the same Web API base as everything else.
      installerOptions: { clientOptions },
    });
  } else {
    if (!config.signingSecret) throw new Error('SLACK_SIGNING_SECRET is required for the HTTP receiver');
    receiver = new HTTPReceiver({
      signingSecret: config.signingSecret,
      endpoints: '/slack/events',
      customRoutes: options.customRoutes,
      logger: options.logger,
      logLevel,
      // ack() answers the HTTP request at once; work continues after the 200.
      processBeforeResponse: false,
    });
  }
  const app = new App({ token: config.botToken, receiver, clientOptions, logger: options.logger, logLevel });
  const canManageChannel = createChannelManagerCheck(app.client);

  // Any slash command routed to this app is /news (a workspace may have renamed it).
  app.command(/^\/.+/, async ({ ack, body, respond, client, logger }) => {
    await ack();
    const result = await handleSlashCommand(body, {
      catalogue,
      services,
      respond: (m) => respond(m),
      postMessage: async (args) => {
        const r = await client.chat.postMessage({ ...args, unfurl_links: false, unfurl_media: false });
        return { ts: r.ts };
      },
      canManageChannel,
      render: options.render,
      logger,
    });
    options.onCommand?.(result);
  });

  app.event('app_home_opened', async ({ event, body, client, logger }) => {
    if (event.tab !== 'home') return;
    const workspace = body.team_id ?? '';
    let keyPoints: Briefing | null = null;
    try {
      const outcome = await catalogue.runCommand(
        options.homeCommand ?? 'brief',
        {},
        {
          services,
          invoker: {
            platform: 'slack',
            workspace,
            channel: event.channel ?? '',
            user: event.user,
            canManageChannel: false,
          },
        },
      );
      keyPoints = outcome.ok ? outcome.briefing : null;
    } catch (err) {
      logger.warn('slack: home key points failed', err);
    }
    let subscriptions: Subscription[] | null = null;
    if (options.subscriptions) {
      subscriptions = await options.subscriptions(workspace).catch((err) => {
        logger.warn('slack: home subscriptions failed', err);
        return null;
      });
    }
    await client.views.publish({ user_id: event.user, view: renderHomeView({ keyPoints, subscriptions }) });
  });

  app.error(async (err) => {
    app.logger.error('slack: unhandled error', err);
  });

  let port: number | undefined;
  if (receiver instanceof HTTPReceiver) {
    const server = (await receiver.start({ port: config.port ?? 3000, host: config.host })) as Server;
    port = (server.address() as AddressInfo).port;
  } else {
    await receiver.start();
  }
  return {
    mode: socket ? 'socket' : 'http',
    port,
    app,
    stop: async () => {
      await receiver.stop();
    },
  };
}
