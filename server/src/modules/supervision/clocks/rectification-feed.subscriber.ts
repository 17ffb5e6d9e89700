/**
 * 好差评 clocks: a bad review's return visit (回访) and rectification (整改) are the department's to
 * meet by their due dates. Fed by the evaluation module's events (opened, and every status change:
 * called back, resolved, withdrawn on appeal); each delivery makes the two clocks match the
 * rectification as evaluation's front door describes it now (idempotent, order-free).
 */
import type { Db } from '../../../platform/db/index.js';
import type { OutboxSubscriber } from '../../../platform/outbox-dispatcher.js';
import { beijingDate } from '../../../platform/calendar/beijing.js';
import type { WorkingCalendar } from '../../../platform/calendar/working-calendar.js';
import { rectificationClockFacts, type RectificationClockFacts } from '../../evaluation/index.js';
import type { SupervisionDeps } from '../supervision.deps.js';
import type { ClockKind } from '../supervision.tables.js';
import { saveClock, stopClock, type ClockInput } from './clocks.repository.js';

/** The clocks a rectification runs now: the return visit until it is made, the rectification until resolved. */
export function rectificationClocks(x: RectificationClockFacts, calendar: WorkingCalendar): ClockInput[] {
  const startedOn = beijingDate(x.ratedAt);
  const clock = (kind: ClockKind, dueOn: string): ClockInput => ({
    kind,
    subjectId: x.id,
    caseId: null, // not the case's: the case feed stops a decided case's clocks
    reference: x.trackingCode,
    title: x.itemName,
    itemType: null,
    regionCode: x.regionCode,
    departmentId: x.departmentId,
    ownerStaffId: null,
    startedOn,
    limitDays: Math.max(0, calendar.workingDaysBetween(startedOn, dueOn)),
    dueOn,
    pausedSince: null,
  });
  return [
    ...(x.status === 'open' ? [clock('return_visit', x.callBackDue)] : []),
    ...(x.status === 'open' || x.status === 'called_back' ? [clock('rectification', x.rectifyDue)] : []),
  ];
}

export async function syncRectificationClocks(deps: SupervisionDeps, trx: Db, rectificationId: string): Promise<void> {
  const facts = await rectificationClockFacts(trx, rectificationId);
  if (!facts) return;
  const calendar = await deps.calendar.calendar(trx);
  const at = deps.now();
  const running = rectificationClocks(facts, calendar);
  for (const kind of ['return_visit', 'rectification'] as const) {
    const clock = running.find((c) => c.kind === kind);
    if (clock) await saveClock(trx, calendar, at, clock);
    else await stopClock(trx, at, kind, rectificationId);
  }
}

export const rectificationClocksSubscriber = (deps: SupervisionDeps): OutboxSubscriber => ({
  name: 'supervision.rectification-clocks',
  topics: ['evaluation.rectification-opened', 'evaluation.rectification-changed'],
  async handle(event, trx) {
    await syncRectificationClocks(deps, trx, (event.payload as { rectificationId: string }).rectificationId);
  },
});
