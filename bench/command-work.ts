// Command work benchmark: text line → parse options → store queries → build briefing → render Discord and Slack.
import { DateTime } from 'luxon';
import type { Invoker } from '../src/bots/command-types.ts';
import { renderDiscordMessages } from '../src/bots/discord/render.ts';
import { runCommand } from '../src/bots/dispatch.ts';
import { parseCommandLine } from '../src/bots/grammar.ts';
import { renderSlackMessages } from '../src/bots/slack/render.ts';
import { clearRankMemo } from '../src/briefings/rank-memo.ts';
import { fixedClock } from '../src/clock.ts';
import type { Story } from '../src/ingest/story.ts';
import type { Sql } from '../src/store/sql.ts';
import { createSqlEventStore } from '../src/store/sql-event-store.ts';
import { createRandom } from './corpus/random.ts';

/** One subcommand's timings in milliseconds. */
export interface CommandTiming {
  command: string;
  samples: number;
  p50: number;
  p99: number;
  /** Runs that ended in a user-facing error (e.g. nothing on that day) rather than a briefing. */
  errors: number;
  /** The same command repeated on unchanged coverage (Key Points rankings answered by the rank memo), when measured. */
  repeat?: { p50: number; p99: number; samples: number };
}

const INVOKER: Invoker = {
  platform: 'console',
  workspace: 'bench',
  channel: 'bench',
  user: 'bench',
  canManageChannel: true,
};

/** The command lines benchmarked; `{day}` is replaced by a random day with coverage for each sample. */
export const COMMAND_LINES: Array<{ name: string; line: string }> = [
  { name: 'brief', line: '/news brief' },
  { name: 'brief date', line: '/news brief date:{day}' },
  { name: 'brief topic', line: '/news brief topic:territory' },
  { name: 'lists', line: '/news lists' },
  { name: 'lists query', line: '/news lists promises' },
  { name: 'timeline', line: '/news timeline' },
  { name: 'timeline day', line: '/news timeline from:{day} to:{day}' },
  { name: 'quotes', line: '/news quotes Zelensky' },
  { name: 'topic', line: '/news topic peace-talks' },
  { name: 'search', line: '/news search drones ceasefire' },
  { name: 'digest', line: '/news digest' },
  { name: 'digest day', line: '/news digest date:{day}' },
  { name: 'sources', line: '/news sources' },
  { name: 'help', line: '/news help' },
];

/** Commands whose build ranks Key Points (the ones the rank memo can answer when repeated). */
const RANKED = new Set(['brief', 'brief topic', 'topic', 'digest']);

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

/** Days (UTC dates) that hold coverage, from the store's time range. */
async function coverageDays(db: Sql): Promise<{ first: string; last: string }> {
  const res = await db.query<{ first: string; last: string }>(
    `SELECT to_char(min(time) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS first, to_char(max(time) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS last FROM events`,
  );
  return res.rows[0];
}

/**
 * Runs every command line `samples` times (after `warmup` runs) against the store and returns p50/p99 per line.
 * Every timed run starts with an empty rank memo (a cold build, as on new coverage); with `repeat`, lines without a
 * random day are also timed that many times with the memo kept (a repeated command on unchanged coverage).
 */
export async function benchCommands(
  db: Sql,
  story: Story,
  opts: { samples: number; warmup?: number; seed?: number; only?: string[]; repeat?: number },
): Promise<CommandTiming[]> {
  const events = createSqlEventStore(db);
  const { first, last } = await coverageDays(db);
  const firstDay = DateTime.fromISO(first, { zone: 'UTC' });
  const span = Math.max(1, DateTime.fromISO(last, { zone: 'UTC' }).diff(firstDay, 'days').days);
  const clock = fixedClock(DateTime.fromISO(last, { zone: 'UTC' }).plus({ days: 1 }).toJSDate());
  const services = { events, clock, story };
  const r = createRandom(opts.seed ?? 11);
  const out: CommandTiming[] = [];
  const run = async (text: string) => {
    const parsed = parseCommandLine(text);
    if (!parsed.ok) throw new Error(`${text}: ${parsed.error.message}`);
    const outcome = await runCommand(parsed.value.name, parsed.value.raw, { services, invoker: INVOKER });
    if (outcome.ok) {
      renderDiscordMessages(outcome.briefing);
      renderSlackMessages(outcome.briefing);
    } else if (outcome.error.code === 'INTERNAL') {
      throw new Error(`${text}: internal error`);
    }
  };
  for (const { name, line } of COMMAND_LINES) {
    if (opts.only && !opts.only.includes(name)) continue;
    const times: number[] = [];
    let errors = 0;
    for (let i = 0; i < (opts.warmup ?? 3) + opts.samples; i++) {
      const day = firstDay.plus({ days: r.int(0, Math.floor(span)) }).toISODate()!;
      const text = line.replaceAll('{day}', day);
      clearRankMemo();
      const at = performance.now();
      const parsed = parseCommandLine(text);
      if (!parsed.ok) throw new Error(`${text}: ${parsed.error.message}`);
      const outcome = await runCommand(parsed.value.name, parsed.value.raw, { services, invoker: INVOKER });
      if (outcome.ok) {
        renderDiscordMessages(outcome.briefing);
        renderSlackMessages(outcome.briefing);
      } else if (outcome.error.code === 'INTERNAL') {
        throw new Error(`${text}: internal error`);
      }
      const ms = performance.now() - at;
      if (i >= (opts.warmup ?? 3)) {
        times.push(ms);
        if (!outcome.ok) errors++;
      }
    }
    times.sort((a, b) => a - b);
    const timing: CommandTiming = {
      command: name,
      samples: times.length,
      p50: percentile(times, 50),
      p99: percentile(times, 99),
      errors,
    };
    if (opts.repeat && RANKED.has(name) && !line.includes('{day}')) {
      const again: number[] = [];
      await run(line);
      for (let i = 0; i < opts.repeat; i++) {
        const at = performance.now();
        await run(line);
        again.push(performance.now() - at);
      }
      again.sort((a, b) => a - b);
      timing.repeat = { p50: percentile(again, 50), p99: percentile(again, 99), samples: again.length };
    }
    out.push(timing);
  }
  return out;
}
