/**
 * 在线核验 (`GET /api/licenses/verify`): by licence id or number with the signature a verifier
 * holds (from the QR code or a document), or the QR code's text itself. The platform rebuilds the
 * content from its record and checks the issuer's signature over it — a record altered in the
 * database, or a signature that is not the issuer's over that content, reports `tampered` — then
 * its status and validity. With a signature that holds, the answer shows the public face; without
 * one, only valid/invalid, type and issuer.
 */
import type { Db } from '../../../platform/db/index.js';
import type { FieldCipher } from '../../../platform/crypto/index.js';
import { invalid } from '../../../platform/errors.js';
import type { LicensesDeps } from '../licenses.deps.js';
import { lq } from '../licenses.tables.js';
import { findLicenseToVerify } from '../licenses.repository.js';
import { contentOf, signatureHolds } from '../signing/content.js';
import { listPublishedKeys } from '../signing/keys.js';
import { licenseNotFound } from '../errors.js';
import { publicFace } from '../present.js';
import { effectiveStatus } from '../status.js';
import { getLicenseType } from '../types/license-types.js';
import { verifyDocument, type LicenseDocument, type StatusList } from './offline.js';

type LicenseToVerify = NonNullable<Awaited<ReturnType<typeof findLicenseToVerify>>>;

export interface VerifyQuery {
  id?: string;
  number?: string;
  signature?: string;
  /** The QR code's text: the verification URL (or its query string). */
  payload?: string;
}

function fromPayload(payload: string): { number?: string; signature?: string } {
  const query = payload.includes('?') ? payload.slice(payload.indexOf('?') + 1) : payload;
  const p = new URLSearchParams(query);
  return { number: p.get('number') ?? undefined, signature: p.get('signature') ?? undefined };
}

/** Whether the stored record still carries the issuer's signature over its own content (and the presented one, if any, is that signature). */
export function recordIntact(cipher: FieldCipher, l: LicenseToVerify, presented?: string): boolean {
  // The key it names, of its issuer (read with the licence).
  if (!l.keyPublicKey || l.keyDepartmentId !== l.issuerDepartmentId) return false;
  let content;
  try {
    content = contentOf(l, l.previousNumber, cipher);
  } catch {
    return false;
  }
  if (!signatureHolds(content, l.alg, l.signature, l.keyPublicKey)) return false;
  return (
    presented === undefined || presented === l.signature || signatureHolds(content, l.alg, presented, l.keyPublicKey)
  );
}

/**
 * What a caller may learn depends on what they hold. A number (or id) alone: whether that licence
 * is in force (`valid` / `invalid`), its type and issuer — both readable from the number anyway —
 * and nothing of the holder, so guessing numbers yields nothing personal. With the signature (the
 * QR code, a licence document): its status, validity and the public face.
 */
export async function verifyOnline(deps: Pick<LicensesDeps, 'db' | 'cipher' | 'now'>, q: VerifyQuery) {
  const target = q.payload ? fromPayload(q.payload) : { number: q.number, signature: q.signature };
  if (!q.id && !target.number)
    throw invalid('LICENSES.VERIFY_WHAT', {
      zh: '请提供证照编号或二维码内容',
      en: 'Give a licence id or number, or the QR code text',
    });
  const l = await findLicenseToVerify(deps.db, q.id ? { id: q.id } : { number: target.number! });
  if (!l) throw licenseNotFound();
  const at = deps.now();
  const intact = recordIntact(deps.cipher, l, target.signature);
  const result = intact ? effectiveStatus(l, at) : ('tampered' as const);
  if (target.signature === undefined)
    return {
      proof: 'number' as const,
      result: result === 'valid' ? ('valid' as const) : ('invalid' as const),
      checkedAt: at,
      license: numberFace(l),
    };
  const signature = { alg: l.alg, kid: l.kid, valid: intact };
  // A signature that does not hold learns no more than the number would.
  if (result === 'tampered')
    return { proof: 'signature' as const, result, checkedAt: at, signature, license: numberFace(l) };
  return {
    proof: 'signature' as const,
    result,
    checkedAt: at,
    signature,
    license: publicFace(l, deps.cipher, at, { fullName: false }),
  };
}

/** All a licence number tells: itself, the type and the issuer. */
function numberFace(l: LicenseToVerify) {
  const type = getLicenseType(l.typeCode);
  return { number: l.number, type: { code: type.code, name: type.name }, issuer: { name: l.issuerName } };
}

/** The published status list: numbers of licences not in force by the issuer's act. */
export async function statusList(db: Db): Promise<StatusList> {
  const rows = await lq(db)
    .selectFrom('licenses.license')
    .select(['number', 'status'])
    .where('status', '!=', 'valid')
    .orderBy('number')
    .execute();
  const of = (s: string) => rows.filter((r) => r.status === s).map((r) => r.number);
  return { revoked: of('revoked'), suspended: of('suspended'), superseded: of('superseded') };
}

/** Checks a signed licence document as an offline verifier would, with the keys and status list of now. */
export async function verifyDocumentNow(
  deps: Pick<LicensesDeps, 'db' | 'now'>,
  doc: LicenseDocument,
): Promise<{ result: string }> {
  return {
    result: verifyDocument(doc, (await listPublishedKeys(deps.db)) as never, await statusList(deps.db), deps.now()),
  };
}

/** The status list a verifier downloads: numbers of revoked, suspended and superseded licences. */
export async function publishedStatusList(deps: Pick<LicensesDeps, 'db' | 'now'>) {
  return { updatedAt: deps.now(), ...(await statusList(deps.db)) };
}
