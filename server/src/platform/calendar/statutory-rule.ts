/**
 * The days off fixed by the 全国年节及纪念日放假办法 (as amended by the State Council in 2024, in
 * force from 2025), for a year whose State Council arrangement (国务院办公厅关于…部分节假日安排的通知)
 * is not yet known. Article 2 fixes the holidays for all citizens: 元旦 1 day (1 January); 春节
 * 4 days (lunar new year's eve to the third day of the first lunar month); 清明节 1 day (the day of
 * the solar term); 劳动节 2 days (1–2 May); 端午节 1 day (5th of the 5th lunar month); 中秋节 1 day
 * (15th of the 8th lunar month); 国庆节 3 days (1–3 October).
 *
 * What the rule cannot tell — the 补假 for a holiday that falls on a weekend and the 调休 that joins
 * days into a longer break — comes with the notice, which an administrator enters as overrides.
 * Lunar dates and the solar term come from `lunar-typescript` (integer year/month/day, no time
 * zones involved).
 */
import { Lunar } from 'lunar-typescript';

/** The first year the 2024 amendment governs (2 days of 劳动节 and 4 of 春节 before it differ). */
export const FIRST_RULE_YEAR = 2025;

/** Chinese names as the published data writes them, so a day reads the same whichever source it came from. */
export const RULE_HOLIDAY_NAMES = ['元旦', '春节', '清明', '劳动节', '端午', '中秋', '国庆节'] as const;
export type RuleHolidayName = (typeof RULE_HOLIDAY_NAMES)[number];

const cache = new Map<number, ReadonlyMap<string, RuleHolidayName>>();

/**
 * The statutory days off of `year` by the rule, date → holiday name; empty before 2025 (and past
 * 2100, where the platform's dates end). 正月初一 falls between 21 January and 20 February, so the
 * four days of 春节 always lie in the same Gregorian year.
 */
export function ruleHolidays(year: number): ReadonlyMap<string, RuleHolidayName> {
  let days = cache.get(year);
  if (days) return days;
  const out = new Map<string, RuleHolidayName>();
  // A lunar holiday can fall on another one (中秋 on 1 October in 2001, 2020, 2031): the year still
  // has its 13 days off, so the later-added day moves to the next free day, as the notices did.
  const add = (y: number, m: number, d: number, name: RuleHolidayName) => {
    const t = new Date(0);
    t.setUTCFullYear(y, m - 1, d);
    while (out.has(t.toISOString().slice(0, 10))) t.setUTCDate(t.getUTCDate() + 1);
    out.set(t.toISOString().slice(0, 10), name);
  };
  if (year >= FIRST_RULE_YEAR && year <= 2100) {
    add(year, 1, 1, '元旦');
    // 除夕 is the last day of the 12th lunar month (29th or 30th): the day before 正月初一.
    const newYear = Lunar.fromYmd(year, 1, 1);
    for (let offset = -1; offset <= 2; offset++) {
      const s = newYear.next(offset).getSolar();
      add(s.getYear(), s.getMonth(), s.getDay(), '春节');
    }
    const qingming = Lunar.fromYmd(year, 3, 1).getJieQiTable()['清明'];
    if (qingming) add(qingming.getYear(), qingming.getMonth(), qingming.getDay(), '清明');
    add(year, 5, 1, '劳动节');
    add(year, 5, 2, '劳动节');
    for (const d of [1, 2, 3]) add(year, 10, d, '国庆节');
    for (const [month, day, name] of [[5, 5, '端午'] as const, [8, 15, '中秋'] as const]) {
      const s = Lunar.fromYmd(year, month, day).getSolar();
      add(s.getYear(), s.getMonth(), s.getDay(), name);
    }
  }
  days = out;
  cache.set(year, days);
  return days;
}

/** The rule's holiday on a `YYYY-MM-DD` date, if any. */
export function ruleHolidayOn(date: string): RuleHolidayName | undefined {
  return ruleHolidays(Number(date.slice(0, 4))).get(date);
}
