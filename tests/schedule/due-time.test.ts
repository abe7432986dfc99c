// GIVEN subscriptions in several zones THEN digests fall due at the local time, across DST changes, with catch-up horizons.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CATCH_UP,
  dueInstant,
  dueStatus,
  dueWindows,
  isValidTimezone,
  localDateOf,
  nextDue,
} from '../../src/schedule/due-time.ts';

describe('dueInstant', () => {
  it('maps a local time to UTC in winter and summer (London, New York, Sydney, Kolkata)', () => {
    expect(dueInstant('2026-01-07', '08:00', 'Europe/London').toISOString()).toBe('2026-01-07T08:00:00.000Z');
    expect(dueInstant('2026-07-07', '08:00', 'Europe/London').toISOString()).toBe('2026-07-07T07:00:00.000Z');
    expect(dueInstant('2026-01-07', '08:00', 'America/New_York').toISOString()).toBe(
      '2026-01-07T13:00:00.000Z',
    );
    expect(dueInstant('2026-07-07', '08:00', 'America/New_York').toISOString()).toBe(
      '2026-07-07T12:00:00.000Z',
    );
    // Southern hemisphere: daylight time in January.
    expect(dueInstant('2026-01-07', '08:00', 'Australia/Sydney').toISOString()).toBe(
      '2026-01-06T21:00:00.000Z',
    );
    expect(dueInstant('2026-07-07', '08:00', 'Australia/Sydney').toISOString()).toBe(
      '2026-07-06T22:00:00.000Z',
    );
    expect(dueInstant('2026-01-07', '08:00', 'Asia/Kolkata').toISOString()).toBe('2026-01-07T02:30:00.000Z');
  });

  it('sends a time skipped by spring-forward at the first valid minute after it', () => {
    // London 2026-03-29: 01:00 GMT jumps to 02:00 BST; 01:30 does not exist -> 02:00 BST = 01:00Z.
    const london = dueInstant('2026-03-29', '01:30', 'Europe/London');
    expect(london.toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(localDateOf(london, 'Europe/London')).toBe('2026-03-29');
    // New York 2026-03-08: 02:00 EST jumps to 03:00 EDT; 02:15 -> 03:00 EDT = 07:00Z.
    expect(dueInstant('2026-03-08', '02:15', 'America/New_York').toISOString()).toBe(
      '2026-03-08T07:00:00.000Z',
    );
    // Lord Howe shifts by 30 minutes: 2026-10-04 02:00 -> 02:30; 02:10 -> 02:30 (+11) = 15:30Z the day before.
    expect(dueInstant('2026-10-04', '02:10', 'Australia/Lord_Howe').toISOString()).toBe(
      '2026-10-03T15:30:00.000Z',
    );
    // Times either side of the gap are unchanged.
    expect(dueInstant('2026-03-29', '00:59', 'Europe/London').toISOString()).toBe('2026-03-29T00:59:00.000Z');
    expect(dueInstant('2026-03-29', '02:00', 'Europe/London').toISOString()).toBe('2026-03-29T01:00:00.000Z');
  });

  it('sends an ambiguous fall-back time once', () => {
    // London 2026-10-25: 01:00-01:59 happens twice. Exactly one window for that date, due once.
    const sub = { time: '01:30', timezone: 'Europe/London' };
    const windows = dueWindows(sub, new Date('2026-10-25T12:00:00Z'), { lookbackDays: 0 });
    expect(windows).toHaveLength(1);
    expect(windows[0].windowKey).toBe('digest:2026-10-25');
    expect(['2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z']).toContain(
      windows[0].dueAt.toISOString(),
    );
    // Between the two occurrences, the window is already due (the first one counts).
    const between = dueWindows(sub, new Date('2026-10-25T01:00:00Z'), { lookbackDays: 0 });
    expect(between.map((w) => w.windowKey)).toEqual(
      windows[0].dueAt.getTime() <= Date.parse('2026-10-25T01:00:00Z') ? ['digest:2026-10-25'] : [],
    );
  });
});

describe('dueWindows and catch-up', () => {
  const sub = { time: '08:00', timezone: 'Europe/London' };

  it('lists windows due at or before now, keyed by local date, never before the subscription existed', () => {
    const now = new Date('2026-01-07T09:00:00Z');
    const all = dueWindows(sub, now, { lookbackDays: 2 });
    expect(all.map((w) => w.windowKey)).toEqual([
      'digest:2026-01-05',
      'digest:2026-01-06',
      'digest:2026-01-07',
    ]);
    const fresh = dueWindows(sub, now, { lookbackDays: 2, notBefore: new Date('2026-01-06T10:00:00Z') });
    expect(fresh.map((w) => w.windowKey)).toEqual(['digest:2026-01-07']);
    expect(dueWindows(sub, new Date('2026-01-07T07:59:00Z'), { lookbackDays: 0 })).toEqual([]);
  });

  it('keys windows by the local date, not the UTC date', () => {
    // 08:00 in Sydney on 7 January is 21:00Z on 6 January.
    const w = dueWindows({ time: '08:00', timezone: 'Australia/Sydney' }, new Date('2026-01-06T21:30:00Z'), {
      lookbackDays: 0,
    });
    expect(w.map((x) => x.windowKey)).toEqual(['digest:2026-01-07']);
  });

  it('sends on time within the grace, late within 12 hours, and records older ones as missed', () => {
    const due = new Date('2026-01-07T08:00:00Z');
    expect(dueStatus(due, new Date('2026-01-07T08:01:00Z'))).toBe('on-time');
    expect(dueStatus(due, new Date('2026-01-07T11:00:00Z'))).toBe('late');
    expect(dueStatus(due, new Date(due.getTime() + DEFAULT_CATCH_UP.horizonMs))).toBe('late');
    expect(dueStatus(due, new Date(due.getTime() + DEFAULT_CATCH_UP.horizonMs + 60_000))).toBe('missed');
  });

  it('computes the next due instant', () => {
    expect(nextDue(sub, new Date('2026-01-07T08:00:00Z')).toISOString()).toBe('2026-01-08T08:00:00.000Z');
    expect(nextDue(sub, new Date('2026-03-28T09:00:00Z')).toISOString()).toBe('2026-03-29T07:00:00.000Z');
  });
});

describe('isValidTimezone', () => {
  it('accepts IANA names and refuses offsets, abbreviations and nonsense', () => {
    expect(isValidTimezone('Europe/London')).toBe(true);
    expect(isValidTimezone('America/Argentina/Buenos_Aires')).toBe(true);
    expect(isValidTimezone('UTC')).toBe(true);
    expect(isValidTimezone('Mars/Olympus')).toBe(false);
    expect(isValidTimezone('+02:00')).toBe(false);
    expect(isValidTimezone('')).toBe(false);
  });
});
