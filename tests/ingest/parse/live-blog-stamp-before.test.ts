// Seed 002: a newest-first live blog whose "HH:MM , Author" stamps follow each headline and roll over midnight.
import { describe, expect, it } from 'vitest';
import { parseSeed } from './seed-helpers.ts';

describe('GIVEN seed 002 (stamp after the headline, newest first, past midnight)', () => {
  const { article, events } = parseSeed('002');
  const byHeadline = (h: string) => {
    const event = events.find((e) => e.headline === h);
    if (!event) throw new Error(`missing entry ${h}`);
    return event;
  };

  it('THEN it is a live blog with one event per stamped entry (41) in text order', () => {
    expect(article.kind).toBe('live');
    expect(events).toHaveLength(41);
    expect(events.map((e) => e.position)).toEqual(events.map((_, i) => i));
    expect(events[0].headline).toBe("Talks around security protocols 'largely finished', says Witkoff");
    expect(events[40].headline).toBe(
      'Trump backtracks and says Ukraine did not attack Putin residence after US checks',
    );
  });

  it('THEN the article title, lede, timezone and outlet come from the text and options', () => {
    expect(article.title).toBe(
      'Ukraine-Russia war latest: UK and France commit to sending troops to Ukraine in event of peace deal',
    );
    expect(article.outlet).toBe('The Independent');
    expect(article.timezone).toBe('Europe/London');
    expect(article.lede[0]).toMatch(/^The UK and France have signed a declaration/);
    expect(article.lede).toHaveLength(6);
    expect(article.publishedAt).toBe('2026-01-06T08:39:00.000Z');
  });

  it('THEN the editors’ Key Points are kept on the article, not as an entry', () => {
    expect(article.editorKeyPoints).toEqual([
      "Ukraine's allies sign 'declaration of intent' to deploy forces in event of peace",
      'Trump strongly behind security guarantee, says Witkoff',
      'European leaders warn Trump Greenland ‘belongs to its people’',
      "Ukraine makes 'secret strikes' on ammunition depot deep inside Russia",
      "Zelensky reshuffles top officials including spy boss behind 'Spiderweb' attack",
    ]);
    expect(events.some((e) => e.headline === 'Key Points')).toBe(false);
  });

  it('THEN times roll over midnight: the blog runs from 08:39 on 6 January to 02:54 on 7 January', () => {
    expect(events[0].time).toBe('2026-01-07T02:54:00.000Z');
    expect(byHeadline('Ukraine unites Europe and US – Zelensky').time).toBe('2026-01-07T00:50:00.000Z');
    expect(byHeadline('Germany could send troops to neighbouring countries').time).toBe(
      '2026-01-06T23:25:00.000Z',
    );
    expect(events[40].time).toBe('2026-01-06T08:39:00.000Z');
    expect(events.every((e) => e.timeEstimated === false)).toBe(true);
    const times = events.map((e) => e.time as string);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('THEN local stamps are read in the document zone and stored as UTC', () => {
    const newYork = parseSeed('002', undefined, { timezone: 'America/New_York' });
    expect(newYork.events[40].time).toBe('2026-01-06T13:39:00.000Z');
    expect(newYork.events[0].time).toBe('2026-01-07T07:54:00.000Z');
  });

  it('THEN authors come from the stamps', () => {
    expect(events[0].author).toBe('Arpan Rai');
    expect(byHeadline('Jared Kushner confirms Trump support for Coalition of the Willing').author).toBe(
      'David Maddox',
    );
    expect(
      byHeadline('European leaders warn Trump Greenland ‘belongs to its people’ after president’s threats')
        .author,
    ).toBe('Sam Rkaina');
  });

  it('THEN the dashed list "Five key promises by coalition nations" is a list with its declared count', () => {
    const event = byHeadline('Five key promises by coalition nations');
    expect(event.lists).toHaveLength(1);
    expect(event.lists[0].title).toBe('Five key promises by coalition nations');
    expect(event.lists[0].declaredCount).toBe(5);
    expect(event.lists[0].items).toHaveLength(5);
    expect(event.lists[0].items[0]).toBe(
      'To participate in a US-led "ceasefire monitoring and verification mechanism"',
    );
    expect(event.paragraphs).toEqual([
      'According to the Elysee, the Paris declaration by the Coalition of the Willing agreed:',
    ]);
    expect(events.filter((e) => e.lists.length > 0)).toHaveLength(1);
  });

  it('THEN entries are tagged by kind from their headlines and bodies', () => {
    expect(
      byHeadline('Watch: UK and France pledge to send forces to Ukraine under any peace deal').hints,
    ).toContain('watch');
    expect(byHeadline('In pictures: Coalition leaders announce deal').hints).toContain('pictures');
    expect(byHeadline('Pictured: The Coalition of the Willing in Paris').hints).toContain('pictures');
    expect(byHeadline('Zelensky arrives in Paris for peace talks').hints).toEqual(['pictures']);
    expect(byHeadline('Press conference expected shortly').hints).toEqual(['housekeeping']);
    expect(
      byHeadline('UK signs historic deal to deploy troops – with Trump’s blessing: full report').hints,
    ).toEqual(['link-only']);
    expect(byHeadline('Analysis: Managing Trump comes before international law for Starmer').hints).toContain(
      'analysis',
    );
    expect(
      byHeadline(
        'Comment: Why managing Trump is far more important than defending international law for Starmer',
      ).hints,
    ).toEqual(['opinion']);
    expect(byHeadline('Germany could send troops to neighbouring countries').hints).toEqual([]);
  });

  it('THEN captions become images with their credits and leave the text', () => {
    const pictures = byHeadline('In pictures: World leaders gather to support Ukraine at Paris peace talks');
    expect(pictures.images).toContainEqual({
      alt: 'Macron and Poland’s prime minister Donald Tusk',
      url: null,
      credit: 'AP',
    });
    expect(pictures.images).toHaveLength(4);
    const starmer = byHeadline('Starmer: The hardest yards are still ahead');
    expect(starmer.images).toEqual([{ alt: '', url: null, credit: 'AFP/Getty' }]);
    expect(starmer.paragraphs.join(' ')).not.toContain('(AFP/Getty)');
  });

  it('THEN enrichment fields are empty and ids are unique', () => {
    for (const e of events) {
      expect(e.quotes).toEqual([]);
      expect(e.entities).toEqual([]);
      expect(e.topics).toEqual([]);
      expect(e.duplicateOf).toBeNull();
      expect(e.articleId).toBe(article.id);
    }
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  });
});
