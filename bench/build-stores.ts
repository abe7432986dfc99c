// Builds the full-run stores ahead of `npm run bench`: the 100k corpus through the real parse + enrich path,
// written to profiling stores (PGlite `prof-100k`, Postgres `prof_100k`), and the 1M Postgres store the full run
// reuses (`full_1m`, copies of the same documents); with --pglite-1m also the 1M PGlite store (`full-1m`).
// `node bin/run-ts.js bench/build-stores.ts [--no-1m] [--no-pglite] [--no-100k] [--pglite-1m]`
import { loadEnricher } from '../src/app/enricher.ts';
import { prepareFiles, writePrepared } from '../src/app/ingest-files.ts';
import type { ParsedDocument } from '../src/store/types.ts';
import { eventCount, openBenchDatabase, replicateInSql } from './corpus/bench-stores.ts';
import { ensureCorpus } from './corpus/corpus-cache.ts';

const args = new Set(process.argv.slice(2));
const log = (msg: string) =>
  process.stderr.write(`[build ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);

const corpus = await ensureCorpus({ seed: 20260107, events: 100_000 });
log(`corpus ${corpus.documents} documents, ${corpus.events} events`);
const dbs = args.has('--no-100k') ? [] : [await openBenchDatabase('postgres', 'prof_100k')];
if (!args.has('--no-pglite') && !args.has('--no-100k'))
  dbs.push(await openBenchDatabase('pglite', 'prof-100k'));
const enrich = await loadEnricher();
const kept: ParsedDocument[] = [];
for (const shard of corpus.shards) {
  for (let i = 0; i < shard.files.length; i += 25) {
    const prepared = await prepareFiles(shard.files.slice(i, i + 25), {
      cwd: shard.dir,
      bundledSourcesDir: shard.dir,
      enrich,
    });
    if (!prepared.ok) throw new Error(prepared.error.message);
    for (const p of prepared.value) kept.push(p.doc);
    for (const d of dbs) await writePrepared(d.db, prepared.value);
  }
  log(`prepared ${kept.reduce((n, d) => n + d.events.length, 0)} events`);
}
for (const d of dbs) await d.db.close();

if (!args.has('--no-1m')) {
  const { db } = await openBenchDatabase('postgres', 'full_1m');
  if ((await eventCount(db)) === 0)
    await writePrepared(
      db,
      kept.map((doc) => ({ file: doc.article.source, doc })),
    );
  await replicateInSql(db, 1_000_000, { onProgress: (n) => log(`1M store: ${n}`) });
  log(`1M store: ${await eventCount(db)} events`);
  await db.close();
}

if (args.has('--pglite-1m')) {
  const { db } = await openBenchDatabase('pglite', 'full-1m');
  if ((await eventCount(db)) === 0)
    await writePrepared(
      db,
      kept.map((doc) => ({ file: doc.article.source, doc })),
    );
  await replicateInSql(db, 1_000_000, { onProgress: (n) => log(`1M store: ${n}`) });
  log(`1M PGlite store: ${await eventCount(db)} events`);
  await db.close();
}
