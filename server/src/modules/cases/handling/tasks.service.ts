/**
 * 并联审批 task handling: approve, return to the previous stage, refuse (不予许可), suspend for a
 * special procedure (特别程序, the clock stops) and resume. Optimistic concurrency: every step names
 * the task version it saw; when two approvers decide one task, the second gets 409 with the state.
 */
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/index.js';
import { conflict, forbidden, notFound } from '../../../platform/errors.js';
import { isWithinScope } from '../../../platform/scope.js';
import type { CasesDeps } from '../cases.deps.js';
import { kq, type PauseKind } from '../cases.tables.js';
import { beijingDate, pausedWorkingDays } from '../process/clock.js';
import { afterApproval, openStage, previousStage } from '../process/engine.js';
import { appendCaseEvent } from '../process/events.js';
import { recordDecision } from '../process/decision.js';
import { lockCase, requireStatus } from './load.js';

const taskNotFound = (id: string) =>
  notFound('CASES.TASK_NOT_FOUND', { zh: '任务不存在或不在您的办理范围', en: 'No such task within your scope' }, [], {
    id,
  });

/** The task (and its case, locked), checked against the caller's scope, role and the version seen. */
async function takeTask(db: Db, actor: Actor, taskId: string, version: number) {
  const found = await kq(db).selectFrom('cases.task').select(['caseId']).where('id', '=', taskId).executeTakeFirst();
  if (!found) throw taskNotFound(taskId);
  const c = await lockCase(db, found.caseId);
  const task = await kq(db).selectFrom('cases.task').selectAll().where('id', '=', taskId).executeTakeFirstOrThrow();
  if (actor.kind !== 'staff' || !isWithinScope(actor, { regionCode: task.regionCode, departmentId: task.departmentId }))
    throw taskNotFound(taskId);
  if (!actor.roles.includes(task.role) && !actor.roles.includes('department_head')) {
    throw forbidden(
      'CASES.ROLE_REQUIRED',
      { zh: '您的角色不能办理此任务', en: 'Your role cannot handle this task' },
      [],
      { role: task.role },
    );
  }
  if (task.status !== 'open' || task.version !== version) {
    throw conflict(
      'CASES.TASK_CHANGED',
      { zh: '任务已被他人处理或已变化，请刷新', en: 'The task was already decided or changed; reload it' },
      [],
      { status: task.status, version: task.version },
    );
  }
  requireStatus(c, ['in_progress'], '办理任务');
  return { c, task };
}

/** The guide of the task's item, read before the step's transaction (inside it, only its handle may be used). */
async function itemOfTask(deps: CasesDeps, taskId: string) {
  const found = await kq(deps.db)
    .selectFrom('cases.task as t')
    .innerJoin('cases.case as c', 'c.id', 't.caseId')
    .select('c.itemCode')
    .where('t.id', '=', taskId)
    .executeTakeFirst();
  if (!found) throw taskNotFound(taskId);
  return (await deps.processes.get(found.itemCode)).item;
}

async function closeTask(
  db: Db,
  taskId: string,
  status: 'approved' | 'returned' | 'refused',
  opinion: string,
  at: Date,
): Promise<void> {
  await kq(db)
    .updateTable('cases.task')
    .set((eb) => ({ status, opinion, completedAt: at, version: eb('version', '+', 1) }))
    .where('id', '=', taskId)
    .execute();
}

export async function approveTask(
  deps: CasesDeps,
  actor: Actor,
  { taskId, input }: { taskId: string; input: { version: number; opinion: string } },
): Promise<void> {
  const calendar = await deps.calendar.calendar();
  const item = await itemOfTask(deps, taskId);
  await deps.db.transaction().execute(async (trx) => {
    const { c, task } = await takeTask(trx, actor, taskId, input.version);
    const at = deps.now();
    await closeTask(trx, task.id, 'approved', input.opinion, at);
    await appendCaseEvent(trx, {
      caseId: c.id,
      actor,
      type: 'task-approved',
      from: c.status,
      to: c.status,
      taskId: task.id,
      at,
      detail: { task: task.taskKey, opinion: input.opinion },
    });
    await afterApproval(trx, c, { actor, at, today: beijingDate(at), calendar, item });
  });
}

/** Sends the case back to the previous stage that ran; the other open tasks of this stage end. */
export async function returnTask(
  deps: CasesDeps,
  actor: Actor,
  { taskId, input }: { taskId: string; input: { version: number; opinion: string } },
): Promise<void> {
  const calendar = await deps.calendar.calendar();
  const item = await itemOfTask(deps, taskId);
  await deps.db.transaction().execute(async (trx) => {
    const { c, task } = await takeTask(trx, actor, taskId, input.version);
    const back = await previousStage(trx, c);
    if (back === -1) {
      throw conflict(
        'CASES.NO_PREVIOUS_STAGE',
        {
          zh: '这是第一个环节，无法退回；如材料不全，请由窗口一次性告知补正',
          en: 'This is the first stage; nothing to return to',
        },
        [],
        { status: c.status, version: c.version },
      );
    }
    const at = deps.now();
    await closeTask(trx, task.id, 'returned', input.opinion, at);
    await kq(trx)
      .updateTable('cases.task')
      .set({ status: 'cancelled', completedAt: at })
      .where('caseId', '=', c.id)
      .where('status', '=', 'open')
      .execute();
    await appendCaseEvent(trx, {
      caseId: c.id,
      actor,
      type: 'returned',
      from: c.status,
      to: c.status,
      taskId: task.id,
      at,
      detail: { fromStage: task.stageKey, toStage: c.definition.stages[back]!.key, opinion: input.opinion },
    });
    await openStage(trx, c, back, { actor, at, today: beijingDate(at), calendar, item });
  });
}

