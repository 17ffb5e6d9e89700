/** 主动服务 over HTTP: public policies, a resident's grants and offers, the policy officer's dry run and run. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRoles } from '../../platform/http/auth.js';
import { beijingDate } from '../../platform/calendar/beijing.js';
import {
  DryRun,
  DryRunBody,
  DryRunRequest,
  EntitlementList,
  GrantAnswer,
  OfferAnswer,
  OfferList,
  OfferPreference,
  OfferPreferenceBody,
  PolicyList,
  PolicyListQuery,
  RunResult,
} from '../../../../contracts/proactive.js';
import { PolicyCodeParams } from '../../../../contracts/policy-admin.js';
import type { ProactiveDeps } from './proactive.deps.js';
import { dryRun, listPolicies, POLICY_OFFICERS } from './policies.service.js';
import { answerOffer, declineGrant, listEntitlements, listOffers, setOfferPreference } from './me.service.js';
import { applyPolicy } from './runs.service.js';

const tags = ['proactive 主动服务'];
const Id = z.object({ id: z.uuid() });

export const proactiveRoutes: FastifyPluginAsyncZod<{ deps: ProactiveDeps }> = async (app, { deps }) => {
  const officers = requireRoles(...POLICY_OFFICERS);
  const today = () => beijingDate(deps.now());

  app.get(
    '/api/proactive/policies',
    {
      schema: {
        tags,
        summary: '可享政策清单 Policies in force, in words',
        querystring: PolicyListQuery,
        response: { 200: PolicyList },
      },
    },
    async (request) => {
      const on = request.query.on ?? today();
      return { on, policies: await listPolicies(deps.db, on) };
    },
  );

  app.get(
    '/api/me/entitlements',
    {
      schema: {
        tags,
        summary: '我的待遇 My automatic grants (免申即享) with their explanations',
        response: { 200: EntitlementList },
      },
    },
    async (request) => ({ entitlements: await listEntitlements(deps, request.actor) }),
  );

  app.post(
    '/api/me/entitlements/:id/decline',
    { schema: { tags, summary: '放弃待遇 Decline an automatic grant', params: Id, response: { 200: GrantAnswer } } },
    async (request) => declineGrant(deps, request.actor, request.params.id),
  );

  app.get(
    '/api/me/offers',
    {
      schema: { tags, summary: '可享政策 Offers of policies I may apply for (政策找人)', response: { 200: OfferList } },
    },
    async (request) => listOffers(deps, request.actor),
  );

  for (const [action, answer] of [
    ['accept', 'accepted'],
    ['decline', 'declined'],
  ] as const) {
    app.post(
      `/api/me/offers/:id/${action}`,
      {
        schema: {
          tags,
          summary:
            action === 'accept' ? '去申请 Accept an offer (names the item to apply for)' : '不需要 Decline an offer',
          params: Id,
          response: { 200: OfferAnswer },
        },
      },
      async (request) => answerOffer(deps, request.actor, request.params.id, answer),
    );
  }

  app.put(
    '/api/me/offer-preference',
    {
      schema: {
        tags,
        summary: '政策提醒开关 Whether I want offers at all',
        body: OfferPreferenceBody,
        response: { 200: OfferPreference },
      },
    },
    async (request) => setOfferPreference(deps, request.actor, request.body.offersWanted),
  );

  app.post(
    '/api/admin/proactive/policies/:id/dry-run',
    {
      preHandler: officers,
      schema: {
        tags,
        summary: '试运行 How many would be eligible, per county, on a day (nothing written)',
        params: PolicyCodeParams,
        body: DryRunBody,
        response: { 200: DryRun },
      },
    },
    async (request) => dryRun(deps, request.actor, request.params.id, request.body.on ?? today(), request.body.version),
  );

  app.post(
    '/api/admin/proactive/policies/:id/run',
    {
      preHandler: officers,
      schema: {
        tags,
        summary: '按政策研判 Apply a new or changed policy to the whole population now',
        params: PolicyCodeParams,
        body: DryRunRequest,
        response: { 200: RunResult },
      },
    },
    async (request) => applyPolicy(deps, request.actor, request.params.id, request.body.on ?? today()),
  );
};
