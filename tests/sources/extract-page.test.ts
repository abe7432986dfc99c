// GIVEN real-shaped news pages THEN extraction prefers LiveBlogPosting JSON-LD, then NewsArticle, then readable text.
import { describe, expect, it } from 'vitest';
import { extractPage } from '../../src/sources/extract-page.ts';
import { fixture } from './fixtures.ts';

const LIVE = 'https://www.northern-ledger.example/world/harbour-talks-live';
const opts = (url: string) => ({ url, timezone: 'Europe/London', storyId: null, fallbackDate: '2026-03-10' });

describe('extractPage', () => {
  it('GIVEN a live blog with LiveBlogPosting JSON-LD THEN each liveBlogUpdate is an event with time, author and lists', () => {
    const r = extractPage(fixture('live-blog-1.html'), opts(LIVE));
    if (!r.ok) throw new Error(r.error.message);
    const { method, doc } = r.value;
    expect(method).toBe('live-blog-json-ld');
    expect(doc.article).toMatchObject({
      kind: 'live',
      title: 'Harbour talks live: Negotiators meet for second day in Valmora',
      outlet: 'The Northern Ledger',
      url: LIVE,
      source: LIVE,
      publishedAt: '2026-03-10T08:02:00.000Z',
      lede: ['Delegations from both coastal states return to the table as a temporary shipping truce holds.'],
    });
    expect(doc.events.map((e) => [e.headline, e.time, e.author, e.position])).toEqual([
      [
        'Port authority reopens the northern channel to grain ships',
        '2026-03-10T10:41:00.000Z',
        'Ines Carvalho',
        0,
      ],
      ['What the draft agreement says', '2026-03-10T09:15:00.000Z', 'Tomas Reyes', 1],
      ['Delegations arrive at the conference centre', '2026-03-10T08:05:00.000Z', 'Ines Carvalho', 2],
    ]);
    const draft = doc.events[1];
    // HTML in articleBody: the <ul> becomes a list, entities are decoded, the lead-in stays a paragraph.
    expect(draft.lists).toHaveLength(1);
    expect(draft.lists[0].items).toEqual([
      'a monitored ceasefire along the coast',
      'an exchange of detained fishing crews',
      'joint inspections of cargo in both harbours',
    ]);
    expect(draft.paragraphs.join(' ')).toContain('could still change & that nothing is agreed');
    expect(doc.events[0].paragraphs).toHaveLength(2);
    expect(doc.events[0].images[0]?.url).toBe('https://cdn.northern-ledger.example/img/channel.jpg');
    expect(new Set(doc.events.map((e) => e.id)).size).toBe(3);
    for (const e of doc.events) expect(e.articleId).toBe(doc.article.id);
  });

  it('GIVEN the next snapshot THEN old entries keep their ids, an edited headline keeps its id and is marked breaking', () => {
    const one = extractPage(fixture('live-blog-1.html'), opts(LIVE));
    const two = extractPage(fixture('live-blog-2.html'), opts(LIVE));
    if (!one.ok || !two.ok) throw new Error('extraction failed');
    const before = new Map(one.value.doc.events.map((e) => [e.id, e]));
    const after = two.value.doc.events;
    expect(after).toHaveLength(5);
    const fresh = after.filter((e) => !before.has(e.id));
    expect(fresh.map((e) => e.headline)).toEqual([
      'Coastal states agree to extend the shipping truce by a week',
      'Fishing unions demand a seat at the table',
    ]);
    const edited = after.find((e) => e.headline.startsWith('Breaking:'));
    expect(edited && before.has(edited.id)).toBe(true);
    expect(edited?.hints).toContain('breaking');
    expect(before.get(edited?.id ?? '')?.hints).not.toContain('breaking');
    expect(two.value.doc.article.id).toBe(one.value.doc.article.id);
  });

  it('GIVEN a page without JSON-LD THEN the readable text goes through the text parser, without the page furniture', () => {
    const url = 'https://coastline.example/news/mediator-path';
    const r = extractPage(fixture('article-plain.html'), opts(url));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.method).toBe('readable-text');
    const { article, events } = r.value.doc;
    expect(article.title).toContain('Mediator sets out the path to a harbour deal');
    expect(article.url).toBe(url);
    expect(article.publishedAt?.slice(0, 10)).toBe('2026-03-09');
    const text = events
      .flatMap((e) => [e.headline, ...e.paragraphs, ...e.lists.flatMap((l) => l.items)])
      .join('\n');
    expect(text).toContain('what each side would need to give up');
    expect(text).toContain('who pays for the inspection teams');
    for (const chrome of [
      'cookies',
      'Advertisement',
      'Ten walks to try this spring',
      'Sign up to our newsletter',
      'Subscribe',
    ])
      expect(text).not.toContain(chrome);
  });

  it('GIVEN NewsArticle JSON-LD in an @graph with an articleBody THEN one event with its authors and date', () => {
    const url = 'https://www.northern-ledger.example/articles/grain-convoy';
    const r = extractPage(fixture('article-jsonld.html'), opts(url));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.method).toBe('article-json-ld');
    const { article, events } = r.value.doc;
    expect(article).toMatchObject({
      kind: 'article',
      title: 'Grain convoy leaves Valmora under escort',
      publishedAt: '2026-03-10T12:30:00.000Z',
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      author: 'Tomas Reyes, Ines Carvalho',
      time: '2026-03-10T12:30:00.000Z',
    });
    expect(events[0].paragraphs).toHaveLength(3);
  });

  it('GIVEN local times without an offset THEN they are read in the source zone', () => {
    const html = `<html><head><script type="application/ld+json">${JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'LiveBlogPosting',
      headline: 'Summer test',
      liveBlogUpdate: {
        '@type': 'BlogPosting',
        headline: 'An update',
        datePublished: '2026-07-01T09:30:00',
        articleBody: 'Text of the update.',
      },
    })}</script></head><body></body></html>`;
    const r = extractPage(html, opts('https://x.example/live'));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.doc.events[0].time).toBe('2026-07-01T08:30:00.000Z');
  });

  it('GIVEN broken JSON-LD, an empty page or binary junk THEN a result with a reason, never a throw', () => {
    const broken = extractPage(
      '<html><script type="application/ld+json">{"@type": "LiveBlogPosting",</script><body></body></html>',
      opts('https://x.example/a'),
    );
    expect(broken.ok).toBe(false);
    expect(extractPage('', opts('https://x.example/b')).ok).toBe(false);
    const junk = extractPage('\u0000\u0001\u0002 PK\u0003\u0004 ��', opts('https://x.example/c'));
    expect(junk.ok).toBe(false);
    if (!junk.ok) expect(junk.error.message).toContain('https://x.example/c');
  });
});
