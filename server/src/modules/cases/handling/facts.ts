/** What other modules may know of a case, through `cases/index.ts`: read-only facts, never rows. */
import type { Db } from '../../../platform/db/index.js';
import { kq } from '../cases.tables.js';

/**
 * A case as 好差评 needs it: its applicant, where it was handled, whether it has ended, and the
 * staff who acted on it (谁办理、谁负责), from the event log.
 */
export async function findCaseForEvaluation(db: Db, caseId: string) {
  const c = await kq(db)
    .selectFrom('cases.case')
    .select(['id', 'trackingCode', 'status', 'itemCode', 'itemName', 'departmentId', 'regionCode', 'applicantPersonId', 'applicantEnterpriseId', 'decidedAt'])
    .where('id', '=', caseId)
    .executeTakeFirst();
  if (!c) return undefined;
  const handlers = await kq(db).selectFrom('cases.event').select('actorId').distinct().where('caseId', '=', caseId).where('actorKind', '=', 'staff').execute();
  return { ...c, handlerIds: handlers.flatMap((h) => (h.actorId ? [h.actorId] : [])) };
}
