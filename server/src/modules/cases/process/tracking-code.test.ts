import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newTrackingCode, normaliseTrackingCode, TRACKING_CODE } from './tracking-code.js';

describe('tracking codes', () => {
  it('are date-prefixed and readable', () => {
    const code = newTrackingCode('2026-11-23');
    expect(code).toMatch(/^261123-/);
    expect(code).toMatch(TRACKING_CODE);
  });

  it('survive the ways people retype them', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2020-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), (d) => {
        const code = newTrackingCode(d.toISOString().slice(0, 10));
        expect(normaliseTrackingCode(code.toLowerCase())).toBe(code);
        expect(normaliseTrackingCode(` ${code.replace('-', ' ')} `)).toBe(code);
      }),
    );
    expect(normaliseTrackingCode('261123-k7q2mo')).toBe('261123-K7Q2M0');
  });
});
