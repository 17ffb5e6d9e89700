/**
 * Data-sharing requests (共享申请): a department asking for conditionally shared data waits for the
 * owning department's answer, due within 10 working days (《政务信息资源共享管理暂行办法》,
 * 国发〔2016〕51号: 属于有条件共享类的，提供部门应在10个工作日内予以答复). Fed by the exchange
 * module's `exchange.grant-changed`; each delivery makes the request's clock match the grant as the
 * exchange's front door describes it now — running while pending, stopped once decided.
 */
import type { Db } from '../../../platform/db/index.js';
import type { OutboxSubscriber } from '../../../platform/outbox-dispatcher.js';
import { beijingDate } from '../../../platform/calendar/beijing.js';
import type { WorkingCalendar } from '../../../platform/calendar/working-calendar.js';
import { grantClockFacts, type GrantClockFacts } from '../../exchange/index.js';
import type { SupervisionDeps } from '../supervision.deps.js';
import { saveClock, stopClock, type ClockInput } from './clocks.repository.js';

export const SHARING_DECISION_DAYS = 10;

/** The owner's decision clock of a pending grant. */
export function sharingRequestClock(g: GrantClockFacts, calendar: WorkingCalendar): ClockInput {
  const startedOn = beijingDate(g.requestedAt);
  return {
    kind: 'sharing_request',
    subjectId: g.id,
    caseId: null,
    reference: g.resourceName,
    title: g.resourceName,
    itemType: null,
    regionCode: g.ownerRegionCode,
    departmentId: g.ownerDepartmentId,
    ownerStaffId: null,
    startedOn,
    limitDays: SHARING_DECISION_DAYS,
    dueOn: calendar.addWorkingDays(startedOn, SHARING_DECISION_DAYS).due,
    pausedSince: null,
  };
}

export async function syncSharingClock(deps: SupervisionDeps, trx: Db, grantId: string): Promise<void> {
  const g = await grantClockFacts(trx, grantId);
  if (!g) return;
  const calendar = await deps.calendar.calendar(trx);
  if (g.status === 'pending') await saveClock(trx, calendar, deps.now(), sharingRequestClock(g, calendar));
  else await stopClock(trx, deps.now(), 'sharing_request', grantId);
}

export const sharingClocksSubscriber = (deps: SupervisionDeps): OutboxSubscriber => ({
  name: 'supervision.sharing-clocks',
  topics: ['exchange.grant-changed'],
  async handle(event, trx) {
    await syncSharingClock(deps, trx, (event.payload as { grantId: string }).grantId);
  },
});
