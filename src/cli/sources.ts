// `storybrief sources add | list | remove | resume | poll`: follow live blogs, articles and feeds by URL.
import type { Command } from 'commander';
import { loadEnricher } from '../app/enricher.ts';
import { loadStories } from '../app/stories.ts';
import { type Clock, fixedClock, systemClock } from '../clock.ts';
import { loadConfig } from '../config.ts';
import { UserError } from '../errors.ts';
import { checkTimezone } from '../ingest/index.ts';
import { createAlertHook } from '../sources/alert-hook.ts';
import { DEFAULT_INTERVAL_MS, formatInterval, parseInterval } from '../sources/durations.ts';
import { createFetcher } from '../sources/fetch-url.ts';
import { pollSources, type SourcePollReport } from '../sources/poll-sources.ts';
import { createRobotsFetcher } from '../sources/robots.ts';
import { createSourceStore, type Source } from '../store/source-store.ts';
import type { CliContext } from './context.ts';

/** Checks a URL to follow: absolute http(s), without credentials; returns it normalised. */
export function checkSourceUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new UserError(
      'BAD_OPTION',
      `"${text}" is not a URL; give the full address, for example https://example.com/live`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UserError('BAD_OPTION', `"${text}" is not an http(s) URL`);
  if (url.username || url.password)
    throw new UserError('BAD_OPTION', `"${text}": URLs with credentials are refused`);
  url.hash = '';
  return url.toString();
}

async function checkStory(id: string | undefined): Promise<string | null> {
  if (id === undefined) return null;
  const stories = await loadStories();
  if (!stories.some((s) => s.id === id)) {
    throw new UserError(
      'BAD_OPTION',
      `--story "${id}" is not a known story; known: ${stories.map((s) => s.id).join(', ') || 'none'}`,
    );
  }
  return id;
}

/** The `sources list --json` shape of a source. */
export function sourceJson(s: Source) {
  return {
    id: s.id,
    url: s.url,
    kind: s.kind,
    title: s.title,
    story: s.storyId,
    every: formatInterval(s.intervalMs),
    timezone: s.timezone,
    lastFetchedAt: s.lastFetchedAt,
    lastSuccessAt: s.lastSuccessAt,
    nextFetchAt: s.paused ? null : s.nextFetchAt,
    failures: s.failures,
    lastError: s.lastError,
    paused: s.paused,
    pausedReason: s.pausedReason,
    eventsAdded: s.eventsAdded,
  };
}

function describeSource(s: Source): string {
  const state = s.paused
    ? `PAUSED (${s.pausedReason ?? 'no reason'})`
    : s.failures > 0
      ? `failing ×${s.failures} (${s.lastError ?? 'error'}), retry ${s.nextFetchAt}`
      : `next ${s.nextFetchAt}`;
  return (
    `${s.id}  ${s.url}  ${s.kind}  every ${formatInterval(s.intervalMs)}` +
    `${s.storyId ? `  story ${s.storyId}` : ''}${s.timezone ? `  tz ${s.timezone}` : ''}` +
    `  entries ${s.eventsAdded}  last ${s.lastSuccessAt ?? 'never'}  ${state}`
  );
}

/** One line per polled source: what it added, or why it failed. */
export function describePoll(r: SourcePollReport): string {
  const url = r.source.url;
  if (r.outcome === 'not-modified') return `${url}: not modified (304)`;
  if (r.outcome === 'failed') return `${url}: failed: ${r.error}; retry at ${r.nextFetchAt}`;
  if (r.outcome === 'paused') return `${url}: ${r.error}`;
  const added = r.documents.reduce((n, d) => n + d.added.length, 0);
  const updated = r.documents.reduce((n, d) => n + d.updated.length, 0);
  const how = [...new Set(r.documents.map((d) => d.method))].join(', ') || 'nothing new';
  const items = r.itemErrors.length ? `; ${r.itemErrors.length} feed item(s) failed, retried next pass` : '';
  return `${url}: added ${added} entr${added === 1 ? 'y' : 'ies'}, updated ${updated} (${how})${items}`;
}

