import type { FieldCipher } from './field-cipher.js';

/**
 * A record stored in two parts: the values that may stay in clear (queried, shown in lists) and the
 * rest — personal data — as one ciphertext, which also remembers the order of the record's keys and,
 * when given, what kind of personal data each sealed key holds (for masking on the way out).
 * `clearKeys` names what may stay clear; anything else, including keys nobody declared, is sealed.
 */
export function sealRecord(
  cipher: FieldCipher,
  record: Record<string, unknown>,
  clearKeys: ReadonlySet<string>,
  kinds: Readonly<Record<string, string>> = {},
): { clear: Record<string, unknown>; sealed: string | null } {
  const clear: Record<string, unknown> = {};
  const personal: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) (clearKeys.has(k) ? clear : personal)[k] = v;
  if (Object.keys(personal).length === 0) return { clear, sealed: null };
  const sealedKinds = Object.fromEntries(Object.keys(personal).flatMap((k) => (kinds[k] ? [[k, kinds[k]]] : [])));
  return {
    clear,
    sealed: cipher.encrypt(JSON.stringify({ order: Object.keys(record), values: personal, kinds: sealedKinds })),
  };
}

/** The whole record again, its keys in their original order, and the kinds of its sealed keys. */
export function openSealedRecord(
  cipher: FieldCipher,
  clear: Record<string, unknown>,
  sealed: string | null,
): { record: Record<string, unknown>; kinds: Record<string, string> } {
  if (!sealed) return { record: { ...clear }, kinds: {} };
  const { order, values, kinds } = JSON.parse(cipher.decrypt(sealed)) as {
    order: string[];
    values: Record<string, unknown>;
    kinds?: Record<string, string>;
  };
  const all: Record<string, unknown> = { ...clear, ...values };
  const keys = [...order.filter((k) => k in all), ...Object.keys(all).filter((k) => !order.includes(k))];
  return { record: Object.fromEntries(keys.map((k) => [k, all[k]])), kinds: kinds ?? {} };
}

/** The whole record again, its keys in their original order. */
export const openRecord = (
  cipher: FieldCipher,
  clear: Record<string, unknown>,
  sealed: string | null,
): Record<string, unknown> => openSealedRecord(cipher, clear, sealed).record;
