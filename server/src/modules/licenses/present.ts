/**
 * What each caller sees of a licence. The holder: everything (the wallet masks identity numbers on
 * screen as 我的账号 does; the licence's own PDF and image print the holder's in full and any
 * third person's masked). A department using it (用证): the
 * data, with 公民身份号码 masked. Anyone with a share code or checking a QR code: the public face —
 * type, number, issuer, validity and the data items marked public, the holder's name, and a
 * person's identifier reduced to its first and last character.
 */
import { maskIdNumber, maskName } from '../../platform/privacy/index.js';
import type { FieldCipher } from '../../platform/crypto/index.js';
import { getLicenseType } from './types/license-types.js';
import type { LicenseData } from './signing/content.js';
import type { FoundLicense } from './licenses.repository.js';
import { effectiveStatus } from './status.js';

const ID_NUMBER = /^\d{17}[\dX]$/;

/** The data with every 公民身份号码 in it masked (a 负责人's, a spouse's…). */
export const maskIdNumbers = (data: LicenseData): LicenseData =>
  Object.fromEntries(
    Object.entries(data).map(([k, v]) => [k, typeof v === 'string' && ID_NUMBER.test(v) ? maskIdNumber(v) : v]),
  );

/** The QR code's text: the verification page with the licence number and its signature. */
export const verificationUrl = (publicUrl: string, l: { number: string; signature: string }) =>
  `${publicUrl}/licenses/verify?number=${encodeURIComponent(l.number)}&signature=${l.signature}`;

const publicIdMask = (kind: string, id: string) =>
  kind === 'enterprise' ? id : `${id.slice(0, 1)}${'*'.repeat(id.length - 2)}${id.slice(-1)}`;

function common(l: FoundLicense, at: Date) {
  const type = getLicenseType(l.typeCode);
  return {
    id: l.id,
    number: l.number,
    version: l.version,
    type: { code: type.code, name: type.name },
    issuer: { departmentId: l.issuerDepartmentId, name: l.issuerName, creditCode: l.issuerCreditCode },
    issuedAt: l.issuedAt,
    validFrom: l.validFrom,
    validUntil: l.validUntil,
    status: effectiveStatus(l, at),
  };
}

export function holderView(l: FoundLicense, cipher: FieldCipher, at: Date, publicUrl: string) {
  return {
    ...common(l, at),
    holder: { kind: l.holderKind, id: cipher.decrypt(l.holderIdEnc), name: l.holderName },
    data: JSON.parse(cipher.decrypt(l.dataEnc)) as LicenseData,
    statusReason: l.statusReason,
    previousNumber: l.previousNumber,
    signature: { alg: l.alg, kid: l.kid, value: l.signature },
    verificationUrl: verificationUrl(publicUrl, l),
  };
}

export function staffView(l: FoundLicense, cipher: FieldCipher, at: Date) {
  const data = JSON.parse(cipher.decrypt(l.dataEnc)) as LicenseData;
  const id = cipher.decrypt(l.holderIdEnc);
  return {
    ...common(l, at),
    holder: { kind: l.holderKind, id: l.holderKind === 'person' ? maskIdNumber(id) : id, name: l.holderName },
    data: maskIdNumbers(data),
  };
}

/** 我的证照 on screen: the holder's view with identity numbers masked as 我的账号 shows them. */
export function walletView(l: FoundLicense, cipher: FieldCipher, at: Date, publicUrl: string) {
  const v = holderView(l, cipher, at, publicUrl);
  return {
    ...v,
    holder: { ...v.holder, id: v.holder.kind === 'person' ? maskIdNumber(v.holder.id) : v.holder.id },
    data: maskIdNumbers(v.data),
  };
}

export function publicFace(l: FoundLicense, cipher: FieldCipher, at: Date, opts: { fullName: boolean }) {
  const type = getLicenseType(l.typeCode);
  const data = JSON.parse(cipher.decrypt(l.dataEnc)) as LicenseData;
  const { id: _id, ...face } = common(l, at);
  return {
    ...face,
    holder: {
      kind: l.holderKind,
      id: publicIdMask(l.holderKind, cipher.decrypt(l.holderIdEnc)),
      name: opts.fullName || l.holderKind === 'enterprise' ? l.holderName : maskName(l.holderName),
    },
    data: Object.fromEntries(
      type.fields.filter((f) => f.public && !f.personal).map((f) => [f.label, data[f.key] ?? null]),
    ),
  };
}

export type HolderView = ReturnType<typeof holderView>;
