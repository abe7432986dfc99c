// `storybrief ingest FILE… [--date] [--tz] [--title] [--url] [--outlet]`: validate every file, then write all at once.
import type { Command } from 'commander';
import { loadEnricher } from '../app/enricher.ts';
import { type FileIngestReport, prepareFiles, writePrepared } from '../app/ingest-files.ts';
import { loadConfig } from '../config.ts';
import { UserError } from '../errors.ts';
import type { CliContext } from './context.ts';

interface IngestFlags {
  date?: string;
  tz?: string;
  title?: string;
  url?: string;
  outlet?: string;
}

/** One line per file: what it added. */
export function describeReport(r: FileIngestReport): string {
  const parts = [`added ${r.added.length} event${r.added.length === 1 ? '' : 's'}`];
  if (r.updated.length > 0) parts.push(`updated ${r.updated.length}`);
  if (r.unchanged > 0) parts.push(`${r.unchanged} unchanged`);
  const article = `${r.createdArticle ? 'new ' : ''}${r.article.kind === 'live' ? 'live blog' : 'article'} "${r.article.title}"`;
  return `${r.file}: ${parts.join(', ')} — ${article}`;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('ingest')
    .description('parse text files (live blogs or articles) and add their events to the store')
    .argument('<file...>', 'text files to ingest')
    .option('--date <YYYY-MM-DD>', 'local date the coverage starts (when the text lacks one)')
    .option('--tz <zone>', 'IANA time zone of the times in the text, e.g. Europe/London')
    .option('--title <title>', 'article title (when the text lacks one)')
    .option('--url <url>', 'URL of the article')
    .option('--outlet <name>', 'publisher, e.g. "The Independent"')
    .action(async (files: string[], flags: IngestFlags) => {
      const config = loadConfig(ctx.env);
      // Every file is read, parsed and enriched before the store is even opened.
      const prepared = await prepareFiles(files, {
        cwd: ctx.cwd,
        date: flags.date,
        timezone: flags.tz,
        title: flags.title,
        url: flags.url,
        outlet: flags.outlet,
        defaultTimezone: config.ok ? config.value.timezone : undefined,
        enrich: await loadEnricher(),
      });
      if (!prepared.ok)
        throw new UserError(prepared.error.code, `${prepared.error.message} (nothing was written)`);
      const store = await ctx.store();
      for (const report of await writePrepared(store.db, prepared.value)) ctx.out(describeReport(report));
    });
}
