// `/news unfollow`: this channel stops getting digests and alerts.
import { z } from 'zod';
import { UserError } from '../../errors.ts';
import type { CommandDefinition } from '../command-types.ts';
import { followServiceOf } from './follow.ts';

const schema = z.object({});

export const unfollowCommand: CommandDefinition<z.infer<typeof schema>> = {
  name: 'unfollow',
  description: 'Stop the daily digest and alerts in this channel',
  options: [],
  schema,
  requiresManageChannel: true,
  async run(_args, { invoker, services }) {
    const removed = await followServiceOf(services).unfollow({
      platform: invoker.platform === 'cli' ? 'console' : invoker.platform,
      workspace: invoker.workspace,
      channel: invoker.channel,
    });
    if (!removed) throw new UserError('NOT_FOUND', 'This channel does not follow the story.');
    return {
      kind: 'message',
      title: 'This channel no longer follows the story',
      subtitle: 'No more digests or alerts here.',
      sections: [],
    };
  },
};
