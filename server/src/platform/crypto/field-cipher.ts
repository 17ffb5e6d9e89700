/**
 * Encryption of personal data at rest, behind one interface with two suites:
 * - `sm4`: SM4-CBC + HMAC-SM3 (encrypt-then-MAC; 国密, expected by 等保 reviewers),
 * - `aes`: AES-256-GCM.
 * Ciphertexts carry the suite and key id (`sm4.k1.<base64>`), so keys can be rotated: new data is
 * written with the current key, old data stays readable while its key is in the ring.
 * The blind index is a keyed HMAC of the normalised value: equality lookup without decryption.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

export type Suite = 'sm4' | 'aes';

export interface FieldCipher {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  /** Deterministic keyed digest for lookups (hex). Uses the index key, which is not rotated with the data keys. */
  blindIndex(plain: string): string;
  /** Whether a ciphertext was written with the current key (a rotation re-encrypts the others). */
  isCurrent(sealed: string): boolean;
}

interface DerivedKey {
  enc: Buffer;
  mac: Buffer;
}

function derive(master: Buffer, suite: Suite): DerivedKey {
  const len = suite === 'sm4' ? 16 : 32;
  return {
    enc: Buffer.from(hkdfSync('sha256', master, 'tongban', `field-enc-${suite}`, len)),
    mac: Buffer.from(hkdfSync('sha256', master, 'tongban', `field-mac-${suite}`, 32)),
  };
}

/** Parses a 32-byte key given as 64 hex characters or base64. */
export function parseKey(text: string): Buffer {
  const key = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== 32) throw new Error('a data key must be 32 bytes (64 hex characters or base64)');
  return key;
}

export interface KeyRing {
  suite: Suite;
  /** The key id new data is encrypted with. */
  current: string;
  keys: Record<string, Buffer>;
  /** Key of the blind index; stable across rotations so lookups keep working. */
  indexKey: Buffer;
}

export function createFieldCipher(ring: KeyRing): FieldCipher {
  const derived = new Map(Object.entries(ring.keys).map(([id, k]) => [id, derive(k, ring.suite)]));
  const current = derived.get(ring.current);
  if (!current) throw new Error(`current key ${ring.current} is not in the key ring`);
  const indexKey = Buffer.from(hkdfSync('sha256', ring.indexKey, 'tongban', 'blind-index', 32));
  const hmacAlg = ring.suite === 'sm4' ? 'sm3' : 'sha256';

  return {
    encrypt(plain) {
      if (ring.suite === 'aes') {
        const iv = randomBytes(12);
        const c = createCipheriv('aes-256-gcm', current.enc, iv);
        const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
        return `aes.${ring.current}.${Buffer.concat([iv, c.getAuthTag(), body]).toString('base64')}`;
      }
      const iv = randomBytes(16);
      const c = createCipheriv('sm4-cbc', current.enc, iv);
      const body = Buffer.concat([iv, c.update(plain, 'utf8'), c.final()]);
      const tag = createHmac('sm3', current.mac).update(body).digest();
      return `sm4.${ring.current}.${Buffer.concat([tag, body]).toString('base64')}`;
    },
    decrypt(sealed) {
      const [suite, keyId, payload] = sealed.split('.');
      const key = keyId ? derived.get(keyId) : undefined;
      if (!key || !payload || suite !== ring.suite) throw new Error('ciphertext from an unknown key or suite');
      const raw = Buffer.from(payload, 'base64');
      if (suite === 'aes') {
        const d = createDecipheriv('aes-256-gcm', key.enc, raw.subarray(0, 12));
        d.setAuthTag(raw.subarray(12, 28));
        return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
      }
      const tag = raw.subarray(0, 32);
      const body = raw.subarray(32);
      const expected = createHmac('sm3', key.mac).update(body).digest();
      if (!timingSafeEqual(tag, expected)) throw new Error('ciphertext failed its integrity check');
      const d = createDecipheriv('sm4-cbc', key.enc, body.subarray(0, 16));
      return Buffer.concat([d.update(body.subarray(16)), d.final()]).toString('utf8');
    },
    isCurrent(sealed) {
      return sealed.startsWith(`${ring.suite}.${ring.current}.`);
    },
    blindIndex(plain) {
      return createHmac(hmacAlg, indexKey).update(plain.trim().toUpperCase()).digest('hex');
    },
  };
}
