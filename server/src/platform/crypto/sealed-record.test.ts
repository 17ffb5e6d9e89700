import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { createFieldCipher } from './field-cipher.js';
import { openRecord, sealRecord } from './sealed-record.js';

const key = randomBytes(32);
const cipher = createFieldCipher({ suite: 'sm4', current: 'k1', keys: { k1: key }, indexKey: key });

describe('sealed records', () => {
  it('keeps only the clear keys readable and gives the whole record back in its order', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.string({ minLength: 1, maxLength: 8 }).filter((k) => k !== '__proto__'),
          fc.oneof(fc.string(), fc.integer(), fc.boolean()),
        ),
        fc.array(fc.string({ minLength: 1, maxLength: 8 })),
        (record, clearList) => {
          const clearKeys = new Set(clearList);
          const { clear, sealed } = sealRecord(cipher, record, clearKeys);
          expect(Object.keys(clear).every((k) => clearKeys.has(k))).toBe(true);
          expect(sealed === null).toBe(Object.keys(record).every((k) => clearKeys.has(k)));
          const back = openRecord(cipher, JSON.parse(JSON.stringify(clear)), sealed);
          expect(back).toEqual(record);
          expect(Object.keys(back)).toEqual(Object.keys(record));
        },
      ),
    );
  });

  it('leaves no personal value in the stored text', () => {
    const { clear, sealed } = sealRecord(
      cipher,
      { area: 60, safetyManagerId: '11010519491231002X', phone: '13812345678' },
      new Set(['area']),
    );
    const stored = JSON.stringify(clear) + sealed;
    expect(stored).not.toContain('11010519491231002X');
    expect(stored).not.toContain('13812345678');
    expect(clear).toEqual({ area: 60 });
  });
});
