// Quotes on the real seeds: precision/recall of speaker attribution against the hand-labelled fixture, and cases.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { enrichDocument, extractArticleQuotes } from '../../../src/ingest/enrich/index.ts';
import type { Quote } from '../../../src/store/types.ts';
import { bundledStory, parsedSeed, SEED_FILES } from './seeds.ts';

interface Label {
  source: string;
  text: string;
  speakerId: string | null;
}
const labels = (
  JSON.parse(readFileSync(new URL('../../fixtures/quotes/labelled.json', import.meta.url), 'utf8')) as {
    quotes: Label[];
  }
).quotes;

const norm = (s: string) => s.replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();

async function allQuotes(): Promise<Array<Quote & { source: string; eventHeadline: string | null }>> {
  const story = await bundledStory();
  const out: Array<Quote & { source: string; eventHeadline: string | null }> = [];
  for (const file of SEED_FILES) {
    const doc = enrichDocument(parsedSeed(file.slice(0, 3)), story);
    for (const q of extractArticleQuotes(doc.article, story))
      out.push({ ...q, source: file, eventHeadline: null });
    for (const e of doc.events)
      for (const q of e.quotes) out.push({ ...q, source: file, eventHeadline: e.headline });
  }
  return out;
}

async function quotesOf(prefix: string): Promise<Quote[]> {
  const doc = enrichDocument(parsedSeed(prefix), await bundledStory());
  return doc.events.flatMap((e) => e.quotes);
}

describe('quote extraction and speaker attribution against the hand-labelled seeds', () => {
  it('GIVEN every seed THEN ≥ 90% of labelled quotes are found, ≥ 90% of found ones are attributed right, none to a wrong named person', async () => {
    const found = await allQuotes();
    const unmatched = [...found];
    let hit = 0;
    let right = 0;
    const wrongNamed: string[] = [];
    const missed: string[] = [];
    for (const label of labels) {
      const i = unmatched.findIndex(
        (q) => q.source === label.source && norm(q.text).startsWith(norm(label.text)),
      );
      if (i < 0) {
        missed.push(`${label.source.slice(0, 3)} ${label.text}`);
        continue;
      }
      const [q] = unmatched.splice(i, 1);
      hit++;
      if (q.speakerId === label.speakerId) right++;
      else if (q.speakerId !== null)
        wrongNamed.push(`${label.text} → ${q.speakerId} (want ${label.speakerId})`);
    }
    const recall = hit / labels.length;
    const precision = right / hit;
    // Found quotes that the labels do not list (false quotations) also count against precision of finding.
    const extra = unmatched.map((q) => `${q.source.slice(0, 3)} ${q.text.slice(0, 40)}`);
    const quotePrecision = hit / (hit + extra.length);
    console.info(
      `quotes: labelled ${labels.length}, found ${found.length}, matched ${hit} (recall ${(recall * 100).toFixed(1)}%), ` +
        `quote precision ${(quotePrecision * 100).toFixed(1)}%, speaker right ${right}/${hit} (${(precision * 100).toFixed(1)}%), ` +
        `wrong named ${wrongNamed.length}; missed: ${missed.join(' | ') || 'none'}; extra: ${extra.join(' | ') || 'none'}`,
    );
    expect(recall).toBeGreaterThanOrEqual(0.9);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(quotePrecision).toBeGreaterThanOrEqual(0.9);
    expect(wrongNamed).toEqual([]);
  });
});

describe('speaker resolution cases', () => {
  it('GIVEN "he said" after "Steve Witkoff said" in the previous paragraph THEN the quote is Witkoff’s (002)', async () => {
    const q = (await quotesOf('002')).filter((x) => x.text.startsWith('We look forward to more progress'));
    expect(q).toHaveLength(2);
    for (const x of q) expect(x.speakerId).toBe('steve-witkoff');
  });

  it('GIVEN a quote continued over paragraphs without closing marks THEN it is one quote with every paragraph (002 Merz)', async () => {
    const merz = (await quotesOf('002')).filter((x) => x.speakerId === 'friedrich-merz');
    expect(merz).toHaveLength(2);
    expect(merz[1].text).toContain('That could include, for example');
    expect(merz[1].text).toContain('We basically rule nothing out');
    expect(merz[1].text.split('\n\n')).toHaveLength(3);
  });

  it('GIVEN "Sweden’s prime minister said" THEN the speaker is kept as written and not resolved to the UK prime minister', async () => {
    const q = (await quotesOf('001')).find((x) =>
      x.text.startsWith('There needs to be a very clear mandate'),
    );
    expect(q).toMatchObject({ speaker: 'Sweden’s prime minister', speakerId: null });
    expect(q?.text).toContain('But Sweden, we are normally a part');
  });

  it('GIVEN "The prime minister said" in a UK story THEN the role resolves to Keir Starmer (000)', async () => {
    const q = (await quotesOf('000')).find((x) => x.text.startsWith('our own troops'));
    expect(q?.speakerId).toBe('keir-starmer');
  });

  it('GIVEN "a Downing Street spokesperson said" THEN the speaker is the Downing Street organisation (004)', async () => {
    const q = (await quotesOf('004')).find((x) => x.text.startsWith('The Prime Minister remains'));
    expect(q).toMatchObject({ speakerId: 'downing-street' });
    expect(q?.text).toContain('He is determined to achieve a just and lasting peace');
  });

  it('GIVEN "Jared Kushner, Mr Trump’s son-in-law …, said" THEN the appositive’s Trump is not the speaker', async () => {
    const q = (await quotesOf('002')).find((x) => x.text.startsWith('a deal where both sides'));
    expect(q?.speakerId).toBe('jared-kushner');
  });

  it('GIVEN anonymous sources ("an official", "one agent") THEN speakerId is null and the words are kept', async () => {
    const q001 = await quotesOf('001');
    expect(q001.find((x) => x.text.startsWith('We are ready'))).toMatchObject({
      speaker: 'an official',
      speakerId: null,
    });
    const q002 = await quotesOf('002');
    expect(q002.find((x) => x.text.startsWith('I’m not a soldier'))).toMatchObject({
      speaker: 'one agent',
      speakerId: null,
    });
  });

  it('GIVEN scare quotes such as “declaration of intent” and “purely bilateral” THEN they are not quotations', async () => {
    const texts = [...(await quotesOf('001')), ...(await quotesOf('002'))].map((q) => q.text);
    for (const phrase of [
      'declaration of intent',
      'purely bilateral',
      'serious people',
      'strong',
      'concrete',
      'terrorist',
    ])
      expect(texts).not.toContain(phrase);
  });

  it('GIVEN "but added that …" after "He said …, up to Mr Trump" THEN the speaker is the subject, not Trump (003)', async () => {
    const q = (await quotesOf('003')).find((x) => x.text.startsWith('we live in fiscally'));
    expect(q?.speakerId).toBe('pete-hegseth');
  });
});
