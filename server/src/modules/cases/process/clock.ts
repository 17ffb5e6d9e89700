/**
 * Time limits of cases in working days (standards.md): the day of acceptance is not counted; the
 * clock stands still during 补正 and 特别程序, so a pause moves the due dates by the working days
 * it lasted.
 */
import type { WorkingCalendar } from '../../../platform/calendar/working-calendar.js';

export { beijingDate } from '../../../platform/calendar/beijing.js';

export const dueAfter = (calendar: WorkingCalendar, from: string, workingDays: number): string =>
  calendar.addWorkingDays(from, workingDays).due;

/** Working days a pause from `startedOn` to `endedOn` took out of the clock. */
export const pausedWorkingDays = (calendar: WorkingCalendar, startedOn: string, endedOn: string): number =>
  Math.max(0, calendar.workingDaysBetween(startedOn, endedOn));

/** Working days left until `dueOn` (negative when overdue). */
export const remainingWorkingDays = (calendar: WorkingCalendar, today: string, dueOn: string): number =>
  calendar.workingDaysBetween(today, dueOn);
