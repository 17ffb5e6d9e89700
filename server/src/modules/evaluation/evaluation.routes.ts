/** 好差评: `/api/cases/{id}/rating`, `/api/evaluation/rectifications`, appeals, published statistics. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRoles } from '../../platform/http/auth.js';
import { NoContent } from '../../../../contracts/http.js';
import {
  AppealDecision,
  AppealFiled,
  CallBack,
  CaseRating,
  EvaluationStats,
  FollowUpRating,
  NewAppeal,
  NewRating,
  RatingFiled,
  RectificationQuery,
  Rectifications,
  Resolve,
} from '../../../../contracts/evaluation.js';
import { WellFormedRegionCode } from '../../platform/validators/index.js';
import type { EvaluationDeps } from './evaluation.deps.js';
import { getRating, rateCase, rateFollowUp } from './ratings.service.js';
import { callBack, listRectifications, resolve } from './rectification.service.js';
import { decideAppeal, fileAppeal } from './appeals.service.js';
import { publicStats } from './stats.service.js';

const tags = ['evaluation 好差评'];
const Id = z.object({ id: z.uuid() });

export const evaluationRoutes: FastifyPluginAsyncZod<{ deps: EvaluationDeps }> = async (app, { deps }) => {
  const staff = requireRoles('window_clerk', 'approver', 'department_head', 'supervisor');

  app.post(
    '/api/cases/:id/rating',
    {
      schema: {
        tags,
        summary: '一事一评 Rate a decided case (非常满意 5 … 非常不满意 1); a bad review opens a rectification',
        params: Id,
        body: NewRating,
        response: { 201: RatingFiled },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await rateCase(deps, request.actor, request.params.id, request.body)),
  );
  app.get(
    '/api/cases/:id/rating',
    {
      schema: {
        tags,
        summary: '办件评价 The rating of a case and what became of a bad review',
        params: Id,
        response: { 200: CaseRating },
      },
    },
    async (request) => ({ rating: await getRating(deps, request.actor, request.params.id) }),
  );
  app.post(
    '/api/cases/:id/rating/follow-up',
    {
      schema: {
        tags,
        summary: '整改评价 Rate how a bad review was resolved',
        params: Id,
        body: FollowUpRating,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await rateFollowUp(deps, request.actor, request.params.id, request.body.level);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/evaluation/rectifications',
    {
      preHandler: staff,
      schema: {
        tags,
        summary: '差评整改台账 Rectifications of bad reviews in my scope, most urgent first',
        querystring: RectificationQuery,
        response: { 200: Rectifications },
      },
    },
    async (request) => ({ items: await listRectifications(deps, request.actor, request.query.status) }),
  );
  app.post(
    '/api/evaluation/rectifications/:id/call-back',
    {
      preHandler: staff,
      schema: {
        tags,
        summary: '回访 Record the return visit to the rater',
        params: Id,
        body: CallBack,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await callBack(deps, request.actor, request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/api/evaluation/rectifications/:id/resolve',
    {
      preHandler: staff,
      schema: {
        tags,
        summary: '整改 Resolve: 立行立改 immediate, 限期整改 deadline, 解释说明 explained',
        params: Id,
        body: Resolve,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await resolve(deps, request.actor, request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/api/evaluation/ratings/:id/appeal',
    {
      preHandler: staff,
      schema: {
        tags,
        summary: '申诉 Appeal a mistaken or malicious rating',
        params: Id,
        body: NewAppeal,
        response: { 201: AppealFiled },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await fileAppeal(deps, request.actor, request.params.id, request.body.reason)),
  );
  app.post(
    '/api/evaluation/appeals/:id/decide',
    {
      preHandler: requireRoles('supervisor'),
      schema: {
        tags,
        summary: '复核 Decide an appeal (supervisors)',
        params: Id,
        body: AppealDecision,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await decideAppeal(deps, request.actor, request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/evaluation/stats',
    {
      schema: {
        tags,
        summary: '评价结果公开 Published ratings per item in a region (aggregates only)',
        querystring: z.object({
          region: WellFormedRegionCode,
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: EvaluationStats },
      },
    },
    async (request) => publicStats(deps, request.query),
  );
};
