// GIVEN the seeds stored THEN builders read the store in a few batched queries: no query per citation or per article.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArticleLookup } from '../../src/briefings/citations.ts';
import type { BriefingDeps } from '../../src/briefings/deps.ts';
import { buildDigest } from '../../src/briefings/digest.ts';
import { buildKeyPoints } from '../../src/briefings/key-points.ts';
import { buildSearch } from '../../src/briefings/search.ts';
import { buildSources } from '../../src/briefings/sources.ts';
import { buildTimeline } from '../../src/briefings/timeline.ts';
import { buildTopic } from '../../src/briefings/topic.ts';
import type { EventStore } from '../../src/store/event-store.ts';
import type { Article, Event } from '../../src/store/types.ts';
import { openSeedStore, type SeedStore, seedDeps } from './seed-store.ts';

let seed: SeedStore;
let all: { articles: Article[]; events: Event[] };

/** The real store, counting the calls of each method. */
function counting(store: EventStore): { store: EventStore; calls: Map<string, number> } {
  const calls = new Map<string, number>();
  const wrapped = new Proxy(store, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.set(String(name), (calls.get(String(name)) ?? 0) + 1);
        return value.apply(target, args);
      };
    },
  });
  return { store: wrapped, calls };
}

const total = (calls: Map<string, number>) => [...calls.values()].reduce((a, b) => a + b, 0);

beforeAll(async () => {
  seed = await openSeedStore();
  all = await seed.events.exportAll();
});
afterAll(async () => {
  await seed?.close();
});

describe('article lookups', () => {
  it('GIVEN citations asked for together THEN one query serves them all, and known articles cost none', async () => {
    const { store, calls } = counting(seed.events);
    const lookup = createArticleLookup(store);
    const ids = all.events.map((e) => e.articleId);
    const found = await Promise.all([...ids, 'missing'].map((id) => lookup.get(id)));
    expect(calls.get('articlesByIds')).toBe(1);
    expect(calls.get('article')).toBeUndefined();
    const byId = new Map(all.articles.map((a) => [a.id, a]));
    expect(found.slice(0, -1)).toEqual(ids.map((id) => byId.get(id)));
    expect(found.at(-1)).toBeNull();
    expect(lookup.titles()).toEqual([...new Set(ids)].map((id) => byId.get(id)!.title));
    // Asked again: answered from the build's cache.
    await lookup.get(ids[0]!);
    expect(total(calls)).toBe(1);

    const primed = counting(seed.events);
    const known = createArticleLookup(primed.store, all.articles);
    expect(await known.get(all.articles[0]!.id)).toEqual(all.articles[0]);
    expect(known.titles()).toEqual([all.articles[0]!.title]);
    expect(total(primed.calls)).toBe(0);
  });

  it('GIVEN a store that fails THEN every waiting lookup fails and a later one asks again', async () => {
    let failing = true;
    const flaky = new Proxy(seed.events, {
      get(target, name, receiver) {
        const value = Reflect.get(target, name, receiver);
        if (name !== 'articlesByIds') return value;
        return async (ids: string[]) => {
          if (failing) throw new Error('connection reset');
          return target.articlesByIds(ids);
        };
      },
    });
    const lookup = createArticleLookup(flaky);
    const id = all.articles[0]!.id;
    await expect(Promise.all([lookup.get(id), lookup.get(all.articles[1]!.id)])).rejects.toThrow(
      'connection reset',
    );
    failing = false;
    expect(await lookup.get(id)).toEqual(all.articles[0]);
  });
});

/** A window holding every seed article (Feb 2025 – Jan 2026). */
const WIDE = { from: '2025-02-01', to: '2026-01-31' };

describe('store round trips per briefing', () => {
  let deps: (store: EventStore) => BriefingDeps;
  beforeAll(() => {
    deps = (store) => ({ ...seedDeps(seed, '2026-01-08T09:00:00Z'), events: store });
  });

  it('GIVEN sources THEN a handful of queries whatever the number of articles, each cited to its first entry', async () => {
    const { store, calls } = counting(seed.events);
    const b = await buildSources({}, deps(store));
    expect(total(calls)).toBeLessThanOrEqual(4);
    expect(calls.get('article')).toBeUndefined();
    const items = b.sections.flatMap((s) => s.items);
    expect(items).toHaveLength(all.articles.length);
    for (const item of items) {
      const cited = all.events.find((e) => e.id === item.citation!.eventId)!;
      const [first] = await seed.events.events({
        articleId: cited.articleId,
        includeUntimed: true,
        order: 'asc',
        limit: 1,
      });
      expect(item.citation!.eventId).toBe(first!.id);
    }
  });

  it.each([
    ['brief', (d: BriefingDeps) => buildKeyPoints({ generated: true }, d)],
    ['digest', (d: BriefingDeps) => buildDigest({}, d)],
    ['timeline', (d: BriefingDeps) => buildTimeline({}, d)],
    ['search', (d: BriefingDeps) => buildSearch({ query: 'Zelensky peace' }, d)],
  ])(
    'GIVEN %s THEN citations cost at most one article query per step, never one per item',
    async (_, build) => {
      const { store, calls } = counting(seed.events);
      const b = await build(deps(store));
      const cited = b.sections.flatMap((s) => s.items).length;
      expect(cited).toBeGreaterThan(1);
      expect(calls.get('article') ?? 0).toBe(0);
      expect(calls.get('articlesByIds') ?? 0).toBeLessThanOrEqual(b.sections.length);
      expect(total(calls)).toBeLessThanOrEqual(8);
    },
  );

  it.each([
    ['digest', (d: BriefingDeps) => buildDigest(WIDE, d), 6],
    ['digest of a topic', (d: BriefingDeps) => buildDigest({ ...WIDE, topics: ['troops'] }, d), 6],
    ['topic', (d: BriefingDeps) => buildTopic({ ...WIDE, topic: 'troops' }, d), 5],
  ])(
    'GIVEN %s over every seed THEN its citations of several articles come from one article query',
    async (_, build, most) => {
      const { store, calls } = counting(seed.events);
      const b = await build(deps(store));
      expect(b.sections.length).toBeGreaterThan(1);
      const cited = new Set(b.sections.flatMap((s) => s.items.map((i) => i.citation?.articleTitle)));
      expect(cited.size).toBeGreaterThan(1);
      expect(calls.get('articlesByIds') ?? 0).toBeLessThanOrEqual(1);
      expect(total(calls)).toBeLessThanOrEqual(most);
    },
  );

  it('GIVEN topic without a window THEN its span comes from recentSpan, never from reading the newest entries', async () => {
    const { store, calls } = counting(seed.events);
    const reads: Array<{ limit?: number; from?: string | null }> = [];
    const spying = new Proxy(store, {
      get(target, name, receiver) {
        const value = Reflect.get(target, name, receiver);
        if (name !== 'events') return value;
        return (q: { limit?: number; from?: string | null }) => {
          reads.push(q);
          return value.call(target, q);
        };
      },
    });
    const b = await buildTopic({ topic: 'troops' }, deps(spying));
    expect(calls.get('recentSpan')).toBe(1);
    // One read of the window itself (the window query), bounded by the day-aligned span.
    expect(reads).toHaveLength(1);
    expect(reads[0]!.from).toBe(b.window!.from);
  });
});
