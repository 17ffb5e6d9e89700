import { createFieldCipher, type FieldCipher } from '../platform/crypto/index.js';

/** The data key of every test database (the template's registries are encrypted with it). */
export const TEST_DATA_KEY = '7e57'.repeat(16);

export const testCipher = (): FieldCipher => {
  const key = Buffer.from(TEST_DATA_KEY, 'hex');
  return createFieldCipher({ suite: 'sm4', current: 'k1', keys: { k1: key }, indexKey: key });
};
