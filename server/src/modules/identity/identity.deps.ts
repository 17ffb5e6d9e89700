import type { Db } from '../../platform/db/index.js';
import type { FieldCipher } from '../../platform/crypto/index.js';
import type { Log } from '../../platform/context.js';

/** What the identity use cases need besides the caller: the database, the field cipher for
 * personal identifiers, the audit key, and whether this is production (secure cookies, no codes
 * in the log). */
export interface IdentityDeps {
  db: Db;
  cipher: FieldCipher;
  auditKey: Buffer;
  production: boolean;
  log: Log;
  now: () => Date;
  /** Idle timeout, password history and age (等保三级). */
  policy: SignInPolicy;
}

/** 等保三级 sign-in and session policy (from configuration). */
export interface SignInPolicy {
  /** Minutes without a request after which a session ends, by kind of account. */
  idleMinutes: { staff: number; person: number };
  /** How many earlier staff passwords may not be reused. */
  passwordHistory: number;
  /** Days a staff password lasts before it must be changed at sign-in. */
  staffPasswordMaxDays: number;
}
