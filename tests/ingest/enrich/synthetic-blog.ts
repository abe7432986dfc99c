// Test helper: a deterministic synthetic live blog of any size, built from the seeds' own sentences and words.
import type { Event } from '../../../src/store/types.ts';
import { parsedSeed, SEED_FILES } from './seeds.ts';

/** mulberry32: the same seed always gives the same sequence. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 0x9e3779b9;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Pool {
  headlines: string[];
  paragraphs: string[];
  words: string[];
}

let pool: Pool | null = null;
function seedPool(): Pool {
  if (pool) return pool;
  const headlines: string[] = [];
  const paragraphs: string[] = [];
  const words = new Set<string>();
  for (const file of SEED_FILES) {
    for (const e of parsedSeed(file.slice(0, 3)).events) {
      if (e.headline) headlines.push(e.headline);
      for (const p of e.paragraphs) {
        paragraphs.push(p);
        for (const w of p.split(/\s+/)) if (/^[a-z]{4,}$/.test(w)) words.add(w);
      }
    }
  }
  pool = { headlines, paragraphs, words: [...words].sort() };
  return pool;
}

/** Swaps about a quarter of the lower-case words for other seed words, so copies of a sentence differ. */
function vary(text: string, next: () => number, words: string[]): string {
  return text
    .split(' ')
    .map((w) => (/^[a-z]{4,}$/.test(w) && next() < 0.25 ? words[Math.floor(next() * words.length)] : w))
    .join(' ');
}

export interface SyntheticBlog {
  text: string;
  /** Entries written (the parser should find this many). */
  entries: number;
}

/**
 * A raw live-blog text of `entries` stamped entries (newest first, one minute apart), each a varied seed
 * headline and one to four varied seed paragraphs; `repeatEvery` > 0 re-posts an earlier entry verbatim.
 */
export function syntheticBlog(entries: number, seed = 7, repeatEvery = 50): SyntheticBlog {
  const next = random(seed);
  const { headlines, paragraphs, words } = seedPool();
  const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)];
  const made: string[][] = [];
  for (let i = 0; i < entries; i++) {
    if (repeatEvery > 0 && i % repeatEvery === repeatEvery - 1 && made.length > 10) {
      made.push(made[made.length - 1 - Math.floor(next() * 10)]);
      continue;
    }
    const body: string[] = [];
    const n = 1 + Math.floor(next() * 4);
    for (let k = 0; k < n; k++) body.push(vary(pick(paragraphs), next, words));
    made.push([vary(pick(headlines), next, words), ...body]);
  }
  const lines = [
    'Ukraine-Russia war latest: synthetic coverage',
    '',
    'A synthetic live blog for scaling tests.',
    '',
  ];
  // Newest first: entry i is posted (entries - i) minutes after the start.
  for (let i = entries - 1; i >= 0; i--) {
    const minutes = 8 * 60 + i;
    const hh = String(Math.floor(minutes / 60) % 24).padStart(2, '0');
    const mm = String(minutes % 60).padStart(2, '0');
    const [headline, ...body] = made[i];
    lines.push(headline, '', `${hh}:${mm} , Test Writer`, '', ...body.flatMap((p) => [p, '']));
  }
  return { text: lines.join('\n'), entries };
}

/**
 * `n` distinct entries as events (no parsing): word sequences drawn from the seeds' words, one minute apart,
 * where every `copyEvery`-th entry re-posts one of the ten entries before it with two words changed.
 * Returns the events and the ids of the re-posts.
 */
export function syntheticEvents(n: number, seed = 11, copyEvery = 20): { events: Event[]; copies: string[] } {
  const next = random(seed);
  const { words } = seedPool();
  const template = parsedSeed('002').events[0];
  const events: Event[] = [];
  const copies: string[] = [];
  const sentence = (len: number) =>
    Array.from({ length: len }, () => words[Math.floor(next() * words.length)]).join(' ');
  for (let i = 0; i < n; i++) {
    const id = `synthetic-${seed}-${i}`;
    const time = new Date(Date.UTC(2026, 0, 6, 8, i)).toISOString();
    let headline = sentence(8);
    let paragraphs = Array.from({ length: 1 + Math.floor(next() * 3) }, () => sentence(25));
    if (copyEvery > 0 && i % copyEvery === copyEvery - 1 && events.length >= 10) {
      const original = events[events.length - 1 - Math.floor(next() * 10)];
      headline = original.headline;
      paragraphs = original.paragraphs.map((p, k) =>
        k === 0 ? p.replace(/^\S+ \S+/, `${sentence(1)} ${sentence(1)}`) : p,
      );
      copies.push(id);
    }
    events.push({ ...template, id, time, position: n - i, headline, paragraphs, duplicateOf: null });
  }
  return { events, copies };
}
