// Prints the generated Key Points of the bundled seeds (parse + enrich, as ingest does): `node bin/run-ts.js eval/seeds.ts [n]`.
import { readFileSync } from 'node:fs';
import { createStoryEnricher, loadStories } from '../src/app/stories.ts';
import { RANK_WEIGHTS, rankKeyPoints } from '../src/briefings/key-points/index.ts';
import { parseDocument } from '../src/ingest/index.ts';

const dir = new URL('../data/sources/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8')) as {
  sources: { file: string; date: string; timezone: string }[];
};
const enrich = createStoryEnricher(await loadStories());
for (const a of (process.env.SET ?? '').split(';').filter(Boolean)) {
  const [k, v] = a.split(':');
  (RANK_WEIGHTS as Record<string, number>)[k] = Number(v);
}
const n = Number(process.argv[2] ?? 5);
for (const src of manifest.sources) {
  const parsed = parseDocument(readFileSync(new URL(src.file, dir), 'utf8'), {
    source: src.file,
    date: src.date,
    timezone: src.timezone,
  });
  if (!parsed.ok) {
    console.log(`${src.file}: ${parsed.error.message}`);
    continue;
  }
  const doc = await enrich(parsed.value);
  const dups = doc.events.filter((e) => e.duplicateOf).length;
  console.log(`\n## ${src.file} — ${doc.article.title} (${doc.events.length} entries, ${dups} repeats)`);
  if (doc.article.editorKeyPoints.length) {
    console.log('editors:');
    for (const k of doc.article.editorKeyPoints) console.log(`  * ${k}`);
  }
  console.log('generated:');
  for (const p of rankKeyPoints(doc.events, { n }))
    console.log(`  - ${p.text}   [${p.event.id.slice(-6)} ${p.score.toFixed(2)}]`);
}
