// `storybrief ingest FILE… [--date] [--tz] [--title] [--url] [--outlet]`: validate every file, then write all at once.
import type { Command } from 'commander';
import { loadEnricher } from '../app/enricher.ts';
import { type FileIngestReport, prepareFiles, writePrepared } from '../app/ingest-files.ts';
import { loadConfig } from '../config.ts';
import { UserError } from '../errors.ts';
import type { Event } from '../store/types.ts';
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

/** New entries go to the channels with breaking alerts on: through the running bot, else this process. */
async function announceAdded(ctx: CliContext, added: Event[]): Promise<void> {
  if (added.length === 0) return;
  try {
    if (ctx.app) {
      await ctx.app.announce(added);
      return;
    }
    const { createAppServices } = await import('../app/services.ts');
    const app = await createAppServices({ store: await ctx.store(), env: ctx.env });
    const report = await app.announce(added);
    if (report) ctx.err(`alerts: ${JSON.stringify(report)}`);
  } catch (err) {
    ctx.err(`alerts were not sent: ${(err as Error).message}`);
  }
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
      // Every file is read and parsed before the store is even opened: bad input changes nothing.
      const prepared = await prepareFiles(files, {
        cwd: ctx.cwd,
        date: flags.date,
        timezone: flags.tz,
        title: flags.title,
        url: flags.url,
        outlet: flags.outlet,
        defaultTimezone: config.ok ? config.value.timezone : undefined,
      });
      if (!prepared.ok)
        throw new UserError(prepared.error.code, `${prepared.error.message} (nothing was written)`);
      const store = await ctx.store();
      // Enrichment compares entries with stored neighbours of other articles (near-duplicates).
      const enrich = await loadEnricher(store.events);
      const docs = [];
      for (const p of prepared.value) docs.push({ file: p.file, doc: enrich ? await enrich(p.doc) : p.doc });
      const reports = await writePrepared(store.db, docs);
      for (const report of reports) ctx.out(describeReport(report));
      await announceAdded(
        ctx,
        reports.flatMap((r) => r.added),
      );
    });
}
