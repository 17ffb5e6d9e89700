/**
 * 电子监察 API: `/api/supervision/overview`, `/clocks`, `/orders` (+ answer), `/irregularities`
 * (+ dismiss). Supervisors read across the departments of their region and act on no case;
 * department heads read their own departments and answer orders.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRoles } from '../../platform/http/auth.js';
import {
  ClockList,
  ClockQuery,
  IrregularityList,
  NewOrder,
  OrderCreated,
  OrderList,
  OverviewAnswer,
} from '../../../../contracts/supervision.js';
import { NoContent } from '../../../../contracts/http.js';
import type { SupervisionDeps } from './supervision.deps.js';
import { listClocks, overview, READERS } from './clocks/console.service.js';
import { answerOrder, issueOrder, listOrders } from './orders/orders.service.js';
import { dismissIrregularity, listIrregularities } from './irregularities/irregularities.service.js';

const tags = ['supervision 电子监察'];
const Id = z.object({ id: z.uuid() });
const Region = z
  .string()
  .regex(/^\d{2,12}$/)
  .optional();

export const consoleRoutes: FastifyPluginAsyncZod<{ deps: SupervisionDeps }> = async (app, { deps }) => {
  const readers = requireRoles(...READERS);
  const supervisors = requireRoles('supervisor');

  app.get(
    '/api/supervision/overview',
    {
      preHandler: readers,
      schema: {
        tags,
        summary:
          '监察总览 Open, yellow and red clocks, overdue rate, orders and irregularities for a region in my scope',
        querystring: z.object({ region: Region }),
        response: { 200: OverviewAnswer },
      },
    },
    async (request) => overview(deps, request.actor, request.query.region),
  );
  app.get(
    '/api/supervision/clocks',
    {
      preHandler: readers,
      schema: {
        tags,
        summary: '时限监察 The clocks behind a number: by state, region and department, most urgent first',
        querystring: ClockQuery,
        response: { 200: ClockList },
      },
    },
    async (request) => ({ clocks: await listClocks(deps, request.actor, request.query) }),
  );
  app.get(
    '/api/supervision/orders',
    {
      preHandler: readers,
      schema: {
        tags,
        summary: '督办事项 Orders in my scope, newest first',
        querystring: z.object({ status: z.enum(['open', 'answered']).optional() }),
        response: { 200: OrderList },
      },
    },
    async (request) => ({ orders: await listOrders(deps, request.actor, request.query.status) }),
  );
  app.post(
    '/api/supervision/orders',
    {
      preHandler: supervisors,
      schema: {
        tags,
        summary: '督办 Order the head of the department concerned to act within working days',
        headers: z.object({ 'idempotency-key': z.string().min(1).max(200).optional() }),
        body: NewOrder,
        response: { 201: OrderCreated },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await issueOrder(deps, request.actor, request.body, request.headers['idempotency-key'])),
  );
  app.post(
    '/api/supervision/orders/:id/answer',
    {
      preHandler: requireRoles('department_head'),
      schema: {
        tags,
        summary: '督办答复 The receiving department head answers an order',
        params: Id,
        body: z.object({ answer: z.string().trim().min(1).max(4000) }),
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await answerOrder(deps, request.actor, request.params.id, request.body.answer);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/api/supervision/irregularities',
    {
      preHandler: readers,
      schema: {
        tags,
        summary: '异常监察 Irregularities found in the case event log, in my scope, newest first',
        querystring: z.object({ status: z.enum(['open', 'dismissed']).optional(), region: Region }),
        response: { 200: IrregularityList },
      },
    },
    async (request) => ({ irregularities: await listIrregularities(deps, request.actor, request.query) }),
  );
  app.post(
    '/api/supervision/irregularities/:id/dismiss',
    {
      preHandler: supervisors,
      schema: {
        tags,
        summary: '排除异常 Dismiss an irregularity, saying why',
        params: Id,
        body: z.object({ reason: z.string().trim().min(2).max(1000) }),
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await dismissIrregularity(deps, request.actor, request.params.id, request.body.reason);
      return reply.code(204).send(null);
    },
  );
};
