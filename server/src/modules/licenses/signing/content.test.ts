import { afterEach, describe, expect, it, vi } from 'vitest';
import { signatureHolds, contentBytes, type LicenseContent } from './content.js';
import { SM2 } from './suites.js';

const content = (number: string) =>
  ({
    spec: 'tongban-license/1',
    number,
    version: 1,
    type: { code: '11100000MB0143028R001', name: '残疾人证' },
  }) as unknown as LicenseContent;

describe('signatureHolds', () => {
  afterEach(() => vi.restoreAllMocks());

  it('verifies a signature once and answers the same question from what it found, never a different one', () => {
    const keys = SM2.generate();
    const a = content('1.2.156.3005.2.11100000MB0143028R001.52010019900101001X.001.A');
    const sig = SM2.sign(contentBytes(a), keys.privateKey, keys.publicKey);
    const verify = vi.spyOn(SM2, 'verify');
    expect(signatureHolds(a, 'SM2', sig, keys.publicKey)).toBe(true);
    expect(signatureHolds(a, 'SM2', sig, keys.publicKey)).toBe(true);
    expect(verify).toHaveBeenCalledTimes(1);
    // Altered content, another key, another signature: each a question of its own, and false.
    const altered = { ...a, number: `${a.number}X` } as LicenseContent;
    expect(signatureHolds(altered, 'SM2', sig, keys.publicKey)).toBe(false);
    expect(signatureHolds(a, 'SM2', sig, SM2.generate().publicKey)).toBe(false);
    expect(signatureHolds(a, 'SM2', `${sig.slice(0, -2)}AA`, keys.publicKey)).toBe(false);
    expect(signatureHolds(a, 'Ed25519', sig, keys.publicKey)).toBe(false);
    expect(verify).toHaveBeenCalledTimes(4);
    // A false answer is kept as well.
    expect(signatureHolds(altered, 'SM2', sig, keys.publicKey)).toBe(false);
    expect(verify).toHaveBeenCalledTimes(4);
  });
});
