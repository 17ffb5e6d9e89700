/**
 * 电子签名: one interface over the two signature suites a licence may carry — SM2 with SM3
 * (GB/T 32918, user id `1234567812345678`, raw r‖s; keys and signatures by `sm-crypto-v2`,
 * verification by `sm2/sm2-verify.ts`, cross-checked against it) where the platform runs the
 * 国密 suite, Ed25519 (node:crypto) otherwise. Signatures travel as base64url, decoded strictly.
 * Public keys are cached (precomputed tables / key objects): verification is the hot path.
 */
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign as edSign,
  verify as edVerify,
  type JsonWebKeyInput,
  type KeyObject,
} from 'node:crypto';
import { sm2 } from 'sm-crypto-v2';
import type { SignatureAlg } from '../licenses.tables.js';
import { sm2Verify } from './sm2/sm2-verify.js';

export interface SignatureSuite {
  alg: SignatureAlg;
  /** A new key pair: the public key as published (Ed25519: JWK JSON; SM2: hex), the private key as stored (encrypted by the caller). */
  generate(): { publicKey: string; privateKey: string };
  sign(message: Uint8Array, privateKey: string, publicKey: string): string;
  verify(message: Uint8Array, signature: string, publicKey: string): boolean;
}

const cache = <V>(make: (k: string) => V) => {
  const m = new Map<string, V>();
  return (k: string): V => {
    let v = m.get(k);
    if (v === undefined) {
      v = make(k);
      if (m.size > 1000) m.delete(m.keys().next().value!);
      m.set(k, v);
    }
    return v;
  };
};

/**
 * Strict base64url: only the alphabet, no padding, and the canonical encoding of the bytes — a last
 * character whose unused bits are set decodes to the same bytes in Node but is another string, and
 * must not pass for the signature.
 */
export function strictBase64url(text: string): Buffer | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : undefined;
}

const edPublic = cache<KeyObject>((jwk) =>
  createPublicKey({ key: JSON.parse(jwk) as JsonWebKeyInput['key'], format: 'jwk' }),
);
const edPrivate = cache<KeyObject>((jwk) =>
  createPrivateKey({ key: JSON.parse(jwk) as JsonWebKeyInput['key'], format: 'jwk' }),
);

export const ED25519: SignatureSuite = {
  alg: 'Ed25519',
  generate() {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    return {
      publicKey: JSON.stringify(publicKey.export({ format: 'jwk' })),
      privateKey: JSON.stringify(privateKey.export({ format: 'jwk' })),
    };
  },
  sign: (message, privateKey) => edSign(null, message, edPrivate(privateKey)).toString('base64url'),
  verify(message, signature, publicKey) {
    const sig = strictBase64url(signature);
    return sig?.length === 64 && edVerify(null, message, edPublic(publicKey), sig);
  },
};

export const SM2: SignatureSuite = {
  alg: 'SM2',
  generate() {
    const { publicKey, privateKey } = sm2.generateKeyPairHex();
    return { publicKey, privateKey };
  },
  sign: (message, privateKey, publicKey) =>
    Buffer.from(sm2.doSignature(message, privateKey, { hash: true, der: false, publicKey }), 'hex').toString(
      'base64url',
    ),
  verify(message, signature, publicKey) {
    const sig = strictBase64url(signature);
    return sig?.length === 64 && sm2Verify(message, sig, publicKey);
  },
};

export const suiteFor = (alg: SignatureAlg): SignatureSuite => (alg === 'SM2' ? SM2 : ED25519);
