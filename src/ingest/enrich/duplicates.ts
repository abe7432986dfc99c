// Near-duplicate entries: word-shingle Jaccard / containment over headline + text, pointing to the earliest copy.
import type { Event } from '../../store/types.ts';
import { tokenize } from './tokens.ts';

const SHINGLE = 3;
/** Jaccard similarity at or above which two entries are the same report. */
export const DUPLICATE_JACCARD = 0.5;
/** Share of the smaller entry's shingles found in the other, for short repeats inside longer entries. */
export const DUPLICATE_CONTAINMENT = 0.85;
const MIN_SHINGLES = 8;

const STOP = new Set(
  'the a an and or but of to in on at for by with from as is are was were be been it its that this these those he she they we you i his her their our has have had will would says said'.split(
    ' ',
  ),
);

/** Hashed 3-word shingles of the content words of a text. */
export function shingles(text: string): Set<number> {
  const words = tokenize(text)
    .map((t) => t.lower)
    .filter((w) => !STOP.has(w));
  const out = new Set<number>();
  if (words.length < SHINGLE) {
    if (words.length) out.add(hash(words.join(' ')));
    return out;
  }
  for (let i = 0; i + SHINGLE <= words.length; i++) out.add(hash(words.slice(i, i + SHINGLE).join(' ')));
  return out;
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Jaccard and containment (of the smaller set) between two shingle sets. */
export function similarity(a: Set<number>, b: Set<number>): { jaccard: number; containment: number } {
  if (a.size === 0 || b.size === 0) return { jaccard: 0, containment: 0 };
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  return { jaccard: shared / (a.size + b.size - shared), containment: shared / small.size };
}

function isDuplicate(a: Set<number>, b: Set<number>): boolean {
  const { jaccard, containment } = similarity(a, b);
  return (
    jaccard >= DUPLICATE_JACCARD ||
    (Math.min(a.size, b.size) >= MIN_SHINGLES && containment >= DUPLICATE_CONTAINMENT)
  );
}

interface Candidate {
  event: Event;
  set: Set<number>;
  prior: boolean;
  order: number;
}

/** Whether a comes before b: by time when both have one, else stored (prior) entries first, else by position. */
function earlier(a: Candidate, b: Candidate): boolean {
  if (a.event.time && b.event.time && a.event.time !== b.event.time) return a.event.time < b.event.time;
  if (a.prior !== b.prior) return a.prior;
  if (a.event.articleId === b.event.articleId && a.event.position !== b.event.position)
    return a.event.position < b.event.position;
  return a.order < b.order;
}

/**
 * Sets duplicateOf on each event that repeats an earlier one (in this batch or among `prior` stored events),
 * pointing at the earliest copy. Returns new event objects; prior events are never changed.
 */
export function markDuplicates(events: Event[], prior: Event[] = []): Event[] {
  const fresh: Candidate[] = events.map((event, i) => ({
    event,
    set: shingles(`${event.headline}\n${event.paragraphs.join('\n')}`),
    prior: false,
    order: prior.length + i,
  }));
  const all: Candidate[] = [
    ...prior.map((event, i) => ({
      event,
      set: shingles(`${event.headline}\n${event.paragraphs.join('\n')}`),
      prior: true,
      order: i,
    })),
    ...fresh,
  ];
  const priorRoot = new Map(prior.map((e) => [e.id, e.duplicateOf ?? e.id]));
  const marked = fresh.map((c) => {
    let best: Candidate | null = null;
    for (const other of all) {
      if (other === c || other.event.id === c.event.id || !earlier(other, c)) continue;
      if (!isDuplicate(c.set, other.set)) continue;
      if (!best || earlier(other, best)) best = other;
    }
    if (!best) return { ...c.event, duplicateOf: c.event.duplicateOf ?? null };
    const root = best.prior ? (priorRoot.get(best.event.id) ?? best.event.id) : best.event.id;
    return { ...c.event, duplicateOf: root };
  });
  // Point chains (c → b → a) at their root.
  const byId = new Map(marked.map((e) => [e.id, e]));
  return marked.map((e) => {
    let root = e.duplicateOf;
    for (let hops = 0; root && hops < 20; hops++) {
      const next = byId.get(root)?.duplicateOf;
      if (!next) break;
      root = next;
    }
    return root === e.duplicateOf ? e : { ...e, duplicateOf: root };
  });
}
