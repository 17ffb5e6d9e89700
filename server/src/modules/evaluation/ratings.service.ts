/**
 * 一事一评: the applicant of a finished case rates it once, on five levels, from the channel they
 * use. A 差评 (不满意 or 非常不满意) opens a rectification at once, due for a return visit and for
 * rectification after the locally set working days. After the department resolves it, the rater
 * may rate the fix (follow-up).
 */
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../platform/context.js';
import { isUniqueViolation } from '../../platform/db/index.js';
import { conflict, forbidden, notFound, unauthorized } from '../../platform/errors.js';
import { isWithinScope } from '../../platform/scope.js';
import { beijingDate } from '../../platform/calendar/beijing.js';
import { CASE_READERS, findCaseFacts, isApplicantOf } from '../cases/index.js';
import type { EvaluationDeps } from './evaluation.deps.js';
import { eq, isBadReview, type Channel } from './evaluation.tables.js';

/** Like the case it rates, a rating is read by the department's staff and by every window and supervisor of the region. */
const RATING_READERS = CASE_READERS;

const RATEABLE = ['approved', 'refused', 'not_accepted'];

export const LEVEL_ZH: Record<number, string> = {
  5: '非常满意',
  4: '满意',
  3: '基本满意',
  2: '不满意',
  1: '非常不满意',
};

const noCase = (id: string) =>
  notFound('EVALUATION.NO_CASE', { zh: '办件不存在或无权评价', en: 'No such case, or not yours to rate' }, [], { id });

/** The rater of a rating is the applicant of its case: the same rule decides who may read it. */
const isRater = (actor: Actor, r: { raterPersonId: string; raterEnterpriseId: string | null }) =>
  isApplicantOf(actor, { applicantPersonId: r.raterPersonId, applicantEnterpriseId: r.raterEnterpriseId });

export async function rateCase(
  deps: EvaluationDeps,
  actor: Actor,
  caseId: string,
  input: { level: number; comment: string; channel: Channel },
): Promise<{ ratingId: string; rectificationId: string | null }> {
  if (actor.kind === 'anonymous') throw unauthorized('AUTH.REQUIRED', { zh: '请先登录再评价', en: 'Sign in to rate' });
  const c = await findCaseFacts(deps.db, caseId);
  if (!c || !isApplicantOf(actor, c)) throw noCase(caseId);
  if (!RATEABLE.includes(c.status)) {
    throw conflict(
      'EVALUATION.NOT_FINISHED',
      { zh: '办件办结后才能评价', en: 'A case can be rated once it has been decided' },
      [],
      { status: c.status },
    );
  }
  const at = deps.now();
  const ratingId = randomUUID();
  const bad = isBadReview(input.level);
  const rectificationId = bad ? randomUUID() : null;
  const calendar = bad ? await deps.calendar.calendar() : undefined;
  try {
    await deps.db.transaction().execute(async (trx) => {
      await eq(trx)
        .insertInto('evaluation.rating')
        .values({
          id: ratingId,
          caseId,
          trackingCode: c.trackingCode,
          raterPersonId: actor.id!,
          raterEnterpriseId: c.applicantEnterpriseId,
          itemCode: c.itemCode,
          itemName: c.itemName,
          departmentId: c.departmentId,
          regionCode: c.regionCode,
          handlerIds: c.handlerIds,
          channel: input.channel,
          level: input.level,
          comment: input.comment,
          status: 'valid',
          ratedAt: at,
        })
        .execute();
      if (bad) {
        const today = beijingDate(at);
        await eq(trx)
          .insertInto('evaluation.rectification')
          .values({
            id: rectificationId!,
            ratingId,
            departmentId: c.departmentId,
            regionCode: c.regionCode,
            status: 'open',
            callBackDue: calendar!.addWorkingDays(today, deps.deadlines.callBackDays).due,
            rectifyDue: calendar!.addWorkingDays(today, deps.deadlines.rectifyDays).due,
            calledBackAt: null,
            calledBackBy: null,
            callNote: null,
            resolution: null,
            resolutionNote: null,
            resolvedAt: null,
            resolvedBy: null,
            followUpLevel: null,
            followUpAt: null,
          })
          .execute();
      }
    });
  } catch (e) {
    if (isUniqueViolation(e))
      throw conflict('EVALUATION.ALREADY_RATED', {
        zh: '该办件已评价过（一事一评）',
        en: 'This case has already been rated',
      });
    throw e;
  }
  return { ratingId, rectificationId };
}

