/**
 * 统一社会信用代码 (GB 32100-2015) and the embedded 组织机构代码 (GB 11714).
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/** 登记管理部门代码 → name. */
export const REGISTRATION_AUTHORITIES: Record<string, string> = {
  '1': '机构编制',
  '2': '外交',
  '3': '司法行政',
  '4': '文化',
  '5': '民政',
  '6': '旅游',
  '7': '宗教',
  '8': '工会',
  '9': '工商/市场监管',
  A: '中央军委改革和编制办公室',
  N: '农业',
  Y: '其他',
};

/** Value of one character in GB 11714 organisation codes: digits 0–9, letters A=10 … Z=35. */
function orgCharValue(ch: string): number {
  const c = ch.charCodeAt(0);
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 90) return c - 55;
  throw new RangeError(`invalid organisation-code character ${ch}`);
}

/** The GB 11714 check character for the first 8 characters of an organisation code. */
export function orgCodeCheckChar(first8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(first8)) throw new RangeError('first8 must be 8 characters 0-9A-Z');
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgCharValue(first8[i]!) * ORG_WEIGHTS[i]!;
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** The GB 32100 check character for the first 17 characters of a credit code. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_ALPHABET.indexOf(first17[i] ?? '');
    if (v < 0) throw new RangeError(`invalid credit-code character at ${i}`);
    sum += v * CREDIT_WEIGHTS[i]!;
  }
  const check = 31 - (sum % 31);
  return CREDIT_CODE_ALPHABET[check === 31 ? 0 : check]!;
}

export type CreditCodeProblem = 'FORMAT' | 'CHARSET' | 'REGION' | 'ORG_CODE_CHECKSUM' | 'CHECKSUM';
export interface CreditCodeInfo {
  code: string;
  authority: string;
  orgType: string;
  regionCode: string;
  orgCode: string;
}
export type CreditCodeResult = { ok: true; value: CreditCodeInfo } | { ok: false; problem: CreditCodeProblem };

export function parseCreditCode(raw: string): CreditCodeResult {
  const code = raw.trim().toUpperCase();
  if (code.length !== 18) return { ok: false, problem: 'FORMAT' };
  for (const ch of code) if (!CREDIT_CODE_ALPHABET.includes(ch)) return { ok: false, problem: 'CHARSET' };
  const regionCode = code.slice(2, 8);
  if (!/^\d{6}$/.test(regionCode)) return { ok: false, problem: 'REGION' };
  const orgCode = code.slice(8, 17);
  if (!/^[0-9A-Z]{8}$/.test(orgCode.slice(0, 8)) || orgCodeCheckChar(orgCode.slice(0, 8)) !== orgCode[8]) {
    return { ok: false, problem: 'ORG_CODE_CHECKSUM' };
  }
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) return { ok: false, problem: 'CHECKSUM' };
  return { ok: true, value: { code, authority: code[0]!, orgType: code[1]!, regionCode, orgCode } };
}

export const isValidCreditCode = (raw: string): boolean => parseCreditCode(raw).ok;

/**
 * Builds a valid credit code from authority, type, region and the first 8 characters of an
 * organisation code (characters from the credit-code alphabet).
 */
export function makeCreditCode(authority: string, orgType: string, regionCode: string, org8: string): string {
  const org9 = org8 + orgCodeCheckChar(org8);
  const first17 = `${authority}${orgType}${regionCode}${org9}`;
  return first17 + creditCodeCheckChar(first17);
}
