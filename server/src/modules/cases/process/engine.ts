/**
 * The approval engine: stages in order, the tasks of a stage in parallel (并联审批), a stage whose
 * conditions do not hold on the form skipped, the next stage opened when every task of the current
 * one is approved, a return sending the case back to the previous stage that ran, and the case
 * approved when no stage is left. Callers hold the case row locked (FOR UPDATE) for the whole step.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Selectable, type Updateable } from 'kysely';
import type { Actor } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/index.js';
import type { WorkingCalendar } from '../../../platform/calendar/working-calendar.js';
import type { Item } from '../../../../../contracts/catalog.js';
import { requireCompleteMaterials } from '../handling/completeness.js';
import { evaluate } from '../definitions/index.js';
import { kq, type CaseTable } from '../cases.tables.js';
import { dueAfter } from './clock.js';
import { recordDecision } from './decision.js';
import { appendCaseEvent, appendCaseEvents, eventRows, type CaseEvent } from './events.js';

/** Only a 行政许可 is 准予许可; other item types are 准予办理. */
const APPROVED_NOTE = sql<string>`CASE WHEN item_type IS NULL OR item_type = '01' THEN '准予许可' ELSE '准予办理' END`;

export type CaseRow = Pick<
  Selectable<CaseTable>,
  | 'id'
  | 'regionCode'
  | 'status'
  | 'form'
  | 'definition'
  | 'stageIndex'
  | 'bundleId'
  | 'departmentId'
  | 'itemCode'
  | 'applicantPersonId'
  | 'applicantEnterpriseId'
>;

/** The first stage at or after `from` whose conditions hold on the form, or -1. */
export function nextApplicableStage(c: Pick<CaseRow, 'definition' | 'form'>, from: number): number {
  for (let i = from; i < c.definition.stages.length; i++) if (evaluate(c.definition.stages[i]!.when, c.form)) return i;
  return -1;
}

/** Who takes a step, when, and the item's guide (准予 needs its materials complete). */
export interface StepContext {
  actor: Actor;
  at: Date;
  today: string;
  calendar: WorkingCalendar;
  item: Item;
}

/** What the caller changes in the same step (accepting, say), written together with the stage. */
export interface StepChanges {
  set?: Updateable<CaseTable>;
  events?: CaseEvent[];
}

/**
 * Opens the tasks of the next applicable stage at or after `from`, or approves the case when none
 * is left; the caller's own changes to the case and its events go into the same statements.
 */
export async function openStage(
  db: Db,
  c: CaseRow,
  from: number,
  ctx: StepContext,
  step: StepChanges = {},
): Promise<void> {
  const index = nextApplicableStage(c, from);
  const events = [...(step.events ?? [])];
  if (index === -1) {
    // 准予 only on complete materials: nothing missing, no 容缺 promise still open.
    await requireCompleteMaterials(db, c.id, ctx.item, 'decide');
    await kq(db)
      .updateTable('cases.case')
      .set((eb) => ({
        ...step.set,
        status: 'approved',
        stageIndex: null,
        decidedAt: ctx.at,
        decisionNote: APPROVED_NOTE,
        version: eb('version', '+', 1),
        updatedAt: ctx.at,
      }))
      .where('id', '=', c.id)
      .execute();
    events.push({ caseId: c.id, actor: ctx.actor, type: 'approved', from: c.status, to: 'approved', at: ctx.at });
    await appendCaseEvents(db, events);
    await recordDecision(db, c, 'approved', ctx.at, ctx.actor.id);
    if (c.bundleId) await releaseWaiting(db, c.bundleId, ctx);
    return;
  }
  const { tasks, event } = stagePlan(c, index, ctx);
  events.push(event);
  // Tasks, the case and the events in one statement: one round trip to the database.
  await kq(db)
    .with('opened', (q) => q.insertInto('cases.task').values(tasks))
    .with('moved', (q) =>
      q
        .updateTable('cases.case')
        .set((eb) => ({ ...step.set, stageIndex: index, version: eb('version', '+', 1), updatedAt: ctx.at }))
        .where('id', '=', c.id),
    )
    .insertInto('cases.event')
    .values(eventRows(events))
    .execute();
}

/** The tasks that opening stage `index` creates, and its event. */
export function stagePlan(
  c: CaseRow,
  index: number,
  ctx: { actor: Actor; at: Date; today: string; calendar: WorkingCalendar },
) {
  const stage = c.definition.stages[index]!;
  const tasks = stage.tasks.map((t) => ({
    id: randomUUID(),
    caseId: c.id,
    stageIndex: index,
    stageKey: stage.key,
    taskKey: t.key,
    name: t.name,
    departmentId: t.departmentId,
    regionCode: c.regionCode,
    role: t.role,
    status: 'open' as const,
    assigneeId: null,
    limitDays: t.limitDays,
    openedOn: ctx.today,
    dueOn: dueAfter(ctx.calendar, ctx.today, t.limitDays),
    completedAt: null,
    opinion: null,
  }));
  const event: CaseEvent = {
    caseId: c.id,
    actor: ctx.actor,
    type: 'stage-opened',
    from: c.status,
    to: c.status,
    at: ctx.at,
    detail: { stage: stage.key, tasks: stage.tasks.map((t) => t.key) },
  };
  return { tasks, event };
}

/** After a task of the current stage is approved: the next stage once all of them are. */
export async function afterApproval(db: Db, c: CaseRow, ctx: StepContext): Promise<void> {
  const open = await kq(db)
    .selectFrom('cases.task')
    .select('id')
    .where('caseId', '=', c.id)
    .where('stageIndex', '=', c.stageIndex!)
    .where('status', '=', 'open')
    .execute();
  if (open.length === 0) await openStage(db, c, c.stageIndex! + 1, ctx);
}

/** The stage before the current one that actually ran (skipped stages are skipped again), or -1. */
export async function previousStage(db: Db, c: CaseRow): Promise<number> {
  const ran = await kq(db)
    .selectFrom('cases.task')
    .select('stageIndex')
    .distinct()
    .where('caseId', '=', c.id)
    .where('stageIndex', '<', c.stageIndex!)
    .orderBy('stageIndex', 'desc')
    .limit(1)
    .executeTakeFirst();
  return ran?.stageIndex ?? -1;
}

/** 联动: cases of the bundle whose prerequisites are all approved now go to the window. */
async function releaseWaiting(db: Db, bundleId: string, ctx: { actor: Actor; at: Date }): Promise<void> {
  const cases = await kq(db)
    .selectFrom('cases.case')
    .select(['id', 'status', 'basicCode', 'waitsFor'])
    .where('bundleId', '=', bundleId)
    .forUpdate()
    .execute();
  const approved = new Set(cases.filter((k) => k.status === 'approved').map((k) => k.basicCode));
  for (const k of cases) {
    if (k.status !== 'waiting' || !k.waitsFor.every((b) => approved.has(b))) continue;
    await kq(db)
      .updateTable('cases.case')
      .set((eb) => ({ status: 'submitted', version: eb('version', '+', 1), updatedAt: ctx.at }))
      .where('id', '=', k.id)
      .execute();
    await appendCaseEvent(db, {
      caseId: k.id,
      actor: ctx.actor,
      type: 'released',
      from: 'waiting',
      to: 'submitted',
      at: ctx.at,
      detail: { after: k.waitsFor },
    });
  }
}
