// The general rules under the parser: stamps, captions, declared counts, hints, titles and hard-wrapped text.
import { describe, expect, it } from 'vitest';
import {
  captionImage,
  declaredCount,
  deriveTitle,
  detectHints,
  parseStamp,
} from '../../../src/ingest/index.ts';
import { parseSeed, seedText } from './seed-helpers.ts';

describe('GIVEN stamp lines in several house styles', () => {
  it('THEN time-first stamps give the time and author', () => {
    expect(parseStamp('02:54 , Arpan Rai')).toEqual({
      date: null,
      hour: 2,
      minute: 54,
      zone: null,
      author: 'Arpan Rai',
    });
    expect(parseStamp('14.05 GMT')).toMatchObject({ hour: 14, minute: 5, zone: 'UTC', author: null });
    expect(parseStamp('2.54pm BST')).toMatchObject({ hour: 14, minute: 54, zone: 'UTC+1' });
    expect(parseStamp('12:10 a.m.')).toMatchObject({ hour: 0, minute: 10 });
    expect(parseStamp('Posted at 09:30')).toMatchObject({ hour: 9, minute: 30 });
  });

  it('THEN date stamps, fused to an author or after a weekday, give the full date', () => {
    expect(parseStamp('Alexander Butler12 February 2025 18:00')).toEqual({
      date: { year: 2025, month: 2, day: 12 },
      hour: 18,
      minute: 0,
      zone: null,
      author: 'Alexander Butler',
    });
    expect(parseStamp('Wednesday 19 February 2025 04:58 GMT')).toMatchObject({
      date: { year: 2025, month: 2, day: 19 },
      zone: 'UTC',
      author: null,
    });
    expect(parseStamp('Tue 6 Jan 2026 14.05 GMT')).toMatchObject({
      date: { year: 2026, month: 1, day: 6 },
      hour: 14,
    });
    expect(parseStamp('February 12, 2025 6:00 PM')).toMatchObject({
      date: { year: 2025, month: 2, day: 12 },
      hour: 18,
    });
    expect(parseStamp('2025-02-12T18:00:00Z')).toMatchObject({ zone: 'UTC', hour: 18 });
  });

  it('THEN prose, impossible times and figures are not stamps', () => {
    for (const line of [
      'The meeting began at 5.45pm in Paris.',
      '25:10',
      '12:75 , Jane Dalton',
      'He said 10.30 was too late for the talks to begin again',
      '31 February 2025 10:00',
      '1.2 million',
    ]) {
      expect(parseStamp(line)).toBeNull();
    }
  });
});

describe('GIVEN caption lines', () => {
  it('THEN trailing photo credits make a caption an image', () => {
    expect(captionImage('Trump is set to meet Putin on Friday(AP)')).toEqual({
      alt: 'Trump is set to meet Putin on Friday',
      url: null,
      credit: 'AP',
    });
    expect(captionImage('(Getty Images)')).toEqual({ alt: '', url: null, credit: 'Getty Images' });
    expect(captionImage('Leaders in Kyiv (Ukrainian Presidential Press Service/AFP via Getty)')?.credit).toBe(
      'Ukrainian Presidential Press Service/AFP via Getty',
    );
  });

  it('THEN a written-out credit ("Photograph: Name/Agency") makes a caption an image too', () => {
    expect(captionImage('Volodymyr Zelensky in Kyiv on Monday. Photograph: Efrem Lukatsky/AP')).toEqual({
      alt: 'Volodymyr Zelensky in Kyiv on Monday.',
      url: null,
      credit: 'Efrem Lukatsky/AP',
    });
    expect(captionImage('Picture: what the talks could mean for Ukraine')).toBeNull();
  });

  it('THEN ordinary brackets at the end of a line are left alone', () => {
    expect(captionImage('The talks will resume next week (officials said)')).toBeNull();
    expect(captionImage('Zelensky meets Macron in Paris (Live)')).toBeNull();
  });
});

describe('GIVEN list titles', () => {
  it('THEN the declared count comes from a number word or digits before a plural noun', () => {
    expect(declaredCount('Five key promises by coalition nations')).toBe(5);
    expect(declaredCount('In five points: What Hegseth on Ukraine')).toBe(5);
    expect(declaredCount('Here is what he said summarised in five points:')).toBe(5);
    expect(declaredCount('10 things we learned from the summit')).toBe(10);
    expect(declaredCount('What the coalition agreed')).toBeNull();
    expect(declaredCount('More than 46,000 troops killed')).toBeNull();
  });
});

describe('GIVEN entry headlines with general cues', () => {
  const hints = (
    headline: string,
    paragraphs = ['The envoy said the talks had gone well.'],
    imageCount = 0,
  ) => detectHints({ headline, paragraphs, lists: [], imageCount });

  it('THEN labels and procedural wording become hints', () => {
    expect(hints('BREAKING: Ceasefire announced')).toEqual(['breaking']);
    expect(hints('Video: Drone footage over the port')).toEqual(['watch']);
    expect(hints('In photos: Kyiv after the strike')).toEqual(['pictures']);
    expect(hints('Explainer: what the declaration means')).toEqual(['analysis']);
    expect(hints('Opinion: Europe must act now')).toEqual(['opinion']);
    expect(hints('Speech by the prime minister due to begin shortly')).toEqual(['housekeeping']);
    expect(hints('Welcome to our live coverage')).toEqual(['housekeeping']);
    expect(hints('Talks collapse: the full story')).toEqual(['link-only']);
  });

  it('THEN a body of captions only is pictures, a body of card titles only is link-only', () => {
    expect(hints('Leaders gather in Paris', [], 3)).toEqual(['pictures']);
    expect(
      hints('Why the deal matters for Europe', ['Why the deal matters more than anyone thinks']),
    ).toEqual(['link-only']);
    expect(hints('Germany could send troops')).toEqual([]);
  });
});

describe('GIVEN a lede paragraph', () => {
  it('THEN the derived title is its first sentence, abbreviations kept whole, long ones cut at a word', () => {
    expect(deriveTitle('U.S. President Donald Trump spoke to Mr. Putin. Later he called Kyiv.')).toBe(
      'U.S. President Donald Trump spoke to Mr. Putin',
    );
    const long = deriveTitle(`${'The leaders of the coalition met again '.repeat(6)}in Paris.`);
    expect(long.length).toBeLessThanOrEqual(121);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('GIVEN seed 004 hard-wrapped at 72 columns', () => {
  it('THEN wrapped lines are joined back into the same paragraphs', () => {
    const wrap = (line: string) => {
      const out: string[] = [];
      let current = '';
      for (const word of line.split(' ')) {
        if (current && current.length + word.length + 1 > 72) {
          out.push(current);
          current = word;
        } else current = current ? `${current} ${word}` : word;
      }
      if (current) out.push(current);
      return out.join('\n');
    };
    const wrapped = seedText('004').split('\n').map(wrap).join('\n\n');
    expect(wrapped.split('\n').every((l) => l.length <= 72)).toBe(true);
    const original = parseSeed('004');
    const rewrapped = parseSeed('004', wrapped);
    expect(rewrapped.events[0].paragraphs).toEqual(original.events[0].paragraphs);
    expect(rewrapped.events[0].images).toEqual(original.events[0].images);
    expect(rewrapped.article.title).toBe(original.article.title);
  });
});
