import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { WorkingCalendar } from '../../../platform/calendar/working-calendar.js';
import { outOfHours, outOfHoursSpans } from './bulk-decisions.js';

// 2026: National Day week (10-01…10-07 off, Sunday 09-28 and Saturday 10-10 worked), plus a local
// day off.
const calendar = new WorkingCalendar([{ date: '2026-11-25', kind: 'holiday', name: '地方假日' }]);
const instant = fc.date({
  min: new Date('2026-09-20T00:00:00Z'),
  max: new Date('2026-12-31T00:00:00Z'),
  noInvalidDate: true,
});

describe('bulk-off-hours: the out-of-hours spans of a window', () => {
  it('hold an instant of the window exactly when outOfHours says it is out of hours', () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 1, max: 3 * 24 * 60 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (to, minutes, where) => {
          const from = new Date(to.getTime() - minutes * 60_000);
          const spans = outOfHoursSpans(calendar, from, to);
          const probes = [from, to, new Date(from.getTime() + Math.floor(where * (to.getTime() - from.getTime())))];
          for (const [lo, hi] of spans) probes.push(lo, new Date(hi.getTime() - 1), hi);
          for (const at of probes) {
            if (at < from || at > to) continue;
            const inSpan = spans.some(([lo, hi]) => at >= lo && at < hi);
            expect(inSpan, at.toISOString()).toBe(outOfHours(calendar, at));
          }
          // In order, apart, and within the window.
          for (const [i, [lo, hi]] of spans.entries()) {
            expect(lo < hi).toBe(true);
            expect(lo >= from && hi.getTime() <= to.getTime() + 1).toBe(true);
            if (i > 0) expect(spans[i - 1]![1] < lo).toBe(true);
          }
        },
      ),
    );
  });

  it('cut a working evening at 18:00 and a working morning at 08:30, Beijing time; a day off is out all day', () => {
    const at = (s: string) => new Date(`${s}+08:00`);
    expect(outOfHoursSpans(calendar, at('2026-11-24T17:45:00'), at('2026-11-24T18:15:00'))).toEqual([
      [at('2026-11-24T18:00:00'), new Date(at('2026-11-24T18:15:00').getTime() + 1)],
    ]);
    expect(outOfHoursSpans(calendar, at('2026-11-24T08:10:00'), at('2026-11-24T08:40:00'))).toEqual([
      [at('2026-11-24T08:10:00'), at('2026-11-24T08:30:00')],
    ]);
    expect(outOfHoursSpans(calendar, at('2026-11-24T10:00:00'), at('2026-11-24T10:30:00'))).toEqual([]);
    // The local day off 11-25 joins the evening before it and the early morning after it.
    expect(outOfHoursSpans(calendar, at('2026-11-24T12:00:00'), at('2026-11-26T12:00:00'))).toEqual([
      [at('2026-11-24T18:00:00'), at('2026-11-26T08:30:00')],
    ]);
  });
});