/** The rating of a case (with its rectification): for its rater, and for staff whose scope covers it. */
export async function getRating(deps: EvaluationDeps, actor: Actor, caseId: string) {
  const r = await eq(deps.db)
    .selectFrom('evaluation.rating as r')
    .leftJoin('evaluation.rectification as x', 'x.ratingId', 'r.id')
    .select([
      'r.id',
      'r.level',
      'r.comment',
      'r.channel',
      'r.status',
      'r.ratedAt',
      'r.raterPersonId',
      'r.raterEnterpriseId',
      'r.regionCode',
      'r.departmentId',
    ])
    .select([
      'x.id as rectificationId',
      'x.status as rectificationStatus',
      'x.callBackDue',
      'x.rectifyDue',
      'x.resolution',
      'x.resolutionNote',
      'x.resolvedAt',
      'x.followUpLevel',
    ])
    .where('r.caseId', '=', caseId)
    .executeTakeFirst();
  const mine = r && isRater(actor, r);
  const staff =
    r &&
    actor.kind === 'staff' &&
    isWithinScope(actor, { regionCode: r.regionCode, departmentId: r.departmentId }, RATING_READERS);
  if (!r || !(mine || staff)) {
    // Whether a case has a rating is itself the rater's business.
    const c = await findCaseFacts(deps.db, caseId);
    if (
      c &&
      (isApplicantOf(actor, c) ||
        (actor.kind === 'staff' &&
          isWithinScope(actor, { regionCode: c.regionCode, departmentId: c.departmentId }, RATING_READERS)))
    )
      return null;
    throw noCase(caseId);
  }
  return {
    id: r.id,
    level: r.level,
    levelName: LEVEL_ZH[r.level]!,
    comment: r.comment,
    channel: r.channel,
    status: r.status,
    ratedAt: r.ratedAt,
    rectification: r.rectificationId
      ? {
          id: r.rectificationId,
          status: r.rectificationStatus!,
          callBackDue: r.callBackDue!,
          rectifyDue: r.rectifyDue!,
          resolution: r.resolution,
          resolutionNote: r.resolutionNote,
          resolvedAt: r.resolvedAt,
          followUpLevel: r.followUpLevel,
        }
      : null,
  };
}

/** The rater rates the fix of their bad review, once it is resolved. */
export async function rateFollowUp(deps: EvaluationDeps, actor: Actor, caseId: string, level: number): Promise<void> {
  const r = await eq(deps.db)
    .selectFrom('evaluation.rating')
    .select(['id', 'raterPersonId', 'raterEnterpriseId'])
    .where('caseId', '=', caseId)
    .executeTakeFirst();
  if (!r || !isRater(actor, r)) throw noCase(caseId);
  const done = await eq(deps.db)
    .updateTable('evaluation.rectification')
    .set({ followUpLevel: level, followUpAt: deps.now() })
    .where('ratingId', '=', r.id)
    .where('status', '=', 'resolved')
    .where('followUpLevel', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (!done)
    throw conflict('EVALUATION.NO_FOLLOW_UP', {
      zh: '没有待评价的整改结果',
      en: 'There is no resolved rectification waiting for your rating',
    });
}

export function requireStaff(actor: Actor): asserts actor is Actor & { id: string } {
  if (actor.kind !== 'staff' || !actor.id)
    throw forbidden('EVALUATION.STAFF_ONLY', { zh: '仅工作人员可办理', en: 'Staff only' });
}
