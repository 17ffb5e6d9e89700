/**
 * When a clock turns yellow (黄牌) and red (红牌), from the working-day calendar alone — computed
 * once when a clock starts or moves, so that the sweep compares timestamps and never walks a
 * calendar. Dates are Beijing dates; a day begins at 00:00 Beijing time (UTC+8).
 */
import type { WorkingCalendar } from '../../../platform/calendar/working-calendar.js';

/** A threshold for one item type: yellow when at most `days` working days or `share` of the limit is left. */
export interface Threshold {
  days: number;
  share: number;
}

/** The default practice: yellow at ≤ 1 working day or ≤ 20 % of the limit left; red once overdue. */
export const DEFAULT_THRESHOLD: Threshold = { days: 1, share: 0.2 };

/** Working days left at which a clock of `limitDays` turns yellow. */
export const yellowAtDaysLeft = (limitDays: number, t: Threshold): number =>
  Math.max(t.days, Math.floor(limitDays * t.share + 1e-9));

const DAY_MS = 86_400_000;
const shiftDate = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** 00:00 Beijing time of a date, as an instant. */
export const beijingMidnight = (date: string): Date => new Date(`${date}T00:00:00+08:00`);

/**
 * The first date on which at most `daysLeft` working days remain until `dueOn` (the days left on
 * a date d are the working days in (d, due]), never before `startedOn`.
 */
export function yellowOn(calendar: WorkingCalendar, startedOn: string, dueOn: string, daysLeft: number): string {
  if (dueOn <= startedOn) return startedOn;
  let day = dueOn;
  for (;;) {
    const before = shiftDate(day, -1);
    if (before < startedOn || calendar.workingDaysBetween(before, dueOn) > daysLeft) return day;
    day = before;
  }
}

/** The instants at which a clock due on `dueOn` turns yellow and red (red: the day after the due date). */
export function warningMoments(
  calendar: WorkingCalendar,
  clock: { startedOn: string; dueOn: string; limitDays: number },
  threshold: Threshold,
): { yellowAt: Date; redAt: Date } {
  const daysLeft = yellowAtDaysLeft(clock.limitDays, threshold);
  return {
    yellowAt: beijingMidnight(yellowOn(calendar, clock.startedOn, clock.dueOn, daysLeft)),
    redAt: beijingMidnight(shiftDate(clock.dueOn, 1)),
  };
}

/** The region one level up (county 520102 → city 5201 → province 52): its supervising unit gets red warnings. */
export function regionAbove(regionCode: string): string {
  if (regionCode.length > 6) return regionCode.slice(0, 6);
  if (regionCode.length > 2) return regionCode.slice(0, regionCode.length - 2);
  return regionCode;
}

export { shiftDate };
