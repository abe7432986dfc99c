// GIVEN hand-computed cases THEN the ROUGE scorer and the corpus adapter behave as ROUGE-1.5.5 -m and the benchmark format require.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { blogToEvents, parseCorpus, referenceText } from '../../eval/corpus.ts';
import { rougeN, rougeTokens, rougeWordCount } from '../../eval/rouge.ts';

describe('rougeN', () => {
  it('GIVEN identical texts THEN recall, precision and F1 are 1', () => {
    const s = rougeN('the cat sat on the mat', 'the cat sat on the mat', { n: 2 });
    expect(s).toEqual({ recall: 1, precision: 1, f1: 1 });
  });

  it('GIVEN a partial overlap THEN clipped counts give the hand-computed scores', () => {
    // reference unigrams: the×2 cat sat on mat (6); candidate: the×3 cat (4) → hits = min(2,3)+1 = 3.
    const r1 = rougeN('the the the cat', 'the cat sat on the mat', { n: 1 });
    expect(r1.recall).toBeCloseTo(3 / 6);
    expect(r1.precision).toBeCloseTo(3 / 4);
    expect(r1.f1).toBeCloseTo((2 * 0.5 * 0.75) / 1.25);
    // bigrams: reference 5 (the cat, cat sat, sat on, on the, the mat); candidate has "the cat" once → 1/5.
    expect(rougeN('the the the cat', 'the cat sat on the mat', { n: 2 }).recall).toBeCloseTo(1 / 5);
  });

  it('GIVEN inflected forms THEN Porter stemming (tokens over 3 letters) makes them match', () => {
    expect(rougeTokens('Markets rallied, rallying!')).toEqual(['market', 'ralli', 'ralli']);
    expect(rougeN('markets rallied', 'market rallies', { n: 1 }).recall).toBe(1);
    expect(rougeN('markets rallied', 'market rallies', { n: 1, stem: false }).recall).toBe(0);
    expect(rougeTokens('was has')).toEqual(['was', 'has']);
  });

  it('GIVEN a length limit THEN the candidate is truncated before scoring', () => {
    const s = rougeN('alpha beta gamma delta', 'gamma delta', { n: 1, limitWords: 2 });
    expect(s.recall).toBe(0);
    expect(rougeWordCount('china cuts rrr .')).toBe(3);
  });
});

describe('corpus adapter', () => {
  const record = {
    blog_id: 'b1',
    title: 'Test blog',
    url: 'https://example.test/live',
    genre: 'x',
    summary: ['first point .', 'second point .'],
    posts: [
      { time: [2016, 2, 29, 17, 40], title: 'newest title', text: ['one sentence .', 'two sentence .'] },
      { time: [2016, 2, 29, 9, 5], title: '', text: ['older sentence .'] },
    ],
  };
  const gz = gzipSync(`${JSON.stringify(record)}\nnot json\n{"blog_id": 3}\n`);

  it('GIVEN gzip JSONL with bad lines THEN good records parse and bad ones are counted', () => {
    const { blogs, rejected } = parseCorpus(gz);
    expect(blogs).toHaveLength(1);
    expect(rejected).toBe(2);
    expect(referenceText(blogs[0])).toBe('first point .\nsecond point .');
  });

  it('GIVEN posts newest first THEN events keep order, times and sentences, and titles can be withheld', () => {
    const blog = parseCorpus(gz).blogs[0];
    const kept = blogToEvents(blog, { withholdTitles: false });
    expect(kept.map((e) => e.headline)).toEqual(['newest title', '']);
    expect(kept[0].time).toBe('2016-02-29T17:40:00.000Z');
    expect(kept[0].paragraphs).toEqual(['one sentence .', 'two sentence .']);
    expect(kept.map((e) => e.position)).toEqual([0, 1]);
    expect(blogToEvents(blog, { withholdTitles: true }).every((e) => e.headline === '')).toBe(true);
  });

  it('GIVEN a BBC clock time THEN it becomes an ISO time', () => {
    const blog = { ...parseCorpus(gz).blogs[0], posts: [{ time: '23:17', title: 't', text: ['x y z .'] }] };
    expect(blogToEvents(blog, { withholdTitles: false })[0].time).toBe('2000-01-01T23:17:00.000Z');
  });
});
