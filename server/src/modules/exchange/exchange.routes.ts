/**
 * 数据通 for staff and residents: the resource catalogue, sharing grants, the audited query, the
 * access log's verification, life events, subscriptions and inboxes, external-client registration,
 * and a resident's view of who used their data (`/api/me/data-uses`).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRoles } from '../../platform/http/auth.js';
import type { ExchangeDeps } from './exchange.deps.js';
import { EventType, LifeEventBody, QueryAnswer, QueryBody, Recorded, Text } from './exchange.schemas.js';
import { requireStaff, WORKING_ROLES } from './sharing/access.js';
import { listResources, getResource } from './sharing/resources.service.js';
import { decideGrant, listGrants, requestGrant } from './sharing/grants.service.js';
import { querySharedData } from './sharing/query.service.js';
import { verifyAccessChain } from './access-log/access-chain.js';
import { listDataUses } from './access-log/data-uses.service.js';
import { recordLifeEvent } from './life-events/record.service.js';
import { listSubscriptions, subscribe, unsubscribe } from './life-events/subscriptions.service.js';
import { acknowledgeInboxItem, listInbox } from './life-events/inbox.service.js';
import { disableClient, listClients, registerClient } from './external/clients.service.js';

const tags = ['exchange 数据共享交换'];
const Id = z.object({ id: z.uuid() });
const Field = z.object({ key: z.string(), name: z.string() });
const Resource = z.object({
  code: z.string(),
  name: z.string(),
  description: z.string(),
  owner: z.object({ id: z.uuid(), name: z.string() }),
  subjectKind: z.enum(['person', 'enterprise']),
  fields: z.array(Field),
  sharingClass: z.enum(['unconditional', 'conditional', 'not_shared']),
  updateFrequency: z.string(),
  connected: z.boolean(),
});
const Grant = z.object({
  id: z.uuid(),
  resource: z.object({ code: z.string(), name: z.string() }),
  consumer: z.object({ id: z.uuid(), name: z.string() }),
  owner: z.object({ id: z.uuid(), name: z.string() }),
  fields: z.array(z.string()),
  purpose: z.string(),
  legalBasis: z.string(),
  status: z.enum(['pending', 'approved', 'refused', 'revoked']),
  expired: z.boolean(),
  requestedAt: z.date(),
  expiresAt: z.date(),
  decidedAt: z.date().nullable(),
  decisionNote: z.string().nullable(),
});
const ResourceCode = z.object({ code: z.string().regex(/^[a-z][a-z_]*\.[a-z][a-z_]*$/) });

export const exchangeRoutes: FastifyPluginAsyncZod<{ deps: ExchangeDeps }> = async (app, { deps }) => {
  const dataAdmin = requireRoles('data_admin');
  const working = requireRoles(...WORKING_ROLES);

  app.get(
    '/api/exchange/resources',
    {
      schema: {
        tags,
        summary: '政务信息资源目录 The data-resource catalogue (staff)',
        response: { 200: z.object({ resources: z.array(Resource) }) },
      },
    },
    async (request) => {
      requireStaff(request.actor);
      return { resources: await listResources(deps) };
    },
  );

  app.get(
    '/api/exchange/resources/:code',
    {
      schema: {
        tags,
        summary: '信息资源 One resource of the catalogue (staff)',
        params: ResourceCode,
        response: { 200: Resource },
      },
    },
    async (request) => {
      requireStaff(request.actor);
      const r = await getResource(deps, request.params.code);
      const names = await deps.departments.names([r.ownerDepartmentId]);
      return {
        ...r,
        owner: { id: r.ownerDepartmentId, name: names.get(r.ownerDepartmentId) ?? '' },
        connected: r.source !== null,
      };
    },
  );

  app.post(
    '/api/exchange/grants',
    {
      preHandler: dataAdmin,
      schema: {
        tags,
        summary:
          '申请共享授权 Ask for data items of a resource, for a purpose and legal basis, until a date (数据管理员 of the consuming department)',
        body: z.object({
          resourceCode: z.string().max(100),
          consumerDepartmentId: z.uuid(),
          fields: z.array(z.string().max(64)).min(1).max(50),
          purpose: Text(500),
          legalBasis: Text(500),
          expiresAt: z.coerce.date(),
        }),
        response: { 201: Grant },
      },
    },
    async (request, reply) => reply.code(201).send(await requestGrant(deps, request.actor, request.body)),
  );

  app.get(
    '/api/exchange/grants',
    {
      preHandler: requireRoles('data_admin', 'department_head'),
      schema: {
        tags,
        summary: '共享授权 Grants my departments asked for (side=consumer) or decide on (side=owner)',
        querystring: z.object({
          side: z.enum(['consumer', 'owner']).default('consumer'),
          status: z.enum(['pending', 'approved', 'refused', 'revoked']).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ grants: z.array(Grant) }) },
      },
    },
    async (request) => ({ grants: await listGrants(deps, request.actor, request.query) }),
  );

  app.post(
    '/api/exchange/grants/:id/approve',
    {
      preHandler: dataAdmin,
      schema: {
        tags,
        summary: '批准共享授权 Approve (owning department), optionally until an earlier date',
        params: Id,
        body: z.object({ note: z.string().trim().max(1000).default(''), expiresAt: z.coerce.date().optional() }),
        response: { 200: Grant },
      },
    },
    async (request) => decideGrant(deps, request.actor, request.params.id, { decision: 'approve', ...request.body }),
  );
  app.post(
    '/api/exchange/grants/:id/refuse',
    {
      preHandler: dataAdmin,
      schema: {
        tags,
        summary: '拒绝共享授权 Refuse, with the reason (owning department)',
        params: Id,
        body: z.object({ note: Text(1000) }),
        response: { 200: Grant },
      },
    },
    async (request) =>
      decideGrant(deps, request.actor, request.params.id, { decision: 'refuse', note: request.body.note }),
  );
  app.post(
    '/api/exchange/grants/:id/revoke',
    {
      preHandler: dataAdmin,
      schema: {
        tags,
        summary: '撤销共享授权 Revoke an approved grant, with the reason (owning department)',
        params: Id,
        body: z.object({ note: Text(1000) }),
        response: { 200: Grant },
      },
    },
    async (request) =>
      decideGrant(deps, request.actor, request.params.id, { decision: 'revoke', note: request.body.note }),
  );

  app.post(
    '/api/exchange/query',
    {
      preHandler: working,
      schema: {
        tags,
        summary: '共享调用 Read granted data items of one subject, with a purpose (logged; the subject sees it)',
        body: QueryBody,
        response: { 200: QueryAnswer },
      },
    },
    async (request) => querySharedData(deps, { kind: 'staff', actor: request.actor }, request.body),
  );

  app.get(
    '/api/exchange/access-log/verify',
    {
      preHandler: requireRoles('system_admin', 'supervisor'),
      schema: {
        tags,
        summary: '校验数据使用记录 Verify the access log’s hash chain',
        response: {
          200: z.object({
            ok: z.boolean(),
            entries: z.number(),
            lane: z.number().optional(),
            firstBadSeq: z.number().optional(),
            problem: z.string().optional(),
          }),
        },
      },
    },
    async () => verifyAccessChain(deps.db, deps.indexKey),
  );

  app.get(
    '/api/me/data-uses',
    {
      schema: {
        tags,
        summary: '查询我的数据被谁使用 Who used my data (and my enterprise’s, while acting for it), when and why',
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(200).default(50),
          before: z.coerce.date().optional(),
        }),
        response: {
          200: z.object({
            uses: z.array(
              z.object({
                at: z.date(),
                subject: z.enum(['person', 'enterprise']),
                department: z.string(),
                officer: z.string(),
                via: z.enum(['staff', 'system', 'person']),
                purpose: z.string(),
                resource: z.object({ code: z.string(), name: z.string() }),
                fields: z.array(Field),
                legalBasis: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({ uses: await listDataUses(deps, request.actor, request.query) }),
  );

  app.post(
    '/api/exchange/life-events',
    {
      preHandler: requireRoles('registrar'),
      schema: {
        tags,
        summary:
          '登记生命周期事件 Record a life event once for a department (registrars of the competent department, for subjects of its region; applied to the registries, delivered to subscribers)',
        body: z.object({ departmentId: z.uuid(), event: LifeEventBody }),
        response: { 201: Recorded, 200: Recorded },
      },
    },
    async (request, reply) => {
      const result = await recordLifeEvent(
        deps,
        { kind: 'staff', actor: request.actor, departmentId: request.body.departmentId },
        request.body.event,
      );
      return reply.code(result.created ? 201 : 200).send(result);
    },
  );

  const Subscription = z.object({
    id: z.uuid(),
    departmentId: z.uuid(),
    eventTypes: z.array(z.string()),
    channel: z.enum(['inbox', 'webhook']),
    url: z.string().nullable(),
    active: z.boolean(),
    createdAt: z.date(),
  });
  app.post(
    '/api/exchange/subscriptions',
    {
      preHandler: dataAdmin,
      schema: {
        tags,
        summary:
          '订阅生命周期事件 Subscribe a department to life events in its region: inbox, or a signed webhook (the secret is shown once)',
        body: z.object({
          departmentId: z.uuid(),
          eventTypes: z.array(EventType).min(1).max(7),
          channel: z.enum(['inbox', 'webhook']),
          url: z.string().max(2000).optional(),
        }),
        response: { 201: z.object({ id: z.uuid(), secret: z.string().nullable() }) },
      },
    },
    async (request, reply) => reply.code(201).send(await subscribe(deps, request.actor, request.body)),
  );
  app.get(
    '/api/exchange/subscriptions',
    {
      preHandler: dataAdmin,
      schema: {
        tags,
        summary: '事件订阅 Subscriptions of my departments',
        response: { 200: z.object({ subscriptions: z.array(Subscription) }) },
      },
    },
    async (request) => ({
      subscriptions: await listSubscriptions(deps, request.actor),
    }),
  );
  app.delete(
    '/api/exchange/subscriptions/:id',
    {
      preHandler: dataAdmin,
      schema: { tags, summary: '取消订阅 Cancel a subscription', params: Id, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await unsubscribe(deps, request.actor, request.params.id);
      return reply.code(204).send(null);
    },
  );

  const InboxItem = z.object({
    id: z.uuid(),
    departmentId: z.uuid(),
    event: z.object({
      id: z.uuid(),
      type: EventType,
      occurredOn: z.string(),
      recordedAt: z.date(),
      recordedBy: z.string(),
    }),
    persons: z.array(z.object({ idNumber: z.string(), name: z.string() })),
    enterprise: z.object({ creditCode: z.string(), name: z.string() }).nullable(),
    facts: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
    createdAt: z.date(),
    acknowledgedAt: z.date().nullable(),
  });
  app.get(
    '/api/exchange/inbox',
    {
      preHandler: working,
      schema: {
        tags,
        summary: '部门通知 Life events delivered to my departments’ inboxes (identifiers masked)',
        querystring: z.object({
          departmentId: z.uuid().optional(),
          state: z.enum(['open', 'all']).default('open'),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ items: z.array(InboxItem) }) },
      },
    },
    async (request) => ({
      items: await listInbox(deps, request.actor, {
        departmentId: request.query.departmentId,
        open: request.query.state === 'open',
        limit: request.query.limit,
      }),
    }),
  );
  app.post(
    '/api/exchange/inbox/:id/acknowledge',
    {
      preHandler: working,
      schema: { tags, summary: '确认通知 Acknowledge an inbox item', params: Id, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await acknowledgeInboxItem(deps, request.actor, request.params.id);
      return reply.code(204).send(null);
    },
  );

  const clientAdmin = requireRoles('data_admin', 'system_admin');
  const Client = z.object({
    clientId: z.string(),
    name: z.string(),
    departmentId: z.uuid(),
    ratePerMinute: z.number(),
  });
  app.post(
    '/api/exchange/clients',
    {
      preHandler: clientAdmin,
      schema: {
        tags,
        summary:
          '登记部门业务系统 Register an OAuth client (client credentials) as a department’s system, with its rate limit',
        body: z.object({
          clientId: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/),
          name: Text(100),
          departmentId: z.uuid(),
          ratePerMinute: z.number().int().min(1).max(100_000).default(600),
        }),
        response: { 201: Client },
      },
    },
    async (request, reply) => reply.code(201).send(await registerClient(deps, request.actor, request.body)),
  );
  app.get(
    '/api/exchange/clients',
    {
      preHandler: clientAdmin,
      schema: {
        tags,
        summary: '部门业务系统 Registered systems of my departments',
        response: {
          200: z.object({ clients: z.array(Client.extend({ createdAt: z.date(), disabledAt: z.date().nullable() })) }),
        },
      },
    },
    async (request) => ({ clients: await listClients(deps, request.actor) }),
  );
  app.delete(
    '/api/exchange/clients/:clientId',
    {
      preHandler: clientAdmin,
      schema: {
        tags,
        summary: '停用部门业务系统 Disable a registered system',
        params: z.object({ clientId: z.string().max(100) }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await disableClient(deps, request.actor, request.params.clientId);
      return reply.code(204).send(null);
    },
  );
};
