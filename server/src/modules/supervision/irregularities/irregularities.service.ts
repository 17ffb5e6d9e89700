/** 异常监察 findings in the caller's scope, and their dismissal with a reason (never silently). */
import type { Actor } from '../../../platform/context.js';
import { conflict, forbidden, notFound } from '../../../platform/errors.js';
import { withinScope } from '../../../platform/scope.js';
import type { SupervisionDeps } from '../supervision.deps.js';
import { svq, type IrregularityTable } from '../supervision.tables.js';

const COLUMNS = { region: 'regionCode', department: 'departmentId' };
const SUPERVISED = { regionWide: ['supervisor'] };

export async function listIrregularities(
  deps: SupervisionDeps,
  actor: Actor,
  filter: { status?: IrregularityTable['status']; region?: string },
) {
  let q = withinScope(svq(deps.db).selectFrom('supervision.irregularity').selectAll(), actor, COLUMNS, SUPERVISED);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.region) q = q.where('regionCode', 'like', `${filter.region}%`);
  const rows = await q.orderBy('detectedAt', 'desc').limit(200).execute();
  return rows.map((r) => {
    const e = r.explanation as { zh: string; en: string; facts: Record<string, unknown> };
    return {
      id: r.id,
      rule: r.rule,
      caseId: r.caseId,
      reference: r.reference,
      regionCode: r.regionCode,
      departmentId: r.departmentId,
      explanation: { zh: e.zh, en: e.en },
      facts: e.facts,
      detectedAt: r.detectedAt,
      status: r.status,
      dismissedAt: r.dismissedAt,
      dismissReason: r.dismissReason,
    };
  });
}

/** A supervisor dismisses a finding, saying why (the reason stays with it). */
export async function dismissIrregularity(
  deps: SupervisionDeps,
  actor: Actor,
  id: string,
  reason: string,
): Promise<void> {
  if (actor.kind !== 'staff' || !actor.roles.includes('supervisor'))
    throw forbidden('SUPERVISION.SUPERVISORS_ONLY', {
      zh: '仅监督人员可以处理异常',
      en: 'Only supervisors dismiss irregularities',
    });
  const found = await withinScope(
    svq(deps.db).selectFrom('supervision.irregularity').select(['id', 'status']).where('id', '=', id),
    actor,
    COLUMNS,
    SUPERVISED,
  ).executeTakeFirst();
  if (!found)
    throw notFound('SUPERVISION.NO_IRREGULARITY', {
      zh: '异常记录不存在或不在您的监督范围内',
      en: 'No such irregularity within your scope',
    });
  const done = await svq(deps.db)
    .updateTable('supervision.irregularity')
    .set({ status: 'dismissed', dismissedBy: actor.id, dismissedAt: deps.now(), dismissReason: reason })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .returning('id')
    .executeTakeFirst();
  if (!done)
    throw conflict('SUPERVISION.ALREADY_DISMISSED', {
      zh: '该异常已被排除',
      en: 'The irregularity was already dismissed',
    });
}
