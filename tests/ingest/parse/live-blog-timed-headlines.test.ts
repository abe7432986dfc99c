// "14:05 Headline" live blogs (time and headline on one line), and texts that only look like them and must stay prose.
import { describe, expect, it } from 'vitest';
import { parseDocument, parseStamp, parseStampHeadline } from '../../../src/ingest/index.ts';
import type { ParsedDocument } from '../../../src/store/types.ts';

function parse(text: string, date = '2026-01-06', timezone = 'Europe/London'): ParsedDocument {
  const result = parseDocument(text, { source: 'fixture.txt', date, timezone });
  if (!result.ok) throw new Error(`${result.error.code} ${result.error.message}`);
  return result.value;
}

describe('GIVEN lines that open with a time', () => {
  it('THEN a time, an optional zone and separator, then a headline split into stamp and headline', () => {
    expect(parseStampHeadline('14:05 Zelensky arrives in Paris')).toMatchObject({
      stamp: { hour: 14, minute: 5, zone: null, date: null },
      stampText: '14:05',
      headline: 'Zelensky arrives in Paris',
    });
    expect(parseStampHeadline('2.05pm: Talks resume')).toMatchObject({
      stamp: { hour: 14, minute: 5 },
      headline: 'Talks resume',
    });
    expect(parseStampHeadline('14:05 GMT - Talks resume')).toMatchObject({
      stamp: { zone: 'UTC' },
      stampText: '14:05 GMT',
      headline: 'Talks resume',
    });
    expect(parseStampHeadline('09:41 BST Ukraine says drones downed')).toMatchObject({
      stamp: { hour: 9, minute: 41, zone: 'UTC+1' },
      headline: 'Ukraine says drones downed',
    });
    expect(parseStampHeadline('12:15 a.m. ET | Senate passes aid bill')).toMatchObject({
      stamp: { hour: 0, minute: 15, zone: 'America/New_York' },
      headline: 'Senate passes aid bill',
    });
    expect(parseStampHeadline('18:30 – What does the deal mean for Kyiv?')?.headline).toBe(
      'What does the deal mean for Kyiv?',
    );
  });

  it('THEN one-word, exclaimed and money headlines count; statements and lead-ins do not', () => {
    expect(parseStampHeadline('22:30 Goodnight')?.headline).toBe('Goodnight');
    expect(parseStampHeadline("18:00 That's all for today!")?.headline).toBe("That's all for today!");
    expect(parseStampHeadline('15:43 £20m air hangar unveiled in sculpture park')?.headline).toBe(
      '£20m air hangar unveiled in sculpture park',
    );
    expect(parseStampHeadline('16:02 John Kerry speaking:')).toBeNull();
    expect(parseStampHeadline('00:04 French government boosts security in the capital.')).toBeNull();
  });

  it('THEN a zone must be a whole word and am/pm must not eat the headline', () => {
    expect(parseStampHeadline('14:05 Estonia closes border crossings')).toMatchObject({
      stamp: { zone: null },
      headline: 'Estonia closes border crossings',
    });
    expect(parseStampHeadline('2.05 Amid talks, sirens sound in Kyiv')).toMatchObject({
      stamp: { hour: 2, minute: 5 },
      headline: 'Amid talks, sirens sound in Kyiv',
    });
  });

  it('THEN prose, bylines, bare stamps, figures and impossible times are not timed headlines', () => {
    for (const line of [
      '10:30 was when the sirens began, residents said.',
      '10:30 Sirens began to wail across the city as people ran for the shelters.',
      '14:05 Jane Dalton',
      '14:05 GMT',
      '3.50 million people have fled the region',
      '25:10 Talks resume in Geneva',
      '14:05 Tuesday 6 January',
    ]) {
      expect(parseStampHeadline(line), line).toBeNull();
    }
  });

  it('THEN "ET" is read as New York time on a stamp line too', () => {
    expect(parseStamp('9:05 p.m. ET')).toMatchObject({ hour: 21, minute: 5, zone: 'America/New_York' });
  });
});

const PARIS_BLOG = [
  'Ukraine war: Zelensky in Paris for security talks - live updates',
  "Ukraine's president is meeting European leaders in Paris to discuss security guarantees, while US envoys join by video link.",
  '14:05 Zelensky arrives in Paris',
  'Volodymyr Zelensky has landed at Orly airport and is on his way to the Elysee Palace, his office said.',
  "He was greeted by France's foreign minister on the tarmac.",
  '13:48 GMT - Starmer: UK ready to lead multinational force',
  'Sir Keir Starmer told reporters the UK was ready to put troops on the ground once a ceasefire holds.',
  '"We will not be found wanting," he said.',
  "1.30pm: Kremlin dismisses Paris summit as 'theatre'",
  'Kremlin spokesman Dmitry Peskov said the meeting would change nothing on the battlefield.',
  '12:55 | Drones shot down over Kyiv region overnight',
  "Ukraine's air force said it downed 38 of 52 drones launched by Russia overnight.",
  'Debris damaged two houses in the Bucha district, the regional governor said.',
].join('\n\n');

