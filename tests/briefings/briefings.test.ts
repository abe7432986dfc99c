// GIVEN the five seeds parsed, enriched and stored THEN every briefing is cited, deterministic, fast, and reads right.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Briefing } from '../../src/briefings/briefing.ts';
import type { BriefingDeps } from '../../src/briefings/deps.ts';
import { buildDigest } from '../../src/briefings/digest.ts';
import { buildKeyPoints } from '../../src/briefings/key-points.ts';
import { buildLists } from '../../src/briefings/lists.ts';
import { buildQuotes } from '../../src/briefings/quotes.ts';
import { renderText } from '../../src/briefings/render-text.ts';
import { buildSearch } from '../../src/briefings/search.ts';
import { buildSources } from '../../src/briefings/sources.ts';
import { contentWords } from '../../src/briefings/text-match.ts';
import { buildTimeline } from '../../src/briefings/timeline.ts';
import { buildTopic } from '../../src/briefings/topic.ts';
import { UserError } from '../../src/errors.ts';
import type { Article, Event } from '../../src/store/types.ts';
import { openSeedStore, type SeedStore, seedDeps } from './seed-store.ts';

let seed: SeedStore;
let deps: BriefingDeps;
let all: { articles: Article[]; events: Event[] };
let liveWithEditors: Article;

beforeAll(async () => {
  seed = await openSeedStore();
  deps = seedDeps(seed, '2026-01-08T09:00:00Z');
  all = await seed.events.exportAll();
  liveWithEditors = all.articles.find((a) => a.editorKeyPoints.length > 0)!;
});
afterAll(async () => {
  await seed?.close();
});

const items = (b: Briefing) => b.sections.flatMap((s) => s.items);

/** Every item cites a stored event, with its article's title, time and author. */
function expectFullyCited(b: Briefing): void {
  const byId = new Map(all.events.map((e) => [e.id, e]));
  const articles = new Map(all.articles.map((a) => [a.id, a]));
  expect(items(b).length).toBeGreaterThan(0);
  for (const item of items(b)) {
    expect(item.citation, item.text).not.toBeNull();
    const event = byId.get(item.citation!.eventId);
    expect(event, `${item.text} cites ${item.citation!.eventId}`).toBeDefined();
    expect(item.citation!.articleTitle).toBe(articles.get(event!.articleId)!.title);
    expect(item.citation!.time).toBe(event!.time);
    expect(item.citation!.author).toBe(event!.author);
  }
}

async function expectUserError(p: Promise<unknown>, code: string): Promise<UserError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UserError);
  expect((err as UserError).code).toBe(code);
  return err as UserError;
}

/** Local day of the article's editors' list (its first entry's day in its zone). */
function localDayOf(iso: string, tz: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: tz,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(iso));
}

function editorsDay(): string {
  const evs = all.events.filter((e) => e.articleId === liveWithEditors.id && e.time);
  const first = evs.reduce((a, b) => (a.time! < b.time! ? a : b));
  return localDayOf(first.time!, liveWithEditors.timezone);
}

