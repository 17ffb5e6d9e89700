/**
 * Working on a task without deciding it: claim it (认领), hand it to a colleague of the department
 * (转办, department head), add an opinion (办理意见), and ask for more time (延期), which a
 * department head approves or refuses — at most ten more working days (行政许可法 第四十二条).
 */
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../platform/context.js';
import { conflict, forbidden, invalid, notFound } from '../../../platform/errors.js';
import { isWithinScope } from '../../../platform/scope.js';
import { findActiveStaff } from '../../identity/index.js';
import type { CasesDeps } from '../cases.deps.js';
import { kq } from '../cases.tables.js';
import { appendCaseEvent } from '../process/events.js';
import { lockCase, requireStatus } from './load.js';

const MAX_EXTENSION_DAYS = 10;

async function openTask(trx: CasesDeps['db'], actor: Actor, taskId: string, version?: number) {
  const found = await kq(trx).selectFrom('cases.task').select('caseId').where('id', '=', taskId).executeTakeFirst();
  const notYours = () =>
    notFound('CASES.TASK_NOT_FOUND', { zh: '任务不存在或不在您的办理范围', en: 'No such task within your scope' }, [], {
      id: taskId,
    });
  if (!found) throw notYours();
  const c = await lockCase(trx, found.caseId);
  const task = await kq(trx).selectFrom('cases.task').selectAll().where('id', '=', taskId).executeTakeFirstOrThrow();
  if (actor.kind !== 'staff' || !isWithinScope(actor, { regionCode: task.regionCode, departmentId: task.departmentId }))
    throw notYours();
  if (task.status !== 'open' || (version !== undefined && task.version !== version)) {
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

export async function claimTask(
  deps: CasesDeps,
  actor: Actor,
  { taskId, version }: { taskId: string; version: number },
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const { c, task } = await openTask(trx, actor, taskId, version);
    if (task.assigneeId && task.assigneeId !== actor.id) {
      throw conflict('CASES.TASK_CLAIMED', { zh: '任务已由他人认领', en: 'Someone else has claimed this task' }, [], {
        status: task.status,
        version: task.version,
      });
    }
    await kq(trx)
      .updateTable('cases.task')
      .set((eb) => ({ assigneeId: actor.id, version: eb('version', '+', 1) }))
      .where('id', '=', task.id)
      .execute();
    await appendCaseEvent(trx, {
      caseId: c.id,
      actor,
      type: 'task-claimed',
      from: c.status,
      to: c.status,
      taskId: task.id,
      at: deps.now(),
    });
  });
}

/** 转办: a department head gives the task to another staff member of the same department. */
export async function reassignTask(
  deps: CasesDeps,
  actor: Actor,
  { taskId, input }: { taskId: string; input: { version: number; assigneeId: string; note: string } },
): Promise<void> {
  if (!actor.roles.includes('department_head'))
    throw forbidden('CASES.HEAD_ONLY', { zh: '仅科室负责人可转办', en: 'Only a department head reassigns tasks' });
  // Read before the transaction: inside it, only the transaction handle may be used.
  const to = await findActiveStaff(deps.db, input.assigneeId);
  await deps.db.transaction().execute(async (trx) => {
    const { c, task } = await openTask(trx, actor, taskId, input.version);
    const fits =
      to &&
      task.regionCode.startsWith(to.regionCode) &&
      to.departmentIds.includes(task.departmentId) &&
      (to.roles.includes(task.role) || to.roles.includes('department_head'));
    if (!fits) {
      throw invalid(
        'CASES.BAD_ASSIGNEE',
        {
          zh: '接收人须为本部门有相应岗位的工作人员',
          en: 'The assignee must be a staff member of this department in the right role',
        },
        [
          {
            field: 'body.assigneeId',
            code: 'CASES.BAD_ASSIGNEE',
            message: { zh: '接收人不符合要求', en: 'Unsuitable assignee' },
          },
        ],
      );
    }
    await kq(trx)
      .updateTable('cases.task')
      .set((eb) => ({ assigneeId: input.assigneeId, version: eb('version', '+', 1) }))
      .where('id', '=', task.id)
      .execute();
    await appendCaseEvent(trx, {
      caseId: c.id,
      actor,
      type: 'task-reassigned',
      from: c.status,
      to: c.status,
      taskId: task.id,
      at: deps.now(),
      detail: { to: input.assigneeId, note: input.note },
    });
  });
}

export async function addOpinion(
  deps: CasesDeps,
  actor: Actor,
  { taskId, text }: { taskId: string; text: string },
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const { c, task } = await openTask(trx, actor, taskId);
    await appendCaseEvent(trx, {
      caseId: c.id,
      actor,
      type: 'opinion',
      from: c.status,
      to: c.status,
      taskId: task.id,
      at: deps.now(),
      detail: { text },
    });
  });
}

