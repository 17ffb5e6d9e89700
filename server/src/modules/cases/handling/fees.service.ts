/**
 * 收费: fees due on a case by the charging standard of the item's guide (most items are free). The
 * department sets what is due; the window records the payment by its 非税收入 payment-slip number,
 * or a department head waives it (减免) with a reason. The result is not sent while a fee is due.
 * Online payment through a payment platform is not connected: payments are recorded as the
 * window confirms them.
 */
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../platform/context.js';
import { conflict, forbidden, notFound } from '../../../platform/errors.js';
import type { CasesDeps } from '../cases.deps.js';
import { kq, type CaseStatus } from '../cases.tables.js';
import { appendCaseEvent } from '../process/events.js';
import { canSee, caseNotFound } from './access.js';
import { lockCase } from './load.js';

const CHARGEABLE: CaseStatus[] = ['submitted', 'in_progress', 'suspended', 'approved'];

function requireStaffInScope(actor: Actor, c: Parameters<typeof canSee>[1], roles: string[]): void {
  if (actor.kind !== 'staff' || !roles.some((r) => actor.roles.includes(r))) {
    throw forbidden('CASES.FEE_ROLE', { zh: '无权办理收费事项', en: 'Not allowed to handle fees' });
  }
  if (!canSee(actor, c)) throw caseNotFound(c.id);
}

export async function listFees(deps: CasesDeps, actor: Actor, caseId: string) {
  const c = await kq(deps.db).selectFrom('cases.case').selectAll().where('id', '=', caseId).executeTakeFirst();
  if (!c || !canSee(actor, c)) throw caseNotFound(caseId);
  const fees = await kq(deps.db)
    .selectFrom('cases.fee')
    .select(['id', 'name', 'basis', 'amountFen', 'status', 'paymentRef', 'setAt', 'settledAt'])
    .where('caseId', '=', caseId)
    .orderBy('setAt')
    .execute();
  return { fees, dueFen: fees.filter((f) => f.status === 'due').reduce((sum, f) => sum + f.amountFen, 0) };
}

export async function setFee(
  deps: CasesDeps,
  actor: Actor,
  { caseId, fee }: { caseId: string; fee: { name: string; basis: string; amountFen: number } },
): Promise<{ id: string }> {
  const id = randomUUID();
  const at = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const c = await lockCase(trx, caseId);
    requireStaffInScope(actor, c, ['approver', 'department_head', 'window_clerk']);
    if (!CHARGEABLE.includes(c.status))
      throw conflict(
        'CASES.NOT_CHARGEABLE',
        { zh: '该办件当前状态不能收费', en: 'Fees cannot be set on the case now' },
        [],
        { status: c.status },
      );
    await kq(trx)
      .insertInto('cases.fee')
      .values({
        id,
        caseId,
        ...fee,
        status: 'due',
        paymentRef: null,
        setBy: actor.id!,
        setAt: at,
        settledBy: null,
        settledAt: null,
      })
      .execute();
    await appendCaseEvent(trx, {
      caseId,
      actor,
      type: 'fee-due',
      from: null,
      to: null,
      at,
      detail: { feeId: id, name: fee.name, amountFen: fee.amountFen },
    });
  });
  return { id };
}

export async function settleFee(
  deps: CasesDeps,
  actor: Actor,
  {
    caseId,
    feeId,
    how,
  }: { caseId: string; feeId: string; how: { kind: 'paid'; paymentRef: string } | { kind: 'waived'; reason: string } },
): Promise<void> {
  const at = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const c = await lockCase(trx, caseId);
    requireStaffInScope(actor, c, how.kind === 'paid' ? ['window_clerk'] : ['department_head']);
    const fee = await kq(trx)
      .selectFrom('cases.fee')
      .select(['id', 'status', 'name', 'amountFen'])
      .where('id', '=', feeId)
      .where('caseId', '=', caseId)
      .forUpdate()
      .executeTakeFirst();
    if (!fee) throw notFound('CASES.NO_SUCH_FEE', { zh: '该收费项不存在', en: 'No such fee' });
    if (fee.status !== 'due')
      throw conflict('CASES.FEE_SETTLED', { zh: '该费用已缴纳或已减免', en: 'The fee is already paid or waived' }, [], {
        status: fee.status,
      });
    await kq(trx)
      .updateTable('cases.fee')
      .set({
        status: how.kind,
        paymentRef: how.kind === 'paid' ? how.paymentRef : null,
        settledBy: actor.id!,
        settledAt: at,
      })
      .where('id', '=', feeId)
      .execute();
    await appendCaseEvent(trx, {
      caseId,
      actor,
      type: how.kind === 'paid' ? 'fee-paid' : 'fee-waived',
      from: null,
      to: null,
      at,
      detail: {
        feeId,
        name: fee.name,
        amountFen: fee.amountFen,
        ...(how.kind === 'paid' ? { paymentRef: how.paymentRef } : { reason: how.reason }),
      },
    });
  });
}
