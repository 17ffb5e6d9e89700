/** 送达: how the result reaches the applicant (pickup, post, online), and the window posting or handing it over. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CaseDelivery, DeliveryChoice, DeliveryQuery, DispatchRequest } from '../../../../../contracts/case-results.js';
import { CaseIdParams } from '../../../../../contracts/case-steps.js';
import { NoContent } from '../../../../../contracts/http.js';
import { requireRoles } from '../../../platform/http/auth.js';
import { isValidRegionCode, normaliseRegionCode } from '../../../platform/validators/index.js';
import type { CasesDeps } from '../cases.deps.js';
import { chooseDelivery, completeDelivery, getDelivery } from './delivery.service.js';

const tags = ['cases 审批服务'];
/** A postal address names a real division, in the standard (520100) or the stored form (5201). */
const Choice = DeliveryChoice.transform((c) =>
  c.method === 'post' ? { ...c, regionCode: normaliseRegionCode(c.regionCode) } : c,
).refine((c) => c.method !== 'post' || isValidRegionCode(c.regionCode), {
  message: '行政区划代码不正确 not a division code',
  path: ['regionCode'],
});

export const deliveryRoutes: FastifyPluginAsyncZod<{ deps: CasesDeps }> = async (app, { deps }) => {
  const window = requireRoles('window_clerk');

  app.put(
    '/api/cases/:id/delivery',
    {
      schema: {
        tags,
        summary: '选择送达方式 Choose how the result reaches the applicant (pickup, post, online)',
        params: CaseIdParams,
        body: Choice,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await chooseDelivery(deps, request.actor, { caseId: request.params.id, choice: request.body });
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/api/cases/:id/delivery',
    {
      schema: {
        tags,
        summary:
          '送达信息 The delivery of a case (staff see it masked; `full=true` for the window printing the label, audited)',
        params: CaseIdParams,
        querystring: DeliveryQuery,
        response: { 200: CaseDelivery },
      },
    },
    async (request) => ({
      delivery: await getDelivery(deps, request.actor, {
        caseId: request.params.id,
        opts: { full: request.query.full === 'true', ip: request.ip },
      }),
    }),
  );
  app.post(
    '/api/cases/:id/delivery/dispatch',
    {
      preHandler: window,
      schema: {
        tags,
        summary: '寄出 Post the result (carrier and tracking number)',
        params: CaseIdParams,
        body: DispatchRequest,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await completeDelivery(deps, request.actor, {
        caseId: request.params.id,
        step: { kind: 'dispatch', ...request.body },
      });
      return reply.code(204).send(null);
    },
  );
  for (const [kind, summary] of [
    ['delivered', '已签收 The posted result was received'],
    ['collected', '已领取 The result was collected at the window'],
  ] as const) {
    app.post(
      `/api/cases/:id/delivery/${kind}`,
      { preHandler: window, schema: { tags, summary, params: CaseIdParams, response: { 204: NoContent } } },
      async (request, reply) => {
        await completeDelivery(deps, request.actor, { caseId: request.params.id, step: { kind } });
        return reply.code(204).send(null);
      },
    );
  }
};
