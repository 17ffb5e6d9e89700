/**
 * Reading the module's case tables (the SQL of the read use cases): a case's tasks and history, a
 * case by tracking code, the workbench and window queues, the applicant's cases and a theme
 * application's cases. Row types stay here; callers get plain objects.
 */
import { sql } from 'kysely';
import type { Actor } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { regionCondition, withinScope } from '../../platform/scope.js';
import { kq } from './cases.tables.js';

/** The tasks of a case, stage by stage. */
export async function listCaseTasks(db: Db, caseId: string) {
  return kq(db)
    .selectFrom('cases.task')
    .selectAll()
    .where('caseId', '=', caseId)
    .orderBy('stageIndex')
    .orderBy('taskKey')
    .orderBy('openedOn')
    .execute();
}

/** The history of a case (办理记录), in order. */
export async function listCaseEvents(db: Db, caseId: string) {
  return kq(db)
    .selectFrom('cases.event')
    .select(['id', 'at', 'actorKind', 'type', 'fromStatus', 'toStatus', 'taskId', 'detail'])
    .where('caseId', '=', caseId)
    .orderBy('id')
    .execute();
}

/**
 * 全程一码: what the tracking page needs of the case with this code — its public fields, who may
 * see it in full, and the steps of `stepTypes` in order — in one round trip (the portal's
 * commonest case read: anyone holding a code may ask).
 */
export async function findTrackedCase(db: Db, code: string, stepTypes: readonly string[]) {
  return kq(db)
    .selectFrom('cases.case as c')
    .select([
      'c.id',
      'c.trackingCode',
      'c.itemName',
      'c.status',
      'c.submittedAt',
      'c.acceptedOn',
      'c.dueOn',
      'c.decidedAt',
      'c.regionCode',
      'c.departmentId',
      'c.filingRegionCode',
      'c.applicantPersonId',
      'c.applicantEnterpriseId',
    ])
    .select(
      sql<{ at: string; type: string }[]>`(
        SELECT coalesce(json_agg(json_build_object('at', e.at, 'type', e.type) ORDER BY e.id), '[]'::json)
        FROM cases.event e WHERE e.case_id = c.id AND e.type = ANY(${[...stepTypes]}::text[]))`.as('steps'),
    )
    .where('c.trackingCode', '=', code)
    .executeTakeFirst();
}

/** Open tasks the caller may work on, most urgent first. */
export async function listOpenTasks(db: Db, actor: Actor, limit: number) {
  return withinScope(
    kq(db)
      .selectFrom('cases.task as t')
      .innerJoin('cases.case as c', 'c.id', 't.caseId')
      .select([
        't.id',
        't.name',
        't.stageKey',
        't.dueOn',
        't.openedOn',
        't.version',
        't.role',
        't.departmentId',
        't.assigneeId',
        'c.id as caseId',
        'c.trackingCode',
        'c.itemName',
        'c.status as caseStatus',
        'c.dueOn as caseDueOn',
      ])
      .where('t.status', '=', 'open')
      .where(
        't.role',
        'in',
        actor.roles.includes('department_head') ? ['approver', 'department_head', 'window_clerk'] : [...actor.roles],
      ),
    actor,
    { region: 't.regionCode', department: 't.departmentId' },
  )
    .orderBy('t.dueOn')
    .orderBy('t.openedOn')
    .limit(limit)
    .execute();
}

/** Cases waiting at the windows of the caller's region: where they are handled or were filed. */
export async function listWindowCases(db: Db, actor: Actor, limit: number) {
  return kq(db)
    .selectFrom('cases.case')
    .select(['id', 'trackingCode', 'itemName', 'applicantName', 'status', 'submittedAt', 'version'])
    .where('status', 'in', ['submitted', 'awaiting_supplement'])
    .where((eb) => eb.or([regionCondition(actor, 'regionCode'), regionCondition(actor, 'filingRegionCode')]))
    .orderBy('submittedAt')
    .limit(limit)
    .execute();
}

/** The applicant's own cases (or their enterprise's, when acting for one), newest first. */
export async function listApplicantCases(db: Db, actor: Actor) {
  let q = kq(db)
    .selectFrom('cases.case')
    .select(['id', 'trackingCode', 'itemName', 'status', 'submittedAt', 'dueOn', 'decidedAt']);
  // Acting for oneself: one's personal cases, not those filed as an enterprise's agent.
  if (!actor.actingFor) q = q.where('applicantEnterpriseId', 'is', null);
  return withinScope(q, actor, { person: 'applicantPersonId', enterprise: 'applicantEnterpriseId' })
    .orderBy('submittedAt', 'desc')
    .limit(200)
    .execute();
}

export async function findBundle(db: Db, bundleId: string) {
  return kq(db).selectFrom('cases.bundle').selectAll().where('id', '=', bundleId).executeTakeFirst();
}

/** The cases of a theme application (一件事), in the order they were filed. */
export async function listBundleCases(db: Db, bundleId: string) {
  return kq(db)
    .selectFrom('cases.case')
    .select(['id', 'trackingCode', 'itemCode', 'itemName', 'status', 'waitsFor', 'dueOn', 'decidedAt'])
    .where('bundleId', '=', bundleId)
    .orderBy('submittedAt')
    .orderBy('itemCode')
    .execute();
}

/** Fees still due on the given cases, summed per case (fen). */
export async function dueFeesOfCases(db: Db, caseIds: readonly string[]) {
  if (caseIds.length === 0) return [];
  return kq(db)
    .selectFrom('cases.fee')
    .select((eb) => ['caseId', eb.fn.sum<string>('amountFen').as('dueFen')])
    .where('caseId', 'in', caseIds)
    .where('status', '=', 'due')
    .groupBy('caseId')
    .execute();
}
