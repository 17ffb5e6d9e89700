/**
 * 督办: a supervisor orders the head of the department concerned to act on a case, task,
 * department or complaint within a number of working days; the head answers; an order left
 * unanswered past its deadline turns red like any clock and escalates to the region above.
 * Issuing is idempotent per supervisor and `Idempotency-Key`.
 */
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/index.js';
import { isUniqueViolation } from '../../../platform/db/index.js';
import { conflict, forbidden, notFound } from '../../../platform/errors.js';
import { appendEvent } from '../../../platform/outbox.js';
import { isWithinRegion, withinScope } from '../../../platform/scope.js';
import { beijingDate } from '../../../platform/calendar/beijing.js';
import { referenceCode } from '../../../platform/ids/reference-code.js';
import { findDepartment } from '../../catalog/index.js';
import { findCaseFacts } from '../../cases/index.js';
import type { SupervisionDeps } from '../supervision.deps.js';
import { svq, type OrderTable } from '../supervision.tables.js';
import { saveClock, stopClock } from '../clocks/clocks.repository.js';

export const ORDER_ISSUED = 'supervision.order-issued';
export const ORDER_ANSWERED = 'supervision.order-answered';

export interface NewOrder {
  subjectType: OrderTable['subjectType'];
  subjectId: string;
  instruction: string;
  respondDays: number;
}

const noSubject = (id: string) =>
  notFound(
    'SUPERVISION.NO_SUBJECT',
    { zh: '督办对象不存在或不在您的监督范围内', en: 'No such subject within your supervision' },
    [],
    { subjectId: id },
  );

/** Where an order goes: the subject's department, its region, and how a person recognises it. */
async function subjectOf(
  db: Db,
  input: NewOrder,
): Promise<{ departmentId: string; regionCode: string; label: string } | undefined> {
  switch (input.subjectType) {
    case 'case': {
      const c = await findCaseFacts(db, input.subjectId);
      return c && { departmentId: c.departmentId, regionCode: c.regionCode, label: `${c.trackingCode} ${c.itemName}` };
    }
    case 'task': {
      const t = await svq(db)
        .selectFrom('supervision.clock')
        .select(['departmentId', 'regionCode', 'reference', 'title'])
        .where('kind', '=', 'task')
        .where('subjectId', '=', input.subjectId)
        .executeTakeFirst();
      return t?.departmentId
        ? { departmentId: t.departmentId, regionCode: t.regionCode, label: `${t.reference} ${t.title}` }
        : undefined;
    }
    case 'department': {
      const d = await findDepartment(db, input.subjectId);
      return d && { departmentId: d.id, regionCode: d.regionCode, label: d.name };
    }
    case 'complaint': {
      const c = await svq(db)
        .selectFrom('supervision.complaint')
        .select(['departmentId', 'regionCode', 'reference', 'subject'])
        .where('id', '=', input.subjectId)
        .executeTakeFirst();
      return c && { departmentId: c.departmentId, regionCode: c.regionCode, label: `${c.reference} ${c.subject}` };
    }
  }
}

