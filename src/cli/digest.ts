// `storybrief digest run [--now ISO]`: one scheduler pass as if at that instant, then exit.
import type { Command } from 'commander';
import { fixedClock, systemClock } from '../clock.ts';
import { UserError } from '../errors.ts';
import { cliScheduler } from '../schedule/cli-support.ts';
import { runDigestPass } from '../schedule/digest-pass.ts';
import type { CliContext } from './context.ts';

export function register(program: Command, ctx: CliContext): void {
  const digest = program.command('digest').description('scheduled daily digests');
  digest
    .command('run')
    .description(
      'run one delivery pass (due digests, catch-up, retries) and exit; safe from several replicas',
    )
    .option('--now <iso>', 'run as if at this instant (ISO 8601)')
    .option('--json', 'print the pass report as JSON', false)
    .action(async (o: { now?: string; json: boolean }) => {
      if (o.now !== undefined && Number.isNaN(Date.parse(o.now)))
        throw new UserError(
          'BAD_DATE',
          `--now "${o.now}" is not an ISO 8601 instant, e.g. 2026-01-07T08:00:00Z`,
        );
      const { deps } = await cliScheduler(ctx, o.now ? fixedClock(o.now) : systemClock);
      if (Object.keys(deps.publishers).length === 0)
        ctx.err(
          'storybrief: no DISCORD_TOKEN or SLACK_BOT_TOKEN set: due digests stay claimed for a replica that has them',
        );
      const report = await runDigestPass(deps);
      if (o.json) ctx.out(JSON.stringify(report));
      else
        ctx.out(
          `pass at ${report.at}: sent ${report.sent} (late ${report.late}), skipped ${report.skipped}, missed ${report.missed}, ` +
            `paused ${report.paused}, failed ${report.failed}, released ${report.released}; ${report.builds} digest(s) built`,
        );
    });
}
