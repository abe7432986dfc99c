// Test fixture: the five seed texts parsed, enriched with the bundled story and ingested into an in-memory PGlite store.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BriefingDeps } from '../../src/briefings/deps.ts';
import { fixedClock } from '../../src/clock.ts';
import { enrichDocument } from '../../src/ingest/enrich/index.ts';
import { parseDocument } from '../../src/ingest/index.ts';
import { parseStory, type Story } from '../../src/ingest/story.ts';
import type { EventStore } from '../../src/store/event-store.ts';
import { migrate } from '../../src/store/migrate.ts';
import { createPgliteDatabase } from '../../src/store/pglite-database.ts';
import type { Database } from '../../src/store/sql.ts';
import { createSqlEventStore } from '../../src/store/sql-event-store.ts';

const ROOT = join(import.meta.dirname, '..', '..');

interface ManifestEntry {
  file: string;
  outlet?: string;
  date?: string;
  timezone?: string;
}

export interface SeedStore {
  db: Database;
  events: EventStore;
  story: Story;
  close(): Promise<void>;
}

export async function loadSeedStory(): Promise<Story> {
  const parsed = parseStory(
    JSON.parse(await readFile(join(ROOT, 'data/stories/ukraine-russia.json'), 'utf8')),
  );
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

/** Opens an in-memory store holding the seeds listed (default: all five). */
export async function openSeedStore(only?: string[]): Promise<SeedStore> {
  const story = await loadSeedStory();
  const db = await createPgliteDatabase();
  await migrate(db);
  const events = createSqlEventStore(db);
  const manifest = JSON.parse(await readFile(join(ROOT, 'data/sources/manifest.json'), 'utf8')) as {
    sources: ManifestEntry[];
  };
  for (const entry of manifest.sources) {
    if (only && !only.some((prefix) => entry.file.startsWith(prefix))) continue;
    const text = await readFile(join(ROOT, 'data/sources', entry.file), 'utf8');
    const parsed = await parseDocument(text, {
      source: entry.file,
      date: entry.date,
      timezone: entry.timezone,
      outlet: entry.outlet,
      storyId: story.id,
    });
    if (!parsed.ok) throw new Error(`${entry.file}: ${parsed.error.message}`);
    await events.ingest(enrichDocument(parsed.value, story));
  }
  return { db, events, story, close: () => db.close() };
}

/** Briefing deps over the seed store with the clock fixed at `now`. */
export function seedDeps(seed: SeedStore, now = '2026-01-08T09:00:00Z'): BriefingDeps {
  return { events: seed.events, story: seed.story, clock: fixedClock(now) };
}
