import type { Db } from '../../platform/db/index.js';
import type { CalendarService } from '../../platform/calendar/calendar.service.js';
import type { ItemProcesses } from './process/item-processes.js';

/** What the case use cases need besides the caller. */
export interface CasesDeps {
  db: Db;
  calendar: CalendarService;
  now: () => Date;
  /** Published items with their active process (a short-lived cache). */
  processes: ItemProcesses;
  /** Where people reach the platform (the QR code of a case points at its tracking page). */
  publicUrl: string;
}
