// Topics on the real seeds: rules from the story file, headline weight, off-story threads, determinism.
import { describe, expect, it } from 'vitest';
import { enrichDocument, isOffStory } from '../../../src/ingest/enrich/index.ts';
import { bundledStory, parsedSeed, SEED_FILES } from './seeds.ts';

async function topicsOf(prefix: string, headlineStart: string): Promise<string[]> {
  const doc = enrichDocument(parsedSeed(prefix), await bundledStory());
  const event = doc.events.find((e) => e.headline.startsWith(headlineStart));
  if (!event) throw new Error(`no entry "${headlineStart}"`);
  return event.topics;
}

describe('topics', () => {
  it('GIVEN entries of every seed THEN they get the topics their content is about', async () => {
    expect(await topicsOf('002', 'Trump strongly behind security guarantee')).toEqual(
      expect.arrayContaining(['security-guarantees', 'us-policy']),
    );
    expect(await topicsOf('002', 'Germany could send troops')).toContain('troops');
    expect(await topicsOf('002', 'Russian war casualties rise')).toEqual(['casualties']);
    expect(await topicsOf('002', 'Ukraine conducts')).toContain('strikes');
    expect(await topicsOf('001', 'More than 46,000 Ukrainian troops killed')).toContain('casualties');
    expect(await topicsOf('001', "Trump's tariffs expose")).toContain('sanctions');
    expect(await topicsOf('003', 'Hegseth won’t commit')).toContain('european-defence');
    expect(await topicsOf('003', 'Breaking: Trump agrees to talks')).toContain('peace-talks');
    const doc000 = enrichDocument(parsedSeed('000'), await bundledStory());
    expect(doc000.events[0].topics).toEqual(
      expect.arrayContaining(['territory', 'troops', 'security-guarantees']),
    );
    const doc004 = enrichDocument(parsedSeed('004'), await bundledStory());
    expect(doc004.events[0].topics).toEqual(expect.arrayContaining(['territory', 'peace-talks']));
  });

  it('GIVEN the Greenland and Venezuela threads in 002 THEN they are tagged off-story and the digest can drop them', async () => {
    const story = await bundledStory();
    const greenland = await topicsOf('002', 'European leaders warn Trump Greenland');
    expect(greenland[0]).toBe('greenland');
    expect(isOffStory(story, { topics: greenland })).toBe(true);
    const venezuela = await topicsOf('002', 'Watch: Russia calls on US');
    expect(venezuela[0]).toBe('venezuela');
    expect(isOffStory(story, { topics: await topicsOf('002', 'Trump strongly behind') })).toBe(false);
  });

  it('GIVEN a term only in the headline vs only in the body THEN the headline counts more', async () => {
    const seed = parsedSeed('002');
    const base = { ...seed.events[0], paragraphs: ['Officials met on Tuesday.'] };
    const story = await bundledStory();
    const inHeadline = enrichDocument({ ...seed, events: [{ ...base, headline: 'Sanctions' }] }, story)
      .events[0];
    const inBody = enrichDocument(
      {
        ...seed,
        events: [{ ...base, headline: 'Officials meet', paragraphs: ['They spoke about tariffs.'] }],
      },
      story,
    ).events[0];
    expect(inHeadline.topics).toContain('sanctions');
    // A single weight-3 body mention reaches the threshold of 3 too; a weight-1 word does not.
    expect(inBody.topics).toContain('sanctions');
    const weak = enrichDocument(
      { ...seed, events: [{ ...base, headline: 'Officials meet', paragraphs: ['They spoke about oil.'] }] },
      story,
    ).events[0];
    expect(weak.topics).not.toContain('sanctions');
    // The same two weight-1 words: in the body they score 2 (< 3), in the headline 2 × 2 = 4 (≥ 3).
    const body = enrichDocument(
      {
        ...seed,
        events: [{ ...base, headline: 'Officials meet', paragraphs: ['They spoke about oil and steel.'] }],
      },
      story,
    ).events[0];
    expect(body.topics).not.toContain('sanctions');
    const headline = enrichDocument({ ...seed, events: [{ ...base, headline: 'Oil and steel' }] }, story)
      .events[0];
    expect(headline.topics).toContain('sanctions');
  });

  it('GIVEN the same input twice THEN topics are identical (deterministic)', async () => {
    const story = await bundledStory();
    for (const file of SEED_FILES) {
      const a = enrichDocument(parsedSeed(file.slice(0, 3)), story).events.map((e) => e.topics);
      const b = enrichDocument(parsedSeed(file.slice(0, 3)), story).events.map((e) => e.topics);
      expect(a).toEqual(b);
    }
  });
});
