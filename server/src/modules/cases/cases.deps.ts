import type { Db } from '../../platform/db/index.js';
import type { CalendarService } from '../../platform/calendar/calendar.service.js';
import type { ItemProcesses } from './process/item-processes.js';
import type { FileStore } from '../../platform/storage/index.js';
import type { FieldCipher } from '../../platform/crypto/index.js';
import type { MaterialSources } from './handling/reuse.service.js';

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
  /** 容缺受理: working days after acceptance within which a promised material must be brought. */
  toleranceDays: number;
  /** A registered person by ID number (identity owns the accounts and their encrypted identifiers). */
  findResident: (idNumber: string) => Promise<{ id: string; name: string } | undefined>;
  /** Key of the audit chain (staff reading an applicant's material is audited). */
  auditKey: Buffer;
  /** Encrypts the personal data cases keeps itself (the delivery address, recipient and phone). */
  cipher: FieldCipher;
  /** E-licences and shared data that stand in for materials (免提交); none when not wired. */
  materialSources?: MaterialSources;
  /** The e-licences a case produced (证照通 owns them); none when not wired. */
  producedLicenses?: (
    caseId: string,
    at: Date,
  ) => Promise<{ id: string; number: string; typeName: string; status: string; validUntil: string | null }[]>;
  /** Where people reach the platform (the QR code of a case points at its tracking page). */
  publicUrl: string;
}
