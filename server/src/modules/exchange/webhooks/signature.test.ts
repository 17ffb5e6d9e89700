import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseSignatureHeader, signWebhook, verifyWebhookSignature } from './signature.js';

const secret = fc.string({ minLength: 1, maxLength: 64 });
const body = fc.string({ maxLength: 500 });
const ts = fc.integer({ min: 0, max: 4_000_000_000 });

describe('webhook signatures', () => {
  it('verifies what it signs, within the tolerance', () => {
    fc.assert(
      fc.property(secret, body, ts, fc.integer({ min: -300, max: 300 }), (s, b, t, skew) => {
        expect(verifyWebhookSignature(s, signWebhook(s, t, b), b, t + skew)).toEqual({ ok: true, timestamp: t });
      }),
    );
  });

  it('refuses another body, another secret, or a signature outside the tolerance', () => {
    fc.assert(
      fc.property(secret, secret, body, body, ts, (s1, s2, b1, b2, t) => {
        const header = signWebhook(s1, t, b1);
        if (b1 !== b2) expect(verifyWebhookSignature(s1, header, b2, t)).toEqual({ ok: false, reason: 'mismatch' });
        if (s1 !== s2) expect(verifyWebhookSignature(s2, header, b1, t)).toEqual({ ok: false, reason: 'mismatch' });
        expect(verifyWebhookSignature(s1, header, b1, t + 301)).toEqual({ ok: false, reason: 'stale' });
      }),
    );
  });

  it('refuses a timestamp moved without re-signing', () => {
    fc.assert(
      fc.property(secret, body, ts, fc.integer({ min: 1, max: 200 }), (s, b, t, d) => {
        const forged = signWebhook(s, t, b).replace(`t=${t}`, `t=${t + d}`);
        expect(verifyWebhookSignature(s, forged, b, t + d)).toEqual({ ok: false, reason: 'mismatch' });
      }),
    );
  });

  it('never throws on arbitrary headers, and parses only well-formed ones', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), body, (header, b) => {
        const r = verifyWebhookSignature('k', header, b, 0);
        if (r.ok) expect(parseSignatureHeader(header)).toBeDefined();
        const parsed = parseSignatureHeader(header);
        if (parsed) {
          expect(Number.isInteger(parsed.timestamp)).toBe(true);
          for (const s of parsed.signatures) expect(s).toMatch(/^[0-9a-f]{64}$/);
        }
      }),
    );
  });

  it('accepts any of several v1 values and ignores unknown schemes', () => {
    const good = signWebhook('new', 100, '{}').split(',')[1]!;
    expect(verifyWebhookSignature('new', `t=100,v0=zz,v1=${'0'.repeat(64)},${good}`, '{}', 100).ok).toBe(true);
    expect(parseSignatureHeader('t=1,t=2,v1=' + '0'.repeat(64))).toBeUndefined();
    expect(parseSignatureHeader('v1=' + '0'.repeat(64))).toBeUndefined();
  });
});
