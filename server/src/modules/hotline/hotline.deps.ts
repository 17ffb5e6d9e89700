import type { FieldCipher } from '../../platform/crypto/index.js';
import type { Db } from '../../platform/db/index.js';

/** The hotline module's ports, wired in app.ts. */
export interface HotlineDeps {
  db: Db;
  cipher: FieldCipher;
  auditKey: Buffer;
  now: () => Date;
}
