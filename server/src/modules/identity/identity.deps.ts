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
}
