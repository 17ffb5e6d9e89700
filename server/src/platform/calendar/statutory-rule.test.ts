import { getLunarDate, getSolarTerms } from 'chinese-days';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ruleHolidays } from './statutory-rule.js';
import { WorkingCalendar } from './working-calendar.js';

const calendar = new WorkingCalendar();
const range = (from: string, to: string) => {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
};

describe('statutory holidays past the published years (全国年节及纪念日放假办法, 2024)', () => {
  it('2027-01-01 (元旦) is not a working day, and a deadline across it is still flagged', () => {
    expect(calendar.isWorkingDay('2027-01-01')).toBe(false);
    expect(calendar.describe('2027-01-01')).toMatchObject({ name: '元旦', source: 'rule' });
    expect(calendar.addWorkingDays('2026-12-31', 1)).toEqual({ due: '2027-01-04', beyondKnownCalendar: true });
  });

  it('2027 春节: lunar new year 2027-02-06, off from the eve 2027-02-05 to 初三 2027-02-08', () => {
    for (const d of range('2027-02-05', '2027-02-08'))
      expect(calendar.describe(d), d).toMatchObject({ working: false, name: '春节', source: 'rule' });
    expect(calendar.isWorkingDay('2027-02-04')).toBe(true);
    expect(calendar.isWorkingDay('2027-02-09')).toBe(true);
    // Thursday 2027-02-04 + 1 working day skips Fri 5 (除夕), the weekend (初一, 初二) and Mon 8 (初三).
    expect(calendar.addWorkingDays('2027-02-04', 1).due).toBe('2027-02-09');
  });

  it('2027 国庆节: 1–3 October off; the rest of that week is for the notice to decide', () => {
    for (const d of range('2027-10-01', '2027-10-03')) expect(calendar.isWorkingDay(d), d).toBe(false);
    expect(calendar.describe('2027-10-04')).toMatchObject({ working: true, source: 'unknown' });
  });

  it('counts the other fixed days of 2027: 清明 4-05, 劳动节 5-01..02, 端午 6-09, 中秋 9-15', () => {
    const days = ruleHolidays(2027);
    expect(days.size).toBe(13);
    expect(days.get('2027-04-05')).toBe('清明');
    expect(days.get('2027-05-01')).toBe('劳动节');
    expect(days.get('2027-05-02')).toBe('劳动节');
    expect(days.get('2027-06-09')).toBe('端午');
    expect(days.get('2027-09-15')).toBe('中秋');
  });

  it('for 2025 and 2026 the rule finds a subset of the published arrangement', () => {
    for (const year of [2025, 2026])
      for (const [date, name] of ruleHolidays(year))
        expect(calendar.describe(date), date).toMatchObject({ working: false, source: 'statutory', name });
  });

  it('gives 中秋 on 国庆 (2031-10-01) the next free day', () => {
    expect(ruleHolidays(2031).get('2031-10-01')).toBe('国庆节');
    expect(ruleHolidays(2031).get('2031-10-04')).toBe('中秋');
  });

  it('an administrator override beats the rule (调休上班 entered from the notice)', () => {
    const local = new WorkingCalendar([{ date: '2027-10-03', kind: 'workday', name: '国庆节（调休上班）' }]);
    expect(local.isWorkingDay('2027-10-03')).toBe(true);
    expect(local.isWorkingDay('2027-10-02')).toBe(false);
  });

  it('agrees with an independent lunar conversion (chinese-days) in every year to 2099 (the end of its tables)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2027, max: 2099 }), (year) => {
        const byName = new Map<string, string[]>();
        for (const [date, name] of ruleHolidays(year)) byName.set(name, [...(byName.get(name) ?? []), date].sort());
        const spring = byName.get('春节') ?? [];
        expect(spring).toHaveLength(4);
        const eve = getLunarDate(spring[0]!);
        expect([eve.lunarMon, eve.isLeap]).toEqual([12, false]);
        expect(getLunarDate(spring[1]!)).toMatchObject({ lunarYear: year, lunarMon: 1, lunarDay: 1 });
        expect(getLunarDate(spring[3]!)).toMatchObject({ lunarMon: 1, lunarDay: 3 });
        // A lunar holiday on another holiday moves to the next free day: walk back to where it fell.
        const fell = (name: string, lunarMon: number, lunarDay: number) => {
          let d = byName.get(name)![0]!;
          while (getLunarDate(d).lunarMon !== lunarMon || getLunarDate(d).lunarDay !== lunarDay) {
            d = new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
            expect(ruleHolidays(year).has(d), `${name} moved over ${d}`).toBe(true);
          }
          return getLunarDate(d);
        };
        expect(fell('端午', 5, 5).isLeap).toBe(false);
        expect(fell('中秋', 8, 15).isLeap).toBe(false);
        expect(ruleHolidays(year).size).toBe(13);
        const qingming = byName.get('清明')![0]!;
        expect(getSolarTerms(qingming).map((t) => t.name)).toEqual(['清明']);
      }),
      { numRuns: 40 },
    );
  });
});
