import type { Db } from '../../platform/db/index.js';
import type { CalendarService } from '../../platform/calendar/calendar.service.js';
import type { ItemProcesses } from './process/item-processes.js';
import type { FileStore } from '../../platform/storage/index.js';

/** What the case use cases need besides the caller. */
export interface CasesDeps {
  db: Db;
  calendar: CalendarService;
  now: () => Date;
  /** Published items with their active process (a short-lived cache). */
  processes: ItemProcesses;
  /** Where uploaded materials go, and how large one may be. */
  files: FileStore;
  uploadMaxBytes: number;
  /** A registered person by ID number (identity owns the accounts and their encrypted identifiers). */
  findResident: (idNumber: string) => Promise<{ id: string; name: string } | undefined>;
  /** Key of the audit chain (staff reading an applicant's material is audited). */
  auditKey: Buffer;
  /** Where people reach the platform (the QR code of a case points at its tracking page). */
  publicUrl: string;
}
