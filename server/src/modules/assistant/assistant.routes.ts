/** 智能客服 API: ask (anonymous allowed, rate limited), thumbs up/down, and the catalogue team's list. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AskAnswer,
  AskInput,
  FeedbackInput,
  MappedQuestion,
  QuestionList,
  QuestionListQuery,
  QuestionMapping,
} from '../../../../contracts/assistant.js';
import { NoContent } from '../../../../contracts/http.js';
import { requireRoles } from '../../platform/http/auth.js';
import { CATALOG_ADMIN } from '../catalog/index.js';
import type { AssistantDeps } from './assistant.deps.js';
import { ask } from './ask.service.js';
import { giveFeedback, listUnanswered, mapQuestion } from './learning.service.js';

const tags = ['assistant 智能客服'];
const security = [{ bearer: [] }];

export const assistantRoutes: FastifyPluginAsyncZod<{ deps: AssistantDeps; askPerMinute: number }> = async (
  app,
  { deps, askPerMinute },
) => {
  const admin = requireRoles(CATALOG_ADMIN);
  const withLog = (log: AssistantDeps['log']): AssistantDeps => ({ ...deps, log });

  app.post(
    '/api/assistant/ask',
    {
      config: { rateLimit: { max: askPerMinute, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: '智能客服提问 Ask the service assistant',
        description:
          'A question in plain Chinese answered from the published guide (办事指南) of the item it is about, with the guide section cited and the next action. Follow-ups ("那要多少钱？") continue `conversationId` (conversations expire half an hour after the last question and belong to whoever started them). When two items fit, `choices` offers both; when nothing published answers, `declined: true` with the hotline and complaints. "我的申请到哪一步了" answers from the signed-in person\'s own cases. Anonymous callers are welcome; rate limited per client address.',
        body: AskInput,
        response: { 200: AskAnswer },
      },
    },
    async (request) => ask(withLog(request.log), request.actor, request.body),
  );

  app.post(
    '/api/assistant/feedback',
    {
      config: { rateLimit: { max: askPerMinute, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: '回答是否有帮助 Thumbs up or down on an answer',
        description:
          "On the conversation's last answer, by whoever holds the conversation. A thumbs-down puts the question on the catalogue team's list.",
        body: FeedbackInput,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await giveFeedback(withLog(request.log), request.actor, request.body);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/admin/assistant/questions',
    {
      preHandler: admin,
      schema: {
        tags,
        security,
        summary: '未解答问题 Questions the assistant declined or answered unhelpfully',
        description: 'For catalogue administrators: most asked first.',
        querystring: QuestionListQuery,
        response: { 200: QuestionList },
      },
    },
    async (request) => listUnanswered(withLog(request.log), request.actor, request.query),
  );

  app.post(
    '/api/admin/assistant/questions/:id/mapping',
    {
      preHandler: admin,
      schema: {
        tags,
        security,
        summary: '映射问题 Map a question to an item or a synonym, or dismiss it',
        params: z.object({ id: z.uuid() }),
        body: QuestionMapping,
        response: { 200: MappedQuestion },
      },
    },
    async (request) => mapQuestion(withLog(request.log), request.actor, request.params.id, request.body, request.ip),
  );
};
