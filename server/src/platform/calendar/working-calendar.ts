/**
 * Working days (工作日) for time limits: weekends and statutory holidays are skipped, the State
 * Council's adjusted working days (调休上班) count, and administrator overrides beat both.
 *
 * Statutory data comes from the `chinese-days` package's published JSON (plain `YYYY-MM-DD` keys).
 * Its functions are not used: they parse date strings as UTC and then format them in local time,
 * so west of UTC they answer for the previous day.
 */
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { ruleHolidayOn } from './statutory-rule.js';

/** An administrator-declared day, e.g. a local government's day off; beats chinese-days. */
export type DayOverride = { date: string /* YYYY-MM-DD */; kind: 'workday' | 'holiday'; name: string };

/**
 * `rule`: a statutory holiday counted by the 全国年节及纪念日放假办法 in a year whose State Council
 * arrangement is not yet known (the day is off; the notice may add 补假 and 调休 around it).
 */
export type DaySource = 'statutory' | 'rule' | 'override' | 'weekend' | 'weekday' | 'unknown';

export interface DayDescription {
  date: string;
  working: boolean;
  /** Holiday or override name, e.g. 国庆节, 国庆节（调休上班）. */
  name?: string;
  /**
   * `unknown`: the year has neither chinese-days data nor a declared arrangement, so `working` is a guess
   * from the weekday alone; `rule`: the same kind of year, a holiday fixed by the 放假办法.
   */
  source: DaySource;
}

export interface DueDate {
  due: string;
  /** True when some day counted over lies in a year with no known holiday arrangement. */
  beyondKnownCalendar: boolean;
}

/** Values look like `National Day,国庆节,3`: English name, Chinese name, length of the holiday. */
const STATUTORY = chineseDays as { holidays: Record<string, string>; workdays: Record<string, string> };

const STATUTORY_YEARS: ReadonlySet<number> = new Set(
  [...Object.keys(STATUTORY.holidays), ...Object.keys(STATUTORY.workdays)].map((d) => Number(d.slice(0, 4))),
);
const FIRST_STATUTORY_YEAR = Math.min(...STATUTORY_YEARS);
const LAST_STATUTORY_YEAR = Math.max(...STATUTORY_YEARS);

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Is `s` a real calendar date written `YYYY-MM-DD`? */
export function isIsoDate(s: string): boolean {
  return dayNumberOf(s) !== undefined;
}

/** Days since 1970-01-01 (UTC), or undefined when `s` is not a real `YYYY-MM-DD` date. */
function dayNumberOf(s: string): number | undefined {
  const m = ISO_DATE.exec(s);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  date.setUTCFullYear(y, mo - 1, d);
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return date.getTime() / DAY_MS;
}

