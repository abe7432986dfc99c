// GIVEN Briefing documents THEN the text renderer numbers ranked kinds, bullets others, and cites in the story's zone.
import { describe, expect, it } from 'vitest';
import type { Briefing } from '../../src/briefings/briefing.ts';
import { renderText } from '../../src/briefings/render-text.ts';

const citation = {
  eventId: 'e1',
  articleTitle: 'Live: talks in Paris',
  url: 'https://example.org/live',
  time: '2025-07-01T19:05:00Z',
  author: 'Jane Dalton',
};

function briefing(kind: Briefing['kind']): Briefing {
  return {
    kind,
    title: 'Title',
    subtitle: 'Sub',
    sections: [
      {
        heading: 'Section',
        items: [
          { text: 'First\nline', citation, detail: 'detail one\ndetail two' },
          { text: 'Second', citation: null },
        ],
      },
    ],
    timezone: 'Europe/London',
  };
}

describe('renderText', () => {
  it('GIVEN key points THEN numbered items, detail lines and a citation line with local time, author, article, link', () => {
    const text = renderText(briefing('key-points'));
    expect(text).toBe(
      [
        '# Title',
        'Sub',
        '',
        '## Section',
        '1. First line',
        '   detail one',
        '   detail two',
        '   — 1 Jul 2025 20:05 BST · Jane Dalton · “Live: talks in Paris” <https://example.org/live>',
        '2. Second',
        '',
      ].join('\n'),
    );
  });

  it('GIVEN a timeline, no zone, a late digest THEN bullets, UTC times, a late marker', () => {
    const b = { ...briefing('timeline'), timezone: undefined };
    const text = renderText(b);
    expect(text).toContain('• First line');
    expect(text).toContain('1 Jul 2025 19:05 UTC');
    expect(renderText({ ...briefing('digest'), late: true })).toMatch(/^# Title \(late\)/);
    expect(renderText(briefing('search'), { links: false })).not.toContain('https://');
  });
});
