// The real command catalogue, in the shape the Slack adapter consumes.
import { findCommand } from '../commands.ts';
import { runCommand } from '../dispatch.ts';
import { parseCommandLine } from '../grammar.ts';
import type { SlackCatalogue } from './slash-command.ts';

export const defaultSlackCatalogue: SlackCatalogue = { parseCommandLine, findCommand, runCommand };