/** 不予许可: the department refuses; the case ends with the reasons. */
export async function refuseTask(
  deps: CasesDeps,
  actor: Actor,
  { taskId, input }: { taskId: string; input: { version: number; opinion: string; legalBasis: string } },
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const { c, task } = await takeTask(trx, actor, taskId, input.version);
    const at = deps.now();
    await closeTask(trx, task.id, 'refused', input.opinion, at);
    await kq(trx)
      .updateTable('cases.task')
      .set({ status: 'cancelled', completedAt: at })
      .where('caseId', '=', c.id)
      .where('status', '=', 'open')
      .execute();
    await kq(trx)
      .updateTable('cases.case')
      .set((eb) => ({
        status: 'refused',
        stageIndex: null,
        decidedAt: at,
        decisionNote: `${input.opinion}（依据：${input.legalBasis}）`,
        version: eb('version', '+', 1),
        updatedAt: at,
      }))
      .where('id', '=', c.id)
      .execute();
    await appendCaseEvent(trx, {
      caseId: c.id,
      actor,
      type: 'refused',
      from: c.status,
      to: 'refused',
      taskId: task.id,
      at,
      detail: { opinion: input.opinion, legalBasis: input.legalBasis },
    });
    await recordDecision(trx, c, 'refused', at, actor.id);
  });
}

/** 特别程序 (hearing, expert review, inspection, public notice): the clock stops until resumed. */
export async function suspendCase(
  deps: CasesDeps,
  actor: Actor,
  {
    taskId,
    input,
  }: { taskId: string; input: { version: number; kind: Exclude<PauseKind, 'supplement'>; reason: string } },
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const { c, task } = await takeTask(trx, actor, taskId, input.version);
    const at = deps.now();
    await kq(trx)
      .insertInto('cases.pause')
      .values({
        id: randomUUID(),
        caseId: c.id,
        kind: input.kind,
        reason: input.reason,
        startedOn: beijingDate(at),
        endedOn: null,
      })
      .execute();
    await kq(trx)
      .updateTable('cases.case')
      .set((eb) => ({ status: 'suspended', version: eb('version', '+', 1), updatedAt: at }))
      .where('id', '=', c.id)
      .execute();
    await appendCaseEvent(trx, {
      caseId: c.id,
      actor,
      type: 'suspended',
      from: c.status,
      to: 'suspended',
      taskId: task.id,
      at,
      detail: { kind: input.kind, reason: input.reason },
    });
  });
}

/** Ends the special procedure: the case and its open tasks get back the working days it took. */
export async function resumeCase(deps: CasesDeps, actor: Actor, caseId: string): Promise<{ dueOn: string }> {
  const calendar = await deps.calendar.calendar();
  return deps.db.transaction().execute(async (trx) => {
    const c = await lockCase(trx, caseId);
    const tasks = await kq(trx)
      .selectFrom('cases.task')
      .select(['id', 'dueOn', 'departmentId', 'regionCode'])
      .where('caseId', '=', c.id)
      .where('status', '=', 'open')
      .execute();
    if (
      actor.kind !== 'staff' ||
      !tasks.some((t) => isWithinScope(actor, { regionCode: t.regionCode, departmentId: t.departmentId }))
    ) {
      throw notFound('CASES.NOT_FOUND', { zh: '办件不存在或无权办理', en: 'No such case within your scope' });
    }
    requireStatus(c, ['suspended'], '恢复办理');
    const at = deps.now();
    const today = beijingDate(at);
    const pause = await kq(trx)
      .updateTable('cases.pause')
      .set({ endedOn: today })
      .where('caseId', '=', c.id)
      .where('endedOn', 'is', null)
      .returning(['startedOn'])
      .executeTakeFirstOrThrow();
    const paused = pausedWorkingDays(calendar, pause.startedOn, today);
    const dueOn = calendar.addWorkingDays(c.dueOn!, paused).due;
    for (const t of tasks)
      await kq(trx)
        .updateTable('cases.task')
        .set({ dueOn: calendar.addWorkingDays(t.dueOn, paused).due })
        .where('id', '=', t.id)
        .execute();
    await kq(trx)
      .updateTable('cases.case')
      .set((eb) => ({ status: 'in_progress', dueOn, version: eb('version', '+', 1), updatedAt: at }))
      .where('id', '=', c.id)
      .execute();
    await appendCaseEvent(trx, {
      caseId: c.id,
      actor,
      type: 'resumed',
      from: 'suspended',
      to: 'in_progress',
      at,
      detail: { pausedWorkingDays: paused, dueOn },
    });
    return { dueOn };
  });
}
