// Seed 001: a live blog with a "date" header and no entry stamps, segmented from headline lines alone.
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../src/ingest/index.ts';
import { parseSeed } from './seed-helpers.ts';

describe('GIVEN seed 001 (date header, no stamps)', () => {
  const { article, events } = parseSeed('001');

  it('THEN the header gives title and date, the standfirst opens the lede', () => {
    expect(article.kind).toBe('live');
    expect(article.title).toBe(
      'Ukraine-Russia latest: Starmer asks US to provide security guarantee for Kyiv to stop Russia from attacking again',
    );
    expect(article.lede[0]).toBe(
      'US security guarantee only way to effectively stop Putin from attacking Ukraine again, says PM',
    );
    expect(article.lede[1]).toMatch(/^Sir Keir Starmer has demanded/);
    expect(article.lede).toHaveLength(7);
  });

  it('THEN the ten entries are found from their headline lines', () => {
    expect(events.map((e) => e.headline)).toEqual([
      "No one will impose peace deal on Zelensky, says Trump's Ukraine envoy",
      'Watch: Navalny’s widow marks anniversary of his death with call for ‘free’ Russia',
      "Opinion | Britain is in no position to act as Ukraine's peacekeeper",
      'European leaders warn against Ukraine ceasefire without peace deal, official says',
      'Russia confirms talks in Saudi Arabia today, lays down its demands',
      'British aid worker who lost limbs in Ukraine may have to fund his own prosthetics',
      'More than 46,000 Ukrainian troops killed defending against Russian invasion, says Zelensky',
      'Russia, US hold talks on ending Ukraine war without Kyiv',
      "Trump's tariffs expose Ukraine's steel industry to another war",
      'What has Sweden said about sending peacekeeper forces to Ukraine?',
    ]);
  });

  it('THEN an "X reports:" lead-in and its related-article card stay inside their entry', () => {
    const aid = events[5];
    expect(aid.paragraphs.slice(-3)).toEqual([
      'Bryony Gooch reports:',
      'British aid worker who lost limbs in Ukraine may have to fund his own prosthetics',
      'Edward ‘Eddy’ Scott, from Dorset, said he has ‘fallen in love with Ukraine’ and wants to build a future there',
    ]);
    expect(events[2].paragraphs.at(-1)).toMatch(/^By volunteering to put British troops on the ground/);
    expect(events[8].paragraphs.at(-2)).toBe(
      "Trump's tariffs expose Ukraine's steel industry to another war",
    );
  });

  it('THEN entries get the coverage date as an estimated time and keep text order', () => {
    for (const [i, e] of events.entries()) {
      expect(e.position).toBe(i);
      expect(e.timeEstimated).toBe(true);
      expect(e.time?.slice(0, 10)).toBe('2025-02-18');
      expect(e.author).toBeNull();
    }
  });

  it('THEN labelled entries carry hints', () => {
    expect(events[1].hints).toEqual(['watch']);
    expect(events[1].paragraphs).toEqual([]);
    expect(events[2].hints).toEqual(['opinion']);
    expect(events[0].hints).toEqual([]);
  });

  it('THEN without any date the entries have no time at all', () => {
    const text =
      'Ukraine-Russia latest: talks continue\n\n' +
      'The talks resumed this morning in the capital after a night of negotiations.\n\n' +
      'Envoys arrive for second round\n\nThe envoys arrived shortly after dawn and went straight into the meeting.\n\n' +
      'Ministers comment on progress\n\nMinisters said progress had been made on several points overnight.\n';
    const parsed = parseSeedless(text);
    expect(parsed.events.map((e) => e.headline)).toEqual([
      'Envoys arrive for second round',
      'Ministers comment on progress',
    ]);
    expect(parsed.events.every((e) => e.time === null && e.timeEstimated === false)).toBe(true);
    expect(parsed.article.publishedAt).toBeNull();
  });
});

function parseSeedless(text: string) {
  const r = parseDocument(text, { source: 'inline.txt' });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
