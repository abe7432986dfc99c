// `storybrief slack manifest`: prints the Slack app manifest to paste into api.slack.com/apps.
import type { Command } from 'commander';
import { loadSlackManifest, manifestForHttp } from '../bots/slack/manifest.ts';
import { UserError } from '../errors.ts';
import type { CliContext } from './context.ts';

export function register(program: Command, ctx: CliContext): void {
  const slack = program.command('slack').description('Slack app helpers');
  slack
    .command('manifest')
    .description('print the Slack app manifest (Socket Mode; with --url, HTTP mode at <url>/slack/events)')
    .option('--url <https-url>', 'public https URL of this app, for the HTTP receiver instead of Socket Mode')
    .action(async (opts: { url?: string }) => {
      let manifest = await loadSlackManifest();
      if (opts.url !== undefined) {
        const http = manifestForHttp(manifest, opts.url);
        if (!http.ok) throw new UserError(http.error.code, http.error.message);
        manifest = http.value;
      }
      ctx.out(`${JSON.stringify(manifest, null, 2)}\n`);
    });
}
