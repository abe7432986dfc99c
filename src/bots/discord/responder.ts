// The reply port of the interaction handler, and its implementation over @discordjs/rest (interaction webhooks).
import type { REST } from '@discordjs/rest';
import type {
  APIInteractionResponse,
  RESTPatchAPIWebhookWithTokenMessageJSONBody,
  RESTPostAPIWebhookWithTokenJSONBody,
} from 'discord-api-types/v10';
import { Routes } from 'discord-api-types/v10';

/** The parts of an interaction needed to answer it. */
export interface InteractionRef {
  id: string;
  application_id: string;
  token: string;
}

/** How the handler answers Discord; tests record calls, the bot sends them over REST. */
export interface InteractionResponder {
  /** The initial response (must arrive within 3 s): a message, a deferral, an update or autocomplete choices. */
  callback(interaction: InteractionRef, body: APIInteractionResponse): Promise<void>;
  editOriginal(interaction: InteractionRef, body: RESTPatchAPIWebhookWithTokenMessageJSONBody): Promise<void>;
  deleteOriginal(interaction: InteractionRef): Promise<void>;
  followUp(
    interaction: InteractionRef,
    body: RESTPostAPIWebhookWithTokenJSONBody & { flags?: number },
  ): Promise<void>;
}

/** Answers interactions through Discord's REST API (works with the gateway and with HTTP interactions alike). */
export function createRestResponder(rest: REST): InteractionResponder {
  return {
    async callback(i, body) {
      await rest.post(Routes.interactionCallback(i.id, i.token), { body, auth: false });
    },
    async editOriginal(i, body) {
      await rest.patch(Routes.webhookMessage(i.application_id, i.token, '@original'), { body, auth: false });
    },
    async deleteOriginal(i) {
      await rest.delete(Routes.webhookMessage(i.application_id, i.token, '@original'), { auth: false });
    },
    async followUp(i, body) {
      await rest.post(Routes.webhook(i.application_id, i.token), { body, auth: false });
    },
  };
}
