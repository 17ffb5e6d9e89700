/**
 * evaluation (好差评): ratings of finished cases by their applicants (一事一评), the rectification of
 * every bad review with a return visit (谁办理、谁负责), appeals against mistaken or malicious
 * ratings (申诉复核), and the published results.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { EvaluationDeps } from './evaluation.deps.js';
import { evaluationRoutes } from './evaluation.routes.js';

export const evaluationModule: FastifyPluginAsync<{ deps: EvaluationDeps }> = async (app, opts) => {
  await app.register(evaluationRoutes, opts);
};

export type { EvaluationDeps } from './evaluation.deps.js';
export { rectificationClockFacts, type RectificationClockFacts } from './clock-facts.js';
/** The use cases the routes call, for callers that drive them without HTTP (the first-start demo history). */
export { rateCase } from './ratings.service.js';
export { callBack, resolve as resolveRectification } from './rectification.service.js';
