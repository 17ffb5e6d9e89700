/** Reading a case: the detail with tasks and history; 全程一码 progress by tracking code and its QR code. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CaseIdParams } from '../../../../../contracts/case-steps.js';
import { CaseDetail, TrackAnswer } from '../../../../../contracts/case-views.js';
import { FileBody } from '../../../../../contracts/http.js';
import type { CasesDeps } from '../cases.deps.js';
import { getCase, trackCase, trackingQrSvg } from './read.service.js';

const tags = ['cases 审批服务'];
const Code = z.object({ code: z.string().max(20) });

export const readRoutes: FastifyPluginAsyncZod<{ deps: CasesDeps }> = async (app, { deps }) => {
  app.get(
    '/api/cases/:id',
    {
      schema: {
        tags,
        summary: '办件详情 A case with its tasks, history and days left',
        params: CaseIdParams,
        response: { 200: CaseDetail },
      },
    },
    async (request) => getCase(deps, request.actor, { caseId: request.params.id, meta: { ip: request.ip } }),
  );

  app.get(
    '/api/track/:code',
    {
      schema: {
        tags,
        summary:
          '全程一码 Progress by tracking code — a case or a 一件事 bundle (no personal data; the id for its applicant)',
        params: Code,
        response: { 200: TrackAnswer },
      },
    },
    async (request) => trackCase(deps, request.actor, request.params.code),
  );

  app.get(
    '/api/track/:code/qr.svg',
    {
      schema: { tags, summary: '办件二维码 QR code of the tracking page', params: Code, response: { 200: FileBody } },
    },
    async (request, reply) =>
      reply
        .type('image/svg+xml')
        .header('cache-control', 'public, max-age=86400')
        .send(await trackingQrSvg(deps, request.actor, request.params.code)),
  );
};
