import type { Db } from '../../platform/db/index.js';
import type { FieldCipher } from '../../platform/crypto/index.js';
import type { SignatureAlg } from './licenses.tables.js';

/** Whose case it is, as the cases module knows applicants: an identity person or enterprise account. */
export type HolderAccount = { personId: string } | { enterpriseId: string };

/** What the licence use cases need besides the caller. */
export interface LicensesDeps {
  db: Db;
  /** Encrypts holders' identifiers, licence data and private keys; its blind index finds holders. */
  cipher: FieldCipher;
  /** Key of the audit chain. */
  auditKey: Buffer;
  now: () => Date;
  /** Where people reach the platform: QR codes point at its verification page. */
  publicUrl: string;
  /** The signature suite of new licences: SM2 (国密) or Ed25519. VC-JWTs are always EdDSA. */
  signatureAlg: SignatureAlg;
  /**
   * 用证 within a case: the department and region of case `caseId` when the holder applied for it
   * (as the person who applied or the enterprise applied for), otherwise undefined.
   */
  caseOfHolder: (
    caseId: string,
    holder: HolderAccount,
  ) => Promise<{ departmentId: string; regionCode: string } | undefined>;
}

/** What signing and issuing need (the outbox subscriber and the seeds have no caller or case). */
export type SigningDeps = Pick<LicensesDeps, 'cipher' | 'auditKey' | 'now' | 'signatureAlg'>;
