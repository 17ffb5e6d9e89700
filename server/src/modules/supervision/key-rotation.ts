import type { Db } from '../../platform/db/index.js';
import { reencryptColumns, type FieldCipher } from '../../platform/crypto/index.js';

/** Re-encrypts what residents wrote in complaints and reports with the current data key (key rotation). */
export const reencryptSupervisionData = (db: Db, cipher: FieldCipher): Promise<number> =>
  reencryptColumns(db, cipher, { table: 'supervision.complaint', key: 'id', columns: ['content_enc'] });
