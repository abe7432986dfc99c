// Loads story definitions (data/stories/*.json) from disk and picks the story a source belongs to.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../errors.ts';
import { enrichDocument } from '../ingest/enrich/index.ts';
import { parseStory, type Story, storyHasSource } from '../ingest/story.ts';
import type { Event, ParsedDocument } from '../store/types.ts';

/** The bundled story directory (data/stories). */
export const DEFAULT_STORIES_DIR = fileURLToPath(new URL('../../data/stories/', import.meta.url));

/**
 * Reads and validates every `*.json` in a directory, sorted by file name. A bad file throws a UserError
 * with code BAD_STORY naming the file and the field path; duplicate story ids are refused too.
 */
export async function loadStories(dir: string = DEFAULT_STORIES_DIR): Promise<Story[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  } catch (err) {
    throw new UserError('BAD_STORY', `cannot read story directory ${dir}: ${(err as Error).message}`);
  }
  const stories: Story[] = [];
  for (const name of names) {
    const path = join(dir, name);
    let json: unknown;
    try {
      json = JSON.parse(await readFile(path, 'utf8'));
    } catch (err) {
      throw new UserError('BAD_STORY', `${name}: not valid JSON (${(err as Error).message})`);
    }
    const parsed = parseStory(json, name);
    if (!parsed.ok) throw new UserError(parsed.error.code, parsed.error.message);
    if (stories.some((s) => s.id === parsed.value.id))
      throw new UserError(
        'BAD_STORY',
        `${name}: id: story id "${parsed.value.id}" is already used by another file`,
      );
    stories.push(parsed.value);
  }
  return stories;
}

/** The story a source (file name or URL) belongs to; with a single story loaded, that story. */
export function storyForSource(stories: Story[], source: string): Story | null {
  return stories.find((s) => storyHasSource(s, source)) ?? (stories.length === 1 ? stories[0] : null);
}

/** Options for createStoryEnricher. */
export interface StoryEnricherOptions {
  /** Stored events of the story near the document's window, for near-duplicate detection. */
  prior?: (doc: ParsedDocument, story: Story) => Promise<Event[]> | Event[];
}

/** An ingest enrichment step: finds the document's story (by article.storyId, else source) and enriches it. */
export function createStoryEnricher(
  stories: Story[],
  opts: StoryEnricherOptions = {},
): (doc: ParsedDocument) => Promise<ParsedDocument> {
  return async (doc) => {
    const story =
      (doc.article.storyId ? stories.find((s) => s.id === doc.article.storyId) : undefined) ??
      storyForSource(stories, doc.article.source);
    if (!story) return doc;
    const prior = opts.prior ? await opts.prior(doc, story) : [];
    return enrichDocument(doc, story, { prior });
  };
}
