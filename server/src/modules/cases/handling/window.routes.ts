/**
 * The window (综合窗口) and the applicant at it: 受理, 不予受理, 一次性告知补正 (and a head's approval
 * of one more notice), the applicant's 补正 and 撤回.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AcceptRequest,
  AnotherNoticeRequest,
  CaseIdParams,
  RejectRequest,
  SupplementNoticeRequest,
  SupplementRequest,
  WithdrawRequest,
} from '../../../../../contracts/case-steps.js';
import { NoContent } from '../../../../../contracts/http.js';
import { requireRoles } from '../../../platform/http/auth.js';
import type { CasesDeps } from '../cases.deps.js';
import { acceptCase, refuseToAccept, requestSupplement, supplementCase, withdrawCase } from './window.service.js';
import { approveAnotherNotice } from './supplement.js';

const tags = ['cases 审批服务'];
const response = { 204: NoContent };

export const windowRoutes: FastifyPluginAsyncZod<{ deps: CasesDeps }> = async (app, { deps }) => {
  const window = requireRoles('window_clerk');

  app.post(
    '/api/cases/:id/accept',
    {
      preHandler: window,
      schema: { tags, summary: '受理 Accept (window)', params: CaseIdParams, body: AcceptRequest, response },
    },
    async (request, reply) => {
      await acceptCase(deps, request.actor, { caseId: request.params.id, note: request.body.note });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/cases/:id/reject',
    {
      preHandler: window,
      schema: {
        tags,
        summary: '不予受理 Refuse to accept, with the legal basis',
        params: CaseIdParams,
        body: RejectRequest,
        response,
      },
    },
    async (request, reply) => {
      await refuseToAccept(deps, request.actor, { caseId: request.params.id, reason: request.body });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/cases/:id/request-supplement',
    {
      preHandler: window,
      schema: {
        tags,
        summary: '一次性告知补正 Ask once for everything missing',
        params: CaseIdParams,
        body: SupplementNoticeRequest,
        response,
      },
    },
    async (request, reply) => {
      await requestSupplement(deps, request.actor, { caseId: request.params.id, notice: request.body });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/cases/:id/another-notice',
    {
      preHandler: requireRoles('department_head'),
      schema: {
        tags,
        summary: '批准再次告知 A department head approves one more 一次性告知, with a reason',
        params: CaseIdParams,
        body: AnotherNoticeRequest,
        response,
      },
    },
    async (request, reply) => {
      await approveAnotherNotice(deps, request.actor, { caseId: request.params.id, reason: request.body.reason });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/cases/:id/supplement',
    {
      schema: {
        tags,
        summary: '补正 Supplement (applicant)',
        params: CaseIdParams,
        body: SupplementRequest,
        response,
      },
    },
    async (request, reply) => {
      await supplementCase(deps, request.actor, { caseId: request.params.id, input: request.body });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/cases/:id/withdraw',
    {
      schema: { tags, summary: '撤回 Withdraw (applicant)', params: CaseIdParams, body: WithdrawRequest, response },
    },
    async (request, reply) => {
      await withdrawCase(deps, request.actor, { caseId: request.params.id, reason: request.body.reason });
      return reply.code(204).send(null);
    },
  );
};
