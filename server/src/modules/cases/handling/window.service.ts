/**
 * 一窗受理: the comprehensive window accepts (the clock starts the next working day), refuses to
 * accept with a legal reason (不予受理), or asks once for everything missing (一次性告知 / 补正) —
 * before acceptance, so the clock has not started; the applicant supplements or withdraws.
 */
import { sealForm } from './form-store.js';
import type { Actor } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/index.js';
import type { WorkingCalendar } from '../../../platform/calendar/working-calendar.js';
import type { CasesDeps } from '../cases.deps.js';
import { kq } from '../cases.tables.js';
import { beijingDate, dueAfter } from '../process/clock.js';
import { nextApplicableStage, openStage, stagePlan } from '../process/engine.js';
import { guardedStep } from '../process/guarded-step.js';
import { appendCaseEvent } from '../process/events.js';
import { recordDecision } from '../process/decision.js';
import { caseNotFound, requireApplicant, requireWindow } from './access.js';
import { checkForm } from './submit.service.js';
import { lockCase, requireStatus, type LockedCase } from './load.js';
import { currentMaterials, materialsMissing, standingOfCase, unmetMaterials } from './completeness.js';
import { requireNoticeAllowed, supplementState } from './supplement.js';
import type { Item } from '../../../../../contracts/catalog.js';

export async function acceptCase(
  deps: CasesDeps,
  actor: Actor,
  { caseId, note }: { caseId: string; note: string },
): Promise<void> {
  const calendar = await deps.calendar.calendar();
  // The case and what stands for each of its materials, in one read.
  const found = await kq(deps.db)
    .selectFrom('cases.case as c')
    .selectAll('c')
    .select(standingOfCase.as('standing'))
    .where('c.id', '=', caseId)
    .executeTakeFirst();
  if (!found) throw caseNotFound(caseId);
  const { standing, ...c } = found;
  requireWindow(actor, c);
  requireStatus(c, ['submitted'], '受理');
  const { item } = await deps.processes.get(c.itemCode);
  // 材料齐全: nothing required missing (materials are only ever added or replaced, so this holds on).
  const unmet = unmetMaterials(item, standing, 'accept');
  if (unmet.length) throw materialsMissing(unmet, 'accept');
  const promised = standing.some((m) => m.kind === 'promise');
  const at = deps.now();
  const { today, set, accepted } = acceptance(c, actor, note, at, calendar);
  const first = nextApplicableStage(c, 0);
  if (first !== -1 && !promised) {
    // The usual case: accept and open the first stage in one statement, guarded by the version read.
    const { tasks, event } = stagePlan({ ...c, status: 'in_progress' }, first, { actor, at, today, calendar });
    if (await guardedStep(deps.db, c, { ...set, stageIndex: first, at, tasks, events: [accepted, event] })) return;
    const now = await kq(deps.db)
      .selectFrom('cases.case')
      .select(['id', 'status', 'version'])
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    requireStatus(now, ['submitted'], '受理');
  }
  // 容缺 promises to date, no stage applies (approved at once), or the case moved meanwhile: the locked path.
  await deps.db
    .transaction()
    .execute(async (trx) =>
      acceptLocked(
        trx,
        { actor, item, note, at, calendar, toleranceDays: deps.toleranceDays },
        await lockCase(trx, caseId),
      ),
    );
}

/**
 * Accepts a case locked (or just written) in the caller's transaction: 材料齐全 is checked on what
 * stands now, each 容缺 promise falls due `toleranceDays` working days after acceptance, the clock
 * starts the next working day and the first stage that applies opens (or the case is approved when
 * none does).
 */
export async function acceptLocked(
  trx: Db,
  step: { actor: Actor; item: Item; note: string; at: Date; calendar: WorkingCalendar; toleranceDays: number },
  locked: LockedCase,
): Promise<void> {
  const { actor, item, note, at, calendar } = step;
  requireStatus(locked, ['submitted'], '受理');
  const unmet = unmetMaterials(item, await currentMaterials(trx, locked.id), 'accept');
  if (unmet.length) throw materialsMissing(unmet, 'accept');
  const { today, set, accepted } = acceptance(locked, actor, note, at, calendar);
  // 容缺受理: each promise is due TOLERANCE_DAYS working days after acceptance.
  const promiseDue = dueAfter(calendar, today, step.toleranceDays);
  const dated = await kq(trx)
    .updateTable('cases.material')
    .set({ dueOn: promiseDue })
    .where('caseId', '=', locked.id)
    .where('kind', '=', 'promise')
    .where('supersededAt', 'is', null)
    .returning('name')
    .execute();
  const events = [
    {
      ...accepted,
      detail: { note, ...(dated.length ? { promisesDueOn: promiseDue, promised: dated.map((m) => m.name) } : {}) },
    },
  ];
  await openStage(trx, { ...locked, status: 'in_progress' }, 0, { actor, at, today, calendar, item }, { set, events });
}

