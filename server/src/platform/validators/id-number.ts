/**
 * 公民身份号码 (GB 11643-1999): 6-digit address code, 8-digit birth date, 3-digit sequence
 * (odd = male), check character over the first 17 digits (ISO 7064 MOD 11-2).
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** The check character for the first 17 digits of an ID number. */
export function idNumberCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('first17 must be 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

export type IdNumberProblem = 'FORMAT' | 'REGION' | 'BIRTH_DATE' | 'CHECKSUM';

export interface IdNumberInfo {
  /** Normalised (upper-case X). */
  number: string;
  regionCode: string;
  birthDate: string;
  sex: 'male' | 'female';
}

export type IdNumberResult = { ok: true; value: IdNumberInfo } | { ok: false; problem: IdNumberProblem };

/** China Standard Time (UTC+8, no daylight saving since 1991): birth dates are Beijing dates. */
const CST_OFFSET_MS = 8 * 3_600_000;

/** Is `yyyymmdd` a real calendar day no later than `today`'s date in Beijing? */
function isPastDate(yyyymmdd: string, now: Date): boolean {
  // Judged by the server's UTC date, a child born (and registered) in Beijing before 08:00 would
  // have a birth date "in the future".
  const today = new Date(now.getTime() + CST_OFFSET_MS);
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < 1880) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
  return date.getTime() <= Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
}

/**
 * Validates an 18-character 公民身份号码: format, a plausible address code (province prefix
 * 11–82), a real birth date not after today in Beijing time, and the check character.
 */
export function parseIdNumber(raw: string, today: Date = new Date()): IdNumberResult {
  const number = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(number)) return { ok: false, problem: 'FORMAT' };
  const province = Number(number.slice(0, 2));
  if (province < 11 || province > 82 || number.slice(2, 6) === '0000') return { ok: false, problem: 'REGION' };
  const birth = number.slice(6, 14);
  if (!isPastDate(birth, today)) return { ok: false, problem: 'BIRTH_DATE' };
  if (idNumberCheckChar(number.slice(0, 17)) !== number[17]) return { ok: false, problem: 'CHECKSUM' };
  return {
    ok: true,
    value: {
      number,
      regionCode: number.slice(0, 6),
      birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
      sex: Number(number[16]) % 2 === 1 ? 'male' : 'female',
    },
  };
}

export const isValidIdNumber = (raw: string, today?: Date): boolean => parseIdNumber(raw, today).ok;

/** Builds a valid ID number from its parts (used by factories and the demo population). */
export function makeIdNumber(regionCode: string, birthDate: string, sequence: number): string {
  const first17 = `${regionCode}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

/** 110105194912310021 → 110105********0021: keeps region and the last four characters. */
export function maskIdNumber(number: string): string {
  if (number.length < 10) return '*'.repeat(number.length);
  return number.slice(0, 6) + '*'.repeat(number.length - 10) + number.slice(-4);
}