export function register(program: Command, ctx: CliContext): void {
  // `sources` alone is the dataset briefing (src/cli/briefings.ts) when that group registered it first; the
  // subcommands attach to it. Options the parent also has (--json, --now) may be parsed by the parent, so the
  // actions read optsWithGlobals().
  const sources =
    program.commands.find((c) => c.name() === 'sources') ??
    program
      .command('sources')
      .description(
        'follow live blogs, articles and RSS/Atom feeds by URL (polled politely, new entries alert)',
      );

  sources
    .command('add')
    .description('follow a URL: a live blog, an article page, or an RSS/Atom feed')
    .argument('<url>', 'page or feed URL')
    .option('--story <id>', 'story the coverage belongs to (data/stories)')
    .option('--every <interval>', 'how often to poll, e.g. 5m, 90s, 1h (at least 1m)', '5m')
    .option('--tz <zone>', 'IANA zone of local times on the page, e.g. Europe/London')
    .option('--now <iso>', 'act as if at this instant (tests)')
    .action(async (raw: string, _o: unknown, cmd: Command) => {
      const o = cmd.optsWithGlobals() as { story?: string; every: string; tz?: string; now?: string };
      const url = checkSourceUrl(raw);
      const interval = parseInterval(o.every);
      if (!interval.ok) throw new UserError(interval.error.code, interval.error.message);
      let timezone: string | null = null;
      if (o.tz !== undefined) {
        const tz = checkTimezone(o.tz);
        if (!tz.ok) throw new UserError(tz.error.code, `--tz: ${tz.error.message}`);
        timezone = tz.value;
      }
      const storyId = await checkStory(o.story);
      const store = createSourceStore((await ctx.store()).db);
      const at = clockFrom(o.now).now();
      const { source, created } = await store.add(
        { url, storyId, intervalMs: interval.ok ? interval.value : DEFAULT_INTERVAL_MS, timezone },
        at,
      );
      ctx.out(
        `${created ? 'following' : 'updated'} ${source.url} (${source.id}) every ${formatInterval(source.intervalMs)}` +
          `${source.storyId ? ` for story ${source.storyId}` : ''}; first fetch on the next poll`,
      );
    });

  sources
    .command('list')
    .description('the followed URLs with their state (paused ones with the reason)')
    .option('--json', 'JSON array output', false)
    .action(async (_o: unknown, cmd: Command) => {
      const o = cmd.optsWithGlobals() as { json?: boolean };
      const list = await createSourceStore((await ctx.store()).db).list();
      if (o.json) {
        ctx.out(JSON.stringify(list.map(sourceJson), null, 2));
        return;
      }
      if (list.length === 0) {
        ctx.out('no source followed; add one with `storybrief sources add URL`');
        return;
      }
      for (const s of list) ctx.out(describeSource(s));
    });

  sources
    .command('remove')
    .description('stop following a URL (its entries stay in the store)')
    .argument('<url-or-id>', 'the URL or the source id shown by `sources list`')
    .action(async (ref: string) => {
      const store = createSourceStore((await ctx.store()).db);
      const found = (await store.find(ref.trim())) ?? (await findByUrl(store, ref));
      if (!found || !(await store.remove(found.id)))
        throw new UserError('NOT_FOUND', `no followed source is "${ref}"`);
      ctx.out(`stopped following ${found.url}`);
    });

  sources
    .command('resume')
    .description('resume a paused source (fetched on the next poll)')
    .argument('<url-or-id>', 'the URL or the source id')
    .option('--now <iso>', 'act as if at this instant (tests)')
    .action(async (ref: string, _o: unknown, cmd: Command) => {
      const o = cmd.optsWithGlobals() as { now?: string };
      const store = createSourceStore((await ctx.store()).db);
      const found = (await store.find(ref.trim())) ?? (await findByUrl(store, ref));
      if (!found) throw new UserError('NOT_FOUND', `no followed source is "${ref}"`);
      await store.resume(found.id, clockFrom(o.now).now());
      ctx.out(`resumed ${found.url}`);
    });

  sources
    .command('poll')
    .description(
      'one polling pass over the due sources, then exit (new entries go to channels with alerts on)',
    )
    .option('--now <iso>', 'act as if at this instant')
    .option('--no-alerts', 'ingest only: announce nothing')
    .action(async (_o: unknown, cmd: Command) => {
      const o = cmd.optsWithGlobals() as { now?: string; alerts: boolean };
      const clock = clockFrom(o.now);
      const store = await ctx.store();
      const config = loadConfig(ctx.env);
      const onAdded = o.alerts
        ? await createAlertHook({ db: store.db, events: store.events, env: ctx.env, clock }).catch((err) => {
            ctx.err(`breaking alerts are off: ${(err as Error).message}`);
            return undefined;
          })
        : undefined;
      const reports = await pollSources({
        db: store.db,
        clock,
        fetcher: createRobotsFetcher(createFetcher()),
        enrich: await loadEnricher(store.events),
        onAdded,
        defaultTimezone: config.ok ? config.value.timezone : undefined,
      });
      if (reports.length === 0) {
        const next = (await createSourceStore(store.db).list())
          .filter((s) => !s.paused)
          .map((s) => s.nextFetchAt)
          .sort()[0];
        ctx.out(next ? `no source is due; the next is due at ${next}` : 'no active source to poll');
        return;
      }
      for (const r of reports) ctx.out(describePoll(r));
    });
}

function clockFrom(now: string | undefined): Clock {
  if (now === undefined) return systemClock;
  if (Number.isNaN(Date.parse(now)))
    throw new UserError('BAD_OPTION', `--now "${now}" is not an ISO 8601 instant`);
  return fixedClock(now);
}

async function findByUrl(store: ReturnType<typeof createSourceStore>, ref: string): Promise<Source | null> {
  try {
    return await store.find(checkSourceUrl(ref));
  } catch {
    return null;
  }
}