export async function issueOrder(
  deps: SupervisionDeps,
  actor: Actor,
  input: NewOrder,
  idempotencyKey: string | undefined,
): Promise<{ id: string; reference: string; dueOn: string }> {
  if (actor.kind !== 'staff' || !actor.id || !actor.roles.includes('supervisor'))
    throw forbidden('SUPERVISION.SUPERVISORS_ONLY', { zh: '仅监督人员可以督办', en: 'Only supervisors issue orders' });
  if (idempotencyKey) {
    const earlier = await svq(deps.db)
      .selectFrom('supervision.order')
      .select(['id', 'reference', 'dueOn'])
      .where('issuedBy', '=', actor.id)
      .where('idempotencyKey', '=', idempotencyKey)
      .executeTakeFirst();
    if (earlier) return earlier;
  }
  const subject = await subjectOf(deps.db, input);
  if (!subject || !isWithinRegion(actor, subject.regionCode)) throw noSubject(input.subjectId);
  const at = deps.now();
  const today = beijingDate(at);
  const calendar = await deps.calendar.calendar();
  const dueOn = calendar.addWorkingDays(today, input.respondDays).due;
  const id = randomUUID();
  const reference = referenceCode(today, 'DB');
  try {
    await deps.db.transaction().execute(async (trx) => {
      await svq(trx)
        .insertInto('supervision.order')
        .values({
          id,
          reference,
          subjectType: input.subjectType,
          subjectId: input.subjectId,
          subjectLabel: subject.label,
          regionCode: subject.regionCode,
          departmentId: subject.departmentId,
          instruction: input.instruction,
          respondDays: input.respondDays,
          dueOn,
          status: 'open',
          issuedBy: actor.id!,
          issuedAt: at,
          answer: null,
          answeredBy: null,
          answeredAt: null,
          escalatedAt: null,
          idempotencyKey: idempotencyKey ?? null,
        })
        .execute();
      await saveClock(trx, calendar, at, {
        kind: 'order',
        subjectId: id,
        caseId: input.subjectType === 'case' ? input.subjectId : null,
        reference,
        title: subject.label,
        itemType: null,
        regionCode: subject.regionCode,
        departmentId: subject.departmentId,
        ownerStaffId: null,
        startedOn: today,
        limitDays: input.respondDays,
        dueOn,
        pausedSince: null,
      });
      await appendEvent(
        trx,
        {
          topic: ORDER_ISSUED,
          aggregateType: 'supervision.order',
          aggregateId: id,
          payload: {
            orderId: id,
            reference,
            subject: subject.label,
            dueOn,
            recipients: { departmentId: subject.departmentId, roles: ['department_head'] },
          },
        },
        actor.id,
      );
    });
  } catch (e) {
    // The same key sent twice at once: the other request issued it.
    if (idempotencyKey && isUniqueViolation(e)) return issueOrder(deps, actor, input, idempotencyKey);
    throw e;
  }
  return { id, reference, dueOn };
}

/** Orders in the caller's scope: a supervisor's region, a head's own departments. */
export async function listOrders(deps: SupervisionDeps, actor: Actor, status: OrderTable['status'] | undefined) {
  let q = withinScope(
    svq(deps.db).selectFrom('supervision.order').selectAll(),
    actor,
    { region: 'regionCode', department: 'departmentId' },
    { regionWide: ['supervisor'] },
  );
  if (status) q = q.where('status', '=', status);
  const rows = await q.orderBy('issuedAt', 'desc').limit(200).execute();
  const today = beijingDate(deps.now());
  return rows.map(({ idempotencyKey: _k, ...o }) => ({ ...o, overdue: o.status === 'open' && o.dueOn < today }));
}

/** The head of the receiving department answers an order (once). */
export async function answerOrder(deps: SupervisionDeps, actor: Actor, id: string, answer: string): Promise<void> {
  if (actor.kind !== 'staff' || !actor.id || !actor.roles.includes('department_head'))
    throw forbidden('SUPERVISION.HEADS_ANSWER', {
      zh: '督办事项由被督办部门负责人答复',
      en: 'The head of the department concerned answers an order',
    });
  const order = await withinScope(
    svq(deps.db).selectFrom('supervision.order').select(['id', 'status', 'issuedBy', 'reference']).where('id', '=', id),
    actor,
    { region: 'regionCode', department: 'departmentId' },
  ).executeTakeFirst();
  if (!order)
    throw notFound('SUPERVISION.NO_ORDER', {
      zh: '督办事项不存在或不是您部门的',
      en: 'No such order for your department',
    });
  const at = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const done = await svq(trx)
      .updateTable('supervision.order')
      .set({ status: 'answered', answer, answeredBy: actor.id, answeredAt: at })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .returning('id')
      .executeTakeFirst();
    if (!done)
      throw conflict('SUPERVISION.ORDER_ANSWERED', {
        zh: '该督办事项已答复',
        en: 'The order has already been answered',
      });
    await stopClock(trx, at, 'order', id);
    await appendEvent(
      trx,
      {
        topic: ORDER_ANSWERED,
        aggregateType: 'supervision.order',
        aggregateId: id,
        payload: { orderId: id, reference: order.reference, recipients: { staffId: order.issuedBy } },
      },
      actor.id,
    );
  });
}
