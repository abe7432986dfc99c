// The one command catalogue: every `/news` subcommand, defined once, served by console, Discord and Slack.
import type { CommandDefinition } from './command-types.ts';
import { briefCommand } from './commands/brief.ts';
import { datasetCommand } from './commands/dataset.ts';
import { digestCommand } from './commands/digest.ts';
import { followCommand } from './commands/follow.ts';
import { followingCommand } from './commands/following.ts';
import { createHelpCommand } from './commands/help.ts';
import { listsCommand } from './commands/lists.ts';
import { quotesCommand } from './commands/quotes.ts';
import { searchCommand } from './commands/search.ts';
import { feedsCommand } from './commands/sources-feed.ts';
import { timelineCommand } from './commands/timeline.ts';
import { topicCommand } from './commands/topic.ts';
import { unfollowCommand } from './commands/unfollow.ts';

/** Every subcommand, in the order help lists them. */
export const commands: CommandDefinition[] = [
  briefCommand,
  listsCommand,
  timelineCommand,
  quotesCommand,
  topicCommand,
  searchCommand,
  digestCommand,
  followCommand,
  unfollowCommand,
  followingCommand,
  datasetCommand,
  feedsCommand,
] as CommandDefinition[];
commands.push(createHelpCommand(() => commands) as CommandDefinition);

/** The subcommand with this name (case-insensitive), if any. */
export function findCommand(name: string): CommandDefinition | undefined {
  const n = name.trim().toLowerCase();
  return commands.find((c) => c.name === n);
}

/** Names of all subcommands, in catalogue order. */
export function commandNames(): string[] {
  return commands.map((c) => c.name);
}