describe('Key Points', () => {
  it("GIVEN a day covered by one article with an editors' list THEN that list, labelled as the editors', each bullet cited", async () => {
    const b = await buildKeyPoints({ date: editorsDay() }, deps);
    expect(b.kind).toBe('key-points');
    expect(b.sections).toHaveLength(1);
    expect(b.sections[0]!.heading).toMatch(/editors/i);
    expect(items(b).map((i) => i.text)).toEqual(liveWithEditors.editorKeyPoints);
    expectFullyCited(b);
    // A bullet that repeats an entry headline word for word is cited to that entry.
    const byHeadline = new Map(all.events.map((e) => [e.headline.toLowerCase(), e.id]));
    const exact = items(b).filter((i) => byHeadline.has(i.text.toLowerCase()));
    expect(exact.length).toBeGreaterThan(0);
    for (const i of exact) expect(i.citation!.eventId).toBe(byHeadline.get(i.text.toLowerCase()));
    // Bullets are cited to distinct entries when the coverage has them.
    expect(new Set(items(b).map((i) => i.citation!.eventId)).size).toBe(items(b).length);
  });

  it('GIVEN no date THEN the latest day with coverage (an overnight tail stays with the day the blog ran)', async () => {
    const b = await buildKeyPoints({}, deps);
    const dated = await buildKeyPoints({ date: editorsDay() }, deps);
    expect(b).toEqual(dated);
  });

  it("GIVEN the day after, holding only the blog's overnight tail THEN generated points over that tail, not the editors' list", async () => {
    const day = editorsDay();
    const next = new Date(`${day}T12:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    const tailDay = next.toISOString().slice(0, 10);
    const b = await buildKeyPoints({ date: tailDay }, deps);
    expect(b.sections[0]!.heading).not.toMatch(/editors/i);
    expectFullyCited(b);
    for (const i of items(b)) expect(localDayOf(i.citation!.time!, liveWithEditors.timezone)).toBe(tailDay);
  });

  it('GIVEN today / yesterday THEN they resolve against the injected clock in the story zone', async () => {
    const day = editorsDay();
    const next = new Date(`${day}T12:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    const yesterday = await buildKeyPoints({ date: 'yesterday' }, { ...deps, clock: { now: () => next } });
    expect(yesterday.window).toEqual((await buildKeyPoints({ date: day }, deps)).window);
    await expectUserError(
      buildKeyPoints({ date: 'today' }, { ...deps, clock: { now: () => new Date('2030-05-05T12:00:00Z') } }),
      'NOTHING_FOUND',
    );
    await expectUserError(buildKeyPoints({ date: '2026-13-45' }, deps), 'BAD_DATE');
  });

  it("GIVEN generated THEN at least 3 of the editors' 5 points are matched by distinct generated bullets", async () => {
    const b = await buildKeyPoints({ date: editorsDay(), generated: true }, deps);
    expect(b.sections[0]!.heading).not.toMatch(/editors/i);
    expectFullyCited(b);
    const editors = items(await buildKeyPoints({ date: editorsDay() }, deps));
    const generated = items(b);
    const byId = new Map(all.events.map((e) => [e.id, e]));
    // A generated bullet matches an editors' bullet when it cites the entry the editors' bullet is cited to, or
    // when the entry it cites (bullet, headline and text) holds at least half the editors' bullet's content words.
    const matches = (ed: (typeof editors)[number], gen: (typeof generated)[number]) => {
      if (ed.citation!.eventId === gen.citation!.eventId) return true;
      const e = new Set(contentWords(ed.text));
      const cited = byId.get(gen.citation!.eventId)!;
      const g = new Set(contentWords(`${gen.text} ${cited.headline} ${cited.paragraphs.join(' ')}`));
      const shared = [...e].filter((w) => g.has(w)).length;
      return shared / e.size >= 0.5;
    };
    const used = new Set<number>();
    let matched = 0;
    for (const ed of editors) {
      const j = generated.findIndex((g, k) => !used.has(k) && matches(ed, g));
      if (j >= 0) {
        used.add(j);
        matched++;
      }
    }
    expect(matched, renderText(b)).toBeGreaterThanOrEqual(3);
  });

  it.each(['2025-02-18', '2025-02-12'])(
    'GIVEN the live blog of %s (no editors list) THEN generated points: no repeats, no media or housekeeping, cited',
    async (day) => {
      const b = await buildKeyPoints({ date: day }, deps);
      expect(b.sections[0]!.heading).not.toMatch(/editors/i);
      expectFullyCited(b);
      const its = items(b);
      expect(its.length).toBe(5);
      expect(new Set(its.map((i) => i.citation!.eventId)).size).toBe(its.length);
      expect(new Set(its.map((i) => i.text.toLowerCase())).size).toBe(its.length);
      const byId = new Map(all.events.map((e) => [e.id, e]));
      for (const i of its) {
        const e = byId.get(i.citation!.eventId)!;
        expect(e.duplicateOf).toBeNull();
        expect(e.hints).not.toContain('housekeeping');
        expect(i.text).not.toMatch(/^(watch|in pictures|pictured)\b/i);
      }
    },
  );

  it('GIVEN a topic THEN every generated point cites an entry on that topic', async () => {
    const b = await buildKeyPoints({ date: editorsDay(), topic: 'Security guarantees' }, deps);
    expectFullyCited(b);
    const byId = new Map(all.events.map((e) => [e.id, e]));
    for (const i of items(b)) expect(byId.get(i.citation!.eventId)!.topics).toContain('security-guarantees');
    const err = await expectUserError(buildKeyPoints({ topic: 'securty guarantes' }, deps), 'UNKNOWN_TOPIC');
    expect(err.message).toContain('security-guarantees');
  });
});

describe('other briefings', () => {
  it('GIVEN lists words THEN lists whose title has them, items cited', async () => {
    const withList = all.events.find((e) => e.lists.length > 0)!;
    const list = withList.lists[0]!;
    const word = contentWords(list.title).sort((a, b) => b.length - a.length)[0]!;
    const b = await buildLists({ query: word }, deps);
    expectFullyCited(b);
    const section = b.sections.find((s) => s.heading === list.title)!;
    expect(section.items.map((i) => i.text)).toEqual(list.items);
    for (const s of b.sections) expect(s.heading.toLowerCase()).toContain(word.slice(0, 5));
    await expectUserError(buildLists({ query: 'zzzqqq' }, deps), 'NOTHING_FOUND');
  });

  it('GIVEN a timeline THEN entries in time order, no repeats, all in the window', async () => {
    const b = await buildTimeline({ from: editorsDay(), to: editorsDay(), limit: 100 }, deps);
    expectFullyCited(b);
    const times = items(b).map((i) => i.citation!.time!);
    expect([...times].sort()).toEqual(times);
    expect(times.every((t) => t >= b.window!.from! && t < b.window!.to!)).toBe(true);
    const byId = new Map(all.events.map((e) => [e.id, e]));
    expect(items(b).every((i) => byId.get(i.citation!.eventId)!.duplicateOf === null)).toBe(true);
    const topical = await buildTimeline({ from: editorsDay(), to: editorsDay(), topic: 'territory' }, deps);
    for (const i of items(topical)) expect(byId.get(i.citation!.eventId)!.topics).toContain('territory');
  });

  it('GIVEN a speaker by any alias THEN the same quotes; a misspelling gets a suggestion', async () => {
    const quoted = all.events.flatMap((e) => e.quotes).find((q) => q.speakerId)!;
    const name = seed.story.entities.find((e) => e.id === quoted.speakerId)!;
    const surname = name.name.split(' ').at(-1)!;
    const a = await buildQuotes({ speaker: name.name }, deps);
    const b = await buildQuotes({ speaker: surname.toUpperCase() }, deps);
    expect(items(a)).toEqual(items(b));
    expectFullyCited(a);
    for (const i of items(a))
      expect(
        all.events.find((e) => e.id === i.citation!.eventId)!.quotes.some((q) => q.speakerId === name.id),
      ).toBe(true);
    const err = await expectUserError(
      buildQuotes({ speaker: `${surname.slice(0, -1)}x` }, deps),
      'UNKNOWN_SPEAKER',
    );
    expect(err.message).toContain(name.name);
  });

  it('GIVEN a repeated entry THEN each quote is listed once, cited to its earliest report', async () => {
    const repeat = all.events.find((e) => e.duplicateOf && e.quotes.some((q) => q.speakerId));
    expect(repeat, 'the seeds hold a repeated entry with a quote').toBeDefined();
    const speakerId = repeat!.quotes.find((q) => q.speakerId)!.speakerId!;
    const name = seed.story.entities.find((e) => e.id === speakerId)!.name;
    const b = await buildQuotes({ speaker: name }, deps);
    const texts = items(b).map((i) => i.text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' '));
    expect(new Set(texts).size).toBe(texts.length);
    expect(items(b).some((i) => i.citation!.eventId === repeat!.duplicateOf)).toBe(true);
  });

  it('GIVEN a topic briefing THEN key points, entries and quotes on the topic', async () => {
    const b = await buildTopic({ topic: 'troops' }, deps);
    expectFullyCited(b);
    const byId = new Map(all.events.map((e) => [e.id, e]));
    for (const i of items(b)) expect(byId.get(i.citation!.eventId)!.topics).toContain('troops');
    await expectUserError(buildTopic({ topic: 'teritory' }, deps), 'UNKNOWN_TOPIC');
  });

  it('GIVEN search words THEN matching entries, best first, with a snippet', async () => {
    const b = await buildSearch({ query: 'Greenland' }, deps);
    expectFullyCited(b);
    const byId = new Map(all.events.map((e) => [e.id, e]));
    for (const i of items(b)) {
      const e = byId.get(i.citation!.eventId)!;
      expect(`${e.headline} ${e.paragraphs.join(' ')}`.toLowerCase()).toContain('greenland');
    }
    await expectUserError(buildSearch({ query: 'xylophonequartz' }, deps), 'NOTHING_FOUND');
  });

  it('GIVEN a digest THEN key points, topic highlights, lists and quotes; off-story topics only when asked', async () => {
    const b = await buildDigest({ date: editorsDay() }, deps);
    expectFullyCited(b);
    const off = seed.story.topics.filter((t) => t.offStory);
    expect(off.length).toBeGreaterThan(0);
    for (const t of off) expect(b.sections.map((s) => s.heading)).not.toContain(t.label);
    const headings = b.sections.map((s) => s.heading);
    expect(headings[0]).toMatch(/key points/i);
    expect(headings).toContain('New lists');
    expect(headings).toContain('Notable quotes');
    const eventIds = items(b)
      .filter((_, k) => k >= b.sections[0]!.items.length)
      .map((i) => i.citation!.eventId);
    // Beyond the key points, no cited entry is mainly (first topic) about an off-story thread.
    const offIds = new Set(off.map((t) => t.id));
    const events = new Map(all.events.map((e) => [e.id, e]));
    const mainlyOff = eventIds.filter((id) => offIds.has(events.get(id)?.topics[0] ?? ''));
    expect(mainlyOff).toEqual([]);
    const offTopic = off.find((t) =>
      all.events.some((e) => e.topics.includes(t.id) && e.time?.startsWith(editorsDay())),
    );
    if (offTopic) {
      // Asked for by name, an off-story topic is covered: every cited entry is on it.
      const asked = await buildDigest({ date: editorsDay(), topics: [offTopic.label] }, deps);
      expect(asked.title).toContain(offTopic.label);
      expectFullyCited(asked);
      const byId = new Map(all.events.map((e) => [e.id, e]));
      for (const i of items(asked)) expect(byId.get(i.citation!.eventId)!.topics).toContain(offTopic.id);
    }
    expect(eventIds.length).toBeGreaterThan(0);
  });

  it('GIVEN sources THEN every article with counts that match the store', async () => {
    const b = await buildSources({}, deps);
    expectFullyCited(b);
    expect(
      items(b)
        .map((i) => i.text)
        .sort(),
    ).toEqual(all.articles.map((a) => a.title).sort());
    expect(b.subtitle).toContain(`${all.articles.length} articles, ${all.events.length} entries`);
  });
});

