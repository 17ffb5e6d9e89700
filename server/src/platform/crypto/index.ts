export { createFieldCipher, parseKey, type FieldCipher, type KeyRing, type Suite } from './field-cipher.js';
export { loadDataKey } from './data-key.js';
