/** 窗口代录: the window files an application for a walk-in resident (and accepts it at once). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { WalkInRequest } from '../../../../../contracts/case-apply.js';
import { CaseSubmitted } from '../../../../../contracts/case-views.js';
import { IdempotencyHeaders } from '../../../../../contracts/wire.js';
import { requireRoles } from '../../../platform/http/auth.js';
import { sendCreatedOrReplayed } from '../../../platform/http/replies.js';
import type { CasesDeps } from '../cases.deps.js';
import { fileForResident } from './walk-in.service.js';

const tags = ['cases 审批服务'];

export const walkInRoutes: FastifyPluginAsyncZod<{ deps: CasesDeps }> = async (app, { deps }) => {
  app.post(
    '/api/window/applications',
    {
      preHandler: requireRoles('window_clerk'),
      schema: {
        tags,
        summary: '窗口代录 File an application for a walk-in resident (and accept it at once)',
        headers: IdempotencyHeaders,
        body: WalkInRequest,
        response: { 201: CaseSubmitted, 200: CaseSubmitted },
      },
    },
    async (request, reply) =>
      sendCreatedOrReplayed(
        reply,
        await fileForResident(deps, request.actor, {
          input: request.body,
          idempotencyKey: request.headers['idempotency-key'],
          meta: { ip: request.ip },
        }),
      ),
  );
};
