/**
 * assistant (智能客服): questions in plain words answered from the published guides of the catalogue,
 * with the section cited; follow-ups in short-lived conversations; "我的申请到哪一步了" from the
 * person's own cases; unanswered and unhelpful questions listed for the catalogue team. Reads the
 * catalogue and the cases only through their index.
 */
import type { FastifyPluginAsync } from 'fastify';
import { assistantRoutes } from './assistant.routes.js';
import type { AssistantDeps } from './assistant.deps.js';

export const assistantModule: FastifyPluginAsync<{ deps: AssistantDeps; askPerMinute: number }> = async (app, opts) => {
  await app.register(assistantRoutes, opts);
};

export { AssistantCatalog, type AssistantDeps, type OwnCase } from './assistant.deps.js';
export { ask } from './ask.service.js';
export { openAiCompatible, type LanguageModel, type LanguageModelConfig } from './language-model.js';
export { ungroundedLines, ungroundedFacts } from './grounding.js';
