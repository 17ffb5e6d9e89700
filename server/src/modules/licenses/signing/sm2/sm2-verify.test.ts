import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { sm2 } from 'sm-crypto-v2';
import { describe, expect, it } from 'vitest';
import { SM2_SOURCE_SHA256 } from './sm2-wasm.js';
import {
  SM2_CURVE,
  SM2_KEY_CACHE_SIZE,
  sm2CombinedXIsOneOf,
  sm2CoreFieldMul,
  sm2PublicPoint,
  sm2Verify,
  sm2Z,
} from './sm2-verify.js';

const { p, n } = SM2_CURVE;
const hex64 = (x: bigint) => x.toString(16).padStart(64, '0');
const mod = (x: bigint, m: bigint) => ((x % m) + m) % m;

/** The reference answer: sm-crypto-v2 on the same bytes (a throw is a "no", as the suite had it). */
function reference(message: Uint8Array, sig: Uint8Array, publicKey: string): boolean {
  try {
    return sm2.doVerifySignature(message, Buffer.from(sig).toString('hex'), publicKey, { hash: true, der: false });
  } catch {
    return false;
  }
}

const signWith = (message: Uint8Array, k: { privateKey: string; publicKey: string }): Buffer =>
  Buffer.from(sm2.doSignature(message, k.privateKey, { hash: true, der: false, publicKey: k.publicKey }), 'hex');

const rs = (r: bigint, s: bigint) => Buffer.from(hex64(r) + hex64(s), 'hex');

/** sG + tP by sm-crypto-v2's own point arithmetic (@noble/curves), independent of the WebAssembly core. */
function combined(publicKey: string) {
  const P = sm2.precomputePublicKey(publicKey);
  const base = (P.constructor as unknown as { BASE: typeof P }).BASE;
  return (s: bigint, t: bigint) => base.multiplyUnsafe(s).add(P.multiplyUnsafe(t));
}

const keys = [sm2.generateKeyPairHex(), sm2.generateKeyPairHex(), sm2.generateKeyPairHex()];
const messages = fc.uint8Array({ minLength: 0, maxLength: 600 });
const key = fc.constantFrom(...keys);

