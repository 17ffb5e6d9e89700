/** 好差评: `/api/cases/{id}/rating`, `/api/evaluation/rectifications`, appeals, published statistics. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRoles } from '../../platform/http/auth.js';
import { WellFormedRegionCode } from '../../platform/validators/index.js';
import type { EvaluationDeps } from './evaluation.deps.js';
import { getRating, rateCase, rateFollowUp } from './ratings.service.js';
import { callBack, listRectifications, resolve } from './rectification.service.js';
import { decideAppeal, fileAppeal } from './appeals.service.js';
import { publicStats } from './stats.service.js';

const tags = ['evaluation 好差评'];
const Id = z.object({ id: z.uuid() });
const Text = (max: number) => z.string().trim().min(1).max(max);
const Level = z.number().int().min(1).max(5);
const Channel = z.enum(['pc', 'mobile', 'qr', 'pad', 'terminal', 'phone', 'sms']);
const RectificationStatus = z.enum(['open', 'called_back', 'resolved', 'withdrawn']);
const Resolution = z.enum(['immediate', 'deadline', 'explained']);
const Rating = z
  .object({
    id: z.uuid(),
    level: Level,
    levelName: z.string(),
    comment: z.string(),
    channel: Channel,
    status: z.enum(['valid', 'under_appeal', 'removed']),
    ratedAt: z.date(),
    rectification: z
      .object({
        id: z.uuid(),
        status: RectificationStatus,
        callBackDue: z.string(),
        rectifyDue: z.string(),
        resolution: Resolution.nullable(),
        resolutionNote: z.string().nullable(),
        resolvedAt: z.date().nullable(),
        followUpLevel: z.number().int().nullable(),
      })
      .nullable(),
  })
  .nullable();

export const evaluationRoutes: FastifyPluginAsyncZod<{ deps: EvaluationDeps }> = async (app, { deps }) => {
  const staff = requireRoles('window_clerk', 'approver', 'department_head', 'supervisor');

  app.post(
    '/api/cases/:id/rating',
    {
      schema: {
        tags,
        summary: '一事一评 Rate a decided case (非常满意 5 … 非常不满意 1); a bad review opens a rectification',
        params: Id,
        body: z.object({
          level: Level,
          comment: z.string().trim().max(500).default(''),
          channel: Channel.default('pc'),
        }),
        response: { 201: z.object({ ratingId: z.uuid(), rectificationId: z.uuid().nullable() }) },
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
        response: { 200: z.object({ rating: Rating }) },
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
        body: z.object({ level: Level }),
        response: { 204: z.null() },
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
        querystring: z.object({ status: RectificationStatus.optional() }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.uuid(),
                status: RectificationStatus,
                callBackDue: z.string(),
                rectifyDue: z.string(),
                resolution: Resolution.nullable(),
                version: z.number().int(),
                trackingCode: z.string(),
                itemName: z.string(),
                level: Level,
                comment: z.string(),
                ratedAt: z.date(),
                caseId: z.uuid(),
                callBackOverdue: z.boolean(),
                rectifyOverdue: z.boolean(),
              }),
            ),
          }),
        },
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
        body: z.object({ version: z.number().int().min(1), note: Text(1000) }),
        response: { 204: z.null() },
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
        body: z.object({ version: z.number().int().min(1), resolution: Resolution, note: Text(2000) }),
        response: { 204: z.null() },
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
        body: z.object({ reason: Text(1000) }),
        response: { 201: z.object({ appealId: z.uuid() }) },
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
        body: z.object({ upheld: z.boolean(), note: Text(1000) }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await decideAppeal(deps, request.actor, request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );

  const ItemStats = z.object({
    itemCode: z.string(),
    itemName: z.string(),
    departmentId: z.uuid(),
    ratings: z.number().int(),
    score: z.number(),
    goodRate: z.number(),
    badRate: z.number(),
  });
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
        response: {
          200: z.object({
            region: z.string(),
            ratings: z.number().int(),
            badRate: z.number(),
            items: z.array(ItemStats),
          }),
        },
      },
    },
    async (request) => publicStats(deps.db, request.query),
  );
};
