/**
 * What the documents of a case (决定书, 受理通知书) share: the case as its caller may see it, the
 * item as published now, Chinese dates, and the PDF sealed and signed by the case's department.
 */
import type { Selectable } from 'kysely';
import type { Actor } from '../../../platform/context.js';
import { departmentSeal, officialDocumentPdf, type OfficialDocument } from '../../../platform/documents/index.js';
import type { CasesDeps } from '../cases.deps.js';
import { kq, type CaseTable } from '../cases.tables.js';
import { canSee, caseNotFound } from './access.js';

export const chineseDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

export async function visibleCase(deps: CasesDeps, actor: Actor, caseId: string): Promise<Selectable<CaseTable>> {
  const c = await kq(deps.db).selectFrom('cases.case').selectAll().where('id', '=', caseId).executeTakeFirst();
  if (!c || !canSee(actor, c)) throw caseNotFound(caseId);
  return c;
}

/** The item as published now names the department and the legal basis; a retired item is undefined. */
export const publishedItem = (deps: CasesDeps, itemCode: string) =>
  deps.processes
    .get(itemCode)
    .then((p) => p.item)
    .catch(() => undefined);

/** The document with the tracking QR code, sealed by the case's department and signed with its key now. */
export async function sealedCaseDocument(
  deps: CasesDeps,
  c: Selectable<CaseTable>,
  place: string,
  d: Omit<OfficialDocument, 'qr'>,
): Promise<Uint8Array> {
  const keys = await departmentSeal(deps.db, deps.cipher, { id: c.departmentId, name: d.issuer }, deps.now());
  return officialDocumentPdf(
    { ...d, qr: { url: `${deps.publicUrl}/track/${c.trackingCode}`, caption: `全程一码 ${c.trackingCode}` } },
    { keys, location: place, at: deps.now() },
  );
}
