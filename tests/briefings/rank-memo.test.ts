// GIVEN the same window ranked twice THEN the memo answers the second; any change to an entry, the options or
// the weights is ranked afresh, and builders give the same briefing with or without the memo.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/briefings/digest.ts';
import { RANK_WEIGHTS, rankKeyPoints } from '../../src/briefings/key-points/index.ts';
import { buildKeyPoints } from '../../src/briefings/key-points.ts';
import { clearRankMemo, rankKeyPointsMemo, rankMemoStats } from '../../src/briefings/rank-memo.ts';
import type { Event } from '../../src/store/types.ts';
import { openSeedStore, type SeedStore, seedDeps } from './seed-store.ts';

let seed: SeedStore;
let window: Event[];

beforeAll(async () => {
  seed = await openSeedStore();
  window = (await seed.events.exportAll()).events.filter((e) => e.time?.startsWith('2026-01-06'));
});
afterAll(async () => {
  await seed?.close();
});
beforeEach(() => clearRankMemo());

describe('rank memo', () => {
  it('GIVEN the same window twice THEN the second ranking is a hit equal to the ranker', () => {
    expect(window.length).toBeGreaterThan(10);
    const direct = rankKeyPoints(window, { n: 5 });
    const first = rankKeyPointsMemo(window, { n: 5 });
    const before = rankMemoStats();
    const again = rankKeyPointsMemo(
      window.map((e) => structuredClone(e)),
      { n: 5 },
    );
    const after = rankMemoStats();
    expect(after.hits).toBe(before.hits + 1);
    expect(first).toEqual(direct);
    expect(again).toEqual(direct);
  });

  it('GIVEN an edited entry, other options or other weights THEN the window is ranked afresh', () => {
    rankKeyPointsMemo(window, { n: 5 });
    const misses = () => rankMemoStats().misses;
    let m = misses();
    const edited = window.map((e, i) => (i === 3 ? { ...e, headline: `${e.headline} (updated)` } : e));
    expect(rankKeyPointsMemo(edited, { n: 5 })).toEqual(rankKeyPoints(edited, { n: 5 }));
    expect(misses()).toBe(++m);
    rankKeyPointsMemo(window, { n: 3 });
    expect(misses()).toBe(++m);
    const saved = RANK_WEIGHTS.recency;
    try {
      RANK_WEIGHTS.recency = saved + 0.5;
      rankKeyPointsMemo(window, { n: 5 });
      expect(misses()).toBe(++m);
    } finally {
      RANK_WEIGHTS.recency = saved;
    }
  });

  it('GIVEN a brief and a digest built twice THEN the second builds are equal and served by the memo', async () => {
    const deps = seedDeps(seed);
    const brief = await buildKeyPoints({ date: '2026-01-06', generated: true }, deps);
    const digest = await buildDigest({ date: '2026-01-06' }, deps);
    const hits = rankMemoStats().hits;
    expect(await buildKeyPoints({ date: '2026-01-06', generated: true }, deps)).toEqual(brief);
    expect(await buildDigest({ date: '2026-01-06' }, deps)).toEqual(digest);
    expect(rankMemoStats().hits).toBeGreaterThan(hits);
  });
});
