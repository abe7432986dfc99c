// Date separator lines between entries ("Tuesday 6 January", "Jan 6") date the entries below them; the year is inferred.
import { describe, expect, it } from 'vitest';
import { parseDaySeparator, parseDocument, separatorDay } from '../../../src/ingest/index.ts';
import type { ParsedDocument } from '../../../src/store/types.ts';

function parse(text: string, date: string | undefined, timezone = 'Europe/London'): ParsedDocument {
  const result = parseDocument(text, { source: 'fixture.txt', date, timezone });
  if (!result.ok) throw new Error(`${result.error.code} ${result.error.message}`);
  return result.value;
}

describe('GIVEN lines that are only a day', () => {
  it('THEN day-first and month-first forms, with or without weekday and year, are separators', () => {
    expect(parseDaySeparator('Tuesday 6 January')).toEqual({ year: null, month: 1, day: 6 });
    expect(parseDaySeparator('6 January')).toEqual({ year: null, month: 1, day: 6 });
    expect(parseDaySeparator('Jan 6')).toEqual({ year: null, month: 1, day: 6 });
    expect(parseDaySeparator('Monday, January 5')).toEqual({ year: null, month: 1, day: 5 });
    expect(parseDaySeparator('Wed 31st Dec')).toEqual({ year: null, month: 12, day: 31 });
    expect(parseDaySeparator('Friday 2 January 2026')).toEqual({ year: 2026, month: 1, day: 2 });
    expect(parseDaySeparator('29 February')).toEqual({ year: null, month: 2, day: 29 });
  });

  it('THEN sentences, months alone and impossible days are not', () => {
    for (const line of [
      '6 January was the day talks began',
      'January 2026',
      'May',
      '32 January',
      '30 February',
      'Tuesday',
      'Talks on 6 January',
    ]) {
      expect(parseDaySeparator(line), line).toBeNull();
    }
  });

  it('THEN a missing year is the reference year, or the year before when the month is later', () => {
    const january = { year: 2026, month: 1, day: 6 };
    expect(separatorDay({ year: null, month: 1, day: 5 }, january)).toEqual({ year: 2026, month: 1, day: 5 });
    expect(separatorDay({ year: null, month: 12, day: 31 }, january)).toEqual({
      year: 2025,
      month: 12,
      day: 31,
    });
    expect(separatorDay({ year: null, month: 6, day: 3 }, { year: 2025, month: 8, day: 13 })).toEqual({
      year: 2025,
      month: 6,
      day: 3,
    });
    expect(separatorDay({ year: null, month: 9, day: 20 }, { year: 2025, month: 8, day: 13 })).toEqual({
      year: 2024,
      month: 9,
      day: 20,
    });
    expect(separatorDay({ year: 2024, month: 12, day: 31 }, january)).toEqual({
      year: 2024,
      month: 12,
      day: 31,
    });
    expect(separatorDay({ year: null, month: 2, day: 29 }, { year: 2025, month: 3, day: 1 })).toBeNull();
    expect(separatorDay({ year: null, month: 1, day: 5 }, null)).toBeNull();
  });

  it('THEN coverage that starts on 31 December (the document date) reads "2 January" in the new year', () => {
    const start = { year: 2025, month: 12, day: 31 };
    expect(separatorDay({ year: null, month: 1, day: 2 }, start)).toEqual({ year: 2026, month: 1, day: 2 });
    expect(separatorDay({ year: null, month: 12, day: 30 }, start)).toEqual({
      year: 2025,
      month: 12,
      day: 30,
    });
    expect(separatorDay({ year: null, month: 3, day: 1 }, start)).toEqual({ year: 2025, month: 3, day: 1 });
  });
});

const NEW_YEAR_BLOG = [
  'Russia-Ukraine war latest: overnight strikes hit Kharkiv as new year talks stall',
  'Russian drones struck Kharkiv overnight as diplomats prepared for another round of talks in Geneva.',
  'Friday 2 January',
  '09:10',
  'Kharkiv mayor reports three injured',
  'Ihor Terekhov said three people were hurt when a drone hit an apartment block in the Kyivskyi district.',
  'Emergency crews were still clearing rubble at dawn.',
  '08:20',
  'Air raid alert across eastern Ukraine',
  'Sirens sounded in Kharkiv, Dnipro and Zaporizhzhia early on Friday.',
  'Thursday 1 January',
  '23:20',
  "Zelensky: 'We will not give up an inch'",
  'In his new year address, Volodymyr Zelensky said Ukraine would keep fighting for a just peace.',
  '18:05',
  'Kremlin says no ceasefire before talks',
  'Dmitry Peskov said Moscow saw no reason for a truce before negotiations resumed in Geneva.',
  '31 December',
  '21:30',
  "Putin hails 'year of victories' in address",
  'Vladimir Putin used his televised address to praise troops fighting in Ukraine.',
  '16:45',
  'Geneva talks date confirmed',
  'Swiss officials confirmed the talks would resume on 8 January.',
].join('\n\n');

