import { describe, expect, it } from 'vitest';
import { ED25519, SM2 } from './suites.js';

describe.each([ED25519, SM2])('$alg signatures', (suite) => {
  const keys = suite.generate();
  const message = Buffer.from('{"name":"黔味小吃","number":"1.2.156.3005.2"}', 'utf8');

  it('verifies what it signed and nothing else', () => {
    const sig = suite.sign(message, keys.privateKey, keys.publicKey);
    expect(suite.verify(message, sig, keys.publicKey)).toBe(true);
    expect(suite.verify(Buffer.from(message.toString().replace('黔', '贵')), sig, keys.publicKey)).toBe(false);
    const flipped = Buffer.from(sig, 'base64url');
    flipped[5] = flipped[5]! ^ 1;
    expect(suite.verify(message, flipped.toString('base64url'), keys.publicKey)).toBe(false);
    expect(suite.verify(message, sig, suite.generate().publicKey)).toBe(false);
    expect(suite.verify(message, 'short', keys.publicKey)).toBe(false);
  });

  it('accepts only the canonical base64url of the signature', () => {
    const sig = suite.sign(message, keys.privateKey, keys.publicKey);
    // 64 bytes are 86 characters: the last one carries 2 bits, its other 4 must be zero.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(sig.at(-1)!);
    const variants = [1, 2, 4, 8].map((bit) => `${sig.slice(0, -1)}${alphabet[last ^ bit]}`);
    for (const v of variants) {
      expect(Buffer.from(v, 'base64url').equals(Buffer.from(sig, 'base64url'))).toBe(true);
      expect(suite.verify(message, v, keys.publicKey)).toBe(false);
    }
    expect(suite.verify(message, `${sig}=`, keys.publicKey)).toBe(false);
    expect(suite.verify(message, `${sig.slice(0, 40)} ${sig.slice(40)}`, keys.publicKey)).toBe(false);
    expect(suite.verify(message, sig, keys.publicKey)).toBe(true);
  });
});
