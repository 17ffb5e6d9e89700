/** 脱敏 on screen: what a prefilled personal value looks like where the page shows it. */
const PERSONAL_KEYS = new Set([
  'applicantName',
  'idNumber',
  'householdAddress',
  'legalRepName',
  'childName',
  'childIdNumber',
]);

export function maskValue(key: string, value: unknown): string {
  const s = String(value ?? '');
  if (!PERSONAL_KEYS.has(key)) return s;
  if (key === 'idNumber' || key === 'childIdNumber')
    return s.length > 10 ? `${s.slice(0, 6)}${'*'.repeat(s.length - 10)}${s.slice(-4)}` : '****';
  if (key === 'householdAddress') return s.length > 6 ? `${s.slice(0, 6)}${'*'.repeat(6)}` : '******';
  // A name keeps its first character (and its last, from three characters on): 张*明, 王*.
  const chars = [...s];
  if (chars.length <= 1) return s;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** The form keys the registries can fill (server: exchange/prefill/prefill-keys.ts). */
export const PREFILLABLE = new Set([
  'applicantName',
  'idNumber',
  'householdAddress',
  'childName',
  'childIdNumber',
  'childBirthDate',
  'companyName',
  'operatorName',
  'creditCode',
  'companyAddress',
  'legalRepName',
  'businessScope',
  'registeredCapital',
]);
