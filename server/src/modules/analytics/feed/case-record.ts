/**
 * A case's analytics rows from its event log and the terms of its item: the pure rule every
 * indicator rests on (definitions in `indicators/glossary.ts`). Working days are counted with the
 * platform's working-day calendar, as the cases module counts its deadlines: (accepted, decided],
 * less the working days of every pause (补正 after acceptance, 特别程序) inside that span.
 */
import { beijingDate } from '../../../platform/calendar/beijing.js';
import type { WorkingCalendar } from '../../../platform/calendar/working-calendar.js';
import type { CaseAnalyticsFacts } from '../../cases/index.js';
import type { CaseRecord, StepRecord, TaskRecord } from '../store/analytics-store.js';

/** What the catalogue says of the case's item and department. */
export interface ItemTerms {
  /** 法定时限 in working days (null when the item is no longer published). */
  legalDays: number | null;
  /** 办件类型 1: 即办件. */
  immediate: boolean;
  /** 到办事现场次数 the guide asks for. */
  visits: number;
  departmentName: string;
}

const OUTCOMES = ['approved', 'refused', 'not_accepted', 'withdrawn', 'terminated'] as const;

/** The event types that make up the process (process mining ignores uploads, opinions, fees and delivery). */
export const PROCESS_STEPS = new Set([
  'submitted',
  'released',
  'supplement-requested',
  'supplemented',
  'accepted',
  'not-accepted',
  'stage-opened',
  'task-approved',
  'returned',
  'suspended',
  'resumed',
  'extension-approved',
  'approved',
  'refused',
  'withdrawn',
  'terminated',
]);

const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);

/** Working days paused inside (from, to]: each pause clipped to the span. */
function pausedWithin(
  calendar: WorkingCalendar,
  pauses: CaseAnalyticsFacts['pauses'],
  from: string,
  to: string,
): number {
  let days = 0;
  for (const p of pauses) {
    const start = later(p.startedOn, from);
    const end = earlier(p.endedOn ?? to, to);
    if (end > start) days += calendar.workingDaysBetween(start, end);
  }
  return days;
}

export function caseRecord(
  facts: CaseAnalyticsFacts,
  terms: ItemTerms,
  calendar: WorkingCalendar,
  personKey: (personId: string) => string,
  homeRegion: string | null = null,
): { record: CaseRecord; steps: StepRecord[]; tasks: TaskRecord[] } {
  const outcome = (OUTCOMES as readonly string[]).includes(facts.status)
    ? (facts.status as CaseRecord['outcome'])
    : null;
  const filedOn = beijingDate(facts.submittedAt);
  const decidedOn = facts.decidedAt ? beijingDate(facts.decidedAt) : null;
  const completed = outcome === 'approved' || outcome === 'refused';
  let workingDays: number | null = null;
  let pausedDays = 0;
  if (completed && facts.acceptedOn && decidedOn) {
    pausedDays = pausedWithin(calendar, facts.pauses, facts.acceptedOn, decidedOn);
    workingDays = Math.max(0, calendar.workingDaysBetween(facts.acceptedOn, decidedOn) - pausedDays);
  }
  const count = (type: string) => facts.events.filter((e) => e.type === type).length;
  const record: CaseRecord = {
    caseId: facts.id,
    itemCode: facts.itemCode,
    itemName: facts.itemName,
    regionCode: facts.regionCode,
    departmentId: facts.departmentId,
    departmentName: terms.departmentName,
    channel: facts.channel,
    personKey: personKey(facts.applicantPersonId),
    status: facts.status,
    filedOn,
    acceptedOn: facts.acceptedOn,
    decidedOn,
    periodDay: facts.acceptedOn ?? filedOn,
    outcome,
    workingDays,
    pausedDays,
    promisedDays: facts.promisedDays,
    legalDays: terms.legalDays,
    onTimePromised: workingDays === null ? null : workingDays <= facts.promisedDays,
    onTimeLegal: workingDays === null || terms.legalDays === null ? null : workingDays <= terms.legalDays,
    immediate: terms.immediate,
    fullyOnline: facts.channel === 'online' && terms.visits === 0,
    supplementRounds: count('supplement-requested'),
    returns: count('returned'),
    materialsSaved: facts.materialsSaved,
    visitsSaved: facts.visitsSaved,
    visitsNeeded: terms.visits,
    homeRegion,
  };
  const steps = facts.events
    .filter((e) => PROCESS_STEPS.has(e.type))
    .map((e, seq) => ({
      caseId: facts.id,
      seq,
      eventId: e.id,
      type: e.type,
      atMs: e.at.getTime(),
      itemCode: facts.itemCode,
    }));
  // Working days (from, to], less the case's pauses inside.
  const span = (from: string, to: string) =>
    Math.max(0, calendar.workingDaysBetween(from, to) - pausedWithin(calendar, facts.pauses, from, to));
  const completedOn = (t: (typeof facts.tasks)[number]) => (t.completedAt ? beijingDate(t.completedAt) : null);
  // 等待: from a task's opening to its first claim (认领); the rest of its working days is handling.
  const claimedOn = new Map<string, string>();
  for (const e of facts.events)
    if (e.type === 'task-claimed' && e.taskId && !claimedOn.has(e.taskId)) claimedOn.set(e.taskId, beijingDate(e.at));
  // 并联等待: in a stage of several tasks, each finished result waits for the stage's last one. Per
  // stage: its tasks, its first and last completion (null while a task is open).
  const stages = new Map<number, { size: number; first: string | null; end: string | null }>();
  for (const t of facts.tasks) {
    const done = completedOn(t);
    const s = stages.get(t.stageIndex);
    if (!s) stages.set(t.stageIndex, { size: 1, first: done, end: done });
    else {
      s.size++;
      s.first = done === null || s.first === null ? null : earlier(s.first, done);
      s.end = done === null || s.end === null ? null : later(s.end, done);
    }
  }
  const tasks = facts.tasks.map((t) => {
    const done = completedOn(t);
    const claimed = claimedOn.get(t.id);
    const stage = stages.get(t.stageIndex)!;
    // A finished parallel stage: its end, and the longest any result waited (from its first completion).
    const end = stage.size > 1 && done ? stage.end : null;
    return {
      caseId: facts.id,
      taskId: t.id,
      itemCode: facts.itemCode,
      name: t.name,
      departmentId: t.departmentId,
      openedOn: t.openedOn,
      completedOn: done,
      workingDays: done ? span(t.openedOn, done) : null,
      limitDays: t.limitDays,
      status: t.status,
      waitingDays: claimed ? span(t.openedOn, done && done < claimed ? done : claimed) : null,
      parallelWaitDays: end ? span(done!, end) : null,
      // The stage's last task (it finished when the stage did) held the others up by the longest wait.
      parallelHeldDays: end ? (done === end ? span(stage.first!, end) : 0) : null,
    };
  });
  return { record, steps, tasks };
}
