import type { Db } from '../../platform/db/index.js';
import type { FieldCipher } from '../../platform/crypto/index.js';
import type { Log } from '../../platform/context.js';

/** What the proactive use cases need: the database, the clock, the cipher of the registries, a log, the audit key. */
export interface ProactiveDeps {
  db: Db;
  now: () => Date;
  cipher: FieldCipher;
  log: Log;
  /** Keys the audit chain (政策管理 changes are audited). */
  auditKey: Buffer;
}
