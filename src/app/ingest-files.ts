// Ingest orchestration: read and check files, fill options from the manifest, parse, enrich, then write all in one transaction.
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { DateTime, IANAZone } from 'luxon';
import { fail, ok, type Result } from '../errors.ts';
import { notePlannerWrites } from '../store/planner-stats.ts';
import type { Sql } from '../store/sql.ts';
import { createSqlEventStore } from '../store/sql-event-store.ts';
import type { Article, Event, ParsedDocument } from '../store/types.ts';
import { manifestEntryFor } from './source-manifest.ts';

/** The largest file ingest reads (10 MB). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** The options parseDocument takes (src/ingest/index.ts). */
export interface ParseOptions {
  source: string;
  date?: string;
  timezone?: string;
  title?: string;
  url?: string;
  outlet?: string;
  storyId?: string;
}
export type ParseFn = (
  text: string,
  opts: ParseOptions,
) => Result<ParsedDocument> | Promise<Result<ParsedDocument>>;
/** Adds entities, topics, speaker ids, duplicates… to a parsed document (provided by the story/enrichment module). */
export type EnrichFn = (doc: ParsedDocument) => ParsedDocument | Promise<ParsedDocument>;

export interface IngestFilesOptions {
  /** Resolves relative file paths. */
  cwd: string;
  date?: string;
  timezone?: string;
  title?: string;
  url?: string;
  outlet?: string;
  storyId?: string;
  /** Zone used when neither the options nor the manifest give one (STORYBRIEF_TZ). */
  defaultTimezone?: string;
  /** Directory of the bundled manifest (defaults to data/sources). */
  bundledSourcesDir?: string;
  parse?: ParseFn;
  enrich?: EnrichFn;
}

/** What one file added to the store. */
export interface FileIngestReport {
  file: string;
  article: Article;
  createdArticle: boolean;
  added: Event[];
  updated: Event[];
  unchanged: number;
}

async function loadParser(): Promise<ParseFn> {
  // Loaded lazily so the store and CLI work (and report clearly) even before the parser module exists.
  const path = '../ingest/index.ts';
  const mod = (await import(path)) as { parseDocument?: ParseFn };
  if (typeof mod.parseDocument !== 'function')
    throw new Error('src/ingest/index.ts does not export parseDocument');
  return mod.parseDocument;
}

/** Checks the options a user typed (before any file is read). */
export function checkIngestOptions(opts: IngestFilesOptions): Result<IngestFilesOptions> {
  if (opts.date !== undefined) {
    const d = opts.date.trim();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || !DateTime.fromISO(d, { zone: 'UTC' }).isValid) {
      return fail('BAD_DATE', `--date "${opts.date}" is not a date; use YYYY-MM-DD, for example 2025-02-18`);
    }
  }
  if (opts.timezone !== undefined && !IANAZone.isValidZone(opts.timezone.trim())) {
    return fail(
      'BAD_TIMEZONE',
      `--tz "${opts.timezone}" is not an IANA time zone; use a name such as Europe/London`,
    );
  }
  if (opts.url !== undefined) {
    let good = false;
    try {
      good = ['http:', 'https:'].includes(new URL(opts.url).protocol);
    } catch {
      good = false;
    }
    if (!good) return fail('BAD_OPTION', `--url "${opts.url}" is not an http(s) URL`);
  }
  for (const [name, value] of [
    ['--title', opts.title],
    ['--outlet', opts.outlet],
  ] as const) {
    if (value !== undefined && value.trim() === '') return fail('BAD_OPTION', `${name} must not be empty`);
  }
  return ok(opts);
}

/** Reads one file as UTF-8 text, refusing what cannot be a news text. */
export async function readTextFile(path: string): Promise<Result<string>> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) return fail('BAD_INPUT_FILE', `${path}: not a regular file`);
    size = info.size;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return fail(
      'BAD_INPUT_FILE',
      `${path}: ${code === 'ENOENT' ? 'no such file' : `cannot read it (${code ?? 'error'})`}`,
    );
  }
  if (size === 0) return fail('BAD_INPUT_FILE', `${path}: the file is empty`);
  if (size > MAX_FILE_BYTES) {
    return fail(
      'BAD_INPUT_FILE',
      `${path}: the file is ${(size / 1048576).toFixed(1)} MB; the limit is 10 MB`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    return fail(
      'BAD_INPUT_FILE',
      `${path}: cannot read it (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  if (bytes.includes(0))
    return fail('BAD_INPUT_FILE', `${path}: the file is binary (it contains NUL bytes), not text`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('BAD_INPUT_FILE', `${path}: the file is not UTF-8 text`);
  }
  if (text.trim() === '') return fail('BAD_INPUT_FILE', `${path}: the file is empty (only whitespace)`);
  return ok(text);
}

/** Reads, parses and enriches every file; the first bad file fails the whole batch. Writes nothing. */
export async function prepareFiles(
  files: string[],
  options: IngestFilesOptions,
): Promise<Result<Array<{ file: string; doc: ParsedDocument }>>> {
  const checked = checkIngestOptions(options);
  if (!checked.ok) return checked;
  if (files.length === 0) return fail('BAD_OPTION', 'no files given');
  const parse = options.parse ?? (await loadParser());
  const out: Array<{ file: string; doc: ParsedDocument }> = [];
  for (const file of files) {
    const path = resolve(options.cwd, file);
    const text = await readTextFile(path);
    if (!text.ok) return fail(text.error.code, text.error.message.replace(path, file));
    const entry = await manifestEntryFor(path, options.bundledSourcesDir);
    const parsed = await parse(text.value, {
      source: basename(path),
      date: options.date?.trim() ?? entry?.date,
      timezone: options.timezone?.trim() ?? entry?.timezone ?? options.defaultTimezone,
      title: options.title ?? entry?.title,
      url: options.url ?? entry?.url,
      outlet: options.outlet ?? entry?.outlet,
      storyId: options.storyId ?? entry?.storyId,
    });
    if (!parsed.ok) return fail(parsed.error.code, `${file}: ${parsed.error.message}`);
    if (parsed.value.events.length === 0) {
      return fail('BAD_INPUT_FILE', `${file}: no news text found (no entries or article body)`);
    }
    const doc = options.enrich ? await options.enrich(parsed.value) : parsed.value;
    out.push({ file, doc });
  }
  return ok(out);
}

/** Writes prepared documents in ONE transaction: all of them, or none. */
export async function writePrepared(db: Sql, prepared: Array<{ file: string; doc: ParsedDocument }>) {
  const reports = await db.transaction(async (tx) => {
    const store = createSqlEventStore(tx);
    const out: FileIngestReport[] = [];
    for (const { file, doc } of prepared) {
      const res = await store.ingest(doc);
      out.push({ file, ...res });
    }
    return out;
  });
  const added = reports.reduce((n, r) => n + r.added.length, 0);
  if (added > 0) await notePlannerWrites(db, added, (await createSqlEventStore(db).stats()).events);
  return reports;
}

/** Ingests files: all are validated first, then written in ONE transaction (any failure writes nothing). */
export async function ingestFiles(
  db: Sql,
  files: string[],
  options: IngestFilesOptions,
): Promise<Result<FileIngestReport[]>> {
  const prepared = await prepareFiles(files, options);
  if (!prepared.ok) return prepared;
  return ok(await writePrepared(db, prepared.value));
}
