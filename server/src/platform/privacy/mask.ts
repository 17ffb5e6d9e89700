/**
 * Masking of personal data for screens, API answers and logs (脱敏): enough to recognise one's own
 * record, not enough to use someone else's.
 *   公民身份号码 110105199001010021 → 110105********0021 (region kept, birth date hidden)
 *   手机号码     13812345678        → 138****5678
 *   姓名         张三 → 张*, 欧阳娜娜 → 欧***
 */
import { maskIdNumber } from '../validators/index.js';
export { maskIdNumber };

export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return '*';
  return chars[0] + '*'.repeat(chars.length - 1);
}

/** 地址: the first six characters (province, city), the rest hidden. */
export function maskAddress(address: string): string {
  const chars = [...address];
  return chars.length <= 6
    ? '*'.repeat(chars.length)
    : chars.slice(0, 6).join('') + '*'.repeat(Math.min(8, chars.length - 6));
}

/** Masks a value by the kind of personal data it is (`id`, `phone`, `name`, `address`; anything else hidden whole). */
export function maskPersonal(kind: string | undefined, value: unknown): string {
  const text = String(value ?? '');
  switch (kind) {
    case 'id':
      return maskIdNumber(text);
    case 'phone':
      return maskPhone(text);
    case 'name':
      return maskName(text);
    case 'address':
      return maskAddress(text);
    default:
      return '*'.repeat(Math.min(8, [...text].length));
  }
}
