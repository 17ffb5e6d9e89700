/**
 * Typed calls to 证照通 (server/src/modules/licenses: licenses.routes.ts, licenses.schemas.ts) and
 * to the resident's view of 数据通's access log (`/api/me/data-uses`, exchange.routes.ts). Dates
 * arrive as ISO strings.
 */
import { getJson, sendJson } from '../../app/http';

export const LICENSE_STATUSES = ['valid', 'suspended', 'revoked', 'superseded', 'expired', 'not_yet_valid'] as const;
export type LicenseStatus = (typeof LICENSE_STATUSES)[number];
/** What a verification can answer: a status, or 已被篡改 when the signature does not hold. */
export type Verdict = LicenseStatus | 'tampered';
export type LicenseData = Record<string, string | number | null>;

/** What anyone may see: the public face (the holder's identifier masked by the server). */
export interface PublicFace {
  number: string;
  version: number;
  type: { code: string; name: string };
  issuer: { departmentId: string; name: string; creditCode: string };
  issuedAt: string;
  validFrom: string;
  validUntil: string | null;
  status: LicenseStatus;
  holder: { kind: 'person' | 'enterprise'; id: string; name: string };
  /** Public data items, keyed by their label. */
  data: LicenseData;
}

/** A licence in the holder's wallet: data keyed by field key (labels from {@link LicenseType}). */
export interface HeldLicense extends PublicFace {
  id: string;
  statusReason: string | null;
  previousNumber: string | null;
  signature: { alg: 'Ed25519' | 'SM2'; kid: string; value: string };
  verificationUrl: string;
}

export interface HistoryEntry {
  action: string;
  reason: string | null;
  actorKind: string;
  at: string;
  number: string;
  version: number;
}

export interface LicenseType {
  code: string;
  name: string;
  holderKind: string;
  category: string;
  fields: { key: string; label: string }[];
}

/** All a licence number tells: itself, the type and the issuer. */
export interface NumberFace {
  number: string;
  type: { code: string; name: string };
  issuer: { name: string };
}

/** 在线核验: by number alone only valid/invalid; with the signature (QR code) the status and the public face. */
export type Verification =
  | { proof: 'number'; result: 'valid' | 'invalid'; checkedAt: string; license: NumberFace }
  | {
      proof: 'signature';
      result: 'tampered';
      checkedAt: string;
      signature: { alg: string; kid: string; valid: boolean };
      license: NumberFace;
    }
  | {
      proof: 'signature';
      result: Exclude<Verdict, 'tampered'>;
      checkedAt: string;
      signature: { alg: string; kid: string; valid: boolean };
      license: PublicFace;
    };

export type SharedLicense = PublicFace & { sharedUntil: string };

export interface ShareCode {
  code: string;
  expiresAt: string;
  url: string;
}

/** 用证记录: a department used one of my licences. */
export interface LicenseUse {
  id: number;
  licenseId: string;
  number: string;
  typeCode: string;
  typeName: string;
  departmentId: string;
  departmentName: string;
  caseId: string | null;
  consentId: string | null;
  purpose: string;
  at: string;
}

/** 授权用证: a department may use my licences of these types for a purpose until a date. */
export interface Consent {
  id: string;
  departmentId: string;
  typeCodes: string[];
  purpose: string;
  grantedAt: string;
  expiresAt: string;
  revokedAt: string | null;
  active: boolean;
}

/** 数据通: a department read my registry data (or a life-event notice was sent about me). */
export interface DataUse {
  at: string;
  subject: 'person' | 'enterprise';
  department: string;
  officer: string;
  via: 'staff' | 'system';
  purpose: string;
  resource: { code: string; name: string };
  fields: { key: string; name: string }[];
  legalBasis: string | null;
}

const mine = (id: string) => `/api/me/licenses/${encodeURIComponent(id)}`;

export async function listLicenseTypes(signal?: AbortSignal): Promise<LicenseType[]> {
  return (await getJson<{ types: LicenseType[] }>('/api/licenses/types', undefined, signal)).types;
}
export async function listMyLicenses(signal?: AbortSignal): Promise<HeldLicense[]> {
  return (await getJson<{ licenses: HeldLicense[] }>('/api/me/licenses', undefined, signal)).licenses;
}
export const getMyLicense = (id: string, signal?: AbortSignal) =>
  getJson<HeldLicense & { history: HistoryEntry[] }>(mine(id), undefined, signal);
export const licensePdfUrl = (id: string) => `${mine(id)}/pdf`;
export const licensePngUrl = (id: string) => `${mine(id)}/png`;
export const shareLicense = (id: string) => sendJson<ShareCode>('POST', `${mine(id)}/share`);

/** By the QR code's text (a verification URL) or by number, with the signature when known. */
export function verify(
  q: { number?: string; signature?: string; payload?: string },
  signal?: AbortSignal,
): Promise<Verification> {
  return getJson<Verification>('/api/licenses/verify', q, signal);
}
export const readShared = (code: string, signal?: AbortSignal) =>
  getJson<SharedLicense>(`/api/licenses/shared/${encodeURIComponent(code)}`, undefined, signal);

export async function listLicenseUses(signal?: AbortSignal): Promise<LicenseUse[]> {
  return (await getJson<{ uses: LicenseUse[] }>('/api/me/license-uses', undefined, signal)).uses;
}
export async function listDataUses(before: string | undefined, signal?: AbortSignal): Promise<DataUse[]> {
  return (await getJson<{ uses: DataUse[] }>('/api/me/data-uses', { limit: 200, before }, signal)).uses;
}
export async function listConsents(signal?: AbortSignal): Promise<Consent[]> {
  return (await getJson<{ consents: Consent[] }>('/api/me/license-consents', undefined, signal)).consents;
}
export const grantConsent = (input: {
  departmentId: string;
  typeCodes: string[];
  purpose: string;
  expiresAt: string;
}) => sendJson<{ id: string }>('POST', '/api/me/license-consents', input);
export const revokeConsent = (id: string) =>
  sendJson<void>('DELETE', `/api/me/license-consents/${encodeURIComponent(id)}`);
