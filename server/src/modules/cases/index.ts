/**
 * cases (审批服务系统 · 一窗受理、并联审批、全程一码): process definitions of items, applications
 * (idempotent submission), the comprehensive window, parallel department tasks under working-day
 * deadlines, special procedures that stop the clock, tracking codes, and the case event log.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../../platform/db/index.js';
import { kq } from './cases.tables.js';
import type { CasesDeps } from './cases.deps.js';
import { casesRoutes } from './cases.routes.js';
import { resultsRoutes } from './results.routes.js';

export const casesModule: FastifyPluginAsync<{ deps: CasesDeps }> = async (app, opts) => {
  await app.register(casesRoutes, opts);
  await app.register(resultsRoutes, opts);
};

export type { CasesDeps } from './cases.deps.js';
export { ItemProcesses } from './process/item-processes.js';

/**
 * A decided case as the licence module needs it to issue the e-licence of its result (the item,
 * the deciding department, the applicant, the form); undefined for an unknown or undecided case.
 */
export async function findDecidedCase(db: Db, caseId: string) {
  return kq(db)
    .selectFrom('cases.case')
    .select(['id', 'itemCode', 'itemName', 'departmentId', 'regionCode', 'status', 'form', 'applicantPersonId', 'applicantEnterpriseId', 'applicantName', 'decisionNo', 'decidedAt'])
    .where('id', '=', caseId)
    .where('decidedAt', 'is not', null)
    .executeTakeFirst();
}

/** 用证 within a case: the case's department and region when this person or enterprise applied for it. */
export async function caseOfApplicant(db: Db, caseId: string, applicant: { personId: string } | { enterpriseId: string }): Promise<{ departmentId: string; regionCode: string } | undefined> {
  const q = kq(db).selectFrom('cases.case').select(['departmentId', 'regionCode']).where('id', '=', caseId);
  return ('personId' in applicant ? q.where('applicantPersonId', '=', applicant.personId) : q.where('applicantEnterpriseId', '=', applicant.enterpriseId)).executeTakeFirst();
}
export type { MaterialSources, Holder, HeldLicense } from './handling/reuse.service.js';
export { findCaseForEvaluation } from './handling/facts.js';
export { lifeEventsSubscriber } from './process/life-events.subscriber.js';
export { seedDemoProcesses, restaurantLicensing } from './process/demo-processes.js';