describe('GIVEN a newest-first blog with "14:05 Headline" lines in mixed house styles', () => {
  const { article, events } = parse(PARIS_BLOG);

  it('THEN each timed line opens an entry with its headline, and the lines below are its body', () => {
    expect(article.kind).toBe('live');
    expect(article.title).toBe('Ukraine war: Zelensky in Paris for security talks - live updates');
    expect(article.lede).toEqual([
      "Ukraine's president is meeting European leaders in Paris to discuss security guarantees, while US envoys join by video link.",
    ]);
    expect(events.map((e) => e.headline)).toEqual([
      'Zelensky arrives in Paris',
      'Starmer: UK ready to lead multinational force',
      "Kremlin dismisses Paris summit as 'theatre'",
      'Drones shot down over Kyiv region overnight',
    ]);
    expect(events[0].paragraphs).toEqual([
      'Volodymyr Zelensky has landed at Orly airport and is on his way to the Elysee Palace, his office said.',
      "He was greeted by France's foreign minister on the tarmac.",
    ]);
    expect(events[2].paragraphs).toEqual([
      'Kremlin spokesman Dmitry Peskov said the meeting would change nothing on the battlefield.',
    ]);
    expect(events[3].paragraphs).toHaveLength(2);
  });

  it('THEN times are on the document day, in its zone unless the line names one', () => {
    expect(events.map((e) => e.time)).toEqual([
      '2026-01-06T14:05:00.000Z',
      '2026-01-06T13:48:00.000Z',
      '2026-01-06T13:30:00.000Z',
      '2026-01-06T12:55:00.000Z',
    ]);
    expect(events.every((e) => !e.timeEstimated)).toBe(true);
    const kyiv = parse(PARIS_BLOG, '2026-01-06', 'Europe/Kyiv').events;
    expect(kyiv[0].time).toBe('2026-01-06T12:05:00.000Z');
    expect(kyiv[1].time).toBe('2026-01-06T13:48:00.000Z'); // "13:48 GMT" names its zone
  });
});

describe('GIVEN a local-news blog with one-word and exclaimed headlines', () => {
  it('THEN those lines still open entries with their own headline, not one taken from the body', () => {
    const text = [
      'Shropshire live: updates on Wednesday',
      'Follow the latest news, travel and weather from across the county.',
      "18:00 That's all for today!",
      'We will be back tomorrow morning from 08:00 with more news.',
      '17:12 Goodnight',
      'Thanks for joining us on what has been a busy day for the county.',
      '16:40 M54 westbound reopens after crash',
      'The motorway reopened after a lorry crash closed two lanes for most of the afternoon.',
    ].join('\n\n');
    const { events } = parse(text, '2016-08-17', 'UTC');
    expect(events.map((e) => [e.headline, e.time, e.paragraphs])).toEqual([
      [
        "That's all for today!",
        '2016-08-17T18:00:00.000Z',
        ['We will be back tomorrow morning from 08:00 with more news.'],
      ],
      [
        'Goodnight',
        '2016-08-17T17:12:00.000Z',
        ['Thanks for joining us on what has been a busy day for the county.'],
      ],
      [
        'M54 westbound reopens after crash',
        '2016-08-17T16:40:00.000Z',
        ['The motorway reopened after a lorry crash closed two lanes for most of the afternoon.'],
      ],
    ]);
  });
});

describe('GIVEN a "14:05 Headline" blog with a byline, a dated stamp and Key Points above the entries, and no --date', () => {
  it('THEN the header keeps its parts and the dateline gives the entries their day', () => {
    const text = [
      'Ukraine war live: Zelensky in Paris for security talks',
      'By Jane Dalton',
      'Tuesday 6 January 2026 14:20 GMT',
      "Ukraine's president is meeting European leaders in Paris to discuss security guarantees.",
      'Key Points',
      '- Zelensky arrives in Paris',
      '- Starmer says UK ready to lead force',
      '14:05 Zelensky arrives in Paris',
      'Volodymyr Zelensky has landed at Orly airport, his office said.',
      '13:48 Starmer: UK ready to lead multinational force',
      'Sir Keir Starmer told reporters the UK was ready to put troops on the ground once a ceasefire holds.',
      '12:55 Drones shot down over Kyiv region overnight',
      "Ukraine's air force said it downed 38 of 52 drones launched by Russia overnight.",
    ].join('\n\n');
    const result = parseDocument(text, { source: 'fixture.txt', timezone: 'Europe/London' });
    if (!result.ok) throw new Error(result.error.message);
    const { article, events } = result.value;
    expect(article.editorKeyPoints).toEqual([
      'Zelensky arrives in Paris',
      'Starmer says UK ready to lead force',
    ]);
    expect(article.lede).toEqual([
      "Ukraine's president is meeting European leaders in Paris to discuss security guarantees.",
    ]);
    expect(events.map((e) => [e.headline, e.time])).toEqual([
      ['Zelensky arrives in Paris', '2026-01-06T14:05:00.000Z'],
      ['Starmer: UK ready to lead multinational force', '2026-01-06T13:48:00.000Z'],
      ['Drones shot down over Kyiv region overnight', '2026-01-06T12:55:00.000Z'],
    ]);
  });
});

