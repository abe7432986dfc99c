// Feeds a cached corpus through the real ingest path (read, parse, enrich; optionally store writes), timing each phase.
import { loadEnricher } from '../../src/app/enricher.ts';
import { type EnrichFn, prepareFiles, writePrepared } from '../../src/app/ingest-files.ts';
import type { Sql } from '../../src/store/sql.ts';
import type { CachedCorpus } from './corpus-cache.ts';

/** Files per prepare/write call: each call is one transaction, as `storybrief ingest` does for its arguments. */
export const FILES_PER_BATCH = 25;

export interface IngestTiming {
  documents: number;
  events: number;
  bytes: number;
  /** Seconds spent reading, parsing and enriching. */
  prepareSeconds: number;
  /** Seconds spent in store writes (0 without a database). */
  writeSeconds: number;
}

export interface IngestCorpusOptions {
  /** Stop after this many documents (the whole corpus when absent). */
  maxDocuments?: number;
  enrich?: EnrichFn;
  onProgress?: (t: IngestTiming) => void;
}

/** Ingests the corpus shard by shard; without `db` it only prepares (parse + enrichment). */
export async function ingestCorpus(
  corpus: CachedCorpus,
  db: Sql | null,
  opts: IngestCorpusOptions = {},
): Promise<IngestTiming> {
  const enrich = opts.enrich ?? (await loadEnricher());
  const t: IngestTiming = { documents: 0, events: 0, bytes: 0, prepareSeconds: 0, writeSeconds: 0 };
  const limit = opts.maxDocuments ?? Number.POSITIVE_INFINITY;
  for (const shard of corpus.shards) {
    for (let i = 0; i < shard.files.length && t.documents < limit; i += FILES_PER_BATCH) {
      const files = shard.files.slice(i, Math.min(i + FILES_PER_BATCH, i + limit - t.documents));
      let at = performance.now();
      const prepared = await prepareFiles(files, { cwd: shard.dir, bundledSourcesDir: shard.dir, enrich });
      if (!prepared.ok) throw new Error(`${shard.dir}: ${prepared.error.message}`);
      t.prepareSeconds += (performance.now() - at) / 1000;
      for (const p of prepared.value) t.events += p.doc.events.length;
      for (let k = 0; k < files.length; k++) t.bytes += shard.sizes[i + k];
      t.documents += files.length;
      if (db) {
        at = performance.now();
        await writePrepared(db, prepared.value);
        t.writeSeconds += (performance.now() - at) / 1000;
      }
      opts.onProgress?.(t);
    }
    if (t.documents >= limit) break;
  }
  return t;
}
