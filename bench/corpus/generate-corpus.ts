// The synthetic corpus: seeded, deterministic raw live-blog and article texts in every layout the seeds show.
import { DateTime } from 'luxon';
import { childSeed, createRandom, type Random } from './random.ts';
import type { Person, Vocabulary } from './vocabulary.ts';

/** How a document is laid out (the shapes of the five seeds). */
export type CorpusLayout = 'stamped' | 'fused' | 'headlines' | 'article';

/** One generated raw text with what ingest should find in it. */
export interface CorpusDocument {
  /** File name (unique within the corpus). */
  file: string;
  text: string;
  /** Local day the coverage starts (what the manifest / --date gives). */
  date: string;
  timezone: string;
  layout: CorpusLayout;
  expected: {
    events: number;
    /** Entries that carry a dashed list. */
    lists: number;
    /** Editor Key Points bullets in the header. */
    keyPoints: number;
    /** Entries written without any stamp (their time is estimated). */
    untimed: number;
    /** Entries that re-post an earlier entry of the same text. */
    repeats: number;
    /** Whether the entries run past local midnight. */
    rollsOver: boolean;
  };
}

export interface CorpusOptions {
  seed: number;
  /** Total events the corpus should parse into. */
  events: number;
  /** First local day of coverage. */
  startDate?: string;
  /** Documents that start on each day (density of coverage). */
  docsPerDay?: number;
}

