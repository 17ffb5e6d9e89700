import type { Db } from '../../platform/db/index.js';
import { reencryptColumns, type FieldCipher } from '../../platform/crypto/index.js';

/** Re-encrypts the module's personal data and signing keys with the current data key (key rotation). */
export async function reencryptLicenseData(db: Db, cipher: FieldCipher): Promise<number> {
  return (
    (await reencryptColumns(db, cipher, {
      table: 'licenses.license',
      key: 'id',
      columns: ['holder_id_enc', 'data_enc'],
    })) +
    (await reencryptColumns(db, cipher, { table: 'licenses.signing_key', key: 'kid', columns: ['private_key_enc'] }))
  );
}
