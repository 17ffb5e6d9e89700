import type { Db } from '../../platform/db/index.js';
import type { CalendarService } from '../../platform/calendar/calendar.service.js';

/** What the case use cases need besides the caller. */
export interface CasesDeps {
  db: Db;
  calendar: CalendarService;
  now: () => Date;
  /** Where people reach the platform (the QR code of a case points at its tracking page). */
  publicUrl: string;
}