describe('SM2 verification (GB/T 32918.2) against sm-crypto-v2', () => {
  it('verifies the sample of GM/T 0003.5 annex A: ID 1234567812345678, "message digest"', () => {
    const d = '3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8';
    const publicKey =
      '0409f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020' +
      'ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13';
    expect(sm2.getPublicKeyFromPrivateKey(d)).toBe(publicKey);
    const message = Buffer.from('message digest');
    const e = createHash('sm3')
      .update(sm2Z(sm2PublicPoint(publicKey)!))
      .update(message)
      .digest('hex');
    expect(e).toBe('f0b43e94ba45accaace692ed534382eb17e6ab5a19ce7b31f4486fdfc0d28640');
    const sig = Buffer.from(
      'f5a03b0648d2c4630eeac513e1bb81a15944da3827d5b74143ac7eaceee720b3' +
        'b1b6aa29df212fd8763182bc0d421ca1bb9038fd1f7f42d4840b69c485bbc1aa',
      'hex',
    );
    expect(sm2Verify(message, sig, publicKey)).toBe(true);
    expect(reference(message, sig, publicKey)).toBe(true);
    expect(sm2Verify(Buffer.from('message digesT'), sig, publicKey)).toBe(false);
  });

  it('answers as sm-crypto-v2 for signatures, tampered messages, tampered r or s and another key', () => {
    fc.assert(
      fc.property(messages, key, key, fc.nat(511), (message, k, other, bit) => {
        const sig = signWith(message, k);
        expect(sm2Verify(message, sig, k.publicKey)).toBe(true);
        expect(reference(message, sig, k.publicKey)).toBe(true);
        const flipped = Buffer.from(sig);
        flipped[bit >> 3] = flipped[bit >> 3]! ^ (1 << (bit & 7));
        const tampered = Buffer.concat([message, Buffer.from([bit & 0xff])]);
        const cases: [Uint8Array, Uint8Array, string][] = [
          [tampered, sig, k.publicKey],
          [message, flipped, k.publicKey],
          [message, sig, other.publicKey],
        ];
        for (const [m, s, pk] of cases) expect(sm2Verify(m, s, pk)).toBe(reference(m, s, pk));
      }),
      { numRuns: 40 },
    );
  }, 30_000);

  it('refuses r or s of 0 or at least n, r + s = n, and answers as sm-crypto-v2', () => {
    const k = keys[0]!;
    const message = Buffer.from('{"number":"1.2.156.3005.2"}');
    const sig = signWith(message, k);
    const r = BigInt(`0x${sig.subarray(0, 32).toString('hex')}`);
    const s = BigInt(`0x${sig.subarray(32).toString('hex')}`);
    const bad = [
      rs(0n, s),
      rs(r, 0n),
      rs(n, s),
      rs(r, n),
      rs(r + n, s),
      rs(r, s + n),
      rs(2n ** 256n - 1n, s),
      rs(r, n - r),
    ];
    for (const b of bad) {
      expect(sm2Verify(message, b, k.publicKey)).toBe(false);
      expect(reference(message, b, k.publicKey)).toBe(false);
    }
    expect(sm2Verify(message, sig.subarray(0, 63), k.publicKey)).toBe(false);
  });

  it('refuses a key off the curve or malformed, and reads a compressed key as sm-crypto-v2 does', () => {
    const k = keys[1]!;
    const message = Buffer.from('黔味小吃');
    const sig = signWith(message, k);
    const { x, y } = sm2PublicPoint(k.publicKey)!;
    const offCurve = [`04${hex64(x)}${hex64(mod(y + 1n, p))}`, `04${hex64(x + p)}${hex64(y)}`.slice(0, 130)];
    for (const pk of offCurve) {
      expect(sm2Verify(message, sig, pk)).toBe(false);
      expect(reference(message, sig, pk)).toBe(false);
    }
    for (const pk of ['', '04', k.publicKey.slice(0, 128), `${k.publicKey}00`, `05${k.publicKey.slice(2)}`])
      expect(sm2Verify(message, sig, pk)).toBe(false);
    const compressed = sm2.compressPublicKeyHex(k.publicKey);
    expect(sm2Verify(message, sig, compressed)).toBe(true);
    expect(reference(message, sig, compressed)).toBe(true);
  });

  it('computes sG + tP as @noble/curves does, with either candidate', () => {
    const k = keys[2]!;
    const sGtP = combined(k.publicKey);
    const scalar = fc.bigInt({ min: 1n, max: n - 1n });
    fc.assert(
      fc.property(scalar, scalar, (s, t) => {
        const x1 = sGtP(s, t).x;
        expect(sm2CombinedXIsOneOf(k.publicKey, s, t, [x1])).toBe(true);
        expect(sm2CombinedXIsOneOf(k.publicKey, s, t, [mod(x1 + 1n, p), x1])).toBe(true);
        expect(sm2CombinedXIsOneOf(k.publicKey, s, t, [mod(x1 + 1n, p)])).toBe(false);
        expect(sm2CombinedXIsOneOf(k.publicKey, s, t, [mod(x1 - 1n, p), mod(x1 + n, p)])).toBe(false);
      }),
      { numRuns: 40 },
    );
  });

  it('refuses sG + tP at infinity, which sm-crypto-v2 reads as x1 = 0 and accepts', () => {
    // Only the private key's holder can make one: s = −r·d / (1 + d), r = e mod n.
    const k = keys[0]!;
    const d = BigInt(`0x${k.privateKey}`);
    const message = Buffer.from('at infinity');
    const e = BigInt(
      `0x${createHash('sm3')
        .update(sm2Z(sm2PublicPoint(k.publicKey)!))
        .update(message)
        .digest('hex')}`,
    );
    const r = e % n;
    const invN = (x: bigint) => {
      let res = 1n;
      for (let b = mod(x, n), ex = n - 2n; ex > 0n; ex >>= 1n, b = (b * b) % n) if (ex & 1n) res = (res * b) % n;
      return res;
    };
    const s = mod(-r * d * invN(1n + d), n);
    expect(combined(k.publicKey)(s, mod(r + s, n)).is0()).toBe(true);
    expect(sm2Verify(message, rs(r, s), k.publicKey)).toBe(false);
    expect(reference(message, rs(r, s), k.publicKey)).toBe(true);
  });

  it('multiplies field elements as BigInt does, at the edges of every limb and at random', () => {
    const rInv = (() => {
      let r = 1n;
      for (let b = (1n << 256n) % p, e = p - 2n; e > 0n; e >>= 1n, b = (b * b) % p) if (e & 1n) r = (r * b) % p;
      return r;
    })();
    const edges = [0n, 1n, 2n, p - 1n, p - 2n, (1n << 255n) - 1n, 1n << 255n, (1n << 224n) - 1n, 1n << 32n];
    for (let i = 0; i < 8; i++) edges.push(p - (1n << BigInt(32 * i)), ((1n << 32n) - 1n) << BigInt(32 * i));
    const element = fc.oneof(fc.constantFrom(...edges), fc.bigInt({ min: 0n, max: p - 1n }));
    fc.assert(
      fc.property(element, element, (x, y) => {
        expect(sm2CoreFieldMul(x, y)).toBe((((x * y) % p) * rInv) % p);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps verifying right when more keys than the cache holds take turns (tables rebuilt in reused slots)', () => {
    const many = Array.from({ length: SM2_KEY_CACHE_SIZE + 2 }, () => sm2.generateKeyPairHex());
    const message = Buffer.from('用证');
    const sigs = many.map((k) => signWith(message, k));
    for (const round of [0, 1])
      many.forEach((k, i) => {
        expect(sm2Verify(message, sigs[i]!, k.publicKey), `key ${i}, pass ${round}`).toBe(true);
        expect(sm2Verify(message, sigs[(i + 1) % many.length]!, k.publicKey)).toBe(false);
      });
  }, 30_000);

  it('is built from the committed sm2.c (npm run build:sm2-wasm after changing it)', async () => {
    const { readFile } = await import('node:fs/promises');
    const source = await readFile(new URL('./sm2.c', import.meta.url));
    expect(createHash('sha256').update(source).digest('hex')).toBe(SM2_SOURCE_SHA256);
  });
});
