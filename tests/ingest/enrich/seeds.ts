// Test helper: the five seed texts parsed by the real parser, and the bundled story loaded from data/stories.
import { readFileSync } from 'node:fs';
import { loadStories } from '../../../src/app/stories.ts';
import { parseDocument } from '../../../src/ingest/index.ts';
import type { Story } from '../../../src/ingest/story.ts';
import type { ParsedDocument } from '../../../src/store/types.ts';

const root = new URL('../../../data/sources/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', root), 'utf8')) as {
  sources: Array<{ file: string; date: string; timezone: string }>;
};

export const SEED_FILES = manifest.sources.map((s) => s.file);

/** One seed parsed (not enriched), by file name prefix ("002"). */
export function parsedSeed(prefix: string): ParsedDocument {
  const entry = manifest.sources.find((s) => s.file.startsWith(prefix));
  if (!entry) throw new Error(`no seed ${prefix}`);
  const text = readFileSync(new URL(entry.file, root), 'utf8');
  const result = parseDocument(text, { source: entry.file, date: entry.date, timezone: entry.timezone });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

let bundled: Promise<Story> | null = null;
/** The bundled ukraine-russia story, loaded through loadStories like the app does. */
export function bundledStory(): Promise<Story> {
  bundled ??= loadStories().then((stories) => {
    const story = stories.find((s) => s.id === 'ukraine-russia');
    if (!story) throw new Error('bundled story missing');
    return story;
  });
  return bundled;
}
