// `node bin/run-ts.js eval/rank-speed.ts [--before DIR/src/briefings/key-points/index.ts]`: times the Key Points ranker on corpus-derived windows, bounded pool vs whole window (vs an older ranker).
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { type KeyPoint, type RankOptions, rankKeyPoints } from '../src/briefings/key-points/index.ts';
import type { Event } from '../src/store/types.ts';
import { blogToEvents, readCorpus } from './corpus.ts';

type Ranker = (events: Event[], opts?: RankOptions) => KeyPoint[];

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: resolve(here, '../../shared/eval/liveblog') },
    sizes: { type: 'string', default: '200,2000,10000' },
    /** Skip the whole-window and `--before` runs above this size (they are quadratic to cubic). */
    'full-max': { type: 'string', default: '2000' },
    runs: { type: 'string', default: '7' },
    /** Another ranker's index.ts (e.g. an exported earlier commit) timed as "before" on the same windows. */
    before: { type: 'string' },
  },
});

/** The first `size` posts of the BBC valid+test blogs (titles kept), ids tagged, times spread over a day. */
function windowOf(size: number, corpus: Event[], tag: string): Event[] {
  return corpus.slice(0, size).map((e, i) => ({
    ...e,
    id: `${tag}${String(i).padStart(6, '0')}`,
    time: new Date(Date.UTC(2026, 0, 1) + i * 8_000).toISOString(),
    position: i,
  }));
}

interface Timing {
  p50: number;
  max: number;
  ids: string[];
}

function time(rank: Ranker, events: Event[], opts: RankOptions, runs: number): Timing {
  const ms: number[] = [];
  let ids: string[] = [];
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    ids = rank(events, { n: 5, ...opts }).map((k) => k.event.id);
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { p50: ms[Math.floor(ms.length / 2)], max: ms[ms.length - 1], ids };
}

const corpus: Event[] = [];
for (const split of ['valid', 'test'] as const) {
  for (const blog of readCorpus(values.corpus!, 'bbc', split)) {
    corpus.push(...blogToEvents(blog, { withholdTitles: false }));
  }
}
const before: Ranker | null = values.before
  ? ((await import(pathToFileURL(resolve(values.before)).href)) as { rankKeyPoints: Ranker }).rankKeyPoints
  : null;
const runs = Number(values.runs);
const fullMax = Number(values['full-max']);
const f = (x: number) => x.toFixed(1);
console.log(`corpus entries: ${corpus.length}; ${runs} warm runs per cell (before/whole: up to 3)`);
console.log(
  '| entries | before p50 ms | whole window p50 ms | pool cold ms | pool p50 ms | pool max ms | before / pool | top-5 shared with whole |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const size of values.sizes!.split(',').map(Number)) {
  // Cold: ids never seen (no per-entry feature cache); the stem memo is warmed by another window of the same text.
  time(rankKeyPoints, windowOf(size, corpus, `warm${size}-`), {}, 1);
  const cold = time(rankKeyPoints, windowOf(size, corpus, `cold${size}-`), {}, 1);
  const events = windowOf(size, corpus, `w${size}-`);
  const pooled = time(rankKeyPoints, events, {}, runs);
  const small = size <= fullMax;
  const whole = small
    ? time(rankKeyPoints, events, { poolSize: Number.POSITIVE_INFINITY }, Math.min(runs, 3))
    : null;
  let old: Timing | null = null;
  if (before && small) {
    before(events, { n: 5 });
    old = time(before, events, {}, Math.min(runs, 3));
  }
  const shared = whole ? `${pooled.ids.filter((id) => whole.ids.includes(id)).length}/5` : '–';
  console.log(
    `| ${size} | ${old ? f(old.p50) : '–'} | ${whole ? f(whole.p50) : '–'} | ${f(cold.p50)} | ${f(pooled.p50)} | ${f(pooled.max)} | ${
      old ? `${(old.p50 / pooled.p50).toFixed(0)}×` : '–'
    } | ${shared} |`,
  );
}
