/**
 * What the population registry copy keeps of a person, and how. Identifiers (ID number, phone) are
 * encrypted each with a blind index for look-ups; the person's name, ethnicity, address, marital
 * status and disability level are encrypted together (`personal_enc`); sex and date of birth are not
 * stored at all — they are read from the ID number (GB 11643), which holds both. What stays in clear
 * is what the platform filters and joins on: the region, the household and the role in it, alive
 * or dead (and when), the household registration status.
 */
import type { FieldCipher } from '../../platform/crypto/index.js';

export interface PersonalData {
  name: string;
  ethnicity: string;
  address: string;
  maritalStatus: string;
  disabilityLevel: number | null;
  /** 参保类型 and 收入状况 from the other base registries (absent in records sealed before them). */
  insured?: string | null;
  incomeBand?: string | null;
}

export const sealPersonal = (cipher: FieldCipher, p: PersonalData): string =>
  cipher.encrypt(
    JSON.stringify({
      name: p.name,
      ethnicity: p.ethnicity,
      address: p.address,
      maritalStatus: p.maritalStatus,
      disabilityLevel: p.disabilityLevel,
      // Written only when known: a record of the registry before these facts stays as it was.
      ...(p.insured !== undefined ? { insured: p.insured } : {}),
      ...(p.incomeBand !== undefined ? { incomeBand: p.incomeBand } : {}),
    }),
  );

export const openPersonal = (cipher: FieldCipher, sealed: string): PersonalData =>
  JSON.parse(cipher.decrypt(sealed)) as PersonalData;

/** Date of birth and sex as the ID number states them (digits 7–14; the 17th is odd for men). */
export function birthFacts(idNumber: string): { birthDate: string; sex: 'male' | 'female' } {
  const b = idNumber.slice(6, 14);
  return {
    birthDate: `${b.slice(0, 4)}-${b.slice(4, 6)}-${b.slice(6, 8)}`,
    sex: Number(idNumber[16]) % 2 === 1 ? 'male' : 'female',
  };
}

/** A registry row with its encrypted parts opened. */
export function openPerson<R extends { idNumberEnc: string; personalEnc: string; phoneEnc?: string | null }>(
  cipher: FieldCipher,
  row: R,
) {
  const { idNumberEnc, personalEnc, phoneEnc, ...rest } = row;
  const idNumber = cipher.decrypt(idNumberEnc);
  return {
    ...rest,
    idNumber,
    ...birthFacts(idNumber),
    ...openPersonal(cipher, personalEnc),
    phone: phoneEnc ? cipher.decrypt(phoneEnc) : null,
  };
}
