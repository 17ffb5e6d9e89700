import { isWorkday } from 'chinese-days';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoDate, WorkingCalendar, type DayOverride } from './working-calendar.js';

const calendar = new WorkingCalendar();

const isoArb = (min: string, max: string) =>
  fc
    .date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
const knownDateArb = isoArb('2004-01-01', '2026-12-31');
const anyDateArb = isoArb('1999-01-01', '2029-12-31');
const daysArb = fc.integer({ min: 0, max: 120 });

describe('the 2026 arrangement', () => {
  it('has National Day Oct 1–7 off and Sep 20, Oct 10 worked', () => {
    for (let d = 1; d <= 7; d++) expect(calendar.isWorkingDay(`2026-10-0${d}`)).toBe(false);
    expect(calendar.describe('2026-09-20')).toMatchObject({
      working: true,
      source: 'statutory',
      name: '国庆节（调休上班）',
    });
    expect(calendar.describe('2026-10-10')).toMatchObject({ working: true, source: 'statutory' });
    expect(calendar.describe('2026-10-01')).toEqual({
      date: '2026-10-01',
      working: false,
      name: '国庆节',
      source: 'statutory',
    });
    expect(calendar.describe('2026-10-11')).toEqual({ date: '2026-10-11', working: false, source: 'weekend' });
    expect(calendar.describe('2026-10-09')).toEqual({ date: '2026-10-09', working: true, source: 'weekday' });
  });

  it('has Spring Festival Feb 15–23 off and Feb 14, Feb 28 worked', () => {
    for (let d = 15; d <= 23; d++) expect(calendar.isWorkingDay(`2026-02-${d}`)).toBe(false);
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-28')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-24')).toBe(true);
    expect(calendar.describe('2026-02-16').name).toBe('春节');
  });

  it('counts deadlines across National Day', () => {
    expect(calendar.addWorkingDays('2026-09-30', 1)).toEqual({ due: '2026-10-08', beyondKnownCalendar: false });
    expect(calendar.addWorkingDays('2026-09-30', 2).due).toBe('2026-10-09');
    expect(calendar.addWorkingDays('2026-09-30', 3).due).toBe('2026-10-10'); // the worked Saturday
    expect(calendar.addWorkingDays('2026-09-30', 4).due).toBe('2026-10-12');
    expect(calendar.addWorkingDays('2026-09-29', 3).due).toBe('2026-10-09');
    // Accepted on a holiday: the next working day is day 1.
    expect(calendar.addWorkingDays('2026-10-03', 1).due).toBe('2026-10-08');
    // Accepted on the Friday before the worked Sunday Sep 20.
    expect(calendar.addWorkingDays('2026-09-18', 1).due).toBe('2026-09-20');
    expect(calendar.workingDaysBetween('2026-09-30', '2026-10-07')).toBe(0);
    expect(calendar.workingDaysBetween('2026-09-30', '2026-10-12')).toBe(4);
  });

  it('counts deadlines across Spring Festival', () => {
    expect(calendar.addWorkingDays('2026-02-13', 1).due).toBe('2026-02-14');
    expect(calendar.addWorkingDays('2026-02-13', 2).due).toBe('2026-02-24');
    expect(calendar.addWorkingDays('2026-02-27', 1).due).toBe('2026-02-28');
  });

  it('returns the day itself for n = 0', () => {
    expect(calendar.addWorkingDays('2026-10-01', 0)).toEqual({ due: '2026-10-01', beyondKnownCalendar: false });
    expect(calendar.addWorkingDays('2027-03-01', 0)).toEqual({ due: '2027-03-01', beyondKnownCalendar: false });
  });
});

describe('agreement with chinese-days', () => {
  it('matches isWorkday on every day it covers', () => {
    fc.assert(
      fc.property(knownDateArb, (date) => {
        const [y, m, d] = date.split('-').map(Number) as [number, number, number];
        // A local-noon Date: chinese-days formats in local time.
        expect(calendar.isWorkingDay(date)).toBe(isWorkday(new Date(y, m - 1, d, 12)));
      }),
      { numRuns: 2000 },
    );
  });

  it('knows 2004–2026', () => {
    expect(WorkingCalendar.knownYears()).toEqual({ first: 2004, last: 2026 });
  });
});

