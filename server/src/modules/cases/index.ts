/**
 * cases (审批服务系统 · 一窗受理、并联审批、全程一码): process definitions of items, applications
 * (idempotent submission), the comprehensive window, parallel department tasks under working-day
 * deadlines, special procedures that stop the clock, tracking codes, and the case event log.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { CasesDeps } from './cases.deps.js';
import { casesRoutes } from './cases.routes.js';
import { resultsRoutes } from './results.routes.js';

export const casesModule: FastifyPluginAsync<{ deps: CasesDeps }> = async (app, opts) => {
  await app.register(casesRoutes, opts);
  await app.register(resultsRoutes, opts);
};

export type { CasesDeps } from './cases.deps.js';
export type { MaterialSources, Holder, HeldLicense } from './handling/reuse.service.js';
export { ItemProcesses } from './process/item-processes.js';
export {
  findCaseFacts,
  findDecidedCase,
  caseOfApplicant,
  caseClockFacts,
  type CaseClockFacts,
} from './handling/facts.js';
export { CASE_READERS, isApplicantOf } from './handling/access.js';
export { reencryptCaseData, sealForm } from './handling/form-store.js';
export { lifeEventsSubscriber } from './process/life-events.subscriber.js';
export { seedDemoProcesses, restaurantLicensing } from './process/demo-processes.js';
