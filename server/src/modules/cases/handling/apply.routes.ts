/** 申报: an application, a theme application (一件事) and its progress, the materials plan (免提交), my cases. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ApplicationRequest,
  BundleRequest,
  BundleSubmitted,
  ItemCodeParams,
  MaterialsPlan,
} from '../../../../../contracts/case-apply.js';
import { BundleProgress, CaseSubmitted, MyCases } from '../../../../../contracts/case-views.js';
import { CaseIdParams } from '../../../../../contracts/case-steps.js';
import { IdempotencyHeaders } from '../../../../../contracts/wire.js';
import { WellFormedRegionCode } from '../../../platform/validators/index.js';
import { sendCreatedOrReplayed } from '../../../platform/http/replies.js';
import type { CasesDeps } from '../cases.deps.js';
import { submitApplication, submitBundle } from './submit.service.js';
import { reusableMaterials } from './reuse.service.js';
import { getBundle, myCases } from './read.service.js';

const tags = ['cases 审批服务'];

export const applyRoutes: FastifyPluginAsyncZod<{ deps: CasesDeps }> = async (app, { deps }) => {
  app.post(
    '/api/cases',
    {
      schema: {
        tags,
        summary: '提交申请 Submit an application (idempotent with the Idempotency-Key header)',
        headers: IdempotencyHeaders,
        body: ApplicationRequest,
        response: { 201: CaseSubmitted, 200: CaseSubmitted },
      },
    },
    async (request, reply) =>
      sendCreatedOrReplayed(
        reply,
        await submitApplication(deps, request.actor, {
          ...request.body,
          idempotencyKey: request.headers['idempotency-key'],
        }),
      ),
  );

  app.get(
    '/api/applications/:itemCode/materials',
    {
      schema: {
        tags,
        summary:
          '免提交 Which materials of an item the platform already holds for the signed-in applicant (licences, shared data)',
        params: ItemCodeParams,
        response: { 200: MaterialsPlan },
      },
    },
    async (request) => reusableMaterials(deps, request.actor, request.params.itemCode),
  );

  app.post(
    '/api/bundles',
    {
      schema: {
        tags,
        summary: '一件事申报 Apply for a theme: one application, the linked cases of its items',
        headers: IdempotencyHeaders,
        // The standard code (520100) or the stored one (5201): the server keeps the stored form.
        body: BundleRequest.extend({ region: WellFormedRegionCode }),
        response: { 201: BundleSubmitted, 200: BundleSubmitted },
      },
    },
    async (request, reply) =>
      sendCreatedOrReplayed(
        reply,
        await submitBundle(deps, request.actor, {
          ...request.body,
          idempotencyKey: request.headers['idempotency-key'],
        }),
      ),
  );

  app.get(
    '/api/bundles/:id',
    {
      schema: {
        tags,
        summary: '一件事进度 One combined progress of a theme application',
        params: CaseIdParams,
        response: { 200: BundleProgress },
      },
    },
    async (request) => getBundle(deps, request.actor, request.params.id),
  );

  app.get(
    '/api/cases',
    {
      schema: {
        tags,
        summary: '我的办件 My cases (or my enterprise’s while acting for it)',
        response: { 200: MyCases },
      },
    },
    async (request) => ({ cases: await myCases(deps, request.actor) }),
  );
};
