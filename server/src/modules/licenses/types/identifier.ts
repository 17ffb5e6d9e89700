/**
 * 电子证照标识 (GB/T 36903): `1.2.156.3005.2.<type>.<issuer credit code>.<serial>.<version>.<check>`,
 * the check character ISO 7064 MOD 37,36 (hybrid) over type, issuer, serial and version joined
 * without dots.
 */
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const M = 36;
export const LICENSE_ROOT_OID = '1.2.156.3005.2';

function hybridRemainder(chars: string): number {
  let p = M;
  for (const ch of chars) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) throw new Error(`not in the MOD 37,36 alphabet: ${ch}`);
    let s = (p + v) % M;
    if (s === 0) s = M;
    p = (s * 2) % (M + 1);
  }
  return p;
}

/** ISO 7064 MOD 37,36 check character of an upper-case alphanumeric string. */
export function mod3736Check(chars: string): string {
  return ALPHABET[(M + 1 - hybridRemainder(chars)) % M]!;
}

/** Whether the last character is the MOD 37,36 check character of the ones before it. */
export function hasValidMod3736Check(withCheck: string): boolean {
  if (withCheck.length < 2 || !/^[0-9A-Z]+$/.test(withCheck)) return false;
  return mod3736Check(withCheck.slice(0, -1)) === withCheck.slice(-1);
}

export function licenseNumber(p: {
  oidCode: string;
  issuerCreditCode: string;
  serial: number;
  version: number;
}): string {
  const serial = String(p.serial).padStart(8, '0');
  const version = String(p.version).padStart(3, '0');
  return `${LICENSE_ROOT_OID}.${p.oidCode}.${p.issuerCreditCode}.${serial}.${version}.${mod3736Check(`${p.oidCode}${p.issuerCreditCode}${serial}${version}`)}`;
}

/** Whether a licence number is well formed and its check character holds. */
export function isLicenseNumber(n: string): boolean {
  const m = /^1\.2\.156\.3005\.2\.(\d{1,8})\.([0-9A-Z]{18})\.(\d{8})\.(\d{3})\.([0-9A-Z])$/.exec(n);
  return !!m && hasValidMod3736Check(`${m[1]}${m[2]}${m[3]}${m[4]}${m[5]}`);
}
