/** Yellow and red moments from the working-day calendar (2026 arrangement, hand-counted). */
import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../../../platform/calendar/working-calendar.js';
import { DEFAULT_THRESHOLD, regionAbove, warningMoments, yellowAtDaysLeft, yellowOn } from './clock-rules.js';

const calendar = new WorkingCalendar();

describe('clock rules', () => {
  it('turns yellow at ≤ 1 working day or ≤ 20 % left, whichever comes first', () => {
    expect(yellowAtDaysLeft(5, DEFAULT_THRESHOLD)).toBe(1);
    expect(yellowAtDaysLeft(20, DEFAULT_THRESHOLD)).toBe(4);
    expect(yellowAtDaysLeft(3, { days: 2, share: 0.5 })).toBe(2);
  });

  it('counts back over a weekend and a holiday', () => {
    // Due Thu 2026-10-08, the first working day after 国庆 (Oct 1–7): one working day left from
    // Wed Sep 30 on (Sep 30 → Oct 8 holds only Oct 8), so yellow on Sep 30.
    expect(yellowOn(calendar, '2026-09-01', '2026-10-08', 1)).toBe('2026-09-30');
    // Two left: Sep 29 (Sep 30 and Oct 8).
    expect(yellowOn(calendar, '2026-09-01', '2026-10-08', 2)).toBe('2026-09-29');
    // Due Monday 2026-11-16: one working day left from Friday Nov 13 (Sat and Sun do not count).
    expect(yellowOn(calendar, '2026-11-01', '2026-11-16', 1)).toBe('2026-11-13');
    // Never before the clock started.
    expect(yellowOn(calendar, '2026-11-12', '2026-11-16', 5)).toBe('2026-11-12');
  });

  it('is red from 00:00 Beijing time the day after the due date', () => {
    const m = warningMoments(
      calendar,
      { startedOn: '2026-11-09', dueOn: '2026-11-16', limitDays: 5 },
      DEFAULT_THRESHOLD,
    );
    expect(m.yellowAt.toISOString()).toBe('2026-11-12T16:00:00.000Z');
    expect(m.redAt.toISOString()).toBe('2026-11-16T16:00:00.000Z');
  });

  it('escalates to the region above', () => {
    expect(regionAbove('520102')).toBe('5201');
    expect(regionAbove('5201')).toBe('52');
    expect(regionAbove('52')).toBe('52');
    expect(regionAbove('520102003')).toBe('520102');
  });
});
