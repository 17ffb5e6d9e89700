/**
 * The clocks of a case, fed by the cases module's published event log (`cases.case-event`): each
 * event makes the case's clocks match the case as its front door describes it now — so delivering
 * an event twice, or out of order, gives the same clocks. The 异常监察 rules over the event log run
 * on the same delivery.
 */
import type { Db } from '../../../platform/db/index.js';
import type { OutboxSubscriber } from '../../../platform/outbox-dispatcher.js';
import { beijingDate } from '../../../platform/calendar/beijing.js';
import type { WorkingCalendar } from '../../../platform/calendar/working-calendar.js';
import { listCaseClockFacts, listCaseSupervisionLogs, type CaseClockFacts } from '../../cases/index.js';
import type { SupervisionDeps } from '../supervision.deps.js';
import { checkCaseRules } from '../irregularities/check.js';
import { saveClocks, shareSweepMark, stopOtherClocksOfCases, type ClockInput } from './clocks.repository.js';

const ENDED = ['approved', 'refused', 'not_accepted', 'withdrawn', 'terminated'];

/** The clocks a case runs now (none once it has ended). */
export function caseClocks(c: CaseClockFacts, calendar: WorkingCalendar, acceptanceDays: number): ClockInput[] {
  if (ENDED.includes(c.status)) return [];
  const base = {
    caseId: c.id,
    reference: c.trackingCode,
    itemType: c.itemType,
    regionCode: c.regionCode,
    departmentId: c.departmentId,
    ownerStaffId: null,
  };
  const clocks: ClockInput[] = [];
  if (c.status === 'submitted' || c.status === 'awaiting_supplement') {
    // 受理: the window decides within `acceptanceDays` working days of the (latest) filing; a 补正 notice hands the turn to the applicant.
    const startedOn = beijingDate(c.lastFiledAt);
    const asked = c.supplementRequests.at(-1);
    clocks.push({
      ...base,
      kind: 'acceptance',
      subjectId: c.id,
      title: c.itemName,
      startedOn,
      limitDays: acceptanceDays,
      dueOn: calendar.addWorkingDays(startedOn, acceptanceDays).due,
      pausedSince: c.status === 'awaiting_supplement' && asked ? beijingDate(asked) : null,
    });
  }
  const pausedSince = c.status === 'suspended' && c.pause ? c.pause.startedOn : null;
  if (c.acceptedOn && c.dueOn) {
    clocks.push({
      ...base,
      kind: 'case_promised',
      subjectId: c.id,
      title: c.itemName,
      startedOn: c.acceptedOn,
      limitDays: c.promisedDays,
      dueOn: c.dueOn,
      pausedSince,
    });
  }
  if (c.acceptedOn && c.dueOn && c.legalDays !== null) {
    // 法定时限: started at acceptance like the promised one and paused the same, so its due date lies
    // as many working days past the promised due date as the legal limit exceeds the promised one.
    const beyond = c.legalDays - c.promisedDays;
    clocks.push({
      ...base,
      kind: 'case_legal',
      subjectId: c.id,
      title: c.itemName,
      startedOn: c.acceptedOn,
      limitDays: c.legalDays,
      dueOn: beyond > 0 ? calendar.addWorkingDays(c.dueOn, beyond).due : c.dueOn,
      pausedSince,
    });
  }
  for (const t of c.tasks.filter((k) => k.status === 'open')) {
    clocks.push({
      ...base,
      kind: 'task',
      subjectId: t.id,
      title: `${c.itemName} · ${t.name}`,
      regionCode: t.regionCode,
      departmentId: t.departmentId,
      ownerStaffId: t.assigneeId,
      startedOn: t.openedOn,
      limitDays: t.limitDays,
      dueOn: t.dueOn,
      pausedSince,
    });
  }
  for (const p of c.promises) {
    if (!c.acceptedOn || !p.dueOn) continue;
    clocks.push({
      ...base,
      kind: 'promise',
      subjectId: `${c.id}:${p.materialIndex}`,
      title: `${c.itemName} · ${p.name}`,
      startedOn: c.acceptedOn,
      limitDays: Math.max(0, calendar.workingDaysBetween(c.acceptedOn, p.dueOn)),
      dueOn: p.dueOn,
      pausedSince: null,
    });
  }
  return clocks;
}

/** Makes the case's clocks match the case now, and runs the case rules. */
export async function syncCaseClocks(deps: SupervisionDeps, trx: Db, caseId: string): Promise<void> {
  await syncCasesClocks(deps, trx, [caseId]);
}

/**
 * Makes the clocks of several cases (a delivery batch) match the cases now, and runs the case
 * rules: the cases' facts and logs read for all of them at once, the sweep mark shared and the
 * thresholds read once, every clock saved in one upsert and the others stopped in one update — what
 * syncing the cases one after another would leave.
 */
export async function syncCasesClocks(deps: SupervisionDeps, trx: Db, caseIds: readonly string[]): Promise<void> {
  const facts = [...(await listCaseClockFacts(trx, caseIds)).values()];
  if (facts.length === 0) return;
  const calendar = await deps.calendar.calendar(trx);
  const at = deps.now();
  const sweptTo = await shareSweepMark(trx);
  const kept = await saveClocks(
    trx,
    calendar,
    at,
    facts.flatMap((f) => caseClocks(f, calendar, deps.acceptanceDays)),
    sweptTo,
  );
  const ids = facts.map((f) => f.id);
  await stopOtherClocksOfCases(trx, at, ids, kept, true);
  const logs = await listCaseSupervisionLogs(trx, ids);
  for (const f of facts) await checkCaseRules(trx, calendar, at, f, deps.bulkDecisions, deps.cipher, logs.get(f.id));
}

export const caseClocksSubscriber = (deps: SupervisionDeps): OutboxSubscriber => ({
  name: 'supervision.case-clocks',
  topics: ['cases.case-event'],
  async handle(event, trx) {
    await syncCaseClocks(deps, trx, (event.payload as { caseId: string }).caseId);
  },
  // A case's clocks follow the case as it is now, whichever of its events is delivered: a batch
  // holding several events of one case (a submission, its uploads, the acceptance) syncs it once,
  // and the batch's cases are synced together.
  async handleBatch(events, trx) {
    await syncCasesClocks(
      deps,
      trx,
      events.map((e) => (e.payload as { caseId: string }).caseId),
    );
  },
  // Every case step is an event here (five or more a case): with the dispatcher's 100 a pass, the
  // clocks fell minutes behind under bench:cases while the analytics feed took 2,000 a pass.
  batchSize: 500,
});