describe('GIVEN a newest-first blog read on 2 January with separators back to "31 December"', () => {
  const { article, events } = parse(NEW_YEAR_BLOG, '2026-01-02');

  it('THEN the separators are neither entries nor paragraphs', () => {
    expect(article.kind).toBe('live');
    expect(events.map((e) => e.headline)).toEqual([
      'Kharkiv mayor reports three injured',
      'Air raid alert across eastern Ukraine',
      "Zelensky: 'We will not give up an inch'",
      'Kremlin says no ceasefire before talks',
      "Putin hails 'year of victories' in address",
      'Geneva talks date confirmed',
    ]);
    expect(events[0].paragraphs).toEqual([
      'Ihor Terekhov said three people were hurt when a drone hit an apartment block in the Kyivskyi district.',
      'Emergency crews were still clearing rubble at dawn.',
    ]);
    expect(events[1].paragraphs).toEqual([
      'Sirens sounded in Kharkiv, Dnipro and Zaporizhzhia early on Friday.',
    ]);
    const allText = events.flatMap((e) => [e.headline, ...e.paragraphs]).join('\n');
    expect(allText).not.toMatch(/^(?:Thursday 1 January|31 December|Friday 2 January)$/m);
  });

  it('THEN each entry gets the day of the separator above it, "31 December" in the year before', () => {
    expect(events.map((e) => e.time)).toEqual([
      '2026-01-02T09:10:00.000Z',
      '2026-01-02T08:20:00.000Z',
      '2026-01-01T23:20:00.000Z',
      '2026-01-01T18:05:00.000Z',
      '2025-12-31T21:30:00.000Z',
      '2025-12-31T16:45:00.000Z',
    ]);
    expect(events.every((e) => !e.timeEstimated)).toBe(true);
    expect(article.publishedAt).toBe('2025-12-31T16:45:00.000Z');
  });

  it('THEN without the separators the same stamps roll forward from the document day instead (what they correct)', () => {
    const stripped = NEW_YEAR_BLOG.split('\n\n')
      .filter((line) => parseDaySeparator(line) === null)
      .join('\n\n');
    const times = parse(stripped, '2026-01-02').events.map((e) => e.time);
    expect(times[0]).toBe('2026-01-04T09:10:00.000Z');
    expect(times).not.toEqual(events.map((e) => e.time));
  });

  it('THEN the same blog given the day its coverage starts (31 December) dates every entry the same way', () => {
    expect(parse(NEW_YEAR_BLOG, '2025-12-31').events.map((e) => e.time)).toEqual(events.map((e) => e.time));
  });

  it('THEN with no document date and no year anywhere the separators cannot be dated and times stay unknown', () => {
    const undated = parse(NEW_YEAR_BLOG, undefined).events;
    expect(undated).toHaveLength(6);
    expect(undated.every((e) => e.time === null)).toBe(true);
  });

  it('THEN a dateline with its year above the first entry dates the separators when no date is given', () => {
    const dated = NEW_YEAR_BLOG.replace('Friday 2 January\n', 'Friday 2 January 2026\n');
    expect(parse(dated, undefined).events.map((e) => e.time)).toEqual(events.map((e) => e.time));
  });
});

