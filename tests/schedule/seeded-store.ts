// Test fixture: a migrated database holding the real seed coverage (parsed, enriched, ingested) and the story.
import { readFileSync } from 'node:fs';
import type { Story as BriefingStory } from '../../src/briefings/story-access.ts';
import { enrichDocument } from '../../src/ingest/enrich/index.ts';
import { parseDocument } from '../../src/ingest/index.ts';
import { parseStory, type Story } from '../../src/ingest/story.ts';
import type { EventStore } from '../../src/store/event-store.ts';
import { migrate } from '../../src/store/migrate.ts';
import type { Sql } from '../../src/store/sql.ts';
import { createSqlEventStore } from '../../src/store/sql-event-store.ts';
import type { ParsedDocument } from '../../src/store/types.ts';

const root = new URL('../../', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('data/sources/manifest.json', root), 'utf8')) as {
  sources: Array<{ file: string; outlet: string; date: string; timezone: string }>;
};

export function loadStory(): Story {
  const r = parseStory(JSON.parse(readFileSync(new URL('data/stories/ukraine-russia.json', root), 'utf8')));
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** The story as the briefing core reads it. */
export function briefingStory(story: Story): BriefingStory {
  return story;
}

/** Parses and enriches one seed file (by name prefix, e.g. "002"). */
export function seedDocument(prefix: string, story: Story): ParsedDocument {
  const entry = manifest.sources.find((s) => s.file.startsWith(prefix));
  if (!entry) throw new Error(`no seed ${prefix}`);
  const text = readFileSync(new URL(`data/sources/${entry.file}`, root), 'utf8');
  const parsed = parseDocument(text, {
    source: entry.file,
    date: entry.date,
    timezone: entry.timezone,
    outlet: entry.outlet,
    storyId: story.id,
  });
  if (!parsed.ok) throw new Error(parsed.error.message);
  return enrichDocument(parsed.value, story);
}

/** Migrates `db` and ingests the given seeds; returns the event store and story. */
export async function seededStore(
  db: Sql,
  prefixes: string[] = ['002'],
): Promise<{ events: EventStore; story: Story }> {
  await migrate(db);
  const story = loadStory();
  const events = createSqlEventStore(db);
  for (const p of prefixes) await events.ingest(seedDocument(p, story));
  return { events, story };
}
