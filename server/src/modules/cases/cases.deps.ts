import type { Db } from '../../platform/db/index.js';
import type { CalendarService } from '../../platform/calendar/calendar.service.js';
import type { ItemProcesses } from './process/item-processes.js';
import type { FileStore } from '../../platform/storage/index.js';
import type { FieldCipher } from '../../platform/crypto/index.js';
import type { MaterialSources } from './handling/reuse.service.js';
import type { Condition } from '../../../../contracts/cases.js';
import type { Explanation } from '../../../../contracts/proactive.js';
import type { FieldError } from '../../platform/errors.js';

/**
 * 秒批 rules are rules of the platform's one rule language (主动服务's engine), which depends on
 * cases: the app wires them in.
 */
export interface AutoApprovalPort {
  /** Problems of the rules, as field errors under `autoApproval.rules`. */
  check(rules: readonly Condition[]): FieldError[];
  /**
   * The rules judged on `day` on the registry record of the applicant (and of the enterprise they
   * act for), each explained in words with the value used; undefined when the registry holds no
   * record of the applicant.
   */
  judge(
    db: Db,
    who: { registryPersonId: string; creditCode?: string },
    rules: readonly Condition[],
    about: { day: string; version: number; legalBasis: string },
  ): Promise<Explanation | undefined>;
}

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
  /** 秒批 judged by the rule engine; not wired: no case is approved at once. */
  autoApproval?: AutoApprovalPort;
  /** Where people reach the platform (the QR code of a case points at its tracking page). */
  publicUrl: string;
}
