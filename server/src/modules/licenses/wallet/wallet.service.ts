/**
 * 我的证照: the signed-in person's licences, or their enterprise's while acting for it with the
 * `licenses` scope — each with its history, its signed document for offline checks, its VC-JWT,
 * and 亮证 share codes.
 */
import { createHash, randomInt } from 'node:crypto';
import type { Actor } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import type { LicensesDeps } from '../licenses.deps.js';
import { lq } from '../licenses.tables.js';
import { findLicense, listHistory, listHolderLicenses, type FoundLicense } from '../licenses.repository.js';
import { walletHolder } from '../holders.js';
import { licenseNotFound } from '../errors.js';
import { holderView, publicFace, walletView } from '../present.js';
import { renderPdf, renderPng } from '../render/render.js';
import { licenseVcJwt } from '../verify/vc.js';
import { contentOf } from '../signing/content.js';
import type { LicenseDocument } from '../verify/offline.js';

export async function myLicenses(deps: LicensesDeps, actor: Actor) {
  const holder = await walletHolder(deps, actor);
  const at = deps.now();
  return (await listHolderLicenses(deps.db, holder)).map((l) => walletView(l, deps.cipher, at, deps.publicUrl));
}

/** One of the caller's licences (any version of theirs), or 404. */
export async function myLicense(deps: LicensesDeps, actor: Actor, id: string): Promise<FoundLicense> {
  const holder = await walletHolder(deps, actor);
  const l = await findLicense(deps.db, { id });
  if (!l || l.holderIndex !== holder.index || l.holderKind !== holder.kind) throw licenseNotFound();
  return l;
}

export async function myLicenseDetail(deps: LicensesDeps, actor: Actor, id: string) {
  const l = await myLicense(deps, actor, id);
  return {
    ...walletView(l, deps.cipher, deps.now(), deps.publicUrl),
    history: await listHistory(deps.db, l.lineageId),
  };
}

/** The signed licence document (content + signature) a verifier checks offline. */
export async function myLicenseDocument(deps: LicensesDeps, actor: Actor, id: string): Promise<LicenseDocument> {
  const l = await myLicense(deps, actor, id);
  return {
    content: contentOf(l, l.previousNumber, deps.cipher),
    signature: { alg: l.alg, kid: l.kid, value: l.signature },
  };
}

const SHARE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const SHARE_MINUTES = 5;
const hashCode = (code: string) => createHash('sha256').update(code.toUpperCase()).digest('hex');

/** 亮证: a code of 10 characters (50 bits) that shows the licence's public face for five minutes. */
export async function createShareCode(
  deps: LicensesDeps,
  actor: Actor,
  id: string,
): Promise<{ code: string; expiresAt: Date; url: string }> {
  const l = await myLicense(deps, actor, id);
  const code = Array.from({ length: 10 }, () => SHARE_ALPHABET[randomInt(SHARE_ALPHABET.length)]).join('');
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + SHARE_MINUTES * 60_000);
  await lq(deps.db)
    .insertInto('licenses.shareCode')
    .values({ codeHash: hashCode(code), licenseId: l.id, createdBy: actor.id!, createdAt: now, expiresAt })
    .execute();
  return { code, expiresAt, url: `${deps.publicUrl}/licenses/shared/${code}` };
}

export async function readShared(deps: LicensesDeps, code: string) {
  const now = deps.now();
  const share = await lq(deps.db)
    .selectFrom('licenses.shareCode')
    .select(['licenseId', 'expiresAt'])
    .where('codeHash', '=', hashCode(code))
    .executeTakeFirst();
  if (!share || share.expiresAt <= now)
    throw notFound('LICENSES.SHARE_CODE_INVALID', {
      zh: '亮证码无效或已过期',
      en: 'The share code is invalid or has expired',
    });
  const l = await findLicense(deps.db, { id: share.licenseId });
  if (!l) throw licenseNotFound();
  return { ...publicFace(l, deps.cipher, now, { fullName: true }), sharedUntil: share.expiresAt };
}

/** The licence as a W3C Verifiable Credential (VC-JWT, EdDSA). */
export async function myLicenseVc(deps: LicensesDeps, actor: Actor, id: string): Promise<{ jwt: string }> {
  return { jwt: await licenseVcJwt(deps, await myLicense(deps, actor, id)) };
}

/** The licence drawn as a PDF or PNG with its verification QR code. */
export async function myLicenseFile(
  deps: LicensesDeps,
  actor: Actor,
  { id, as }: { id: string; as: 'pdf' | 'png' },
): Promise<{ bytes: Uint8Array; fileName: string }> {
  const l = await myLicense(deps, actor, id);
  const view = holderView(l, deps.cipher, deps.now(), deps.publicUrl);
  return {
    bytes: as === 'pdf' ? await renderPdf(view) : await renderPng(view),
    fileName: `${l.typeCode}-${l.version}.${as}`,
  };
}
