/** What other modules may know of a case, through `cases/index.ts`: read-only facts, never rows. */
import type { Db } from '../../../platform/db/index.js';
import { kq } from '../cases.tables.js';
import type { FieldCipher } from '../../../platform/crypto/index.js';
import { openForm } from './form-store.js';

/**
 * A case as 好差评 and 投诉举报 need it: its applicant, where it was handled, whether it has
 * ended, and the staff who acted on it (谁办理、谁负责), from the event log.
 */
export async function findCaseFacts(db: Db, caseId: string) {
  const c = await kq(db)
    .selectFrom('cases.case')
    .select([
      'id',
      'trackingCode',
      'status',
      'itemCode',
      'itemName',
      'departmentId',
      'regionCode',
      'applicantPersonId',
      'applicantEnterpriseId',
      'decidedAt',
    ])
    .where('id', '=', caseId)
    .executeTakeFirst();
  if (!c) return undefined;
  const handlers = await kq(db)
    .selectFrom('cases.event')
    .select('actorId')
    .distinct()
    .where('caseId', '=', caseId)
    .where('actorKind', '=', 'staff')
    .execute();
  return { ...c, handlerIds: handlers.flatMap((h) => (h.actorId ? [h.actorId] : [])) };
}

/**
 * A decided case as the licence module needs it to issue the e-licence of its result (the item,
 * the deciding department, the applicant, the form); undefined for an unknown or undecided case.
 */
export async function findDecidedCase(db: Db, cipher: FieldCipher, caseId: string) {
  const c = await kq(db)
    .selectFrom('cases.case')
    .select([
      'id',
      'itemCode',
      'itemName',
      'departmentId',
      'regionCode',
      'status',
      'form',
      'formEnc',
      'applicantPersonId',
      'applicantEnterpriseId',
      'applicantName',
      'decisionNo',
      'decidedAt',
    ])
    .where('id', '=', caseId)
    .where('decidedAt', 'is not', null)
    .executeTakeFirst();
  if (!c) return undefined;
  const { formEnc: _sealed, ...rest } = c;
  return { ...rest, form: openForm(cipher, c) };
}

/** 用证 within a case: the case's department and region when this person or enterprise applied for it. */
export async function caseOfApplicant(
  db: Db,
  caseId: string,
  applicant: { personId: string } | { enterpriseId: string },
): Promise<{ departmentId: string; regionCode: string } | undefined> {
  const q = kq(db).selectFrom('cases.case').select(['departmentId', 'regionCode']).where('id', '=', caseId);
  return (
    'personId' in applicant
      ? q.where('applicantPersonId', '=', applicant.personId)
      : q.where('applicantEnterpriseId', '=', applicant.enterpriseId)
  ).executeTakeFirst();
}
