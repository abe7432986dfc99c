// Where ingest gets its enrichment step (entities, topics, speaker ids, duplicates) — plugged in by the enrichment module.
import type { EnrichFn } from './ingest-files.ts';

/**
 * The enrichment applied by `storybrief ingest` and the start-up seeding, or undefined for none.
 * PLUG-IN POINT: return the story enricher here once src/ingest/enrich exposes one.
 */
export async function loadEnricher(): Promise<EnrichFn | undefined> {
  return undefined;
}
