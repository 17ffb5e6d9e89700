import type { Db } from '../../platform/db/index.js';
import type { CalendarService } from '../../platform/calendar/calendar.service.js';

export interface EvaluationDeps {
  db: Db;
  calendar: CalendarService;
  now: () => Date;
  /** Working days for the return visit after a bad review, and for its rectification (set locally). */
  deadlines: { callBackDays: number; rectifyDays: number };
}
