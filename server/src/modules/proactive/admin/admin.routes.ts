/** 政策管理 over HTTP: the console's list and policy page, drafting, review, and reach (policy officers only). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireRoles } from '../../../platform/http/auth.js';
import { beijingDate } from '../../../platform/calendar/beijing.js';
import {
  FactCatalogue,
  NewPolicyAnswer,
  NewPolicyBody,
  OnQuery,
  PolicyAdminDetail,
  PolicyAdminList,
  PolicyCodeParams,
  PolicyDraftBody,
  PolicyReach,
  PolicyVersionAnswer,
  PolicyVersionParams,
  ReachQuery,
  ReviewBody,
} from '../../../../../contracts/policy-admin.js';
import type { ProactiveDeps } from '../proactive.deps.js';
import { POLICY_OFFICERS } from '../policies.service.js';
import { factsOf, listForConsole, policyForConsole } from './console.service.js';
import { createPolicy } from './new-policy.service.js';
import { policyReach } from './reach.service.js';
import { assertOfficer, draftVersion, reviewVersion, reviseVersion, submitVersion } from './versions.service.js';

const tags = ['proactive 主动服务'];
const BASE = '/api/admin/proactive/policies';

export const policyAdminRoutes: FastifyPluginAsyncZod<{ deps: ProactiveDeps }> = async (app, { deps }) => {
  const preHandler = requireRoles(...POLICY_OFFICERS);
  const today = () => beijingDate(deps.now());

  app.get(
    BASE,
    {
      preHandler,
      schema: {
        tags,
        summary: '政策管理 Policies with their version in force, the version waiting, and reach in my region',
        querystring: OnQuery,
        response: { 200: PolicyAdminList },
      },
    },
    async (request) => listForConsole(deps, request.actor, request.query.on ?? today()),
  );

  app.get(
    `${BASE}/:id`,
    {
      preHandler,
      schema: {
        tags,
        summary: '政策详情 A policy: versions in words with their periods, examples run, facts to write conditions on',
        params: PolicyCodeParams,
        querystring: OnQuery,
        response: { 200: PolicyAdminDetail },
      },
    },
    async (request) => policyForConsole(deps, request.actor, request.params.id, request.query.on ?? today()),
  );

  app.get(
    '/api/admin/proactive/facts',
    {
      preHandler,
      schema: {
        tags,
        summary: '事实目录 The registry facts conditions may name, of persons and of enterprises, with their words',
        response: { 200: FactCatalogue },
      },
    },
    async (request) => {
      assertOfficer(request.actor);
      return { person: factsOf('person'), enterprise: factsOf('enterprise') };
    },
  );

  app.post(
    BASE,
    {
      preHandler,
      schema: {
        tags,
        summary:
          '新建政策 Make a policy with its first version as a draft (examples run on save; 422 per field, 409 PROACTIVE.POLICY_EXISTS)',
        body: NewPolicyBody,
        response: { 201: NewPolicyAnswer },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return createPolicy(deps, request.actor, request.body);
    },
  );

  app.post(
    `${BASE}/:id/versions`,
    {
      preHandler,
      schema: {
        tags,
        summary: '起草新版本 Draft a version (conditions checked against the registry facts; 422 per field)',
        params: PolicyCodeParams,
        body: PolicyDraftBody,
        response: { 201: PolicyVersionAnswer },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return draftVersion(deps, request.actor, request.params.id, request.body);
    },
  );

  app.put(
    `${BASE}/:id/versions/:version`,
    {
      preHandler,
      schema: {
        tags,
        summary: '修改草稿 Replace a draft’s rule and examples',
        params: PolicyVersionParams,
        body: PolicyDraftBody,
        response: { 200: PolicyVersionAnswer },
      },
    },
    async (request) => reviseVersion(deps, request.actor, request.params.id, request.params.version, request.body),
  );

  app.post(
    `${BASE}/:id/versions/:version/submit`,
    {
      preHandler,
      schema: {
        tags,
        summary: '提交审核 Submit a draft (its examples run; 409 PROACTIVE.EXAMPLES_FAILED naming those that fail)',
        params: PolicyVersionParams,
        response: { 200: PolicyVersionAnswer },
      },
    },
    async (request) => submitVersion(deps, request.actor, request.params.id, request.params.version),
  );

  for (const [action, decision] of [
    ['approve', 'published'],
    ['reject', 'rejected'],
  ] as const) {
    app.post(
      `${BASE}/:id/versions/:version/${action}`,
      {
        preHandler,
        schema: {
          tags,
          summary:
            action === 'approve'
              ? '审核通过 Publish a version in review (not by its drafter): judged from its effective date'
              : '退回 Send a version in review back',
          params: PolicyVersionParams,
          body: ReviewBody,
          response: { 200: PolicyVersionAnswer },
        },
      },
      async (request) =>
        reviewVersion(deps, request.actor, request.params.id, request.params.version, decision, request.body.comment),
    );
  }

  app.get(
    `${BASE}/:id/reach`,
    {
      preHandler,
      schema: {
        tags,
        summary: '触达统计 Eligible, told, applied, granted, declined, under review — per county of my region',
        params: PolicyCodeParams,
        querystring: ReachQuery,
        response: { 200: PolicyReach },
      },
    },
    async (request) => policyReach(deps, request.actor, request.params.id, request.query.region),
  );
};
