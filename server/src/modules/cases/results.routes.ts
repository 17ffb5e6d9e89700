/**
 * Results of a case: the decision document (决定书), delivery (送达) and fees (收费).
 * `/api/cases/{id}/decision.pdf`, `/api/cases/{id}/delivery`, `/api/cases/{id}/fees`.
 */
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRoles } from '../../platform/http/auth.js';
import { WellFormedRegionCode } from '../../platform/validators/index.js';
import type { CasesDeps } from './cases.deps.js';
import { chooseDelivery, completeDelivery, getDelivery } from './handling/delivery.service.js';
import { listFees, setFee, settleFee } from './handling/fees.service.js';
import { decisionDocument } from './handling/decision-document.js';
import { acceptanceReceipt } from './handling/acceptance-receipt.js';

const tags = ['cases 审批服务'];
const Id = z.object({ id: z.uuid() });
const Text = (max: number) => z.string().trim().min(1).max(max);

const DeliveryChoice = z.discriminatedUnion('method', [
  z.object({ method: z.enum(['pickup', 'online']) }),
  z.object({
    method: z.literal('post'),
    recipient: Text(50),
    phone: z
      .string()
      .trim()
      .regex(/^1[3-9]\d{9}$/, '手机号码格式不正确 not a mobile number'),
    address: Text(200),
    regionCode: WellFormedRegionCode,
  }),
]);
const Delivery = z
  .object({
    method: z.enum(['pickup', 'post', 'online']),
    status: z.enum(['pending', 'dispatched', 'delivered', 'collected']),
    recipient: z.string().nullable(),
    phone: z.string().nullable(),
    address: z.string().nullable(),
    regionCode: z.string().nullable(),
    carrier: z.string().nullable(),
    trackingNumber: z.string().nullable(),
    dispatchedAt: z.date().nullable(),
    completedAt: z.date().nullable(),
  })
  .nullable();
const Fee = z.object({
  id: z.uuid(),
  name: z.string(),
  basis: z.string(),
  amountFen: z.number().int(),
  status: z.enum(['due', 'paid', 'waived']),
  paymentRef: z.string().nullable(),
  setAt: z.date(),
  settledAt: z.date().nullable(),
});

export const resultsRoutes: FastifyPluginAsyncZod<{ deps: CasesDeps }> = async (app, { deps }) => {
  const window = requireRoles('window_clerk');

  const sendPdf = (reply: FastifyReply, { pdf, fileName }: { pdf: Uint8Array; fileName: string }) =>
    reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(fileName)}`)
      .header('cache-control', 'private, no-store')
      .send(Buffer.from(pdf));

  app.get(
    '/api/cases/:id/decision.pdf',
    {
      schema: {
        tags,
        summary:
          '决定书 The decision of a decided case as PDF (准予 / 不予许可 / 不予受理; 办结通知书 for items that are no 行政许可), sealed and signed',
        params: Id,
      },
    },
    async (request, reply) => sendPdf(reply, await decisionDocument(deps, request.actor, request.params.id)),
  );

  app.get(
    '/api/cases/:id/acceptance-receipt.pdf',
    {
      schema: {
        tags,
        summary:
          '受理通知书 The acceptance receipt of an accepted case as PDF (tracking code, promised date), sealed and signed',
        params: Id,
      },
    },
    async (request, reply) => sendPdf(reply, await acceptanceReceipt(deps, request.actor, request.params.id)),
  );

  app.put(
    '/api/cases/:id/delivery',
    {
      schema: {
        tags,
        summary: '选择送达方式 Choose how the result reaches the applicant (pickup, post, online)',
        params: Id,
        body: DeliveryChoice,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await chooseDelivery(deps, request.actor, request.params.id, request.body);
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
        params: Id,
        querystring: z.object({ full: z.enum(['true', 'false']).default('false') }),
        response: { 200: z.object({ delivery: Delivery }) },
      },
    },
    async (request) => ({
      delivery: await getDelivery(deps, request.actor, request.params.id, {
        full: request.query.full === 'true',
        ip: request.ip,
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
        params: Id,
        body: z.object({
          carrier: Text(50),
          trackingNumber: z
            .string()
            .trim()
            .regex(/^[A-Za-z0-9-]{6,40}$/),
        }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await completeDelivery(deps, request.actor, request.params.id, { kind: 'dispatch', ...request.body });
      return reply.code(204).send(null);
    },
  );
  for (const kind of ['delivered', 'collected'] as const) {
    app.post(
      `/api/cases/:id/delivery/${kind}`,
      {
        preHandler: window,
        schema: {
          tags,
          summary:
            kind === 'delivered'
              ? '已签收 The posted result was received'
              : '已领取 The result was collected at the window',
          params: Id,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await completeDelivery(deps, request.actor, (request.params as z.infer<typeof Id>).id, { kind });
        return reply.code(204).send(null);
      },
    );
  }

  app.get(
    '/api/cases/:id/fees',
    {
      schema: {
        tags,
        summary: '收费 Fees of a case',
        params: Id,
        response: { 200: z.object({ fees: z.array(Fee), dueFen: z.number().int() }) },
      },
    },
    async (request) => listFees(deps, request.actor, request.params.id),
  );
  app.post(
    '/api/cases/:id/fees',
    {
      preHandler: requireRoles('approver', 'department_head', 'window_clerk'),
      schema: {
        tags,
        summary: '核定收费 Set a fee due (amount in fen)',
        params: Id,
        body: z.object({
          name: Text(200),
          basis: z.string().trim().max(1000).default(''),
          amountFen: z.number().int().min(1).max(100_000_000),
        }),
        response: { 201: z.object({ id: z.uuid() }) },
      },
    },
    async (request, reply) => reply.code(201).send(await setFee(deps, request.actor, request.params.id, request.body)),
  );
  const FeeParams = z.object({ id: z.uuid(), feeId: z.uuid() });
  app.post(
    '/api/cases/:id/fees/:feeId/paid',
    {
      preHandler: window,
      schema: {
        tags,
        summary: '确认缴费 Record a payment by its 非税收入缴款书 number',
        params: FeeParams,
        body: z.object({
          paymentRef: z
            .string()
            .trim()
            .regex(/^[A-Za-z0-9-]{6,40}$/),
        }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await settleFee(deps, request.actor, request.params.id, request.params.feeId, {
        kind: 'paid',
        paymentRef: request.body.paymentRef,
      });
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
        body: z.object({ reason: Text(500) }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await settleFee(deps, request.actor, request.params.id, request.params.feeId, {
        kind: 'waived',
        reason: request.body.reason,
      });
      return reply.code(204).send(null);
    },
  );
};
