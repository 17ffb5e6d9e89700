/**
 * 证照内容: what a licence's signature covers, rebuilt from its stored row by the issuer and by
 * every verifier. Its status is not part of it (a revocation does not change what was issued).
 */
import { createHash } from 'node:crypto';
import type { FieldCipher } from '../../../platform/crypto/index.js';
import type { Selectable } from 'kysely';
import { getLicenseType } from '../types/license-types.js';
import type { HolderKind, LicenseTable } from '../licenses.tables.js';
import { canonicalBytes } from './canonical.js';
import { suiteFor } from './suites.js';

export type LicenseData = Record<string, string | number | null>;

export interface LicenseContent {
  [key: string]: unknown;
  spec: 'tongban-license/1';
  number: string;
  version: number;
  type: { code: string; name: string };
  /** 持证主体: 111 = 公民身份号码, 001 = 统一社会信用代码 (GB/T 36904). */
  holder: { kind: HolderKind; idType: '111' | '001'; id: string; name: string };
  issuer: { departmentId: string; name: string; creditCode: string };
  issuedAt: string;
  validFrom: string;
  validUntil: string | null;
  data: LicenseData;
  previous: string | null;
}

export const idTypeOf = (kind: HolderKind): '111' | '001' => (kind === 'person' ? '111' : '001');

type ContentRow = Pick<
  Selectable<LicenseTable>,
  | 'number'
  | 'version'
  | 'typeCode'
  | 'holderKind'
  | 'holderIdEnc'
  | 'holderName'
  | 'issuerDepartmentId'
  | 'issuerName'
  | 'issuerCreditCode'
  | 'issuedAt'
  | 'validFrom'
  | 'validUntil'
  | 'dataEnc'
>;

export function contentOf(row: ContentRow, previousNumber: string | null, cipher: FieldCipher): LicenseContent {
  return {
    spec: 'tongban-license/1',
    number: row.number,
    version: row.version,
    type: { code: row.typeCode, name: getLicenseType(row.typeCode).name },
    holder: {
      kind: row.holderKind,
      idType: idTypeOf(row.holderKind),
      id: cipher.decrypt(row.holderIdEnc),
      name: row.holderName,
    },
    issuer: { departmentId: row.issuerDepartmentId, name: row.issuerName, creditCode: row.issuerCreditCode },
    issuedAt: row.issuedAt.toISOString(),
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    data: JSON.parse(cipher.decrypt(row.dataEnc)) as LicenseData,
    previous: previousNumber,
  };
}

export const contentBytes = (c: LicenseContent): Buffer => canonicalBytes(c as Parameters<typeof canonicalBytes>[0]);

/**
 * Answers already worked out: whether a signature over given bytes holds under a key never
 * changes, so the last `VERIFIED_KEPT` answers are kept by the SHA-256 of all four. A licence
 * checked again — the same QR code scanned at counter after counter — costs a hash, not another
 * SM2 verification. A record altered in the database rebuilds other bytes, so it is checked anew.
 */
const VERIFIED_KEPT = 4_096;
const verified = new Map<string, boolean>();

/** Whether `signature` is the issuer's signature over this content under that public key. */
export function signatureHolds(
  content: LicenseContent,
  alg: 'Ed25519' | 'SM2',
  signature: string,
  publicKey: string,
): boolean {
  const bytes = contentBytes(content);
  // Each part with its length first, so that no two different questions share a key.
  const key = createHash('sha256')
    .update(`${alg.length}:${alg}${publicKey.length}:${publicKey}${signature.length}:${signature}`)
    .update(bytes)
    .digest('base64');
  const known = verified.get(key);
  if (known !== undefined) return known;
  let holds: boolean;
  try {
    holds = suiteFor(alg).verify(bytes, signature, publicKey);
  } catch {
    holds = false;
  }
  // Oldest first out: a Map keeps its insertion order.
  if (verified.size >= VERIFIED_KEPT) verified.delete(verified.keys().next().value as string);
  verified.set(key, holds);
  return holds;
}
