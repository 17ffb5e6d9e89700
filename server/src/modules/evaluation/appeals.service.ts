/**
 * 申诉复核: a department that believes a rating mistaken or malicious appeals, with its reason; a
 * supervisor whose scope covers it decides. Upheld, the rating is removed from the statistics and
 * its rectification withdrawn; rejected, the rating stands. Staff never reach the rater through
 * this path.
 */
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../platform/context.js';
import { isUniqueViolation } from '../../platform/db/index.js';
import { conflict, forbidden, notFound } from '../../platform/errors.js';
import { isWithinScope } from '../../platform/scope.js';
import type { EvaluationDeps } from './evaluation.deps.js';
import { eq } from './evaluation.tables.js';
import { requireStaff } from './ratings.service.js';

const noRating = (id: string) =>
  notFound('EVALUATION.NO_RATING', { zh: '评价不存在或无权查看', en: 'No such rating, or not yours to see' }, [], {
    id,
  });

export async function fileAppeal(
  deps: EvaluationDeps,
  actor: Actor,
  ratingId: string,
  reason: string,
): Promise<{ appealId: string }> {
  requireStaff(actor);
  const r = await eq(deps.db)
    .selectFrom('evaluation.rating')
    .select(['id', 'status', 'regionCode', 'departmentId'])
    .where('id', '=', ratingId)
    .executeTakeFirst();
  if (!r || !isWithinScope(actor, { regionCode: r.regionCode, departmentId: r.departmentId })) throw noRating(ratingId);
  if (r.status !== 'valid')
    throw conflict(
      'EVALUATION.APPEAL_CLOSED',
      { zh: '该评价正在复核或已被撤销', en: 'The rating is already under appeal or removed' },
      [],
      { status: r.status },
    );
  const appealId = randomUUID();
  try {
    await deps.db.transaction().execute(async (trx) => {
      await eq(trx)
        .insertInto('evaluation.appeal')
        .values({
          id: appealId,
          ratingId,
          filedBy: actor.id,
          reason,
          status: 'pending',
          filedAt: deps.now(),
          decidedBy: null,
          decidedAt: null,
          decisionNote: null,
        })
        .execute();
      await eq(trx)
        .updateTable('evaluation.rating')
        .set({ status: 'under_appeal' })
        .where('id', '=', ratingId)
        .execute();
    });
  } catch (e) {
    if (isUniqueViolation(e))
      throw conflict('EVALUATION.APPEAL_PENDING', {
        zh: '该评价已有待复核的申诉',
        en: 'An appeal of this rating is already pending',
      });
    throw e;
  }
  return { appealId };
}

export async function decideAppeal(
  deps: EvaluationDeps,
  actor: Actor,
  appealId: string,
  input: { upheld: boolean; note: string },
): Promise<void> {
  requireStaff(actor);
  if (!actor.roles.includes('supervisor'))
    throw forbidden('EVALUATION.SUPERVISOR_ONLY', {
      zh: '申诉由监督人员复核',
      en: 'Appeals are decided by supervisors',
    });
  await deps.db.transaction().execute(async (trx) => {
    const a = await eq(trx)
      .selectFrom('evaluation.appeal as a')
      .innerJoin('evaluation.rating as r', 'r.id', 'a.ratingId')
      .select(['a.id', 'a.status', 'a.ratingId', 'a.filedBy', 'r.regionCode', 'r.departmentId'])
      .where('a.id', '=', appealId)
      .forUpdate()
      .executeTakeFirst();
    if (
      !a ||
      !isWithinScope(actor, { regionCode: a.regionCode, departmentId: a.departmentId }, { regionWide: ['supervisor'] })
    )
      throw notFound('EVALUATION.NO_APPEAL', { zh: '申诉不存在或无权查看', en: 'No such appeal, or not yours to see' });
    if (a.status !== 'pending')
      throw conflict(
        'EVALUATION.APPEAL_DECIDED',
        { zh: '该申诉已复核', en: 'The appeal has already been decided' },
        [],
        { status: a.status },
      );
    if (a.filedBy === actor.id)
      throw forbidden('EVALUATION.OWN_APPEAL', {
        zh: '不能复核本人提出的申诉',
        en: 'You cannot decide your own appeal',
      });
    const at = deps.now();
    await eq(trx)
      .updateTable('evaluation.appeal')
      .set({
        status: input.upheld ? 'upheld' : 'rejected',
        decidedBy: actor.id,
        decidedAt: at,
        decisionNote: input.note,
      })
      .where('id', '=', appealId)
      .execute();
    await eq(trx)
      .updateTable('evaluation.rating')
      .set({ status: input.upheld ? 'removed' : 'valid' })
      .where('id', '=', a.ratingId)
      .execute();
    if (input.upheld) {
      await eq(trx)
        .updateTable('evaluation.rectification')
        .set((eb) => ({ status: 'withdrawn', version: eb('version', '+', 1) }))
        .where('ratingId', '=', a.ratingId)
        .where('status', '<>', 'resolved')
        .execute();
    }
  });
}
