/**
 * 亲属回避: the kinship key of one registry person — a keyed hash (the field cipher's blind index)
 * of their surname and normalised address, so two people sharing both can be matched without
 * either being kept or logged in clear. Only the one record asked for is decrypted.
 */
import type { FieldCipher } from '../../platform/crypto/index.js';
import type { Db } from '../../platform/db/index.js';
import { openPersonal } from './person-record.js';
import { xq } from './exchange.repository.js';

/** Two-character surnames (复姓) the key must not cut to one character. */
const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '令狐',
  '夏侯',
  '独孤',
  '端木',
  '西门',
  '南宫',
];

export function surnameOf(name: string): string {
  const n = name.normalize('NFKC').replace(/\s/g, '');
  return COMPOUND_SURNAMES.find((s) => n.startsWith(s)) ?? n.slice(0, 1);
}

/** The address as written with width, spacing and punctuation differences removed. */
export function normaliseAddress(address: string): string {
  return address
    .normalize('NFKC')
    .replace(/[\s\p{P}]/gu, '')
    .toUpperCase();
}

export const kinshipKeyOf = (cipher: FieldCipher, p: { name: string; address: string }): string =>
  cipher.blindIndex(`kinship:${surnameOf(p.name)}|${normaliseAddress(p.address)}`);

/** The kinship key of the living registry person with this ID-number blind index, or null. */
export async function kinshipKey(db: Db, cipher: FieldCipher, idNumberIndex: string): Promise<string | null> {
  const row = await xq(db)
    .selectFrom('exchange.person')
    .select('personalEnc')
    .where('idNumberIndex', '=', idNumberIndex)
    .executeTakeFirst();
  return row ? kinshipKeyOf(cipher, openPersonal(cipher, row.personalEnc)) : null;
}
