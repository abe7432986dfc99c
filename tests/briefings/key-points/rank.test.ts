// GIVEN a window of live-blog entries THEN the generator ranks central, corroborated, diverse bullets and skips media and repeats.
import { describe, expect, it } from 'vitest';
import { rankKeyPoints } from '../../../src/briefings/key-points/index.ts';
import type { Event, EventHint } from '../../../src/store/types.ts';

function event(id: string, headline: string, paragraphs: string[], extra: Partial<Event> = {}): Event {
  return {
    id,
    articleId: 'a1',
    source: 'test',
    headline,
    time: extra.time ?? null,
    timeEstimated: false,
    author: null,
    paragraphs,
    lists: [],
    quotes: [],
    entities: [],
    topics: [],
    duplicateOf: null,
    hints: [] as EventHint[],
    images: [],
    position: 0,
    ...extra,
  };
}

const window: Event[] = [
  event('e1', 'Allies sign declaration to deploy troops after a ceasefire', [
    'Britain and France signed a declaration to deploy troops to Ukraine after a ceasefire.',
  ]),
  event('e2', 'Watch: leaders arrive at the palace', ['Video of leaders arriving for ceasefire talks.'], {
    hints: ['watch'],
  }),
  event('e3', 'US backs troop deployment declaration', [
    'The United States backed the declaration on troops for Ukraine after a ceasefire.',
  ]),
  event(
    'e4',
    'Troop declaration signed, say officials',
    ['Officials said the troops declaration was signed.'],
    {
      duplicateOf: 'e1',
    },
  ),
  event('e5', 'Press conference expected shortly', ['Leaders will speak soon.']),
  event('e6', 'Drone strike hits ammunition depot in Russia', [
    'Ukraine struck an ammunition depot deep inside Russia with drones overnight.',
  ]),
  event('e7', 'Zelensky reshuffles top officials', ['Zelensky replaced the head of the spy agency.']),
];

describe('rankKeyPoints', () => {
  it('GIVEN media, housekeeping and duplicate entries THEN none of them becomes a bullet', () => {
    const ids = rankKeyPoints(window, { n: 10 }).map((k) => k.event.id);
    expect(ids).not.toContain('e2');
    expect(ids).not.toContain('e4');
    expect(ids).not.toContain('e5');
    expect(ids).toContain('e1');
  });

  it('GIVEN a corroborated story THEN its original ranks first', () => {
    expect(rankKeyPoints(window)[0].event.id).toBe('e1');
  });

  it('GIVEN n and a word budget THEN selection stops at whichever comes first', () => {
    expect(rankKeyPoints(window, { n: 2 })).toHaveLength(2);
    const budgeted = rankKeyPoints(window, { wordBudget: 8 });
    expect(budgeted).toHaveLength(1);
  });

  it('GIVEN headlines disabled THEN bullets are sentences from the entry text', () => {
    const points = rankKeyPoints(window, { useHeadlines: false });
    for (const p of points) expect(p.event.paragraphs.join(' ')).toContain(p.text);
  });

  it('GIVEN the same window in another order THEN the output is identical', () => {
    const a = rankKeyPoints(window).map((k) => k.event.id);
    const b = rankKeyPoints([...window].reverse()).map((k) => k.event.id);
    expect(b).toEqual(a);
  });

  it('GIVEN a pool smaller than the window THEN the corroborated original still leads and media stays out', () => {
    const points = rankKeyPoints(window, { n: 3, poolSize: 3 });
    expect(points[0].event.id).toBe('e1');
    for (const p of points) expect(['e2', 'e4', 'e5']).not.toContain(p.event.id);
  });

  it('GIVEN a window within the pool THEN the bounded ranker matches the whole-window ranker', () => {
    const a = rankKeyPoints(window, { n: 10 });
    const b = rankKeyPoints(window, { n: 10, poolSize: Number.POSITIVE_INFINITY });
    expect(a.map((k) => [k.event.id, k.text])).toEqual(b.map((k) => [k.event.id, k.text]));
  });

  it('GIVEN no events THEN no key points', () => {
    expect(rankKeyPoints([])).toEqual([]);
  });
});
