/** 收费: the fees of a case — set (amount in fen), paid by 非税收入缴款书 number, or waived with a reason. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CaseFees,
  FeePaidRequest,
  FeeParams,
  FeeRequest,
  FeeSet,
  FeeWaiveRequest,
} from '../../../../../contracts/case-results.js';
import { CaseIdParams } from '../../../../../contracts/case-steps.js';
import { NoContent } from '../../../../../contracts/http.js';
import { requireRoles } from '../../../platform/http/auth.js';
import type { CasesDeps } from '../cases.deps.js';
import { listFees, setFee, settleFee } from './fees.service.js';

const tags = ['cases 审批服务'];

export const feesRoutes: FastifyPluginAsyncZod<{ deps: CasesDeps }> = async (app, { deps }) => {
  app.get(
    '/api/cases/:id/fees',
    { schema: { tags, summary: '收费 Fees of a case', params: CaseIdParams, response: { 200: CaseFees } } },
    async (request) => listFees(deps, request.actor, request.params.id),
  );
  app.post(
    '/api/cases/:id/fees',
    {
      preHandler: requireRoles('approver', 'department_head', 'window_clerk'),
      schema: {
        tags,
        summary: '核定收费 Set a fee due (amount in fen)',
        params: CaseIdParams,
        body: FeeRequest,
        response: { 201: FeeSet },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await setFee(deps, request.actor, { caseId: request.params.id, fee: request.body })),
  );
  app.post(
    '/api/cases/:id/fees/:feeId/paid',
    {
      preHandler: requireRoles('window_clerk'),
      schema: {
        tags,
        summary: '确认缴费 Record a payment by its 非税收入缴款书 number',
        params: FeeParams,
        body: FeePaidRequest,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      const { id: caseId, feeId } = request.params;
      await settleFee(deps, request.actor, { caseId, feeId, how: { kind: 'paid', ...request.body } });
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/api/cases/:id/fees/:feeId/waive',
    {
      preHandler: requireRoles('department_head'),
      schema: {
        tags,
        summary: '减免 Waive a fee, with the reason',
        params: FeeParams,
        body: FeeWaiveRequest,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      const { id: caseId, feeId } = request.params;
      await settleFee(deps, request.actor, { caseId, feeId, how: { kind: 'waived', ...request.body } });
      return reply.code(204).send(null);
    },
  );
};
