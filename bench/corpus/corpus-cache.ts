// Writes a generated corpus to bench/.corpus/ once (shards of files, each with its manifest) and reuses it.
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadStories } from '../../src/app/stories.ts';
import { type CorpusDocument, type CorpusOptions, generateCorpus } from './generate-corpus.ts';
import { createVocabulary } from './vocabulary.ts';

/** bench/.corpus (gitignored). */
export const CORPUS_ROOT = fileURLToPath(new URL('../.corpus/', import.meta.url));
const FILES_PER_SHARD = 200;

/** One shard directory: its files in generation order. */
export interface CorpusShard {
  dir: string;
  files: string[];
  /** Size of each file in bytes. */
  sizes: number[];
}

/** A corpus on disk. */
export interface CachedCorpus {
  name: string;
  dir: string;
  documents: number;
  events: number;
  bytes: number;
  shards: CorpusShard[];
}

/** The story the corpus is written about (the first bundled story). */
export async function benchStory() {
  const [story] = await loadStories();
  if (!story) throw new Error('no story in data/stories: the corpus generator needs one');
  return story;
}

/** The documents of a corpus, generated in memory (small corpora and tests). */
export async function corpusDocuments(opts: CorpusOptions): Promise<CorpusDocument[]> {
  const story = await benchStory();
  return [...generateCorpus(opts, createVocabulary(story))];
}

/** Generates the corpus into bench/.corpus/<seed>-<events>/ unless it is already there; returns its index. */
export async function ensureCorpus(opts: CorpusOptions, root = CORPUS_ROOT): Promise<CachedCorpus> {
  const name = `corpus-${opts.seed}-${opts.events}`;
  const dir = join(root, name);
  const indexPath = join(dir, 'corpus.json');
  if (existsSync(indexPath)) return JSON.parse(await readFile(indexPath, 'utf8')) as CachedCorpus;
  const story = await benchStory();
  const tmp = `${dir}.partial`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  const shards: CorpusShard[] = [];
  let current: { dir: string; files: string[]; sizes: number[]; manifest: object[] } | null = null;
  let documents = 0;
  let events = 0;
  let bytes = 0;
  const flush = async () => {
    if (!current) return;
    await writeFile(
      join(tmp, current.dir, 'manifest.json'),
      JSON.stringify({ story: story.id, sources: current.manifest }),
    );
    shards.push({ dir: join(dir, current.dir), files: current.files, sizes: current.sizes });
    current = null;
  };
  for (const doc of generateCorpus(opts, createVocabulary(story))) {
    if (!current) {
      current = {
        dir: `shard-${String(shards.length).padStart(5, '0')}`,
        files: [],
        sizes: [],
        manifest: [],
      };
      await mkdir(join(tmp, current.dir));
    }
    await writeFile(join(tmp, current.dir, doc.file), doc.text);
    current.files.push(doc.file);
    current.manifest.push({ file: doc.file, date: doc.date, timezone: doc.timezone, outlet: 'Bench Outlet' });
    const size = Buffer.byteLength(doc.text);
    current.sizes.push(size);
    documents++;
    events += doc.expected.events;
    bytes += size;
    if (current.files.length >= FILES_PER_SHARD) await flush();
  }
  await flush();
  const index: CachedCorpus = { name, dir, documents, events, bytes, shards };
  await writeFile(join(tmp, 'corpus.json'), JSON.stringify(index));
  await rm(dir, { recursive: true, force: true });
  await rename(tmp, dir);
  return index;
}
