/**
 * 全程一码: a short code a person can read out over the phone — the acceptance date and six
 * characters of Crockford base32 (no I, L, O, U), e.g. 261123-K7Q2MX. About a billion codes a day,
 * so a collision (retried on the unique index) is rare.
 */
import { referenceCode } from '../../../platform/ids/reference-code.js';

export const TRACKING_CODE = /^\d{6}-[0-9A-HJKMNP-TV-Z]{6}$/;

export const newTrackingCode = (today: string): string => referenceCode(today);

/** Accepts what people type: lower case, spaces, O for 0, I/L for 1. */
export function normaliseTrackingCode(raw: string): string {
  const s = raw.trim().toUpperCase().replace(/[\s_]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return /^\d{6}[0-9A-Z]{6}$/.test(s) ? `${s.slice(0, 6)}-${s.slice(6)}` : s;
}