describe('determinism, rendering and speed', () => {
  const cases: Array<[string, () => Promise<Briefing>]> = [
    ['brief', () => buildKeyPoints({}, deps)],
    ['brief generated', () => buildKeyPoints({ generated: true }, deps)],
    ['lists', () => buildLists({}, deps)],
    ['timeline', () => buildTimeline({}, deps)],
    ['quotes', () => buildQuotes({}, deps)],
    ['topic', () => buildTopic({ topic: 'peace-talks' }, deps)],
    ['search', () => buildSearch({ query: 'peace deal' }, deps)],
    ['digest', () => buildDigest({}, deps)],
    ['sources', () => buildSources({}, deps)],
  ];

  it.each(cases)(
    'GIVEN %s twice THEN the same briefing, fully cited, rendered with citation lines',
    async (_n, build) => {
      const a = await build();
      const b = await build();
      expect(b).toEqual(a);
      expectFullyCited(a);
      const text = renderText(a);
      expect(text.startsWith(`# ${a.title}`)).toBe(true);
      expect(text.split('\n').filter((l) => l.trim().startsWith('— ')).length).toBe(items(a).length);
    },
  );

  it('GIVEN the bundled data THEN each briefing builds quickly (best and median of 7 runs)', async () => {
    const report: string[] = [];
    for (const [name, build] of cases) {
      const times: number[] = [];
      for (let i = 0; i < 7; i++) {
        const t0 = performance.now();
        await build();
        times.push(performance.now() - t0);
      }
      times.sort((x, y) => x - y);
      report.push(`${name}: best ${times[0]!.toFixed(1)} / median ${times[3]!.toFixed(1)} ms`);
      // Generous bound on the best run: shared machines are noisy; the report line shows the real figures.
      expect(times[0], name).toBeLessThan(150);
    }
    console.info(`briefing build times: ${report.join(', ')}`);
  });
});