describe('GIVEN an oldest-first blog with a 12-hour clock that runs past midnight, in US Eastern time', () => {
  const text = [
    'Live: Senate debates Ukraine aid through the night',
    'Senators are debating a $60bn aid package for Ukraine in a rare overnight session.',
    '10:10 p.m. ET - Debate opens on aid package',
    'Majority Leader Chuck Schumer opened the debate with a call for a swift vote.',
    '11:45 p.m. ET - Republicans push border amendment',
    'An amendment tying the aid to new border measures was put forward by Senator James Lankford.',
    '12:30 a.m. ET - Border amendment fails 48-52',
    'The amendment fell short of the votes it needed.',
    '1:15 a.m. ET - Final vote begins',
    'Senators began the final roll call shortly after 1am.',
  ].join('\n\n');
  const { events } = parse(text, '2026-01-06', 'Europe/London');

  it('THEN the clock rolls over to the next day going down the page, read in the named zone', () => {
    expect(events.map((e) => e.headline)).toEqual([
      'Debate opens on aid package',
      'Republicans push border amendment',
      'Border amendment fails 48-52',
      'Final vote begins',
    ]);
    expect(events.map((e) => e.time)).toEqual([
      '2026-01-07T03:10:00.000Z',
      '2026-01-07T04:45:00.000Z',
      '2026-01-07T05:30:00.000Z',
      '2026-01-07T06:15:00.000Z',
    ]);
  });
});

describe('GIVEN texts where lines begin with a time but are not entries', () => {
  it('THEN a timetable (timed lines one after another) and prose opening with a time stay in the article', () => {
    const text = [
      'Kyiv marks a night of sirens with a vigil in Independence Square',
      'Residents gathered on Sunday evening to remember those killed in the latest strikes on the capital.',
      '10:30 was when the sirens began, and they did not stop until dawn, residents said.',
      "The city's programme for the day of mourning was published by the mayor's office:",
      '09:00 Flags lowered across the capital',
      '10:30 Minute of silence at Independence Square',
      "12:00 Memorial service at St Michael's",
      '18:00 Candle vigil on Khreshchatyk Street',
      'Officials said more than 20,000 people were expected to attend the events.',
    ].join('\n\n');
    const { article, events } = parse(text);
    expect(article.kind).toBe('article');
    expect(events).toHaveLength(1);
    const all = [...article.lede, ...events[0].paragraphs, ...events[0].lists.flatMap((l) => l.items)];
    expect(all.join('\n')).toContain('10:30 Minute of silence at Independence Square');
    expect(all.join('\n')).toContain('10:30 was when the sirens began');
  });

  it('THEN timed lines out of any order (a recap jumping about) do not make a live blog', () => {
    const text = [
      'How the night of the drone attack unfolded',
      'Officials have pieced together the events of the night from radar data and witness accounts.',
      '09:00 Investigators reach the site',
      'Police sealed off the area around the damaged depot in the morning.',
      '17:30 First drones launched from Kursk',
      'Radar picked up the first group of drones crossing the border in the early evening.',
      '11:15 Governor gives casualty figures',
      'The regional governor said four people had been injured in the attack.',
      '20:45 Air defences engage over Sumy',
      'Air defence units opened fire as the drones approached the city.',
      '08:10 Fires put out at the depot',
      'Firefighters said the last of the blazes had been extinguished by morning.',
    ].join('\n\n');
    const { events } = parse(text);
    // Found as untimed headline entries (the older 'headlines' layout): no stamp is taken from the lines.
    expect(events.map((e) => e.headline)).toEqual([
      '09:00 Investigators reach the site',
      '17:30 First drones launched from Kursk',
      '11:15 Governor gives casualty figures',
      '20:45 Air defences engage over Sumy',
      '08:10 Fires put out at the depot',
    ]);
    expect(events.every((e) => e.timeEstimated && e.time === '2026-01-06T12:00:00.000Z')).toBe(true);
  });

  it('THEN two timed lines are too few to call the page a "14:05 Headline" blog', () => {
    const text = [
      'Ceasefire talks: what we know so far',
      'Negotiators met in Geneva on Tuesday for a second day of talks on a ceasefire.',
      '14:05 Delegations break for lunch',
      'The talks paused at lunchtime with no statement from either side.',
      '16:20 Swiss hosts issue statement',
      'The Swiss foreign ministry said the talks had been constructive.',
    ].join('\n\n');
    const { article, events } = parse(text);
    expect(article.kind).toBe('article');
    expect(events).toHaveLength(1);
    expect(events[0].timeEstimated).toBe(true);
    expect(events[0].paragraphs).toContain('14:05 Delegations break for lunch');
  });
});
