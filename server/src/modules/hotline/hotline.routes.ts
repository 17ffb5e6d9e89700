/** 请给我回电: `POST /api/callbacks` (anyone, rate limited per address), `/api/hotline/callbacks` (window clerks, supervisors). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRoles } from '../../platform/http/auth.js';
import { WellFormedRegionCode } from '../../platform/validators/index.js';
import { NoContent } from '../../../../contracts/http.js';
import {
  CallbackFiled,
  CallbackPhoneAnswer,
  CallbackQueue,
  CallbackQueueQuery,
  NewCallback,
} from '../../../../contracts/hotline.js';
import type { HotlineDeps } from './hotline.deps.js';
import { callbackQueue, completeCallback, requestCallback, revealCallbackPhone } from './callbacks.service.js';

const tags = ['hotline 12345 回电'];
const Id = z.object({ id: z.uuid() });

export const hotlineRoutes: FastifyPluginAsyncZod<{ deps: HotlineDeps; perHour: number }> = async (
  app,
  { deps, perHour },
) => {
  const staff = requireRoles('window_clerk', 'supervisor');

  app.post(
    '/api/callbacks',
    {
      config: { rateLimit: { max: perHour, timeWindow: 3_600_000 } },
      schema: {
        tags,
        summary: '请给我回电 Ask the hotline to call me back (one open request per number; a repeat answers the first)',
        body: NewCallback.extend({ region: WellFormedRegionCode.optional() }),
        response: { 201: CallbackFiled, 200: CallbackFiled },
      },
    },
    async (request, reply) => {
      const { filed, created } = await requestCallback(deps, request.actor, request.body);
      return reply.code(created ? 201 : 200).send(filed);
    },
  );
  app.get(
    '/api/hotline/callbacks',
    {
      preHandler: staff,
      schema: {
        tags,
        summary: '回电队列 Callback requests of my region (numbers masked)',
        querystring: CallbackQueueQuery,
        response: { 200: CallbackQueue },
      },
    },
    async (request) => ({ callbacks: await callbackQueue(deps, request.actor, request.query.status) }),
  );
  app.get(
    '/api/hotline/callbacks/:id/phone',
    {
      preHandler: staff,
      schema: {
        tags,
        summary: '查看号码 The number to call (recorded in the audit log)',
        params: Id,
        response: { 200: CallbackPhoneAnswer },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return revealCallbackPhone(deps, request.actor, request.params.id, { ip: request.ip });
    },
  );
  app.post(
    '/api/hotline/callbacks/:id/done',
    {
      preHandler: staff,
      schema: { tags, summary: '已回电 Mark a callback request done', params: Id, response: { 204: NoContent } },
    },
    async (request, reply) => {
      await completeCallback(deps, request.actor, request.params.id);
      return reply.code(204).send(null);
    },
  );
};
