/**
 * supervision (监管服务系统): for now 投诉举报 — complaints, reports and suggestions from residents,
 * answered by the department's head or a supervisor within a working-day deadline. Deadline
 * warnings (黄牌/红牌) and irregularity monitoring come with the supervision issue.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { SupervisionDeps } from './supervision.deps.js';
import { supervisionRoutes } from './supervision.routes.js';

export const supervisionModule: FastifyPluginAsync<{ deps: SupervisionDeps }> = async (app, opts) => {
  await app.register(supervisionRoutes, opts);
};

export type { SupervisionDeps } from './supervision.deps.js';
export { reencryptSupervisionData } from './key-rotation.js';
export { fileClientComplaint, publicComplaintStatus, type PublicComplaintStatus } from './client-complaints.js';
