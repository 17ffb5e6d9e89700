/**
 * supervision (监管服务系统): 投诉举报 (complaints, reports, suggestions) and 电子监察 — every legal
 * clock watched (`clocks/`), 黄牌/红牌 raised by the sweep and escalated, 督办 orders (`orders/`),
 * 异常监察 over the case event log (`irregularities/`), and the console's reads.
 * Events: supervision.warning-raised, supervision.order-issued, supervision.order-answered.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { SupervisionDeps } from './supervision.deps.js';
import { supervisionRoutes } from './supervision.routes.js';
import { consoleRoutes } from './console.routes.js';
import { warningRoutes } from './warnings/warnings.routes.js';

export const supervisionModule: FastifyPluginAsync<{ deps: SupervisionDeps }> = async (app, opts) => {
  await app.register(supervisionRoutes, opts);
  await app.register(consoleRoutes, opts);
  await app.register(warningRoutes, opts);
};

export type { SupervisionDeps } from './supervision.deps.js';
export { reencryptSupervisionData } from './key-rotation.js';
export { caseClocksSubscriber } from './clocks/case-feed.subscriber.js';
export { rectificationClocksSubscriber } from './clocks/rectification-feed.subscriber.js';
export { sharingClocksSubscriber } from './clocks/sharing-feed.subscriber.js';
export { sweep, SweepJob, WARNING_RAISED } from './clocks/sweep.js';
export { checkRunningSuspensions } from './irregularities/running-suspensions.js';
export { ORDER_ISSUED, ORDER_ANSWERED } from './orders/orders.service.js';
export { fileComplaint, answerComplaint, closeComplaint } from './complaints.service.js';
export { fileClientComplaint, publicComplaintStatus, type PublicComplaintStatus } from './client-complaints.js';
