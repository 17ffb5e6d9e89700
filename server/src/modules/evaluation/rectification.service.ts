/**
 * 差评整改: whoever handled it is responsible (谁办理、谁负责). The department of the case calls the
 * rater back (every real-name bad review gets a return visit, before anything is resolved), then
 * resolves it: fixed at once (立行立改), fixed by a deadline (限期整改), or explained where the
 * request has no legal basis (解释说明). The result goes back to the rater, who may rate the fix.
 */
import type { Actor } from '../../platform/context.js';
import { conflict, notFound } from '../../platform/errors.js';
import { withinScope } from '../../platform/scope.js';

/** 差评整改 is the department's; supervisors of the region follow every department's. */
const SUPERVISED = { regionWide: ['supervisor'] };
import type { EvaluationDeps } from './evaluation.deps.js';
import { eq, type RectificationTable } from './evaluation.tables.js';
import { requireStaff } from './ratings.service.js';
import { beijingDate } from '../../platform/calendar/beijing.js';

type Status = RectificationTable['status'];

/** The rectifications in the staff member's scope, the most urgent first, with days overdue. */
export async function listRectifications(deps: EvaluationDeps, actor: Actor, status: Status | undefined) {
  requireStaff(actor);
  let q = eq(deps.db)
    .selectFrom('evaluation.rectification as x')
    .innerJoin('evaluation.rating as r', 'r.id', 'x.ratingId')
    .select([
      'x.id',
      'x.status',
      'x.callBackDue',
      'x.rectifyDue',
      'x.resolution',
      'x.version',
      'r.trackingCode',
      'r.itemName',
      'r.level',
      'r.comment',
      'r.ratedAt',
      'r.caseId',
    ])
    .orderBy('x.rectifyDue')
    .limit(200);
  q = withinScope(q, actor, { region: 'x.regionCode', department: 'x.departmentId' }, SUPERVISED);
  if (status) q = q.where('x.status', '=', status);
  const today = beijingDate(deps.now());
  return (await q.execute()).map((x) => ({
    ...x,
    callBackOverdue: x.status === 'open' && x.callBackDue < today,
    rectifyOverdue: (x.status === 'open' || x.status === 'called_back') && x.rectifyDue < today,
  }));
}

async function step(
  deps: EvaluationDeps,
  actor: Actor,
  id: string,
  version: number,
  from: Status[],
  set: Partial<RectificationTable>,
): Promise<void> {
  requireStaff(actor);
  const found = await withinScope(
    eq(deps.db).selectFrom('evaluation.rectification').select(['status', 'version']).where('id', '=', id),
    actor,
    { region: 'regionCode', department: 'departmentId' },
    SUPERVISED,
  ).executeTakeFirst();
  if (!found)
    throw notFound('EVALUATION.NO_RECTIFICATION', {
      zh: '整改单不存在或无权查看',
      en: 'No such rectification, or not yours to see',
    });
  const done = await eq(deps.db)
    .updateTable('evaluation.rectification')
    .set((eb) => ({ ...set, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', 'in', from)
    .returning('id')
    .executeTakeFirst();
  if (!done) {
    throw conflict(
      'EVALUATION.RECTIFICATION_CHANGED',
      { zh: '整改单状态已变化，请刷新后再试', en: 'The rectification has changed; reload and try again' },
      [],
      { status: found.status, version: found.version },
    );
  }
}

/** 回访: the return visit to the rater, with what was learned. */
export const callBack = (deps: EvaluationDeps, actor: Actor, id: string, input: { version: number; note: string }) =>
  step(deps, actor, id, input.version, ['open'], {
    status: 'called_back',
    calledBackAt: deps.now(),
    calledBackBy: actor.id,
    callNote: input.note,
  });

/** 整改结果: how the bad review was resolved; goes back to the rater. */
export const resolve = (
  deps: EvaluationDeps,
  actor: Actor,
  id: string,
  input: { version: number; resolution: 'immediate' | 'deadline' | 'explained'; note: string },
) =>
  step(deps, actor, id, input.version, ['called_back'], {
    status: 'resolved',
    resolution: input.resolution,
    resolutionNote: input.note,
    resolvedAt: deps.now(),
    resolvedBy: actor.id,
  });
