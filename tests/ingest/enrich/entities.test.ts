// Entities on the real seeds: aliases and misspellings resolve to canonical ids; unknown names are reported.
import { describe, expect, it } from 'vitest';
import { enrichDocument, unknownEntities } from '../../../src/ingest/enrich/index.ts';
import { bundledStory, parsedSeed, SEED_FILES } from './seeds.ts';

async function enriched(prefix: string) {
  return enrichDocument(parsedSeed(prefix), await bundledStory());
}
const ids = (e: { entities: Array<{ id: string }> }) => e.entities.map((x) => x.id);

describe('entities', () => {
  it('GIVEN every seed THEN every event has entities and they are canonical story ids', async () => {
    const story = await bundledStory();
    const known = new Set(story.entities.map((e) => e.id));
    for (const file of SEED_FILES) {
      const doc = await enriched(file.slice(0, 3));
      for (const event of doc.events) {
        for (const e of event.entities) expect(known.has(e.id)).toBe(true);
        expect(new Set(ids(event)).size).toBe(event.entities.length);
      }
      expect(doc.events.filter((e) => e.entities.length > 0).length).toBeGreaterThan(doc.events.length / 2);
    }
  });

  it('GIVEN the misspelling "Zelenksy" in a 003 headline THEN the entry mentions Volodymyr Zelensky', async () => {
    const event = (await enriched('003')).events.find((e) =>
      e.headline.startsWith('Zelenksy and Trump speak'),
    );
    expect(event).toBeDefined();
    expect(ids(event!).slice(0, 2)).toEqual(['volodymyr-zelensky', 'donald-trump']);
  });

  it('GIVEN "Sergey Lavroi" (001) and "Sir Keir" (000) THEN they resolve to Lavrov and Starmer', async () => {
    const doc001 = await enriched('001');
    const all001 = doc001.events.flatMap(ids);
    expect(all001).toContain('sergei-lavrov');
    const doc000 = await enriched('000');
    expect(ids(doc000.events[0])).toEqual(
      expect.arrayContaining([
        'keir-starmer',
        'donald-trump',
        'vladimir-putin',
        'pete-hegseth',
        'andrii-sybiha',
        'keith-kellogg',
      ]),
    );
  });

  it('GIVEN the Paris meeting entry (001) THEN the leaders, organisations and places are all there', async () => {
    const event = (await enriched('001')).events.find((e) =>
      e.headline.startsWith('European leaders warn against'),
    );
    expect(ids(event!)).toEqual(
      expect.arrayContaining([
        'emmanuel-macron',
        'keir-starmer',
        'olaf-scholz',
        'giorgia-meloni',
        'donald-tusk',
        'mark-rutte',
        'ursula-von-der-leyen',
        'antonio-costa',
        'nato',
        'european-union',
        'paris',
        'saudi-arabia',
      ]),
    );
  });

  it('GIVEN "us" as a pronoun and "US" as a country THEN only the acronym is the United States', async () => {
    const seed = parsedSeed('002');
    const event = {
      ...seed.events[0],
      headline: 'Leaders tell us little',
      paragraphs: [
        '“Give us time,” he said.',
        'The Costa del Sol was quiet; António Costa was in Paris with the US team.',
      ],
    };
    const [out] = enrichDocument({ ...seed, events: [event] }, await bundledStory()).events;
    expect(ids(out)).toEqual(['antonio-costa', 'paris', 'united-states']);
  });

  it('GIVEN names the story does not know THEN unknownEntities lists them with counts, not known ones', async () => {
    const story = await bundledStory();
    const events = (await enriched('001')).events;
    const unknown = unknownEntities(events, story);
    const names = unknown.map((u) => u.name);
    expect(names).toEqual(expect.arrayContaining(['Alex Croft', 'Bryony Gooch']));
    for (const known of ['Keith Kellogg', 'Tammy Bruce', 'Sergey Lavroi', 'Volodymyr Zelensky'])
      expect(names).not.toContain(known);
    expect(unknown.every((u) => u.count >= 1 && u.events.length >= 1)).toBe(true);
  });
});