describe('GIVEN an oldest-first blog (headline, "HH:MM , Author" stamp) whose Monday section runs past midnight', () => {
  const text = [
    'Ukraine-Russia war live: coalition leaders meet in Paris',
    'Leaders of the Coalition of the Willing are gathering in Paris for talks on security guarantees.',
    'Monday 5 January',
    'Macron hosts dinner for coalition leaders',
    '21:00 , Jane Dalton',
    'Emmanuel Macron welcomed European leaders to the Elysee Palace for a working dinner.',
    'Starmer says guarantees must be credible',
    '23:30 , Jane Dalton',
    'Sir Keir Starmer said any guarantee had to be backed by real forces on the ground.',
    'Talks end without statement',
    '00:45 , Jane Dalton',
    'The dinner broke up shortly before 1am with no joint statement.',
    'Tuesday 6 January',
    'Coalition signs declaration of intent',
    '08:05 , Arpan Rai',
    'The leaders signed a declaration committing forces to Ukraine after a ceasefire.',
    'Kremlin rejects Paris declaration',
    '09:40 , Arpan Rai',
    'Moscow said it would never accept foreign troops in Ukraine.',
  ].join('\n\n');
  const { events } = parse(text, '2026-01-06');

  it('THEN the roll-over still moves the after-midnight entry to Tuesday, and the Tuesday section starts on Tuesday', () => {
    expect(events.map((e) => [e.headline, e.author, e.time])).toEqual([
      ['Macron hosts dinner for coalition leaders', 'Jane Dalton', '2026-01-05T21:00:00.000Z'],
      ['Starmer says guarantees must be credible', 'Jane Dalton', '2026-01-05T23:30:00.000Z'],
      ['Talks end without statement', 'Jane Dalton', '2026-01-06T00:45:00.000Z'],
      ['Coalition signs declaration of intent', 'Arpan Rai', '2026-01-06T08:05:00.000Z'],
      ['Kremlin rejects Paris declaration', 'Arpan Rai', '2026-01-06T09:40:00.000Z'],
    ]);
    expect(events[2].paragraphs).toEqual(['The dinner broke up shortly before 1am with no joint statement.']);
  });
});

describe('GIVEN a US blog of "9:05 p.m. ET: Headline" lines under "Tuesday, January 6" / "Jan 4" separators', () => {
  const text = [
    'Live updates: Senate votes on Ukraine aid package',
    'The Senate is voting on a $60bn aid package for Ukraine after a marathon overnight session.',
    'Tuesday, January 6',
    '12:15 a.m. ET - Senate passes aid bill 70-29',
    'The bill now goes to the House, where Speaker Mike Johnson has promised a vote this week.',
    'Monday, January 5',
    '11:40 p.m. ET - Final vote begins',
    'Senators began the final roll call shortly before midnight.',
    '9:05 p.m. ET: Schumer says votes are there',
    '"We have the votes and we will pass this bill tonight," Senate Majority Leader Chuck Schumer said.',
    'Jan 4',
    '4:30 p.m. ET | Republicans block amendment on border',
    'An amendment tying the aid to new border measures failed 48-52.',
  ].join('\n\n');
  const { events } = parse(text, '2026-01-06');

  it('THEN both layouts combine: timed headlines dated by their sections, in New York time', () => {
    expect(events.map((e) => [e.headline, e.time])).toEqual([
      ['Senate passes aid bill 70-29', '2026-01-06T05:15:00.000Z'],
      ['Final vote begins', '2026-01-06T04:40:00.000Z'],
      ['Schumer says votes are there', '2026-01-06T02:05:00.000Z'],
      ['Republicans block amendment on border', '2026-01-04T21:30:00.000Z'],
    ]);
    expect(events[3].paragraphs).toEqual(['An amendment tying the aid to new border measures failed 48-52.']);
  });
});

describe('GIVEN an untimed headline blog with day separators', () => {
  it('THEN each entry is estimated at noon of its section day', () => {
    const text = [
      'Ukraine war: what happened this week',
      'A round-up of the main developments in the war and the peace talks.',
      'Wednesday 7 January',
      'Drone strike on Odesa port',
      'A Russian drone damaged grain silos at the port of Odesa, officials said.',
      'Talks move to Geneva',
      'Negotiators agreed to continue the talks in Geneva next week.',
      'Tuesday 6 January',
      'Coalition signs declaration',
      'European leaders signed a declaration of intent in Paris.',
      'Kremlin rejects declaration',
      'Moscow said the plan was unacceptable.',
    ].join('\n\n');
    const { events } = parse(text, '2026-01-06', 'UTC');
    expect(events.map((e) => [e.headline, e.time, e.timeEstimated])).toEqual([
      ['Drone strike on Odesa port', '2026-01-07T12:00:00.000Z', true],
      ['Talks move to Geneva', '2026-01-07T12:00:00.000Z', true],
      ['Coalition signs declaration', '2026-01-06T12:00:00.000Z', true],
      ['Kremlin rejects declaration', '2026-01-06T12:00:00.000Z', true],
    ]);
  });
});
