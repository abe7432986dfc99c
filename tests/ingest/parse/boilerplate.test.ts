// No site chrome survives into any headline, paragraph, list or lede of any seed.
import { describe, expect, it } from 'vitest';
import { BOILERPLATE_PHRASES } from '../../../src/ingest/index.ts';
import { parseSeed, SEED_PREFIXES } from './seed-helpers.ts';

/** Phrases from the seeds' page furniture, checked case-insensitively. */
const CHROME = [
  ...BOILERPLATE_PHRASES,
  'From reproductive rights to climate change',
  'The Independent is trusted by Americans',
  'At such a critical moment in US history',
  'Notifications can be managed',
  '100’s of premium titles',
  'One app',
  'repliesComments',
  'Sign in here',
  'Top stories on inkl',
  'Fourteen days free',
  'trusted global sources',
  'logged in',
  '(AP)',
  '(Reuters)',
  '(Getty Images)',
  '(Sky News)',
  'https://',
];

/** Chrome lines that are ordinary words inside prose, so they must not be whole texts. */
const CHROME_LINES = ['comments', 'world', 'the independent uk', 'key points'];

describe('GIVEN every seed', () => {
  for (const prefix of SEED_PREFIXES) {
    it(`THEN seed ${prefix} has no boilerplate in any event or in the article`, () => {
      const { article, events } = parseSeed(prefix);
      const texts = [
        article.title,
        ...article.lede,
        ...article.editorKeyPoints,
        ...events.flatMap((e) => [
          e.headline,
          ...e.paragraphs,
          ...e.lists.flatMap((l) => [l.title, ...l.items]),
          e.author ?? '',
        ]),
      ];
      expect(texts.length).toBeGreaterThan(5);
      for (const text of texts) {
        for (const phrase of CHROME) expect(text.toLowerCase()).not.toContain(phrase.toLowerCase());
        expect(CHROME_LINES).not.toContain(text.toLowerCase());
      }
    });
  }

  it('THEN the seeds’ chrome lines are really present in the raw text (the scan above can fail)', async () => {
    const { seedText } = await import('./seed-helpers.ts');
    const raw = SEED_PREFIXES.map((p) => seedText(p)).join('\n');
    for (const phrase of [
      'Your support helps us to tell the story',
      'open image in gallery',
      '(AFP/Getty)',
      '![',
      'Start reading',
    ]) {
      expect(raw).toContain(phrase);
    }
  });
});