describe('properties', () => {
  it('the due date is a working day strictly after `from`, and exactly n working days on', () => {
    fc.assert(
      fc.property(anyDateArb, fc.integer({ min: 1, max: 120 }), (from, n) => {
        const { due } = calendar.addWorkingDays(from, n);
        expect(due > from).toBe(true);
        expect(calendar.isWorkingDay(due)).toBe(true);
        expect(calendar.workingDaysBetween(from, due)).toBe(n);
        expect(calendar.workingDaysBetween(due, from)).toBe(-n);
      }),
    );
  });

  it('is strictly monotonic in n', () => {
    fc.assert(
      fc.property(anyDateArb, daysArb, daysArb, (from, a, b) => {
        fc.pre(a !== b);
        const [lo, hi] = a < b ? [a, b] : [b, a];
        expect(calendar.addWorkingDays(from, lo).due < calendar.addWorkingDays(from, hi).due).toBe(true);
      }),
    );
  });

  it('splits: n + m working days from `from` equals m from the n-th due date', () => {
    fc.assert(
      fc.property(anyDateArb, daysArb, daysArb, (from, n, m) => {
        const mid = calendar.addWorkingDays(from, n).due;
        expect(calendar.addWorkingDays(mid, m).due).toBe(calendar.addWorkingDays(from, n + m).due);
      }),
    );
  });

  it('workingDaysBetween is additive and antisymmetric, and inverts addWorkingDays on working days', () => {
    fc.assert(
      fc.property(anyDateArb, anyDateArb, anyDateArb, (a, b, c) => {
        expect(calendar.workingDaysBetween(a, b) + calendar.workingDaysBetween(b, c)).toBe(
          calendar.workingDaysBetween(a, c),
        );
        expect(calendar.workingDaysBetween(a, b) + calendar.workingDaysBetween(b, a)).toBe(0);
        expect(Object.is(calendar.workingDaysBetween(b, a), -0)).toBe(false);
        expect(calendar.workingDaysBetween(a, a)).toBe(0);
        const k = calendar.workingDaysBetween(a, b);
        if (k > 0 && calendar.isWorkingDay(b)) expect(calendar.addWorkingDays(a, k).due).toBe(b);
      }),
      { numRuns: 200 },
    );
  });

  it('never counts weekends as working days except statutory or override 调休 days', () => {
    fc.assert(
      fc.property(anyDateArb, (date) => {
        const d = calendar.describe(date);
        const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
        if ((weekday === 0 || weekday === 6) && d.working) expect(d.source).toBe('statutory');
        if (d.source === 'weekend') expect(d.working).toBe(false);
        if (d.source === 'weekday') expect(d.working).toBe(true);
      }),
    );
  });
});

