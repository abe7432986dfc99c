// Times chosen commands on an existing bench store, with per-query SQL timings: `node --cpu-prof bin/run-ts.js
// bench/profile-commands.ts pglite quick-100k topic digest` (engine, store name, commands; default all).
import { ARTICLE_COLUMNS, EVENT_COLUMNS } from '../src/store/event-rows.ts';
import { benchCommands } from './command-work.ts';
import { type Engine, openBenchDatabase } from './corpus/bench-stores.ts';
import { benchStory } from './corpus/corpus-cache.ts';

const [engine = 'pglite', name = 'quick-100k', ...only] = process.argv.slice(2);
const samples = Number(process.env.SAMPLES ?? 30);
const story = await benchStory();
const { db } = await openBenchDatabase(engine as Engine, name);

// Wraps query() to sum time per statement shape (first 90 characters, parameters left out).
const perQuery = new Map<string, { n: number; ms: number; rows: number }>();
const query = db.query.bind(db);
db.query = (async (sql: string, params?: unknown[]) => {
  const at = performance.now();
  const res = await query(sql, params);
  const key = sql
    .replaceAll(EVENT_COLUMNS, 'E.*')
    .replaceAll(ARTICLE_COLUMNS, 'A.*')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 160);
  const s = perQuery.get(key) ?? { n: 0, ms: 0, rows: 0 };
  s.n++;
  s.ms += performance.now() - at;
  s.rows += res.rows.length;
  perQuery.set(key, s);
  return res;
}) as typeof db.query;

const timings = await benchCommands(db, story, { samples, only: only.length ? only : undefined });
for (const t of timings)
  console.log(
    `${t.command.padEnd(14)} p50 ${t.p50.toFixed(1).padStart(7)} ms  p99 ${t.p99.toFixed(1).padStart(7)} ms`,
  );
console.log('\nSQL (all samples incl. warm-up): calls, total ms, mean ms, rows/call');
for (const [sql, s] of [...perQuery].sort((a, b) => b[1].ms - a[1].ms).slice(0, 15))
  console.log(
    `${String(s.n).padStart(5)} ${s.ms.toFixed(0).padStart(7)} ${(s.ms / s.n).toFixed(2).padStart(7)} ${(s.rows / s.n).toFixed(0).padStart(6)}  ${sql}`,
  );
await db.close();
