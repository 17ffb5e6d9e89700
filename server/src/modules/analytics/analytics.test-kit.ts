/** Test helpers for the analytics store: a case as the feed writes it, decided and on time unless told otherwise. */
import type { CaseRecord } from './store/analytics-store.js';

/** An approved online case filed on 2 March 2026, accepted and decided within its limits; `fields` override. */
export const approvedCase = (
  fields: Pick<CaseRecord, 'caseId' | 'regionCode' | 'personKey'> & Partial<CaseRecord>,
): CaseRecord => ({
  itemCode: 'I1',
  itemName: '事项一',
  departmentId: 'd1',
  departmentName: '部门一',
  channel: 'online',
  status: 'approved',
  filedOn: '2026-03-02',
  acceptedOn: '2026-03-02',
  decidedOn: '2026-03-04',
  periodDay: '2026-03-02',
  outcome: 'approved',
  workingDays: 2,
  pausedDays: 0,
  promisedDays: 5,
  legalDays: 10,
  onTimePromised: true,
  onTimeLegal: true,
  immediate: false,
  fullyOnline: true,
  supplementRounds: 0,
  returns: 0,
  materialsSaved: 1,
  visitsSaved: 1,
  visitsNeeded: 0,
  homeRegion: null,
  ...fields,
});
