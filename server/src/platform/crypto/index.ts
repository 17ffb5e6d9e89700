export { createFieldCipher, parseKey, type FieldCipher, type KeyRing, type Suite } from './field-cipher.js';
export { loadDataKey } from './data-key.js';
export { dataKeysFrom, cipherFrom, type DataKeys } from './keys.js';
export { reencryptColumns } from './reencrypt.js';
export { sealRecord, openRecord, openSealedRecord } from './sealed-record.js';
