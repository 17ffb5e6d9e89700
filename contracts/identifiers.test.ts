import fc from 'fast-check';
import { describe, it } from 'vitest';
import { isValidCreditCode, isValidIdNumber, makeCreditCode, makeIdNumber } from '../server/src/platform/validators/index.js';
import { creditCodeValid, idNumberValid } from './identifiers.js';

const today = new Date('2026-06-01T00:00:00Z');
const digits = (n: number) => fc.array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n }).map((a) => a.join(''));
const creditChars = (n: number) => fc.array(fc.constantFrom(...'0123456789ABCDEFGHJKLMNPQRTUWXY'), { minLength: n, maxLength: n }).map((a) => a.join(''));

describe('portal identifier checks agree with the server validators', () => {
  it('ID numbers: valid ones, and any 18 characters', () => {
    const valid = fc.tuple(fc.integer({ min: 11, max: 82 }), fc.integer({ min: 1, max: 9999 }), fc.date({ min: new Date('1900-01-01'), max: new Date('2026-05-31'), noInvalidDate: true }), fc.integer({ min: 0, max: 999 }))
      .map(([p, r, d, s]) => makeIdNumber(`${p}${String(r).padStart(4, '0')}`, d.toISOString().slice(0, 10), s));
    const any = fc.tuple(digits(17), fc.constantFrom(...'0123456789Xx')).map(([a, b]) => a + b);
    fc.assert(fc.property(fc.oneof(valid, any), (n) => idNumberValid(n, today) === isValidIdNumber(n, today)), { numRuns: 2000 });
  });

  it('credit codes: valid ones, and any 18 characters of the alphabet', () => {
    const valid = fc.tuple(fc.constantFrom('9', '5', '1', 'Y'), fc.constantFrom('1', '2', '3'), digits(6), fc.array(fc.constantFrom(...'0123456789ABCDEFGHJKLMNPQRTUWXY'), { minLength: 8, maxLength: 8 }))
      .map(([a, o, r, org]) => makeCreditCode(a, o, r, org.join('')));
    fc.assert(fc.property(fc.oneof(valid, creditChars(18)), (c) => creditCodeValid(c) === isValidCreditCode(c)), { numRuns: 2000 });
  });
});