describe('overrides', () => {
  it('a weekday declared a holiday moves deadlines later', () => {
    const local = new WorkingCalendar([{ date: '2026-10-08', kind: 'holiday', name: '地方假日' }]);
    expect(local.describe('2026-10-08')).toEqual({
      date: '2026-10-08',
      working: false,
      name: '地方假日',
      source: 'override',
    });
    expect(local.addWorkingDays('2026-09-30', 1).due).toBe('2026-10-09');
    expect(local.workingDaysBetween('2026-09-30', '2026-10-12')).toBe(3);
    expect(calendar.addWorkingDays('2026-09-30', 1).due).toBe('2026-10-08'); // others unaffected
  });

  it('beats the statutory arrangement both ways', () => {
    const local = new WorkingCalendar([
      { date: '2026-10-10', kind: 'holiday', name: '不调休' },
      { date: '2026-10-07', kind: 'workday', name: '值班' },
    ]);
    expect(local.isWorkingDay('2026-10-10')).toBe(false);
    expect(local.isWorkingDay('2026-10-07')).toBe(true);
    expect(local.addWorkingDays('2026-09-30', 1).due).toBe('2026-10-07');
    expect(local.addWorkingDays('2026-09-30', 4).due).toBe('2026-10-12');
  });

  it('a weekday declared a holiday never makes a deadline earlier', () => {
    fc.assert(
      fc.property(anyDateArb, anyDateArb, daysArb, (from, off, n) => {
        const local = new WorkingCalendar([{ date: off, kind: 'holiday', name: 'x' }]);
        const before = calendar.addWorkingDays(from, n).due;
        const after = local.addWorkingDays(from, n).due;
        expect(after >= before).toBe(true);
        if (off > from && off <= before && calendar.isWorkingDay(off)) expect(after > before).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('later entries for the same date win', () => {
    const local = new WorkingCalendar([
      { date: '2026-10-08', kind: 'holiday', name: 'a' },
      { date: '2026-10-08', kind: 'workday', name: 'b' },
    ]);
    expect(local.describe('2026-10-08')).toMatchObject({ working: true, name: 'b' });
  });

  it('rejects malformed override dates', () => {
    expect(() => new WorkingCalendar([{ date: '2026-02-30', kind: 'holiday', name: 'x' }])).toThrow(RangeError);
  });
});

describe('years without a known arrangement', () => {
  it('falls back to weekends and the fixed holidays, and flags deadlines that reach into 2027', () => {
    expect(calendar.describe('2027-01-01')).toEqual({
      date: '2027-01-01',
      working: false,
      name: '元旦',
      source: 'rule',
    });
    expect(calendar.describe('2027-01-02')).toEqual({ date: '2027-01-02', working: false, source: 'unknown' });
    expect(calendar.describe('2027-01-04')).toEqual({ date: '2027-01-04', working: true, source: 'unknown' });
    expect(calendar.addWorkingDays('2026-12-30', 1)).toEqual({ due: '2026-12-31', beyondKnownCalendar: false });
    expect(calendar.addWorkingDays('2026-12-30', 2)).toEqual({ due: '2027-01-04', beyondKnownCalendar: true });
    expect(calendar.addWorkingDays('2027-03-01', 5)).toEqual({ due: '2027-03-08', beyondKnownCalendar: true });
    expect(calendar.addWorkingDays('2003-12-30', 1)).toEqual({ due: '2003-12-31', beyondKnownCalendar: true });
    expect(calendar.addWorkingDays('2003-12-31', 1)).toEqual({ due: '2004-01-02', beyondKnownCalendar: false });
  });

  it('treats a year as known once an administrator declares its arrangement entered', () => {
    const overrides: DayOverride[] = [
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-02-06', kind: 'holiday', name: '春节' },
    ];
    const undeclared = new WorkingCalendar(overrides);
    expect(undeclared.addWorkingDays('2026-12-30', 2)).toEqual({ due: '2027-01-04', beyondKnownCalendar: true });
    const local = new WorkingCalendar(overrides, [2027]);
    expect(local.addWorkingDays('2026-12-30', 2)).toEqual({ due: '2027-01-04', beyondKnownCalendar: false });
    expect(local.describe('2027-01-05')).toEqual({ date: '2027-01-05', working: true, source: 'weekday' });
    expect(local.addWorkingDays('2027-12-30', 2)).toEqual({ due: '2028-01-03', beyondKnownCalendar: true });
  });

  it('flags exactly the walks that touch an unknown year', () => {
    fc.assert(
      fc.property(isoArb('2026-06-01', '2027-06-30'), daysArb, (from, n) => {
        const { due, beyondKnownCalendar } = calendar.addWorkingDays(from, n);
        expect(beyondKnownCalendar).toBe(n > 0 && due >= '2027-01-01');
      }),
    );
  });
});

describe('input handling', () => {
  it('validates ISO dates', () => {
    for (const ok of ['2026-01-01', '2024-02-29', '0099-12-31', '9999-12-31']) expect(isIsoDate(ok), ok).toBe(true);
    for (const bad of [
      '2023-02-29',
      '2026-02-30',
      '2026-13-01',
      '2026-00-10',
      '2026-1-1',
      '20260101',
      '2026-01-01T00:00:00Z',
      '',
      ' 2026-01-01',
    ]) {
      expect(isIsoDate(bad), bad).toBe(false);
    }
  });

  it('throws on bad dates and bad n', () => {
    expect(() => calendar.addWorkingDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-02-01', -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-02-01', 1.5)).toThrow(RangeError);
    expect(() => calendar.workingDaysBetween('2026-02-01', 'tomorrow')).toThrow(RangeError);
    expect(() => calendar.isWorkingDay('2026/02/01')).toThrow(RangeError);
  });

  it('does not depend on the process time zone', () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Shanghai']) {
        process.env.TZ = tz;
        const fresh = new WorkingCalendar();
        expect(fresh.addWorkingDays('2026-09-30', 3).due).toBe('2026-10-10');
        expect(fresh.describe('2026-10-01').working).toBe(false);
        expect(fresh.workingDaysBetween('2026-02-13', '2026-02-28')).toBe(6);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});