function isoDateOf(dayNumber: number): string {
  const date = new Date(dayNumber * DAY_MS);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + 1;
  const d = date.getUTCDate();
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function parseDate(s: string, what: string): number {
  const n = dayNumberOf(s);
  if (n === undefined) throw new RangeError(`${what} must be a YYYY-MM-DD date, got ${JSON.stringify(s)}`);
  return n;
}

interface DayInfo {
  working: boolean;
  name: string | undefined;
  source: DaySource;
  /** The year has chinese-days data or at least one override. */
  known: boolean;
}

/**
 * Working-day arithmetic over the national arrangement plus local overrides. Instances are
 * immutable; build a new one when the overrides change.
 */
export class WorkingCalendar {
  readonly #overrides = new Map<string, DayOverride>();
  readonly #knownYears = new Set<number>(STATUTORY_YEARS);
  readonly #cache = new Map<number, DayInfo>();

  /**
   * Later entries for the same date replace earlier ones. Throws RangeError on a malformed date.
   * `declaredYears` are years whose official arrangement an administrator has entered in full
   * (the State Council publishes each year's in November): an override alone, such as one local
   * day off, does not make its year known.
   */
  constructor(overrides: readonly DayOverride[] = [], declaredYears: readonly number[] = []) {
    for (const o of overrides) {
      parseDate(o.date, 'override date');
      this.#overrides.set(o.date, o);
    }
    for (const y of declaredYears) this.#knownYears.add(y);
  }

  /** The years the chinese-days data covers (declared years add to them). */
  static knownYears(): { first: number; last: number } {
    return { first: FIRST_STATUTORY_YEAR, last: LAST_STATUTORY_YEAR };
  }

  isWorkingDay(date: string): boolean {
    return this.#info(parseDate(date, 'date')).working;
  }

  describe(date: string): DayDescription {
    const info = this.#info(parseDate(date, 'date'));
    return {
      date,
      working: info.working,
      ...(info.name === undefined ? {} : { name: info.name }),
      source: info.source,
    };
  }

  /**
   * The due date of a time limit of `n` working days accepted on `from`: the day of acceptance is
   * not counted, so the due date is the n-th working day strictly after `from` (`from` itself when
   * n = 0). `beyondKnownCalendar` flags a due date that may move once the arrangement for some
   * year walked over, in (from, due], is published or entered.
   */
  addWorkingDays(from: string, n: number): DueDate {
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
    let day = parseDate(from, 'from');
    let beyondKnownCalendar = false;
    for (let left = n; left > 0; ) {
      day += 1;
      const info = this.#info(day);
      if (!info.known) beyondKnownCalendar = true;
      if (info.working) left -= 1;
    }
    return { due: isoDateOf(day), beyondKnownCalendar };
  }

  /**
   * Working days in (from, to] — the count `addWorkingDays` uses, so
   * `workingDaysBetween(from, addWorkingDays(from, n).due) === n`. When `to` is before `from` the
   * result is negative: minus the working days in (to, from]. Thus `workingDaysBetween(today, due)`
   * is the working days left, and its negation the working days overdue; the function is
   * antisymmetric and additive (between(a, b) + between(b, c) === between(a, c)).
   */
  workingDaysBetween(from: string, to: string): number {
    const a = parseDate(from, 'from');
    const b = parseDate(to, 'to');
    const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
    let count = 0;
    for (let day = lo + 1; day <= hi; day++) if (this.#info(day).working) count++;
    return count === 0 ? 0 : sign * count; // never -0
  }

  #info(dayNumber: number): DayInfo {
    let info = this.#cache.get(dayNumber);
    if (info === undefined) {
      info = this.#lookup(isoDateOf(dayNumber), dayNumber);
      this.#cache.set(dayNumber, info);
    }
    return info;
  }

  #lookup(date: string, dayNumber: number): DayInfo {
    const known = this.#knownYears.has(Number(date.slice(0, 4)));
    const override = this.#overrides.get(date);
    if (override) return { working: override.kind === 'workday', name: override.name, source: 'override', known };
    const workday = STATUTORY.workdays[date];
    if (workday !== undefined)
      return { working: true, name: `${chineseName(workday)}（调休上班）`, source: 'statutory', known };
    const holiday = STATUTORY.holidays[date];
    if (holiday !== undefined) return { working: false, name: chineseName(holiday), source: 'statutory', known };
    // Past the published data the fixed holidays still stand: the rule counts them until the notice is in.
    const byRule = Number(date.slice(0, 4)) > LAST_STATUTORY_YEAR ? ruleHolidayOn(date) : undefined;
    if (byRule !== undefined) return { working: false, name: byRule, source: 'rule', known };
    // 1970-01-01 was a Thursday: day 0 → weekday 4 (0 = Sunday).
    const weekday = (((dayNumber + 4) % 7) + 7) % 7;
    const weekend = weekday === 0 || weekday === 6;
    return { working: !weekend, name: undefined, source: known ? (weekend ? 'weekend' : 'weekday') : 'unknown', known };
  }
}

function chineseName(value: string): string {
  return value.split(',')[1] ?? value;
}
