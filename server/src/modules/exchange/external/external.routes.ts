/**
 * The exchange for department systems outside Tongban (`/api/exchange/v1/…`): authenticated by an
 * OAuth 2.0 client-credentials access token of Tongban's identity provider, limited per client
 * (each registered client's own requests per minute), acting for the department it is registered for.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ExchangeDeps } from '../exchange.deps.js';
import { LifeEventBody, QueryBody } from '../exchange.schemas.js';
import { ExchangeClient, LifeEventReceipt, QueryAnswer } from '../../../../../contracts/exchange.js';
import { querySharedData } from '../sharing/query.service.js';
import { recordLifeEvent } from '../life-events/record.service.js';
import { authenticateClient, type ExternalClient } from './clients.service.js';

const tags = ['exchange 数据共享交换（部门系统）'];
const clients = new WeakMap<FastifyRequest, ExternalClient>();

export const externalRoutes: FastifyPluginAsyncZod<{ deps: ExchangeDeps }> = async (app, { deps }) => {
  const authenticate = async (request: FastifyRequest) => {
    clients.set(request, await authenticateClient(deps, request.headers.authorization));
  };
  const clientOf = (request: FastifyRequest) => clients.get(request)!;
  // The limit's hook runs after the route's own onRequest (authentication), so it is the client's own, keyed by its id.
  const config = {
    rateLimit: {
      timeWindow: 60_000,
      keyGenerator: (request: FastifyRequest) => `exchange-client:${clientOf(request).clientId}`,
      max: async (request: FastifyRequest) => clientOf(request).ratePerMinute,
    },
  };

  app.post(
    '/api/exchange/v1/query',
    {
      onRequest: authenticate,
      config,
      schema: {
        tags,
        summary:
          '共享调用（部门系统）Read granted data items, with a purpose, as a department system (Bearer: client-credentials access token)',
        security: [{ bearer: [] }],
        body: QueryBody,
        response: { 200: QueryAnswer },
      },
    },
    async (request) => {
      const client = clientOf(request);
      return querySharedData(
        deps,
        { kind: 'client', clientId: client.clientId, departmentId: client.departmentId },
        request.body,
      );
    },
  );

  app.post(
    '/api/exchange/v1/life-events',
    {
      onRequest: authenticate,
      config,
      schema: {
        tags,
        summary: '登记生命周期事件（部门系统）Record a life event for the client’s department',
        security: [{ bearer: [] }],
        body: LifeEventBody,
        response: { 201: LifeEventReceipt, 200: LifeEventReceipt },
      },
    },
    async (request, reply) => {
      const client = clientOf(request);
      const result = await recordLifeEvent(
        deps,
        { kind: 'client', clientId: client.clientId, departmentId: client.departmentId },
        request.body,
      );
      return reply.code(result.created ? 201 : 200).send(result);
    },
  );

  app.get(
    '/api/exchange/v1/whoami',
    {
      onRequest: authenticate,
      config,
      schema: {
        tags,
        summary: '当前部门系统 The registered system behind the token',
        security: [{ bearer: [] }],
        response: { 200: ExchangeClient },
      },
    },
    async (request) => clientOf(request),
  );
};
