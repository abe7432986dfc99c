// GIVEN dates as people type them and zones with DST THEN local days map to the right UTC windows.
import { describe, expect, it } from 'vitest';
import { dayWindow, formatWindow, localDay, resolveDay, resolveWindow } from '../../src/briefings/time.ts';
import { fixedClock } from '../../src/clock.ts';
import { UserError } from '../../src/errors.ts';

describe('days and windows', () => {
  it('GIVEN today / yesterday THEN the local day of the clock in the zone, not in UTC', () => {
    // 23:30 UTC on 5 Jan is already 6 Jan in Tokyo, still 5 Jan in London.
    const clock = fixedClock('2026-01-05T23:30:00Z');
    expect(resolveDay('today', clock, 'Europe/London')).toBe('2026-01-05');
    expect(resolveDay('Today', clock, 'Asia/Tokyo')).toBe('2026-01-06');
    expect(resolveDay('yesterday', clock, 'Asia/Tokyo')).toBe('2026-01-05');
    expect(resolveDay(undefined, clock, 'UTC')).toBeNull();
    expect(resolveDay('latest', clock, 'UTC')).toBeNull();
  });

  it('GIVEN impossible or unreadable dates THEN BAD_DATE', () => {
    const clock = fixedClock('2026-01-05T12:00:00Z');
    for (const bad of ['2026-02-30', 'next week', '06/01/2026']) {
      expect(() => resolveDay(bad, clock, 'UTC')).toThrow(UserError);
    }
  });

  it('GIVEN DST change days THEN 23- and 25-hour windows in UTC', () => {
    const spring = dayWindow('2025-03-30', 'Europe/London');
    expect(spring).toEqual({ from: '2025-03-30T00:00:00Z', to: '2025-03-30T23:00:00Z' });
    const autumn = dayWindow('2025-10-26', 'Europe/London');
    expect(autumn).toEqual({ from: '2025-10-25T23:00:00Z', to: '2025-10-27T00:00:00Z' });
    expect(localDay('2025-10-25T23:30:00Z', 'Europe/London')).toBe('2025-10-26');
  });

  it('GIVEN from / to days THEN to is inclusive (end of that day); a reversed window is refused', () => {
    const clock = fixedClock('2026-01-08T09:00:00Z');
    const w = resolveWindow({ from: '2026-01-05', to: '2026-01-06' }, clock, 'Europe/London');
    expect(w?.window).toEqual({ from: '2026-01-05T00:00:00Z', to: '2026-01-07T00:00:00Z' });
    expect(formatWindow(w!.window, 'Europe/London')).toBe('Monday 5 January 2026 to Tuesday 6 January 2026');
    const local = resolveWindow({ from: '2026-01-06T18:00' }, clock, 'Europe/Paris');
    expect(local?.window.from).toBe('2026-01-06T17:00:00Z');
    expect(() => resolveWindow({ from: '2026-01-07', to: '2026-01-05' }, clock, 'UTC')).toThrow(UserError);
    expect(resolveWindow({}, clock, 'UTC')).toBeNull();
  });
});
