// Hand-built parsed documents for store tests (shaped like real live-blog entries from the seeds).
import type { Article, Event, ParsedDocument } from '../../src/store/types.ts';

export function article(id: string, over: Partial<Article> = {}): Article {
  return {
    id,
    source: `${id}.txt`,
    outlet: 'The Independent',
    title: `Live: ${id}`,
    url: null,
    publishedAt: '2026-01-06T08:39:00.000Z',
    kind: 'live',
    lede: ['The UK and France have signed a declaration to send forces to Ukraine.'],
    editorKeyPoints: ["Ukraine's allies sign 'declaration of intent'"],
    timezone: 'Europe/London',
    storyId: 'ukraine-russia',
    ...over,
  };
}

export function event(articleId: string, n: number, over: Partial<Event> = {}): Event {
  return {
    id: `${articleId}-e${n}`,
    articleId,
    source: `${articleId}.txt`,
    headline: `Entry ${n}`,
    time: new Date(Date.UTC(2026, 0, 6, 8, 39) + n * 600_000).toISOString(),
    timeEstimated: false,
    author: 'Arpan Rai',
    paragraphs: [`Paragraph one of entry ${n}.`, `Paragraph two of entry ${n}.`],
    lists: [],
    quotes: [],
    entities: [],
    topics: [],
    duplicateOf: null,
    hints: [],
    images: [],
    position: 100 - n,
    ...over,
  };
}

/** A live blog with a list, quotes, topics and one untimed, estimated entry. */
export function liveBlog(id = 'blog'): ParsedDocument {
  return {
    article: article(id),
    events: [
      event(id, 1, {
        headline: 'Coalition of the Willing signs declaration on troops',
        paragraphs: [
          'The UK and France would "create military hubs in Ukraine" in the event of a ceasefire, Starmer said.',
          'Five key promises by coalition nations were listed.',
        ],
        lists: [
          {
            title: 'Five key promises by coalition nations',
            items: [
              'Ceasefire monitoring',
              'Military hubs',
              'Security guarantees',
              'Weapons supply',
              'Long-term support',
            ],
            declaredCount: 5,
          },
        ],
        quotes: [
          { speaker: 'Keir Starmer', speakerId: 'keir-starmer', text: 'create military hubs in Ukraine' },
        ],
        entities: [{ id: 'keir-starmer', name: 'Keir Starmer', type: 'person' }],
        topics: ['security-guarantees', 'troops'],
      }),
      event(id, 2, {
        headline: 'Trump strongly behind security guarantee, says Witkoff',
        paragraphs: ['“Those security protocols are meant to deter any further attacks,” Mr Witkoff said.'],
        quotes: [
          {
            speaker: 'Mr Witkoff',
            speakerId: 'steve-witkoff',
            text: 'Those security protocols are meant to deter',
          },
          { speaker: 'Steve Witkoff', speakerId: 'steve-witkoff', text: 'And they will do both' },
        ],
        topics: ['security-guarantees'],
      }),
      event(id, 3, {
        headline: 'European leaders warn Trump over Greenland',
        paragraphs: [
          'Greenland belongs to its people, European leaders said in a joint statement about Greenland.',
        ],
        topics: ['greenland'],
        quotes: [{ speaker: 'Mette Frederiksen', speakerId: null, text: 'Greenland belongs to its people' }],
      }),
      event(id, 4, {
        headline: 'Watch: Zelensky speaks in Paris',
        time: null,
        timeEstimated: false,
        hints: ['watch'],
        paragraphs: ['Video of the press conference, which also mentioned Greenland once.'],
      }),
      event(id, 5, {
        headline: 'Ukraine makes secret strikes on ammunition depots',
        timeEstimated: true,
        paragraphs: ['Ukrainian drones hit ammunition depots overnight.'],
        topics: ['strikes'],
        images: [{ alt: 'Smoke over a depot', url: 'https://example.test/a.jpg', credit: 'AFP/Getty' }],
      }),
    ],
  };
}
