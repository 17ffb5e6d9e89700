/**
 * Masking of personal data for screens, API answers and logs (脱敏): enough to recognise one's own
 * record, not enough to use someone else's.
 *   公民身份号码 110105199001010021 → 110105********0021 (region kept, birth date hidden)
 *   手机号码     13812345678        → 138****5678
 *   姓名         张三 → 张*, 欧阳娜娜 → 欧***
 */
export { maskIdNumber } from '../validators/index.js';

export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return '*';
  return chars[0] + '*'.repeat(chars.length - 1);
}
