/**
 * Webhook signatures (回调签名). Every delivery carries
 *   Tongban-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
 * The timestamp is inside the MAC, so a captured delivery cannot be replayed later than the
 * receiver's tolerance; several `v1` values may appear while a secret is being rolled over.
 * Receivers verify with the same rule (`verifyWebhookSignature` is what the README shows them).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'tongban-signature';
/** Receivers should refuse deliveries signed longer ago (or further ahead) than this. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

const hmac = (secret: string, timestamp: number, body: string) =>
  createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');

export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${hmac(secret, timestamp, body)}`;
}

export interface ParsedSignature {
  timestamp: number;
  signatures: string[];
}

/**
 * Parses the header: comma-separated `key=value` pairs, exactly one `t` (decimal seconds), at least
 * one `v1` (64 lowercase hex); other keys are ignored (future schemes). Anything else: undefined.
 */
export function parseSignatureHeader(header: string): ParsedSignature | undefined {
  if (header.length > 2048) return undefined;
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) return undefined;
    const k = part.slice(0, eq).trim();
    const v = part.slice(eq + 1).trim();
    if (k === 't') {
      if (timestamp !== undefined || !/^\d{1,12}$/.test(v)) return undefined;
      timestamp = Number(v);
    } else if (k === 'v1') {
      if (!/^[0-9a-f]{64}$/.test(v)) return undefined;
      signatures.push(v);
    }
  }
  return timestamp === undefined || signatures.length === 0 ? undefined : { timestamp, signatures };
}

export type SignatureCheck =
  | { ok: true; timestamp: number }
  | { ok: false; reason: 'malformed' | 'stale' | 'mismatch' };

/** Checks a delivery as a receiver should: well-formed, fresh, and signed with the secret. */
export function verifyWebhookSignature(
  secret: string,
  header: string,
  body: string,
  nowSeconds: number,
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
): SignatureCheck {
  const parsed = parseSignatureHeader(header);
  if (!parsed) return { ok: false, reason: 'malformed' };
  if (Math.abs(nowSeconds - parsed.timestamp) > toleranceSeconds) return { ok: false, reason: 'stale' };
  const expected = Buffer.from(hmac(secret, parsed.timestamp, body), 'hex');
  const match = parsed.signatures.some((s) => timingSafeEqual(Buffer.from(s, 'hex'), expected));
  return match ? { ok: true, timestamp: parsed.timestamp } : { ok: false, reason: 'mismatch' };
}
