// Seeds 000 and 004: plain articles become one event each; 004 has neither title nor date in its text.
import { describe, expect, it } from 'vitest';
import { parseSeed } from './seed-helpers.ts';

describe('GIVEN seed 000 (title, standfirst, byline and GMT dateline)', () => {
  const { article, events } = parseSeed('000');

  it('THEN it is one article event with the title as headline, the byline as author and the dateline as time', () => {
    expect(article.kind).toBe('article');
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(article.title).toBe(
      'Ukraine-Russia war map: What territory has Putin taken as British troops could be sent to defend border',
    );
    expect(event.headline).toBe(article.title);
    expect(event.author).toBe('Tom Watling');
    expect(event.time).toBe('2025-02-19T04:58:00.000Z');
    expect(event.timeEstimated).toBe(false);
    expect(article.publishedAt).toBe('2025-02-19T04:58:00.000Z');
  });

  it('THEN the standfirst and first paragraph form the lede and the body keeps every paragraph', () => {
    expect(article.lede).toEqual([
      'Donald Trump’s administration says it believes Ukraine’s hopes of forcing Russia out of occupied territory are ‘unrealistic’',
      'US and Russian officials are meeting in Saudi Arabia to lay the ground for talks about ending Vladimir Putin’s war in Ukraine, as Donald Trump insisted Volodymyr Zelensky would be included in any ceasefire discussions.',
    ]);
    const [event] = events;
    expect(event.paragraphs).toHaveLength(18);
    expect(event.paragraphs.at(-1)).toBe(
      'Ukraine and the country’s European supporters have suggested this would amount to rewarding Mr Putin for his illegal land grab.',
    );
  });

  it('THEN a GMT dateline is read as UTC whatever the document zone', () => {
    const asNewYork = parseSeed('000', undefined, { timezone: 'America/New_York' });
    expect(asNewYork.events[0].time).toBe('2025-02-19T04:58:00.000Z');
    expect(asNewYork.article.timezone).toBe('America/New_York');
  });
});

describe('GIVEN seed 004 (no title, no date in the text)', () => {
  const { article, events } = parseSeed('004');

  it('THEN the title is derived from the lede and the date comes from the options', () => {
    expect(article.kind).toBe('article');
    expect(article.title).toBe('Keir Starmer will co-chair a meeting with pro-Ukraine allies on Wednesday');
    expect(events).toHaveLength(1);
    expect(events[0].timeEstimated).toBe(true);
    expect(events[0].time?.slice(0, 10)).toBe('2025-08-13');
    const inTokyo = parseSeed('004', undefined, { timezone: 'Asia/Tokyo' });
    expect(inTokyo.events[0].time?.slice(0, 10)).toBe('2025-08-13');
    expect(article.lede).toEqual([
      'Keir Starmer will co-chair a meeting with pro-Ukraine allies on Wednesday.',
    ]);
  });

  it('THEN gallery captions become images with their credits and the text keeps 27 paragraphs', () => {
    expect(events[0].images).toEqual([
      {
        alt: 'Starmer with Ukrainian President Volodymyr Zelensky at 10 Downing Street',
        url: null,
        credit: 'Jeff Moore/PA',
      },
      { alt: 'Trump is set to meet Putin on Friday', url: null, credit: 'AP' },
    ]);
    expect(events[0].paragraphs).toHaveLength(27);
    expect(events[0].paragraphs[0]).toBe(
      'Keir Starmer will co-chair a meeting with pro-Ukraine allies on Wednesday.',
    );
  });
});
