// Weight search for the Key Points ranker on the VALID splits only: `[OUTLET=guardian] [LIMIT=n] [SET="k:v;…"] node bin/run-ts.js eval/tune.ts key=v1,v2 …`.
import { resolve } from 'node:path';
import { RANK_WEIGHTS, rankKeyPoints } from '../src/briefings/key-points/index.ts';
import { blogToEvents, type Outlet, readCorpus, referenceText } from './corpus.ts';
import { rougeN, rougeWordCount } from './rouge.ts';

const dir = resolve(import.meta.dirname, '../../shared/eval/liveblog');
const outlets = (process.env.OUTLET ?? 'guardian,bbc').split(',') as Outlet[];
const limit = Number(process.env.LIMIT ?? 0) || undefined;
const data = outlets.map((outlet) => ({
  outlet,
  blogs: readCorpus(dir, outlet, 'valid')
    .slice(0, limit)
    .map((blog) => ({
      events: blogToEvents(blog, { withholdTitles: outlet === 'guardian' }),
      reference: referenceText(blog),
      budget: rougeWordCount(referenceText(blog)),
    })),
}));

function score(): string {
  return data
    .map(({ outlet, blogs }) => {
      let r1 = 0;
      let r2 = 0;
      for (const b of blogs) {
        const text = rankKeyPoints(b.events, { wordBudget: b.budget })
          .map((k) => k.text)
          .join('\n');
        r1 += rougeN(text, b.reference, { n: 1, limitWords: b.budget }).recall;
        r2 += rougeN(text, b.reference, { n: 2, limitWords: b.budget }).recall;
      }
      return `${outlet} ${(r1 / blogs.length).toFixed(4)}/${(r2 / blogs.length).toFixed(4)}`;
    })
    .join('  ');
}

const weights = RANK_WEIGHTS as Record<string, number>;
for (const a of (process.env.SET ?? '').split(';').filter(Boolean)) {
  const [k, v] = a.split(':');
  weights[k] = Number(v);
}
console.log('base', score());
for (const arg of process.argv.slice(2)) {
  const [key, list] = arg.split('=');
  const base = weights[key];
  for (const v of list.split(',').map(Number)) {
    weights[key] = v;
    console.log(`${key}=${v}`, score());
  }
  weights[key] = base;
}
