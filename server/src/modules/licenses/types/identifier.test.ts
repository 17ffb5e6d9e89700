import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasValidMod3736Check, isLicenseNumber, licenseNumber, mod3736Check } from './identifier.js';

const alnum = fc.stringMatching(/^[0-9A-Z]{1,40}$/);

describe('licence identifier', () => {
  it('builds the GB/T 36903 layout with a check character that holds', () => {
    const n = licenseNumber({ oidCode: '1001', issuerCreditCode: '11520103MB3Y001A0A', serial: 42, version: 1 });
    expect(n).toMatch(/^1\.2\.156\.3005\.2\.1001\.11520103MB3Y001A0A\.00000042\.001\.[0-9A-Z]$/);
    expect(isLicenseNumber(n)).toBe(true);
  });

  it('detects every single-character substitution (ISO 7064 MOD 37,36)', () => {
    fc.assert(
      fc.property(alnum, fc.nat(), fc.integer({ min: 1, max: 35 }), (s, at, shift) => {
        const withCheck = s + mod3736Check(s);
        expect(hasValidMod3736Check(withCheck)).toBe(true);
        const i = at % withCheck.length;
        const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
        const changed =
          withCheck.slice(0, i) + alphabet[(alphabet.indexOf(withCheck[i]!) + shift) % 36] + withCheck.slice(i + 1);
        expect(hasValidMod3736Check(changed)).toBe(false);
      }),
    );
  });
});
