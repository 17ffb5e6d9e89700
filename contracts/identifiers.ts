/**
 * Check digits of the two identifiers people type into application forms, for the portal to catch
 * a typo before sending: 公民身份号码 (GB 11643, ISO 7064 MOD 11-2) and 统一社会信用代码 (GB 32100,
 * with the embedded GB 11714 organisation code). The server's validators (platform/validators)
 * stay the judge; a test keeps these in agreement with them.
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** An 18-character ID number with a plausible region, a real birth date not after today (Beijing) and the right check character. */
export function idNumberValid(raw: string, today: Date = new Date()): boolean {
  const n = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(n)) return false;
  const province = Number(n.slice(0, 2));
  if (province < 11 || province > 82 || n.slice(2, 6) === '0000') return false;
  const [y, m, d] = [Number(n.slice(6, 10)), Number(n.slice(10, 12)), Number(n.slice(12, 14))];
  const birth = new Date(Date.UTC(y, m - 1, d));
  const beijing = new Date(today.getTime() + 8 * 3_600_000);
  const todayUtc = Date.UTC(beijing.getUTCFullYear(), beijing.getUTCMonth(), beijing.getUTCDate());
  if (
    y < 1880 ||
    birth.getUTCFullYear() !== y ||
    birth.getUTCMonth() !== m - 1 ||
    birth.getUTCDate() !== d ||
    birth.getTime() > todayUtc
  )
    return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(n[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11] === n[17];
}

const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** An 18-character credit code whose organisation-code and overall check characters are right. */
export function creditCodeValid(raw: string): boolean {
  const c = raw.trim().toUpperCase();
  if (c.length !== 18 || [...c].some((ch) => !CREDIT_ALPHABET.includes(ch)) || !/^\d{6}$/.test(c.slice(2, 8)))
    return false;
  // GB 11714: digits are themselves, letters A=10 … Z=35.
  let org = 0;
  for (let i = 0; i < 8; i++) org += parseInt(c[8 + i]!, 36) * ORG_WEIGHTS[i]!;
  const orgCheck = 11 - (org % 11);
  if ((orgCheck === 10 ? 'X' : orgCheck === 11 ? '0' : String(orgCheck)) !== c[16]) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_ALPHABET.indexOf(c[i]!) * CREDIT_WEIGHTS[i]!;
  return CREDIT_ALPHABET[(31 - (sum % 31)) % 31] === c[17];
}