const ZONES = ['Europe/London', 'Europe/London', 'Europe/London', 'America/New_York', 'Europe/Kyiv'];
const OUTLETS = ['The Independent', 'The Daily Ledger', 'Northern Post', 'Evening Courier'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const NUMBER_WORDS = ['Three', 'Four', 'Five', 'Six', 'Seven'];
const LIST_NOUNS = ['promises', 'demands', 'priorities', 'takeaways', 'commitments', 'questions'];
const CREDITS = ['(AFP/Getty)', '(Reuters)', '(AP)', '(PA Wire)', '(EPA)'];
const DONATION = [
  'Your support helps us to tell the story',
  'From reproductive rights to climate change to Big Tech, The Independent is on the ground when the story is developing. Whether it’s investigating the financials of a political action committee or producing our latest documentary, we know how important it is to parse out the facts from the messaging.',
  'At such a critical moment in history, we need reporters on the ground. Your donation allows us to keep sending journalists to speak to both sides of the story.',
  'The Independent is trusted by readers across the entire political spectrum. And unlike many other quality news outlets, we choose not to lock readers out of our reporting and analysis with paywalls. We believe quality journalism should be available to everyone, paid for by those who can afford it.',
  'Your support makes all the difference.',
];
const PROMO_TOP = [
  'Get all your news in one place.',
  '100’s of premium titles.',
  'One app.',
  'Start reading',
];
const FOOTER = [
  'Sign up to read this article',
  'Read news from 100’s of titles, curated specifically for you.',
  'Already a member? Sign in here',
  'Related Stories',
  'Top stories on inkl right now',
  'Download the app',
];

interface Entry {
  headline: string;
  author: string;
  paragraphs: string[];
  list: { intro: string; items: string[] } | null;
  image: { alt: string; url: string; caption: string | null } | null;
  /** Local minutes after the coverage day's midnight (may pass 1440: the next day). */
  minutes: number;
  untimed: boolean;
  repeat: boolean;
}

/** Builds sentences, headlines and quotes from the vocabulary. */
function createWriter(r: Random, v: Vocabulary) {
  const person = (): Person => r.pick(v.people);
  const term = () => r.pick(v.topicTerms);
  const place = () => r.pick(v.places);
  const org = () => r.pick(v.orgs);
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  const n = () => r.int(2, 90);

  const quoteText = (): string =>
    r.pick([
      () => `We will keep working on the ${term()} until there is a result that everyone can live with`,
      () => `Nobody should doubt our commitment to ${place()} and to a lasting ${term()}`,
      () => `There can be no decision about ${place()} without the people of ${place()}`,
      () => `We are very close, but the ${term()} still needs work from all sides`,
      () => `This is a serious moment and ${org()} has to rise to it`,
      () => `I spoke with ${person().name} today and we agreed to meet again within ${n()} days`,
    ])();

  const quoteParagraph = (): string => {
    const p = person();
    return r.pick([
      () => `“${quoteText()},” Mr ${p.surname} said.`,
      () => `${p.name} said: “${quoteText()}.”`,
      () => `“${quoteText()},” ${p.name} told reporters in ${place()}.`,
    ])();
  };

  const sentence = (): string =>
    r.pick([
      () => `${person().name} said the ${term()} would be discussed in ${place()} on ${r.pick(WEEKDAYS)}.`,
      () =>
        `Officials from ${org()} met in ${place()} to discuss the ${term()}, according to ${person().name}.`,
      () =>
        `${person().name} and ${person().name} spoke by phone about the ${term()} for around ${n()} minutes.`,
      () => `The meeting in ${place()} is expected to focus on the ${term()} and the ${term()}.`,
      () => `${cap(org())} said it would send ${n()} more advisers to ${place()} by the end of the month.`,
      () =>
        `Mr ${person().surname} told reporters that progress on the ${term()} had been slower than hoped.`,
      () => `Drone attacks were reported overnight near ${place()}, local officials said.`,
      () => `The ${term()} has dominated talks between ${person().name} and allies for ${n()} days.`,
      () => `Analysts in ${place()} said the plan left many questions open, including who would pay for it.`,
      () =>
        `More than ${n()} people were evacuated from ${place()} after the strikes, the regional governor said.`,
    ])();

  const headline = (): string =>
    r.pick([
      () => `${person().surname} says ${term()} talks will continue in ${place()}`,
      () => `${cap(org())} to meet in ${place()} over ${term()}`,
      () => `${person().name} warns ${org()} over ${term()}`,
      () => `${place()} hit by drones as ${term()} talks go on`,
      () => `${person().surname} and ${person().surname} discuss ${term()} by phone`,
      () => `Breaking: ${person().name} agrees to new ${term()} talks`,
      () => `Watch: ${person().name} arrives in ${place()}`,
      () => `In pictures: ${place()} after overnight strikes`,
      () => `Analysis: what the ${term()} means for ${place()}`,
      () => `Opinion: ${place()} cannot wait for the ${term()}`,
      () => `Press conference in ${place()} expected shortly`,
      () => `${cap(term())} plan reaches ${place()} as envoys gather`,
    ])();

  const list = (): { headline: string; intro: string; items: string[] } => {
    const k = r.int(0, NUMBER_WORDS.length - 1);
    const count = k + 3;
    const noun = r.pick(LIST_NOUNS);
    const who = org();
    const items = Array.from({ length: count }, () =>
      r.pick([
        () => `To support the ${term()} with monitoring in ${place()}`,
        () => `Ongoing efforts to arm the military of ${place()}`,
        () => `A binding commitment from ${who} on the ${term()}`,
        () => `Talks with ${person().name} on the ${term()} within ${n()} days`,
        () => `No deployment to ${place()} without a ${term()}`,
      ])(),
    );
    return {
      headline: `${NUMBER_WORDS[k]} key ${noun} by ${who.replace(/^the /, '')}`,
      intro: `According to ${person().name}, the meeting in ${place()} agreed:`,
      items,
    };
  };

  return { sentence, quoteParagraph, headline, list, person, place };
}

function clock(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** The entries of one live blog, newest first, with repeats and (for the fused layout) one untimed entry. */
function makeEntries(
  r: Random,
  w: ReturnType<typeof createWriter>,
  count: number,
  authors: string[],
  layout: CorpusLayout,
): Entry[] {
  const start = r.int(6 * 60, 10 * 60);
  const rollOver = r.chance(0.5);
  const span = rollOver ? r.int(18 * 60 - (start - 6 * 60), 20 * 60) : r.int(8 * 60, 1440 - start - 30);
  const step = Math.max(1, Math.floor(span / Math.max(1, count)));
  const oldestFirst: Entry[] = [];
  let minutes = start;
  for (let i = 0; i < count; i++) {
    const repeatable = oldestFirst.filter((e) => !e.repeat && !e.list && !e.image);
    if (i > 3 && repeatable.length > 0 && r.chance(0.03)) {
      const earlier = r.pick(repeatable);
      oldestFirst.push({ ...earlier, author: r.pick(authors), minutes, repeat: true, untimed: false });
    } else {
      const isList = r.chance(0.05);
      const l = isList ? w.list() : null;
      const paragraphs = Array.from({ length: r.int(1, 3) }, () =>
        Array.from({ length: r.int(1, 3) }, () => w.sentence()).join(' '),
      );
      if (r.chance(0.35)) paragraphs.splice(r.int(0, paragraphs.length), 0, w.quoteParagraph());
      const image =
        !isList && r.chance(0.08)
          ? {
              alt: `${w.person().name} in ${w.place()}`,
              url: `https://static.example.com/img/${r.int(100000, 999999)}.jpg`,
              caption: r.chance(0.5) ? `${w.person().name} speaks in ${w.place()} ${r.pick(CREDITS)}` : null,
            }
          : null;
      oldestFirst.push({
        headline: l ? l.headline : w.headline(),
        author: r.pick(authors),
        paragraphs,
        list: l ? { intro: l.intro, items: l.items } : null,
        image,
        minutes,
        untimed: false,
        repeat: false,
      });
    }
    minutes += r.int(Math.max(1, step - 5), step + 5);
  }
  // Keep times strictly decreasing down the page (newest first) and inside the blog's span.
  const entries = oldestFirst.reverse();
  for (let i = 1; i < entries.length; i++) {
    if (entries[i].minutes >= entries[i - 1].minutes) entries[i].minutes = entries[i - 1].minutes - 1;
  }
  if (layout === 'fused' && entries.length >= 4) {
    const candidates = entries
      .map((_, i) => i)
      .filter((i) => i > 0 && i < entries.length - 1 && !entries[i].repeat);
    if (candidates.length > 0) entries[r.pick(candidates)].untimed = true;
  }
  return entries;
}

function body(e: Entry): string[] {
  const out = [...e.paragraphs];
  if (e.list) out.push(e.list.intro, ...e.list.items.map((i) => `- ${i}`));
  if (e.image) {
    out.push(`![${e.image.alt}](${e.image.url})`);
    if (e.image.caption) out.push(e.image.caption);
  }
  return out;
}

const ABBREVIATIONS: Record<number, string> = {
  0: 'GMT',
  60: 'BST',
  120: 'EET',
  180: 'EEST',
  [-300]: 'EST',
  [-240]: 'EDT',
};

/** How papers print the zone of a time (GMT, BST, EST…); UTC when the offset has no common name. */
function zoneAbbreviation(at: DateTime): string {
  return ABBREVIATIONS[at.offset] ?? 'UTC';
}

function fusedStamp(day: DateTime, minutes: number): string {
  const at = day.plus({ minutes });
  return `${at.toFormat('d LLLL yyyy')} ${at.toFormat('HH:mm')}`;
}

/** Writes one document of the given layout. */
function writeDocument(
  r: Random,
  v: Vocabulary,
  layout: CorpusLayout,
  entryCount: number,
  date: string,
  timezone: string,
  file: string,
): CorpusDocument {
  const w = createWriter(r, v);
  const authors = r.sample(v.authors, r.int(2, 5));
  const outlet = r.pick(OUTLETS);
  const title = `${r.pick(['Ukraine-Russia war latest', 'Live', 'Latest updates', 'As it happened'])}: ${w.headline().replace(/^\w+: /, '')}`;
  const lede = Array.from({ length: r.int(2, 3) }, () => `${w.sentence()} ${w.sentence()}`);
  const day = DateTime.fromISO(date, { zone: timezone });

  if (layout === 'article') {
    const at = day.plus({ minutes: r.int(5 * 60, 20 * 60) });
    const lines = [
      `Stay up to date with notifications from ${outlet}`,
      '',
      'Notifications can be managed in browser preferences.',
      '',
      title.replace(/^[^:]+: /, ''),
      '',
      w.sentence().replace(/\.$/, ''),
      '',
      authors[0],
      `${at.toFormat('cccc d LLLL yyyy HH:mm')} ${zoneAbbreviation(at)}`,
      'Comments',
      '',
      ...DONATION.flatMap((p) => [p, '']),
      ...Array.from({ length: r.int(4, 9) }, () =>
        r.chance(0.3) ? w.quoteParagraph() : `${w.sentence()} ${w.sentence()}`,
      ).flatMap((p) => [p, '']),
    ];
    return {
      file,
      text: lines.join('\n'),
      date,
      timezone,
      layout,
      expected: { events: 1, lists: 0, keyPoints: 0, untimed: 0, repeats: 0, rollsOver: false },
    };
  }

  const entries = makeEntries(r, w, entryCount, authors, layout);
  const rollsOver = layout !== 'headlines' && entries.some((e) => !e.untimed && e.minutes >= 1440);
  const expected = {
    events: entries.length,
    lists: entries.filter((e) => e.list).length,
    keyPoints: 0,
    untimed: layout === 'headlines' ? entries.length : entries.filter((e) => e.untimed).length,
    repeats: entries.filter((e) => e.repeat).length,
    rollsOver,
  };

  if (layout === 'stamped') {
    const keyPoints = r.chance(0.5)
      ? r
          .sample(
            entries.filter((e) => !e.repeat && !/^\w+:/.test(e.headline)),
            5,
          )
          .map((e) => e.headline)
      : [];
    expected.keyPoints = keyPoints.length;
    const lines = [
      ...PROMO_TOP,
      `${outlet}`,
      `${outlet}`,
      'World',
      `${authors.slice(0, -1).join(',')}${authors.length > 1 ? ' and ' : ''}${authors.at(-1)}`,
      '',
      title,
      '',
      ...lede.flatMap((p) => [p, '']),
      ...(keyPoints.length > 0 ? ['Key Points', '', ...keyPoints.map((k) => `  • ${k}`), ''] : []),
    ];
    for (const e of entries) {
      lines.push(e.headline, '', `${clock(e.minutes)} , ${e.author}`, '', ...body(e).flatMap((p) => [p, '']));
    }
    lines.push(...FOOTER);
    return { file, text: lines.join('\n'), date, timezone, layout, expected };
  }

  if (layout === 'fused') {
    const lines = [...DONATION, ...lede];
    for (const e of entries) {
      lines.push(e.headline, ...body(e));
      if (!e.untimed) lines.push(`${e.author}${fusedStamp(day, e.minutes)}`);
    }
    return { file, text: lines.join('\n'), date, timezone, layout, expected };
  }

  // headlines: a "date" header line and no stamps at all.
  const lines = [` date ${date} ${title}`, w.sentence().replace(/\.$/, ''), ...DONATION, ...lede];
  for (const e of entries) lines.push(e.headline, ...body(e));
  return { file, text: lines.join('\n'), date, timezone, layout, expected };
}

/**
 * Generates the corpus document by document (a generator: a 1M-event corpus never sits in memory at once).
 * The same options always give the same texts; the events expected across all documents sum to opts.events.
 */
export function* generateCorpus(opts: CorpusOptions, vocabulary: Vocabulary): Generator<CorpusDocument> {
  const docsPerDay = opts.docsPerDay ?? 8;
  const start = DateTime.fromISO(opts.startDate ?? '2022-01-03', { zone: 'UTC' });
  let remaining = opts.events;
  for (let i = 0; remaining > 0; i++) {
    const r = createRandom(childSeed(opts.seed, i));
    const date = start.plus({ days: Math.floor(i / docsPerDay) }).toISODate()!;
    const timezone = r.pick(ZONES);
    const roll = r.next();
    let layout: CorpusLayout =
      roll < 0.12 ? 'article' : roll < 0.62 ? 'stamped' : roll < 0.9 ? 'fused' : 'headlines';
    let count = layout === 'article' ? 1 : layout === 'headlines' ? r.int(6, 14) : r.int(20, 60);
    if (count > remaining) count = remaining;
    if (layout !== 'article' && count < 4) {
      layout = 'article';
      count = 1;
    }
    const file = `bench-${opts.seed}-${String(i).padStart(7, '0')}.txt`;
    const doc = writeDocument(r, vocabulary, layout, count, date, timezone, file);
    remaining -= doc.expected.events;
    yield doc;
  }
}
