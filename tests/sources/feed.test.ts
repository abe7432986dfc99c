// GIVEN RSS and Atom feeds as publishers write them THEN items carry absolute links, ids and dates; junk is refused.
import { describe, expect, it } from 'vitest';
import { looksLikeFeed, parseFeed } from '../../src/sources/feed.ts';
import { fixture } from './fixtures.ts';

describe('parseFeed', () => {
  it('GIVEN an Atom feed with relative links THEN links resolve against the feed URL, alternate links preferred', () => {
    const r = parseFeed(fixture('feed.atom'), 'http://127.0.0.1:9/feeds/world.atom');
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.format).toBe('atom');
    expect(r.value.title).toBe('The Northern Ledger – World');
    expect(r.value.items).toEqual([
      {
        link: 'http://127.0.0.1:9/articles/grain-convoy',
        id: 'tag:northern-ledger.example,2026:article-8812',
        title: 'Grain convoy leaves Valmora under escort',
        published: '2026-03-10T12:30:00.000Z',
        updated: '2026-03-10T12:45:00Z',
      },
      {
        link: 'http://127.0.0.1:9/articles/mediator-path',
        id: 'tag:northern-ledger.example,2026:article-8790',
        title: 'Mediator sets out the path to a harbour deal',
        published: '2026-03-09T17:30:00.000Z',
        updated: '2026-03-09T17:30:00Z',
      },
    ]);
  });

  it('GIVEN RSS 2.0 with CDATA, a permalink guid and an item without link THEN two items, RFC 822 dates read', () => {
    const r = parseFeed(fixture('feed.rss'), 'https://coastline.example/news/rss.xml');
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.format).toBe('rss');
    expect(r.value.title).toBe('Coastline Daily - News');
    expect(r.value.items.map((i) => [i.link, i.id, i.published])).toEqual([
      [
        'https://coastline.example/news/mediator-path?utm_source=rss',
        'coastline-51233',
        '2026-03-09T17:30:00.000Z',
      ],
      [
        'https://coastline.example/news/ferry-timetable',
        'https://coastline.example/news/ferry-timetable',
        '2026-03-09T09:00:00.000Z',
      ],
    ]);
  });

  it('GIVEN HTML, broken XML or another XML document THEN a failed result, never a throw', () => {
    expect(parseFeed(fixture('article-plain.html'), 'https://x.example/').ok).toBe(false);
    expect(parseFeed('<rss><channel><item><title>x</title></channel>', 'https://x.example/').ok).toBe(false);
    expect(
      parseFeed('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>', 'https://x.example/').ok,
    ).toBe(false);
  });

  it('tells feeds from pages by content type, else by the root element', () => {
    expect(looksLikeFeed(fixture('feed.atom'), 'application/atom+xml; charset=utf-8')).toBe(true);
    expect(looksLikeFeed(fixture('feed.rss'), 'text/xml')).toBe(true);
    expect(looksLikeFeed(fixture('feed.rss'), '')).toBe(true);
    expect(looksLikeFeed(fixture('live-blog-1.html'), 'text/html; charset=utf-8')).toBe(false);
    expect(looksLikeFeed(fixture('live-blog-1.html'), '')).toBe(false);
  });
});
