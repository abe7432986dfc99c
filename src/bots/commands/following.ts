// `/news following`: the channels of this workspace that follow the story, paused ones with the reason.
import { z } from 'zod';
import type { BriefingItem } from '../../briefings/briefing.ts';
import type { CommandDefinition } from '../command-types.ts';
import { followServiceOf } from './follow.ts';

const schema = z.object({});

export const followingCommand: CommandDefinition<z.infer<typeof schema>> = {
  name: 'following',
  description: 'Which channels here follow the story, when, and whether paused',
  options: [],
  schema,
  ephemeral: true,
  async run(_args, { invoker, services }) {
    const subs = await followServiceOf(services).list({
      platform: invoker.platform === 'cli' ? 'console' : invoker.platform,
      workspace: invoker.workspace,
    });
    const items: BriefingItem[] = subs.map((s) => ({
      text:
        `${s.channel === invoker.channel ? 'This channel' : `Channel ${s.channel}`}: daily at ${s.time} (${s.timezone}), ` +
        `topics ${s.topics.length ? s.topics.join(', ') : 'all'}, alerts ${s.alerts ? 'on' : 'off'}` +
        (s.paused ? ` — PAUSED: ${s.pausedReason ?? 'no reason given'}` : ''),
      citation: null,
      detail: `Last digest: ${s.lastDeliveredAt ?? 'none yet'}`,
    }));
    return {
      kind: 'subscriptions',
      title: 'Channels following the story',
      subtitle: subs.length
        ? `${subs.length} channel${subs.length === 1 ? '' : 's'}`
        : 'No channel here follows the story yet: try /news follow',
      sections: items.length ? [{ heading: 'Subscriptions', items }] : [],
    };
  },
};
