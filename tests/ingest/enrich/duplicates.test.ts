// Near-duplicates: the repeated Witkoff entry of 002 points to the earlier copy; stored (prior) events count too.
import { describe, expect, it } from 'vitest';
import { markDuplicates, shingles, similarity } from '../../../src/ingest/enrich/duplicates.ts';
import { enrichDocument } from '../../../src/ingest/enrich/index.ts';
import { bundledStory, parsedSeed, SEED_FILES } from './seeds.ts';

describe('near-duplicates', () => {
  it('GIVEN seed 002 THEN the 02:54 Witkoff entry is a duplicate of the 19:10 one and nothing points forward in time', async () => {
    const doc = enrichDocument(parsedSeed('002'), await bundledStory());
    const late = doc.events.find((e) =>
      e.headline.startsWith("Talks around security protocols 'largely finished'"),
    )!;
    const early = doc.events.find((e) => e.headline.startsWith('Security protocols largely finished'))!;
    expect(late.duplicateOf).toBe(early.id);
    expect(early.duplicateOf).toBeNull();
    const byId = new Map(doc.events.map((e) => [e.id, e]));
    for (const e of doc.events.filter((x) => x.duplicateOf)) {
      const original = byId.get(e.duplicateOf!)!;
      expect(original.time! <= e.time!).toBe(true);
      expect(original.duplicateOf).toBeNull();
    }
  });

  it('GIVEN every seed THEN distinct entries are not marked as duplicates of each other', async () => {
    const story = await bundledStory();
    for (const file of SEED_FILES.filter((f) => !f.startsWith('002'))) {
      const doc = enrichDocument(parsedSeed(file.slice(0, 3)), story);
      expect(doc.events.filter((e) => e.duplicateOf).map((e) => e.headline)).toEqual([]);
    }
    const doc002 = enrichDocument(parsedSeed('002'), story);
    expect(doc002.events.filter((e) => e.duplicateOf).length).toBeLessThanOrEqual(3);
  });

  it('GIVEN the 19:10 entry already stored THEN a new document repeating it points to the stored event', async () => {
    const story = await bundledStory();
    const all = enrichDocument(parsedSeed('002'), story).events;
    const stored = all.find((e) => e.headline.startsWith('Security protocols largely finished'))!;
    const seed = parsedSeed('002');
    const newer = seed.events.filter((e) =>
      e.headline.startsWith("Talks around security protocols 'largely finished'"),
    );
    const out = enrichDocument({ ...seed, events: newer }, story, { prior: [stored] });
    expect(out.events[0].duplicateOf).toBe(stored.id);
    // Without the prior event there is nothing to point to.
    expect(enrichDocument({ ...seed, events: newer }, story).events[0].duplicateOf).toBeNull();
  });

  it('GIVEN two entries without times THEN the earlier position is the original', () => {
    const seed = parsedSeed('002');
    const a = { ...seed.events[13], id: 'a', time: null, position: 5 };
    const b = {
      ...seed.events[13],
      id: 'b',
      time: null,
      position: 2,
      headline: 'Witkoff: protocols almost done',
    };
    const out = markDuplicates([a, b]);
    expect(out.find((e) => e.id === 'a')?.duplicateOf).toBe('b');
    expect(out.find((e) => e.id === 'b')?.duplicateOf).toBeNull();
  });

  it('GIVEN shingle sets THEN similarity is 1 for the same text and low for unrelated texts', () => {
    const x = shingles(
      'Security protocols for Ukraine are largely finished, the envoy said after talks in Paris.',
    );
    expect(similarity(x, x).jaccard).toBe(1);
    const y = shingles(
      'Russian war casualties rise by nearly 1,000 in the last day, the general staff reported.',
    );
    expect(similarity(x, y).jaccard).toBeLessThan(0.1);
  });
});
