/**
 * 离线核验: what any verifier can do without asking the platform — check a licence document (its
 * content and the issuer's signature) against the published keys
 * (`/.well-known/license-keys.json`), its validity dates, and the published status list
 * (`/.well-known/license-status.json`, revoked and suspended numbers).
 */
import { contentBytes, type LicenseContent } from '../signing/content.js';
import { suiteFor } from '../signing/suites.js';
import { beijingDate } from '../../../platform/calendar/beijing.js';

export interface LicenseDocument {
  content: LicenseContent;
  signature: { alg: 'Ed25519' | 'SM2'; kid: string; value: string };
}

/** A published key (JWK), as `listPublishedKeys` writes it. */
export interface PublishedKey {
  kid: string;
  kty: string;
  crv: string;
  x: string;
  y?: string;
  departmentId: string;
}

export interface StatusList {
  revoked: string[];
  suspended: string[];
  superseded: string[];
}

export type VerificationResult =
  | 'valid'
  | 'tampered'
  | 'revoked'
  | 'suspended'
  | 'superseded'
  | 'expired'
  | 'not_yet_valid'
  | 'unknown_key';

/** The key material a suite verifies with, from its JWK. */
export function keyMaterial(k: PublishedKey): string {
  if (k.crv === 'Ed25519') return JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x: k.x });
  return `04${Buffer.from(k.x, 'base64url').toString('hex')}${Buffer.from(k.y ?? '', 'base64url').toString('hex')}`;
}

export function verifyDocument(
  doc: LicenseDocument,
  keys: readonly PublishedKey[],
  status: StatusList,
  at: Date,
): VerificationResult {
  const key = keys.find((k) => k.kid === doc.signature.kid);
  if (!key || key.departmentId !== doc.content.issuer.departmentId) return 'unknown_key';
  if ((key.crv === 'SM2') !== (doc.signature.alg === 'SM2')) return 'tampered';
  let holds = false;
  try {
    holds = suiteFor(doc.signature.alg).verify(contentBytes(doc.content), doc.signature.value, keyMaterial(key));
  } catch {
    holds = false;
  }
  if (!holds) return 'tampered';
  if (status.revoked.includes(doc.content.number)) return 'revoked';
  if (status.suspended.includes(doc.content.number)) return 'suspended';
  if (status.superseded.includes(doc.content.number)) return 'superseded';
  const today = beijingDate(at);
  if (doc.content.validUntil !== null && today > doc.content.validUntil) return 'expired';
  if (today < doc.content.validFrom) return 'not_yet_valid';
  return 'valid';
}
