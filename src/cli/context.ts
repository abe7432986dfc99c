// What every CLI command module receives: where to write, and how to reach the store.
import type { Command } from 'commander';
import type { EventStore } from '../store/event-store.ts';
import type { Database } from '../store/sql.ts';
import type { Event } from '../store/types.ts';

/** The opened store: the database handle and the repositories built on it. */
export interface OpenedStore {
  db: Database;
  events: EventStore;
  close(): Promise<void>;
}

/**
 * Context for CLI commands. Commands write through out/err (never process.stdout directly) and get the
 * store through store(), so the same command can run in-process inside the bot when the CLI forwards to it.
 */
export interface CliContext {
  out(text: string): void;
  err(text: string): void;
  /** Opens (once) the store chosen by --db / STORYBRIEF_DB / DATABASE_URL / .storybrief/. */
  store(): Promise<OpenedStore>;
  /** Global options (e.g. `db`). */
  globals(): { db?: string };
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Services of the running bot when the command was forwarded into it (alerts go through its publishers). */
  app?: { announce(added: Event[]): Promise<unknown> };
}

/** A command group module: adds its commands to the program. */
export interface CliGroup {
  register(program: Command, ctx: CliContext): void;
}
