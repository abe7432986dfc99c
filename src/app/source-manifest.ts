// Reads a sources manifest (data/sources/manifest.json): per-file date, outlet, time zone and story.
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const EntrySchema = z.object({
  file: z.string().min(1),
  outlet: z.string().optional(),
  date: z.string().optional(),
  timezone: z.string().optional(),
  title: z.string().optional(),
  url: z.string().optional(),
  storyId: z.string().optional(),
});

const ManifestSchema = z.object({
  story: z.string().optional(),
  sources: z.array(EntrySchema),
});

/** What the manifest knows about one file, by basename. */
export interface ManifestEntry {
  file: string;
  outlet?: string;
  date?: string;
  timezone?: string;
  title?: string;
  url?: string;
  storyId?: string;
}

/** The bundled sources directory (data/sources). */
export const BUNDLED_SOURCES_DIR = fileURLToPath(new URL('../../data/sources/', import.meta.url));

/** Loads a manifest; a missing or malformed file gives an empty list (the manifest only fills in defaults). */
export async function loadManifest(path: string): Promise<ManifestEntry[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return [];
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return [];
  }
  const parsed = ManifestSchema.safeParse(json);
  if (!parsed.success) return [];
  const story = parsed.data.story;
  return parsed.data.sources.map((s) => ({ ...s, storyId: s.storyId ?? story }));
}

/**
 * Finds the entry for `file`: first in a manifest.json beside the file, then in the bundled manifest.
 * Returns null when neither names it.
 */
export async function manifestEntryFor(file: string, bundledDir: string = BUNDLED_SOURCES_DIR) {
  const name = basename(file);
  for (const dir of [dirname(file), bundledDir]) {
    const entries = await loadManifest(join(dir, 'manifest.json'));
    const hit = entries.find((e) => e.file === name);
    if (hit) return hit;
  }
  return null;
}