/** What acceptance changes: the clock starts the next working day and runs the promised days. */
function acceptance(
  c: Pick<LockedCase, 'id' | 'status' | 'promisedDays'>,
  actor: Actor,
  note: string,
  at: Date,
  calendar: WorkingCalendar,
) {
  const today = beijingDate(at);
  return {
    today,
    set: { status: 'in_progress' as const, acceptedOn: today, dueOn: dueAfter(calendar, today, c.promisedDays) },
    accepted: {
      caseId: c.id,
      actor,
      type: 'accepted' as const,
      from: c.status,
      to: 'in_progress' as const,
      at,
      detail: { note } as Record<string, unknown>,
    },
  };
}

export async function refuseToAccept(
  deps: CasesDeps,
  actor: Actor,
  { caseId, reason }: { caseId: string; reason: { legalBasis: string; explanation: string } },
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const c = await lockCase(trx, caseId);
    requireWindow(actor, c);
    requireStatus(c, ['submitted'], '作不予受理决定');
    const at = deps.now();
    await kq(trx)
      .updateTable('cases.case')
      .set((eb) => ({
        status: 'not_accepted',
        decidedAt: at,
        decisionNote: `${reason.explanation}（依据：${reason.legalBasis}）`,
        version: eb('version', '+', 1),
        updatedAt: at,
      }))
      .where('id', '=', c.id)
      .execute();
    await appendCaseEvent(trx, {
      caseId: c.id,
      actor,
      type: 'not-accepted',
      from: c.status,
      to: 'not_accepted',
      at,
      detail: reason,
    });
    await recordDecision(trx, c, 'not_accepted', at, actor.id);
  });
}

/** 一次性告知: everything missing, in one notice — once, unless a department head approves another. */
export async function requestSupplement(
  deps: CasesDeps,
  actor: Actor,
  { caseId, notice }: { caseId: string; notice: { items: string[]; note: string } },
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const c = await lockCase(trx, caseId);
    requireWindow(actor, c);
    requireStatus(c, ['submitted'], '要求补正');
    const earlier = await supplementState(trx, c.id);
    requireNoticeAllowed(earlier);
    const at = deps.now();
    await kq(trx)
      .updateTable('cases.case')
      .set((eb) => ({ status: 'awaiting_supplement', version: eb('version', '+', 1), updatedAt: at }))
      .where('id', '=', c.id)
      .execute();
    await appendCaseEvent(trx, {
      caseId: c.id,
      actor,
      type: 'supplement-requested',
      from: c.status,
      to: 'awaiting_supplement',
      at,
      detail: { ...notice, ...(earlier?.anotherNotice ? { approvedReason: earlier.anotherNotice.reason } : {}) },
    });
  });
}

export async function supplementCase(
  deps: CasesDeps,
  actor: Actor,
  { caseId, input }: { caseId: string; input: { form?: Record<string, unknown>; note: string } },
): Promise<void> {
  let stored: ReturnType<typeof sealForm> | undefined;
  if (input.form) {
    // Checked before the transaction (the item may have to be read; inside, only the handle may be used).
    const c = await kq(deps.db)
      .selectFrom('cases.case')
      .select(['itemCode'])
      .where('id', '=', caseId)
      .executeTakeFirst();
    if (c) {
      const { item } = await deps.processes.get(c.itemCode);
      checkForm(item, input.form);
      stored = sealForm(deps.cipher, [item.form], input.form);
    }
  }
  await deps.db.transaction().execute(async (trx) => {
    const c = await lockCase(trx, caseId);
    requireApplicant(actor, c);
    requireStatus(c, ['awaiting_supplement'], '补正');
    const at = deps.now();
    await kq(trx)
      .updateTable('cases.case')
      .set((eb) => ({ status: 'submitted', ...(stored ?? {}), version: eb('version', '+', 1), updatedAt: at }))
      .where('id', '=', c.id)
      .execute();
    await appendCaseEvent(trx, {
      caseId: c.id,
      actor,
      type: 'supplemented',
      from: c.status,
      to: 'submitted',
      at,
      detail: { note: input.note, formChanged: Boolean(input.form) },
    });
  });
}

export async function withdrawCase(
  deps: CasesDeps,
  actor: Actor,
  { caseId, reason }: { caseId: string; reason: string },
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const c = await lockCase(trx, caseId);
    requireApplicant(actor, c);
    requireStatus(c, ['waiting', 'submitted', 'awaiting_supplement', 'in_progress', 'suspended'], '撤回');
    const at = deps.now();
    await kq(trx)
      .updateTable('cases.task')
      .set({ status: 'cancelled', completedAt: at })
      .where('caseId', '=', c.id)
      .where('status', '=', 'open')
      .execute();
    await kq(trx)
      .updateTable('cases.case')
      .set((eb) => ({
        status: 'withdrawn',
        decidedAt: at,
        stageIndex: null,
        version: eb('version', '+', 1),
        updatedAt: at,
      }))
      .where('id', '=', c.id)
      .execute();
    await appendCaseEvent(trx, {
      caseId: c.id,
      actor,
      type: 'withdrawn',
      from: c.status,
      to: 'withdrawn',
      at,
      detail: { reason },
    });
  });
}
