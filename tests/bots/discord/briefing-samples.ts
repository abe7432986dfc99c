// Briefings for the Discord tests: one shaped like the seed 002 key points, one adversarial and oversized.
import type { Briefing } from '../../../src/briefings/briefing.ts';

const blog =
  'Ukraine-Russia war latest: UK and France commit to sending troops to Ukraine in event of peace deal';

/** The editors' Key Points of seed 002 as a key-points briefing (until the core builds it from the store). */
export function seedKeyPoints(): Briefing {
  const points = [
    "Ukraine's allies sign 'declaration of intent' to deploy forces in event of peace",
    'Trump strongly behind security guarantee, says Witkoff',
    'European leaders warn Trump Greenland ‘belongs to its people’',
    "Ukraine makes 'secret strikes' on ammunition depot deep inside Russia",
    "Zelensky reshuffles top officials including spy boss behind 'Spiderweb' attack",
  ];
  return {
    kind: 'key-points',
    title: 'Key Points — 6 January 2026',
    subtitle: "The editors' Key Points",
    sections: [
      {
        heading: 'Key Points',
        items: points.map((text, i) => ({
          text,
          citation: {
            eventId: `e${i}`,
            articleTitle: i === 3 ? 'Zelensky reshuffles top officials' : blog,
            url: i % 2 === 0 ? `https://www.independent.co.uk/news/world/europe/ukraine-live-${i}` : null,
            time: `2026-01-06T${String(9 + i).padStart(2, '0')}:15:00.000Z`,
            author: 'Jane Dalton',
          },
        })),
      },
    ],
    window: { from: '2026-01-06T00:00:00.000Z', to: '2026-01-07T00:00:00.000Z' },
    sources: [blog],
  };
}

const hostile =
  '@everyone @here <@123456789012345678> <@&42> <#99> **bold** __under__ ~~strike~~ ||spoiler|| `code` ' +
  '[click](https://evil.example) <t:0:R> # Heading\n> quote\n- list';

/** Hundreds of items, 5,000-character quotes, mentions and markdown in every field that carries source text. */
export function adversarialBriefing(items = 400): Briefing {
  const longQuote = `${'“We will not give up a single metre,” he said, and '.repeat(100)}end.`.slice(0, 5000);
  return {
    kind: 'digest',
    title: `${hostile} `.repeat(10),
    subtitle: hostile,
    sections: Array.from({ length: 8 }, (_, s) => ({
      heading: `${hostile} section ${s}`,
      items: Array.from({ length: items / 8 }, (_, i) => ({
        text: i % 10 === 0 ? longQuote : `${hostile} item ${s}.${i}`,
        detail: i % 7 === 0 ? `${hostile} detail ${'x'.repeat(i * 20)}` : undefined,
        citation: {
          eventId: `ev-${s}-${i}`,
          articleTitle: `${hostile} article ${s}`,
          url:
            i % 3 === 0
              ? 'https://example.com/a_(b)?q=@everyone'
              : i % 3 === 1
                ? 'javascript:alert(1)'
                : null,
          time: '2026-01-06T10:00:00Z',
          author: '@everyone',
        },
      })),
    })),
    window: { from: '2026-01-05T00:00:00Z', to: '2026-01-07T00:00:00Z' },
    sources: Array.from({ length: 40 }, (_, i) => `${hostile} source ${i}`),
    late: true,
  };
}
