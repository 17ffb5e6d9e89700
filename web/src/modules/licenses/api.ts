/**
 * Typed calls to 证照通 (the shapes are the server's contracts, contracts/licenses.ts, as they
 * arrive: `Wire<T>`, dates as ISO strings) and to the resident's view of 数据通's access log
 * (`/api/me/data-uses`, exchange.routes.ts).
 */
import { getJson, sendJson } from '../../app/http';
import type { Wire } from '../../../../contracts/wire';
import type * as L from '../../../../contracts/licenses';

export { LICENSE_STATUSES } from '../../../../contracts/licenses';
export type { LicenseStatus, LicenseData, LicenseType } from '../../../../contracts/licenses';
/** What a verification can answer: a status, or 已被篡改 when the signature does not hold. */
export type Verdict = L.LicenseStatus | 'tampered';
/** What anyone may see: the public face (the holder's identifier masked by the server). */
export type PublicFace = Wire<L.PublicFace>;
/** A licence in the holder's wallet: data keyed by field key (labels from {@link LicenseType}). */
export type HeldLicense = Wire<L.HolderView>;
export type HistoryEntry = Wire<L.HistoryEntry>;
/** All a licence number tells: itself, the type and the issuer. */
export type NumberFace = L.NumberFace;
/** 在线核验: by number alone only valid/invalid; with the signature (QR code) the status and the public face. */
export type Verification = Wire<L.Verification>;
export type SharedLicense = Wire<L.SharedLicense>;
export type ShareCode = Wire<L.ShareCode>;
/** 用证记录: a department used one of my licences. */
export type LicenseUse = Wire<L.LicenseUse>;
/** 授权用证: a department may use my licences of these types for a purpose until a date. */
export type Consent = Wire<L.Consent>;

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

export async function listLicenseTypes(signal?: AbortSignal): Promise<L.LicenseType[]> {
  return (await getJson<{ types: L.LicenseType[] }>('/api/licenses/types', undefined, signal)).types;
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
export const grantConsent = (input: Wire<L.ConsentRequest>) =>
  sendJson<{ id: string }>('POST', '/api/me/license-consents', input);
export const revokeConsent = (id: string) =>
  sendJson<void>('DELETE', `/api/me/license-consents/${encodeURIComponent(id)}`);
