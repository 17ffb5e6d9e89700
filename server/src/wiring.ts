/**
 * How the modules' use cases are wired to each other and to the platform: the HTTP app uses it, and
 * so does the first-start demo history (seed/history), which drives the same use cases under a
 * simulated clock — one wiring, so the history is written exactly as the routes would write it.
 */
import type { Config } from './config.js';
import type { Db } from './platform/db/index.js';
import type { FieldCipher } from './platform/crypto/index.js';
import type { CalendarService } from './platform/calendar/calendar.service.js';
import type { Log } from './platform/context.js';
import { createFileStore } from './platform/storage/index.js';
import { caseOfApplicant, ItemProcesses, type CasesDeps } from './modules/cases/index.js';
import { autoApprovalPort } from './modules/proactive/index.js';
import { findValidLicenses, licensesOfCase, recordLicenseUse, type LicensesDeps } from './modules/licenses/index.js';
import { personByIdNumber, personIdentifiers, type IdentityDeps } from './modules/identity/index.js';
import { resourcesHolding } from './modules/exchange/index.js';
import type { EvaluationDeps } from './modules/evaluation/index.js';
import type { SupervisionDeps } from './modules/supervision/index.js';

/** What every module's deps are made from. */
export interface Wiring {
  config: Config;
  db: Db;
  cipher: FieldCipher;
  /** The index key: blind indexes and the audit chain. */
  indexKey: Buffer;
  /** One calendar per process: an administrator's override is seen at once by every deadline. */
  calendar: CalendarService;
}

/** 审批服务系统: the case use cases, with 免提交 from the licences and shared data, 秒批 on the rule engine. */
export function casesDeps(
  { config, db, indexKey, cipher, calendar }: Wiring,
  now: () => Date,
  processes: ItemProcesses = new ItemProcesses(db),
): CasesDeps {
  return {
    db,
    calendar,
    now,
    publicUrl: config.publicUrl,
    processes,
    files: createFileStore(config.storage),
    uploadMaxBytes: config.uploadMaxBytes,
    toleranceDays: config.toleranceDays,
    auditKey: indexKey,
    cipher,
    findResident: (idNumber) => personByIdNumber({ db, cipher }, idNumber),
    producedLicenses: (caseId, at) => licensesOfCase(db, caseId, at),
    // 秒批 on the platform's rule engine (主动服务 owns it and depends on cases).
    autoApproval: autoApprovalPort(cipher),
    // 免提交: valid e-licences and shared registry data of the applicant stand in for the materials they satisfy.
    materialSources: {
      licenses: (holder, types, at) => findValidLicenses({ db, cipher }, holder, types, at),
      sharedData: async (holder, resources) => {
        const person = await personIdentifiers({ db, cipher }, holder.personId);
        return resourcesHolding(
          db,
          cipher,
          { idNumber: person?.idNumber, creditCode: holder.enterprise?.creditCode },
          resources,
        );
      },
      recordLicenseUse: (trx, use) => recordLicenseUse(trx, { ...use, staffId: null }, indexKey),
    },
  };
}

/** 证照通: licences signed SM2 where the platform runs the 国密 suite, Ed25519 otherwise. */
export function licensesDeps({ config, db, indexKey, cipher }: Wiring, now: () => Date): LicensesDeps {
  return {
    db,
    cipher,
    auditKey: indexKey,
    now,
    publicUrl: config.publicUrl,
    signatureAlg: config.dataCipher === 'sm4' ? 'SM2' : 'Ed25519',
    caseOfHolder: (caseId, holder) => caseOfApplicant(db, caseId, holder),
  };
}

/** 用户通: accounts, staff and the audit trail. */
export function identityDeps({ config, db, indexKey, cipher }: Wiring, now: () => Date, log: Log): IdentityDeps {
  return {
    db,
    cipher,
    auditKey: indexKey,
    production: config.env === 'production',
    log,
    now,
    policy: config.signIn,
  };
}

/** 好差评: ratings and the rectification of bad reviews. */
export function evaluationDeps({ config, db, calendar }: Wiring, now: () => Date): EvaluationDeps {
  return { db, calendar, now, deadlines: config.evaluation };
}

/** 监管服务系统: complaints and 电子监察, answered within `COMPLAINT_ANSWER_DAYS` working days. */
export function supervisionDeps({ config, db, indexKey, cipher, calendar }: Wiring, now: () => Date): SupervisionDeps {
  return {
    db,
    calendar,
    cipher,
    now,
    answerDays: config.complaintAnswerDays,
    acceptanceDays: config.supervision.acceptanceDays,
    auditKey: indexKey,
    bulkDecisions: config.supervision.bulkDecisions,
  };
}
