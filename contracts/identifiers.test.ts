import fc from 'fast-check';
import { describe, it } from 'vitest';
import {
  creditCodeCheckChar,
  isValidCreditCode,
  isValidIdNumber,
  makeCreditCode,
  makeIdNumber,
} from '../server/src/platform/validators/index.js';
import { creditCodeValid, idNumberValid } from './identifiers.js';

const today = new Date('2026-06-01T00:00:00Z');
const digits = (n: number) =>
  fc.array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n }).map((a) => a.join(''));
const creditChars = (n: number) =>
  fc
    .array(fc.constantFrom(...'0123456789ABCDEFGHJKLMNPQRTUWXY'), { minLength: n, maxLength: n })
    .map((a) => a.join(''));

describe('portal identifier checks agree with the server validators', () => {
  it('ID numbers: valid ones, and any 18 characters', () => {
    const valid = fc
      .tuple(
        fc.integer({ min: 11, max: 82 }),
        fc.integer({ min: 1, max: 9999 }),
        fc.date({ min: new Date('1900-01-01'), max: new Date('2026-05-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 999 }),
      )
      .map(([p, r, d, s]) => makeIdNumber(`${p}${String(r).padStart(4, '0')}`, d.toISOString().slice(0, 10), s));
    const any = fc.tuple(digits(17), fc.constantFrom(...'0123456789Xx')).map(([a, b]) => a + b);
    fc.assert(
      fc.property(fc.oneof(valid, any), (n) => idNumberValid(n, today) === isValidIdNumber(n, today)),
      { numRuns: 2000 },
    );
  });

  it('credit codes: valid ones, and any 18 characters of the alphabet', () => {
    const valid = fc
      .tuple(
        fc.constantFrom('9', '5', '1', 'Y'),
        fc.constantFrom('1', '2', '3'),
        digits(6),
        fc.array(fc.constantFrom(...'0123456789ABCDEFGHJKLMNPQRTUWXY'), { minLength: 8, maxLength: 8 }),
      )
      .map(([a, o, r, org]) => makeCreditCode(a, o, r, org.join('')));
    fc.assert(
      fc.property(fc.oneof(valid, creditChars(18)), (c) => creditCodeValid(c) === isValidCreditCode(c)),
      { numRuns: 2000 },
    );
  });
});

/** A valid identifier with the character at `at` replaced by another one of `alphabet`. */
const nearMiss = (valid: fc.Arbitrary<string>, alphabet: string, positions: fc.Arbitrary<number>) =>
  fc.tuple(valid, positions, fc.integer({ min: 1, max: alphabet.length - 1 })).map(([v, at, shift]) => {
    const replaced = alphabet[(alphabet.indexOf(v[at]!) + shift) % alphabet.length]!;
    return { valid: v, near: v.slice(0, at) + replaced + v.slice(at + 1) };
  });

describe('portal identifier checks refuse a near miss', () => {
  const validId = fc
    .tuple(
      fc.integer({ min: 11, max: 82 }),
      fc.integer({ min: 1, max: 9999 }),
      fc.date({ min: new Date('1900-01-01'), max: new Date('2026-05-31'), noInvalidDate: true }),
      fc.integer({ min: 0, max: 999 }),
    )
    .map(([p, r, d, s]) => makeIdNumber(`${p}${String(r).padStart(4, '0')}`, d.toISOString().slice(0, 10), s));
  const validCredit = fc
    .tuple(fc.constantFrom('9', '5', '1', 'Y'), fc.constantFrom('1', '2', '3'), digits(6), creditChars(8))
    .map(([a, o, r, org]) => makeCreditCode(a, o, r, org));

  it('an ID number with another check character, or one other digit', () => {
    fc.assert(
      fc.property(
        nearMiss(validId, '0123456789X', fc.constant(17)),
        ({ valid, near }) => idNumberValid(valid, today) && !idNumberValid(near, today),
      ),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(
        nearMiss(validId, '0123456789', fc.integer({ min: 0, max: 16 })),
        ({ valid, near }) => idNumberValid(valid, today) && !idNumberValid(near, today),
      ),
      { numRuns: 500 },
    );
  });

  it('a credit code with another check character, organisation-code check character, or one other character', () => {
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    for (const positions of [
      fc.constant(17),
      fc.constant(16),
      fc.integer({ min: 8, max: 15 }),
      fc.constantFrom(0, 1),
    ]) {
      fc.assert(
        fc.property(
          nearMiss(validCredit, alphabet, positions),
          ({ valid, near }) => creditCodeValid(valid) && !creditCodeValid(near),
        ),
        { numRuns: 300 },
      );
    }
    fc.assert(
      fc.property(
        nearMiss(validCredit, '0123456789', fc.integer({ min: 2, max: 7 })),
        ({ valid, near }) => creditCodeValid(valid) && !creditCodeValid(near),
      ),
      { numRuns: 300 },
    );
  });

  it('a credit code whose organisation-code check character is wrong although the overall one fits', () => {
    const wrongOrgCheck = nearMiss(validCredit, '0123456789ABCDEFGHJKLMNPQRTUWXY', fc.constant(16)).map(
      ({ valid, near }) => ({ valid, near: near.slice(0, 17) + creditCodeCheckChar(near.slice(0, 17)) }),
    );
    fc.assert(
      fc.property(wrongOrgCheck, ({ valid, near }) => creditCodeValid(valid) && !creditCodeValid(near)),
      { numRuns: 300 },
    );
  });
});
