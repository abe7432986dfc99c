// Seed 003: stamps come after each entry, fused to the author; one entry has no stamp; no title line.
import { describe, expect, it } from 'vitest';
import { parseSeed } from './seed-helpers.ts';

describe('GIVEN seed 003 (author+date stamp after each entry, one entry unstamped)', () => {
  const { article, events } = parseSeed('003');

  it('THEN it finds the ten entries, including headline-only ones', () => {
    expect(article.kind).toBe('live');
    expect(events.map((e) => e.headline)).toEqual([
      'Zelensky says Europe’s security guarantees mean nothing without US ahead of meeting with Ukraine-sceptic JD Vance',
      'Zelenksy and Trump speak',
      'World leaders respond to Trump’s call with Putin',
      'UK defence secretary responds to US’s call for European nations to step up over Ukraine',
      'Trump has just sabotaged Ukraine’s bargaining power with Russia – who’s side is he on?',
      'Hegseth won’t commit to US increasing its defece spending to 5% of GDP',
      'Breaking: Trump agrees to talks with Putin over ending Ukraine war',
      'What is the Su-57 stealth fighter jet Russia is offering to India?',
      'In five points: What Hegseth on Ukraine',
      'Hegseth’s comments mark a stark change from Biden administration stance',
    ]);
  });

  it('THEN each stamp belongs to the entry above it, with its author split from the date', () => {
    expect(events[0].time).toBe('2025-02-12T18:00:00.000Z');
    expect(events[0].author).toBe('Alexander Butler');
    expect(events[1].time).toBe('2025-02-12T17:52:00.000Z');
    expect(events[1].author).toBe('Athena Stavrou');
    expect(events[3].time).toBe('2025-02-12T17:40:00.000Z');
    expect(events[3].author).toBe('Alex Ross');
    expect(events[9].time).toBe('2025-02-12T16:11:00.000Z');
  });

  it('THEN the unstamped entry gets a time between its neighbours, flagged as estimated', () => {
    const unstamped = events[2];
    expect(unstamped.timeEstimated).toBe(true);
    expect(unstamped.author).toBeNull();
    expect(unstamped.time).toBe('2025-02-12T17:46:00.000Z');
    expect(events.filter((e) => e.timeEstimated)).toHaveLength(1);
    expect(unstamped.paragraphs[0]).toBe(
      'World leaders have responded to Trump’s phone call with Putin about beginning negotiations to end the war in Ukraine.',
    );
  });

  it('THEN with no title line the title is derived from the lede', () => {
    expect(article.title).toBe(
      'Donald Trump has said he spoke with Vladimir Putin about starting negotiations immediately to end the war in Ukraine',
    );
    expect(article.lede).toHaveLength(6);
    expect(article.publishedAt).toBe('2025-02-12T16:11:00.000Z');
  });

  it('THEN "In five points" becomes a list of five items and the markdown image becomes image metadata', () => {
    const event = events[8];
    expect(event.lists).toEqual([
      {
        title: 'In five points: What Hegseth on Ukraine',
        declaredCount: 5,
        items: [
          'Returning to Ukraine’s pre-2014 borders is an unrealistic objective',
          'NATO membership for Ukraine is not part of a solution to the war',
          'US troops would not be deployed to Ukraine as part of measures to ensure peace',
          'NATO allies that they would have to step up and assume greater responsibility for Europe’s security',
          'US border security issues and threats posed by China, prevented the US from being “primarily focused on the security of Europe”',
        ],
      },
    ]);
    expect(event.images).toEqual([
      {
        alt: 'US defence secretary Pete Hegseth',
        url: 'https://i0.wp.com/static.independent.co.uk/2025/02/11/21/Germany_US_Hegseth_21229.jpg?w=696&ssl=1',
        credit: null,
      },
    ]);
    expect(event.paragraphs.at(-1)).toBe('Here is what he said summarised in five points:');
  });

  it('THEN hints mark the breaking entry and the headline-only link entries', () => {
    expect(events[6].hints).toEqual(['breaking']);
    expect(events[7].hints).toEqual(['link-only']);
    expect(events[1].hints).toEqual([]);
  });
});
