// `/news follow`: this channel gets the daily digest at a local time (and optionally breaking alerts).
import { z } from 'zod';
import type { Briefing } from '../../briefings/briefing.ts';
import { UserError } from '../../errors.ts';
import { nextDue } from '../../schedule/due-time.ts';
import type { FollowService } from '../../schedule/follow-service.ts';
import type { CommandDefinition, CommandServices } from '../command-types.ts';

const optionalText = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim() || undefined : v),
  z.string().max(200, 'must be at most 200 characters').optional(),
);

const schema = z.object({
  time: optionalText,
  timezone: optionalText,
  topics: optionalText,
  alerts: z.preprocess((v) => (typeof v === 'boolean' ? (v ? 'on' : 'off') : v), optionalText),
});

/** The follow service wired into the command services (`services.follow`). */
export function followServiceOf(services: CommandServices): FollowService {
  const svc = services.follow as FollowService | undefined;
  if (!svc)
    throw new UserError('BAD_CONFIG', 'Following is not available here (the scheduler is not configured).');
  return svc;
}

export const followCommand: CommandDefinition<z.infer<typeof schema>> = {
  name: 'follow',
  description: 'Send this channel a daily digest (and optionally breaking alerts)',
  options: [
    { name: 'time', description: 'Local time HH:MM (default 08:00)', type: 'string' },
    { name: 'timezone', description: 'IANA time zone, e.g. Europe/London (default UTC)', type: 'string' },
    {
      name: 'topics',
      description: 'Only these topics (comma-separated)',
      type: 'string',
      autocomplete: 'topic',
    },
    {
      name: 'alerts',
      description: 'Breaking alerts as new entries arrive',
      type: 'string',
      choices: [
        { name: 'on', value: 'on' },
        { name: 'off', value: 'off' },
      ],
    },
  ],
  schema,
  requiresManageChannel: true,
  async run(args, ctx): Promise<Briefing> {
    const { invoker, services } = ctx;
    const r = await followServiceOf(services).follow({
      platform: invoker.platform === 'cli' ? 'console' : invoker.platform,
      workspace: invoker.workspace,
      channel: invoker.channel,
      time: args.time,
      timezone: args.timezone,
      topics: args.topics,
      alerts: args.alerts,
      createdBy: invoker.user,
    });
    r.backfill?.catch(() => {}); // delivered in the background through the ledger; failures are retried by passes
    const s = r.subscription;
    const next = nextDue(s, services.clock.now());
    return {
      kind: 'subscriptions',
      title: r.created ? 'This channel now follows the story' : 'Subscription updated',
      subtitle: r.backfill ? 'The latest digest is on its way.' : '',
      sections: [
        {
          heading: 'Daily digest',
          items: [
            {
              text: `Every day at ${s.time} (${s.timezone}); next on ${next.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
              citation: null,
            },
            { text: `Topics: ${s.topics.length ? s.topics.join(', ') : 'the whole story'}`, citation: null },
            { text: `Breaking alerts: ${s.alerts ? 'on' : 'off'}`, citation: null },
          ],
        },
      ],
    };
  },
};
