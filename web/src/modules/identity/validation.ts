/** Client-side checks that mirror the server's, so that people learn of a typo before sending. The server stays the judge. */

export const PHONE = /^1[3-9]\d{9}$/;
export const SMS_CODE = /^\d{6}$/;

/** 公民身份号码 shape: 17 digits and a digit or X, with a real date of birth. The check digit is the server's to verify. */
export function idNumberShapeOk(raw: string): boolean {
  const value = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1900 && birth.getUTCMonth() === month - 1 && birth.getUTCDate() === day && birth.getTime() <= Date.now()
  );
}

/** The password rules people are shown (8–64 characters, letters and digits); each entry says whether it is met. */
export function passwordRules(password: string): { length: boolean; lettersAndDigits: boolean } {
  return {
    length: password.length >= 8 && password.length <= 64,
    lettersAndDigits: /[A-Za-z]/.test(password) && /\d/.test(password),
  };
}
