/**
 * 容缺 promises still open on accepted cases, for the department that handles them: the head sees
 * which are overdue (the applicant promised a material and has not brought it by its due date).
 */
import type { Actor } from '../../../platform/context.js';
import { withinScope } from '../../../platform/scope.js';
import type { CasesDeps } from '../cases.deps.js';
import { kq } from '../cases.tables.js';
import { beijingDate, remainingWorkingDays } from '../process/clock.js';

export async function listOpenPromises(deps: CasesDeps, actor: Actor, opts: { overdue: boolean; limit: number }) {
  const today = beijingDate(deps.now());
  let q = withinScope(
    kq(deps.db)
      .selectFrom('cases.material as m')
      .innerJoin('cases.case as c', 'c.id', 'm.caseId')
      .select([
        'c.id as caseId',
        'c.trackingCode',
        'c.itemName',
        'c.applicantName',
        'm.materialIndex',
        'm.name',
        'm.reference as promise',
        'm.dueOn',
      ])
      .where('m.kind', '=', 'promise')
      .where('m.supersededAt', 'is', null)
      .where('m.dueOn', 'is not', null)
      .where('c.status', 'in', ['in_progress', 'suspended']),
    actor,
    { region: 'c.regionCode', department: 'c.departmentId' },
  );
  if (opts.overdue) q = q.where('m.dueOn', '<', today);
  const rows = await q.orderBy('m.dueOn').orderBy('c.trackingCode').limit(opts.limit).execute();
  const calendar = await deps.calendar.calendar();
  return rows.map((r) => ({
    ...r,
    dueOn: r.dueOn!,
    overdue: r.dueOn! < today,
    remainingWorkingDays: remainingWorkingDays(calendar, today, r.dueOn!),
  }));
}