export async function requestExtension(
  deps: CasesDeps,
  actor: Actor,
  { taskId, input }: { taskId: string; input: { days: number; reason: string } },
): Promise<{ extensionId: string }> {
  if (input.days < 1 || input.days > MAX_EXTENSION_DAYS) {
    throw invalid(
      'CASES.BAD_EXTENSION',
      {
        zh: `延长期限为 1–${MAX_EXTENSION_DAYS} 个工作日`,
        en: `An extension is 1 to ${MAX_EXTENSION_DAYS} working days`,
      },
      [{ field: 'body.days', code: 'CASES.BAD_EXTENSION', message: { zh: '天数无效', en: 'Invalid days' } }],
    );
  }
  return deps.db.transaction().execute(async (trx) => {
    const { c, task } = await openTask(trx, actor, taskId);
    const used = await kq(trx)
      .selectFrom('cases.extension')
      .select(['status'])
      .where('caseId', '=', c.id)
      .where('status', 'in', ['pending', 'approved'])
      .execute();
    if (used.length) {
      throw conflict(
        'CASES.ALREADY_EXTENDED',
        { zh: '该办件已申请或已批准过延期', en: 'This case already has a pending or approved extension' },
        [],
        { status: c.status, version: c.version },
      );
    }
    const extensionId = randomUUID();
    const at = deps.now();
    await kq(trx)
      .insertInto('cases.extension')
      .values({
        id: extensionId,
        caseId: c.id,
        taskId: task.id,
        days: input.days,
        reason: input.reason,
        status: 'pending',
        requestedBy: actor.id!,
        requestedAt: at,
        decidedBy: null,
        decidedAt: null,
      })
      .execute();
    await appendCaseEvent(trx, {
      caseId: c.id,
      actor,
      type: 'extension-requested',
      from: c.status,
      to: c.status,
      taskId: task.id,
      at,
      detail: { days: input.days, reason: input.reason },
    });
    return { extensionId };
  });
}

/** A department head of the task's department decides; approval moves the case and its open tasks. */
export async function decideExtension(
  deps: CasesDeps,
  actor: Actor,
  { extensionId, approve }: { extensionId: string; approve: boolean },
): Promise<{ dueOn: string | null }> {
  if (actor.kind !== 'staff' || !actor.roles.includes('department_head'))
    throw forbidden('CASES.HEAD_ONLY', {
      zh: '仅科室负责人可审批延期',
      en: 'Only a department head decides extensions',
    });
  const calendar = await deps.calendar.calendar();
  return deps.db.transaction().execute(async (trx) => {
    const ext = await kq(trx)
      .selectFrom('cases.extension')
      .selectAll()
      .where('id', '=', extensionId)
      .executeTakeFirst();
    const missing = () =>
      notFound('CASES.EXTENSION_NOT_FOUND', {
        zh: '延期申请不存在或不在您的范围',
        en: 'No such extension request within your scope',
      });
    if (!ext) throw missing();
    const c = await lockCase(trx, ext.caseId);
    const task = await kq(trx)
      .selectFrom('cases.task')
      .select(['regionCode', 'departmentId'])
      .where('id', '=', ext.taskId)
      .executeTakeFirstOrThrow();
    if (!isWithinScope(actor, task)) throw missing();
    if (ext.status !== 'pending')
      throw conflict(
        'CASES.EXTENSION_DECIDED',
        { zh: '该延期申请已处理', en: 'This extension request was already decided' },
        [],
        { status: ext.status },
      );
    const at = deps.now();
    await kq(trx)
      .updateTable('cases.extension')
      .set({ status: approve ? 'approved' : 'refused', decidedBy: actor.id, decidedAt: at })
      .where('id', '=', ext.id)
      .execute();
    let dueOn = c.dueOn;
    if (approve && c.dueOn) {
      dueOn = calendar.addWorkingDays(c.dueOn, ext.days).due;
      const open = await kq(trx)
        .selectFrom('cases.task')
        .select(['id', 'dueOn'])
        .where('caseId', '=', c.id)
        .where('status', '=', 'open')
        .execute();
      for (const t of open)
        await kq(trx)
          .updateTable('cases.task')
          .set({ dueOn: calendar.addWorkingDays(t.dueOn, ext.days).due })
          .where('id', '=', t.id)
          .execute();
      await kq(trx)
        .updateTable('cases.case')
        .set((eb) => ({ dueOn, version: eb('version', '+', 1), updatedAt: at }))
        .where('id', '=', c.id)
        .execute();
    }
    await appendCaseEvent(trx, {
      caseId: c.id,
      actor,
      type: approve ? 'extension-approved' : 'extension-refused',
      from: c.status,
      to: c.status,
      taskId: ext.taskId,
      at,
      detail: { days: ext.days, dueOn },
    });
    return { dueOn };
  });
}
