// GIVEN entry texts THEN concepts are stemmed word pairs and content words, weighted by how many entries repeat them.
import { describe, expect, it } from 'vitest';
import { conceptsOf, conceptWeights, entryConcepts } from '../../../src/briefings/key-points/concepts.ts';

describe('concepts', () => {
  it('GIVEN a sentence THEN pairs of two stop words are skipped and content words are stemmed', () => {
    const c = conceptsOf('Russia is shelling the ports of the city of Odesa');
    expect(c).toContain('russia is');
    expect(c).toContain('shell the');
    expect(c).toContain('u:port');
    expect(c).toContain('u:odesa');
    expect(c).not.toContain('of the');
    expect(c).not.toContain('u:the');
  });

  it('GIVEN entries THEN a concept weighs the number of entries holding it, once it reaches the minimum', () => {
    const docs = [
      entryConcepts(['Ceasefire talks resume in Riyadh']),
      // Two texts of one entry hold the pair: the entry counts once.
      entryConcepts(['Ceasefire talks stall again', 'Ceasefire talks']),
      entryConcepts(['Drone strike on Kharkiv']),
    ];
    const w = conceptWeights(docs, 2, 0.5);
    expect(w.get('ceasefir talk')).toBe(2);
    expect(w.get('u:ceasefir')).toBe(1);
    expect(w.has('drone strike')).toBe(false);
    expect(conceptWeights(docs, 2, 0.5, 0.5).get('ceasefir talk')).toBeCloseTo(Math.SQRT2);
  });
});
