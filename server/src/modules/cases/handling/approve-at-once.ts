/**
 * A case decided by the system the moment it is filed — 秒批 on verified registry data, or a
 * 免申即享 grant: accepted and approved at once (due the same day), both steps in the event log.
 */
import type { Db } from '../../../platform/db/index.js';
import { SYSTEM } from '../../../platform/context.js';
import { kq } from '../cases.tables.js';
import { beijingDate } from '../process/clock.js';
import { appendCaseEvent } from '../process/events.js';

export async function approveAtOnce(
  trx: Db,
  d: {
    caseId: string;
    at: Date;
    note: string;
    acceptedDetail: Record<string, unknown>;
    approvedDetail: Record<string, unknown>;
  },
): Promise<void> {
  const today = beijingDate(d.at);
  await kq(trx)
    .updateTable('cases.case')
    .set((eb) => ({
      status: 'approved',
      acceptedOn: today,
      dueOn: today,
      decidedAt: d.at,
      decisionNote: d.note,
      version: eb('version', '+', 1),
      updatedAt: d.at,
    }))
    .where('id', '=', d.caseId)
    .execute();
  const step = { caseId: d.caseId, actor: SYSTEM, at: d.at };
  await appendCaseEvent(trx, {
    ...step,
    type: 'accepted',
    from: 'submitted',
    to: 'in_progress',
    detail: d.acceptedDetail,
  });
  await appendCaseEvent(trx, {
    ...step,
    type: 'approved',
    from: 'in_progress',
    to: 'approved',
    detail: d.approvedDetail,
  });
}
