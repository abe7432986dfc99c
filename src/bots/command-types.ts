// Types of the one command catalogue that every adapter (console, Discord, Slack) serves.
import type { z } from 'zod';
import type { Briefing } from '../briefings/briefing.ts';
import type { Clock } from '../clock.ts';
import type { EventStore } from '../store/event-store.ts';

export type OptionType = 'string' | 'integer' | 'boolean' | 'channel';

/** One option of a subcommand, described once for every platform. */
export interface CommandOption {
  name: string;
  description: string;
  type: OptionType;
  required?: boolean;
  /** The option bare words fill in the text grammar (`/news quotes Witkoff`). At most one per command. */
  positional?: boolean;
  autocomplete?: 'speaker' | 'topic' | 'date';
  choices?: Array<{ name: string; value: string }>;
}

/** Who ran the command, and where. */
export interface Invoker {
  platform: 'discord' | 'slack' | 'console' | 'cli';
  workspace: string;
  channel: string;
  user: string;
  /** Whether the user may manage this channel (follow / unfollow need it). */
  canManageChannel: boolean;
}

/** What handlers may use. Optional members are wired only where that part of the product runs. */
export interface CommandServices {
  events: EventStore;
  clock: Clock;
  /** Extra services by name (story registry, subscriptions, sources…), typed by the modules that own them. */
  [service: string]: unknown;
}

export interface CommandContext {
  services: CommandServices;
  invoker: Invoker;
}

/** One `/news` subcommand: its options, how raw option values are validated, and its handler. */
export interface CommandDefinition<Args = Record<string, unknown>> {
  name: string;
  description: string;
  options: CommandOption[];
  /** Validates the raw option record (strings from text, typed values from Discord). */
  schema: z.ZodType<Args>;
  requiresManageChannel?: boolean;
  /** Replies only to the invoker (help, settings) rather than the channel. */
  ephemeral?: boolean;
  run(args: Args, ctx: CommandContext): Promise<Briefing>;
}
