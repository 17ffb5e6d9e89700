/**
 * Codes people read out over the phone: a date (YYMMDD) and six characters of Crockford base32
 * (no I, L, O, U), e.g. 261123-K7Q2MX — about a billion a day, so a collision (retried on a
 * unique index) is rare. 全程一码 and complaint references use it.
 */
import { randomInt } from 'node:crypto';

export const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `today` is a Beijing date, YYYY-MM-DD. */
export function referenceCode(today: string, prefix = ''): string {
  let tail = '';
  for (let i = 0; i < 6; i++) tail += CROCKFORD[randomInt(CROCKFORD.length)];
  return `${prefix}${today.slice(2, 4)}${today.slice(5, 7)}${today.slice(8, 10)}-${tail}`;
}
