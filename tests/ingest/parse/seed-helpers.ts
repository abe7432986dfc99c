// Loads the bundled seed texts and their manifest entries for the parser tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ParseOptions } from '../../../src/ingest/index.ts';
import { parseDocument } from '../../../src/ingest/index.ts';
import type { ParsedDocument } from '../../../src/store/types.ts';

const SOURCES = join(import.meta.dirname, '../../../data/sources');

interface ManifestSource {
  file: string;
  outlet: string;
  date: string;
  timezone: string;
}

const manifest: { sources: ManifestSource[] } = JSON.parse(
  readFileSync(join(SOURCES, 'manifest.json'), 'utf8'),
);

export function seedEntry(prefix: string): ManifestSource {
  const entry = manifest.sources.find((s) => s.file.startsWith(prefix));
  if (!entry) throw new Error(`no seed ${prefix}`);
  return entry;
}

export function seedText(prefix: string): string {
  return readFileSync(join(SOURCES, seedEntry(prefix).file), 'utf8');
}

export const SEED_PREFIXES = ['000', '001', '002', '003', '004'] as const;

/** Parses a seed with the options the manifest gives; throws when parsing fails. */
export function parseSeed(
  prefix: string,
  text = seedText(prefix),
  overrides: Partial<ParseOptions> = {},
): ParsedDocument {
  const entry = seedEntry(prefix);
  const result = parseDocument(text, {
    source: entry.file,
    date: entry.date,
    timezone: entry.timezone,
    outlet: entry.outlet,
    ...overrides,
  });
  if (!result.ok) throw new Error(`${prefix}: ${result.error.code} ${result.error.message}`);
  return result.value;
}
