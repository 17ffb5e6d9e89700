/**
 * 终止: when the applicant dies (the life event recorded once by the department that saw it), their
 * open personal cases end without a decision — tasks cancelled, an open pause closed, the event log
 * saying why. Cases of an enterprise they represented are not theirs alone and stay open.
 */
import { SYSTEM } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/index.js';
import { kq, type CaseStatus } from '../cases.tables.js';
import { beijingDate } from './clock.js';
import { appendCaseEvents } from './events.js';

const OPEN: CaseStatus[] = ['waiting', 'submitted', 'awaiting_supplement', 'in_progress', 'suspended'];

/** Ends every open personal case of these applicants (identity person ids); answers how many. */
export async function terminateCasesOf(
  trx: Db,
  applicantPersonIds: string[],
  reason: { code: string; text: string; eventId: string },
  at: Date,
): Promise<number> {
  if (applicantPersonIds.length === 0) return 0;
  const ended = await kq(trx)
    .updateTable('cases.case')
    .set((eb) => ({
      status: 'terminated',
      decidedAt: at,
      stageIndex: null,
      decisionNote: reason.text,
      version: eb('version', '+', 1),
      updatedAt: at,
    }))
    .where('applicantPersonId', 'in', applicantPersonIds)
    .where('applicantEnterpriseId', 'is', null)
    .where('status', 'in', OPEN)
    .returning(['id'])
    .execute();
  if (ended.length === 0) return 0;
  const ids = ended.map((c) => c.id);
  await kq(trx)
    .updateTable('cases.task')
    .set({ status: 'cancelled', completedAt: at })
    .where('caseId', 'in', ids)
    .where('status', '=', 'open')
    .execute();
  await kq(trx)
    .updateTable('cases.pause')
    .set({ endedOn: beijingDate(at) })
    .where('caseId', 'in', ids)
    .where('endedOn', 'is', null)
    .execute();
  await appendCaseEvents(
    trx,
    ids.map((caseId) => ({
      caseId,
      actor: SYSTEM,
      type: 'terminated',
      from: null,
      to: 'terminated' as const,
      at,
      detail: { reason: reason.code, lifeEvent: reason.eventId },
    })),
  );
  return ids.length;
}
