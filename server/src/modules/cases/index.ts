/**
 * cases (审批服务系统 · 一窗受理、并联审批、全程一码): process definitions of items, applications
 * (idempotent submission), the comprehensive window, parallel department tasks under working-day
 * deadlines, special procedures that stop the clock, tracking codes, and the case event log.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { CasesDeps } from './cases.deps.js';
import { applyRoutes } from './handling/apply.routes.js';
import { draftsRoutes } from './handling/drafts.routes.js';
import { walkInRoutes } from './handling/walk-in.routes.js';
import { materialsRoutes } from './handling/materials.routes.js';
import { windowRoutes } from './handling/window.routes.js';
import { tasksRoutes } from './handling/tasks.routes.js';
import { readRoutes } from './handling/read.routes.js';
import { feesRoutes } from './handling/fees.routes.js';
import { deliveryRoutes } from './handling/delivery.routes.js';
import { documentsRoutes } from './handling/documents.routes.js';
import { definitionsRoutes } from './process/definitions.routes.js';

/** One Fastify plugin per use case; each route validates, calls its service and answers a contract. */
export const casesModule: FastifyPluginAsync<{ deps: CasesDeps }> = async (app, opts) => {
  for (const routes of [
    applyRoutes,
    draftsRoutes,
    walkInRoutes,
    materialsRoutes,
    windowRoutes,
    tasksRoutes,
    readRoutes,
    feesRoutes,
    deliveryRoutes,
    documentsRoutes,
    definitionsRoutes,
  ])
    await app.register(routes, opts);
};

export type { CasesDeps, AutoApprovalPort } from './cases.deps.js';
export type { MaterialSources, Holder, HeldLicense } from './handling/reuse.service.js';
export { ItemProcesses } from './process/item-processes.js';
export {
  findCaseFacts,
  listCaseSummaries,
  type CaseSummary,
  findDecidedCase,
  caseOfApplicant,
  caseClockFacts,
  listCaseClockFacts,
  type CaseClockFacts,
  caseSupervisionLog,
  listCaseSupervisionLogs,
  type CaseSupervisionLog,
  staffDecisionBurst,
  caseAnalyticsFacts,
  type CaseAnalyticsFacts,
  anyCaseFiled,
  openTasksOfCase,
} from './handling/facts.js';
/** The use cases the routes call, for callers that drive them without HTTP (the first-start demo history). */
export { submitApplication } from './handling/submit.service.js';
export { fileForResident } from './handling/walk-in.service.js';
export { uploadMaterial } from './handling/materials.service.js';
export { listMaterials } from './handling/bag.service.js';
export { acceptCase, refuseToAccept, requestSupplement, supplementCase } from './handling/window.service.js';
export { approveTask, returnTask, refuseTask, suspendCase, resumeCase } from './handling/tasks.service.js';
export { CASE_READERS, isApplicantOf } from './handling/access.js';
export { applicantAttention } from './handling/attention.js';
/** The applicant's own cases, newest first (the assistant's "我的申请到哪一步了"). */
export { listApplicantCases } from './cases.repository.js';
export { reencryptCaseData, sealForm } from './handling/form-store.js';
export { lifeEventsSubscriber } from './process/life-events.subscriber.js';
export { decideBySystem, type SystemDecision } from './handling/system-decision.service.js';
export { seedDemoProcesses, restaurantLicensing } from './process/demo-processes.js';
