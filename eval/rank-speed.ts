// `node bin/run-ts.js eval/rank-speed.ts`: times the Key Points ranker on corpus-derived windows of 200 / 2000 / 10000 entries, whole-window vs bounded pool.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { rankKeyPoints } from '../src/briefings/key-points/index.ts';
import type { Event } from '../src/store/types.ts';
import { blogToEvents, readCorpus } from './corpus.ts';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: resolve(here, '../../shared/eval/liveblog') },
    sizes: { type: 'string', default: '200,2000,10000' },
    /** Skip the whole-window run above this size (it is quadratic-to-cubic). */
    'full-max': { type: 'string', default: '2000' },
    runs: { type: 'string', default: '5' },
  },
});

/** The first `size` posts of the BBC valid+test blogs (titles kept), ids unique, times spread over a day. */
function windowOf(size: number, pool: Event[], tag: string): Event[] {
  return pool.slice(0, size).map((e, i) => ({
    ...e,
    id: `${tag}${String(i).padStart(6, '0')}`,
    time: new Date(Date.UTC(2026, 0, 1) + i * 8_000).toISOString(),
    position: i,
  }));
}

function time(
  events: Event[],
  poolSize: number | undefined,
  runs: number,
): { p50: number; max: number; ids: string[] } {
  const ms: number[] = [];
  let ids: string[] = [];
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    ids = rankKeyPoints(events, { n: 5, poolSize }).map((k) => k.event.id);
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { p50: ms[Math.floor(ms.length / 2)], max: ms[ms.length - 1], ids };
}

const corpus: Event[] = [];
for (const split of ['valid', 'test'] as const) {
  for (const blog of readCorpus(values.corpus!, 'bbc', split))
    corpus.push(...blogToEvents(blog, { withholdTitles: false }));
}
const runs = Number(values.runs);
const fullMax = Number(values['full-max']);
console.log(`corpus entries: ${corpus.length}; runs per cell: ${runs} (first run included: cold caches)`);
console.log(
  '| entries | whole window p50 ms | pool cold ms | pool warm p50 ms | pool warm max ms | speed-up (warm) | top-5 overlap |',
);
console.log('|---|---|---|---|---|---|---|');
for (const size of values.sizes!.split(',').map(Number)) {
  // Cold: ids never seen before (no per-entry feature cache), stems already memoised by an earlier window.
  time(windowOf(size, corpus, 'warm'), undefined, 1);
  const cold = time(windowOf(size, corpus, 'cold'), undefined, 1);
  const events = windowOf(size, corpus, 'w');
  time(events, undefined, 1);
  const pooled = time(events, undefined, runs);
  const full = size <= fullMax ? time(events, Number.POSITIVE_INFINITY, Math.min(runs, 3)) : null;
  const overlap = full ? pooled.ids.filter((id) => full.ids.includes(id)).length : Number.NaN;
  console.log(
    `| ${size} | ${full ? full.p50.toFixed(1) : 'skipped'} | ${cold.p50.toFixed(1)} | ${pooled.p50.toFixed(1)} | ${pooled.max.toFixed(1)} | ${
      full ? `${(full.p50 / pooled.p50).toFixed(1)}×` : '–'
    } | ${full ? `${overlap}/5` : '–'} |`,
  );
}
