// `storybrief follow | unfollow | following`: operators manage which channels follow the story.
import type { Command } from 'commander';
import { fixedClock, systemClock } from '../clock.ts';
import { UserError } from '../errors.ts';
import { cliScheduler, subscriptionJson } from '../schedule/cli-support.ts';
import type { CliContext } from './context.ts';

interface ChannelOpts {
  platform: string;
  channel: string;
  workspace?: string;
}

function checkPlatform(platform: string): 'discord' | 'slack' {
  if (platform !== 'discord' && platform !== 'slack')
    throw new UserError('BAD_OPTION', `--platform must be discord or slack, not "${platform}"`);
  return platform;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('follow')
    .description(
      'subscribe a channel to the daily digest (and optionally breaking alerts); sends the latest digest now',
    )
    .requiredOption('--platform <discord|slack>', 'chat platform')
    .requiredOption('--channel <id>', 'channel id')
    .option('--workspace <id>', 'Discord guild / Slack team id', '-')
    .requiredOption('--time <HH:MM>', 'local time of the daily digest (24 h)')
    .requiredOption('--tz <zone>', 'IANA time zone, e.g. Europe/London')
    .option('--topics <a,b>', 'only these topics (ids or labels, comma-separated)')
    .option('--alerts', 'also post breaking alerts as new entries are ingested', false)
    .option('--no-backfill', 'do not send the latest digest now')
    .option('--now <iso>', 'act as if at this instant (tests, backfills)')
    .action(
      async (
        o: ChannelOpts & {
          time: string;
          tz: string;
          topics?: string;
          alerts: boolean;
          backfill: boolean;
          now?: string;
        },
      ) => {
        const platform = checkPlatform(o.platform);
        const { follow } = await cliScheduler(ctx, o.now ? fixedClock(o.now) : systemClock);
        const r = await follow.follow({
          platform,
          workspace: o.workspace,
          channel: o.channel,
          time: o.time,
          timezone: o.tz,
          topics: o.topics,
          alerts: o.alerts,
          createdBy: 'cli',
        });
        const s = r.subscription;
        ctx.out(
          `${r.created ? 'following' : 'updated'}: ${s.platform} ${s.workspace}/${s.channel} daily at ${s.time} ${s.timezone}` +
            `${s.topics.length ? ` on ${s.topics.join(', ')}` : ''}${s.alerts ? ', breaking alerts on' : ''}`,
        );
        if (!o.backfill) return;
        if (!r.backfill) {
          ctx.out(`no ${platform} token configured: the latest digest was not sent now`);
          return;
        }
        const report = await r.backfill;
        ctx.out(
          report.sent
            ? 'sent the latest digest to the channel'
            : report.paused
              ? `could not post to the channel: paused (${(await follow.find(s))?.pausedReason ?? 'no access'})`
              : report.skipped
                ? 'no coverage yet to send'
                : 'the latest digest could not be sent now; the scheduler will retry',
        );
      },
    );

  program
    .command('unfollow')
    .description('stop the daily digest and alerts for a channel')
    .requiredOption('--platform <discord|slack>', 'chat platform')
    .requiredOption('--channel <id>', 'channel id')
    .option('--workspace <id>', 'Discord guild / Slack team id', '-')
    .action(async (o: ChannelOpts & { workspace: string }) => {
      const platform = checkPlatform(o.platform);
      const { follow } = await cliScheduler(ctx);
      const removed = await follow.unfollow({ platform, workspace: o.workspace, channel: o.channel });
      if (!removed)
        throw new UserError(
          'NOT_FOUND',
          `${platform} channel ${o.workspace}/${o.channel} does not follow the story`,
        );
      ctx.out(`unfollowed: ${platform} ${o.workspace}/${o.channel}`);
    });

  program
    .command('following')
    .description('list the channels that follow the story (paused ones with the reason)')
    .option('--platform <discord|slack>', 'only this platform')
    .option('--json', 'JSON array output', false)
    .action(async (o: { platform?: string; json: boolean }) => {
      const { follow } = await cliScheduler(ctx);
      const subs = await follow.list(o.platform ? { platform: checkPlatform(o.platform) } : {});
      if (o.json) {
        ctx.out(JSON.stringify(subs.map(subscriptionJson), null, 2));
        return;
      }
      if (subs.length === 0) {
        ctx.out('no channel follows the story');
        return;
      }
      for (const s of subs) {
        const state = s.paused ? `PAUSED (${s.pausedReason ?? 'no reason'})` : 'active';
        ctx.out(
          `${s.platform} ${s.workspace}/${s.channel}  ${s.time} ${s.timezone}  topics: ${s.topics.join(',') || 'all'}` +
            `  alerts: ${s.alerts ? 'on' : 'off'}  ${state}  last: ${s.lastDeliveredAt ?? 'never'}`,
        );
      }
    });
}
