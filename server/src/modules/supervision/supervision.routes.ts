/** 投诉举报: `/api/complaints` (residents), `/api/supervision/complaints` (heads and supervisors). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRoles } from '../../platform/http/auth.js';
import type { SupervisionDeps } from './supervision.deps.js';
import { answerComplaint, closeComplaint, complaintQueue, fileComplaint, myComplaints } from './complaints.service.js';

const tags = ['supervision 投诉举报'];
const Id = z.object({ id: z.uuid() });
const Text = (max: number) => z.string().trim().min(1).max(max);
const Kind = z.enum(['complaint', 'report', 'suggestion']);
const Status = z.enum(['open', 'answered', 'closed']);
const Complaint = z.object({
  id: z.uuid(),
  reference: z.string(),
  kind: Kind,
  subject: z.string(),
  content: z.string(),
  caseId: z.uuid().nullable(),
  departmentId: z.uuid(),
  status: Status,
  dueOn: z.string(),
  reply: z.string().nullable(),
  repliedAt: z.date().nullable(),
  satisfaction: z.number().int().nullable(),
  createdAt: z.date(),
  version: z.number().int(),
});

export const supervisionRoutes: FastifyPluginAsyncZod<{ deps: SupervisionDeps }> = async (app, { deps }) => {
  const handlers = requireRoles('supervisor', 'department_head');

  app.post(
    '/api/complaints',
    {
      schema: {
        tags,
        summary: '投诉、举报或建议 Complain about a case of mine or a department, report misconduct, or suggest',
        body: z.object({
          kind: Kind,
          subject: Text(100),
          content: Text(4000),
          caseId: z.uuid().optional(),
          departmentId: z.uuid().optional(),
          hideIdentity: z.boolean().default(false),
        }),
        response: { 201: z.object({ id: z.uuid(), reference: z.string(), dueOn: z.string() }) },
      },
    },
    async (request, reply) => reply.code(201).send(await fileComplaint(deps, request.actor, request.body)),
  );
  app.get(
    '/api/me/complaints',
    {
      schema: {
        tags,
        summary: '我的投诉 My complaints and their answers',
        response: { 200: z.object({ complaints: z.array(Complaint) }) },
      },
    },
    async (request) => ({
      complaints: await myComplaints(deps, request.actor),
    }),
  );
  app.post(
    '/api/me/complaints/:id/close',
    {
      schema: {
        tags,
        summary: '办结评价 Close an answered complaint with my satisfaction (1–5)',
        params: Id,
        body: z.object({ satisfaction: z.number().int().min(1).max(5) }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await closeComplaint(deps, request.actor, request.params.id, request.body.satisfaction);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/api/supervision/complaints',
    {
      preHandler: handlers,
      schema: {
        tags,
        summary: '投诉处理 Complaints to answer in my scope, most urgent first',
        querystring: z.object({ status: Status.optional() }),
        response: {
          200: z.object({
            complaints: z.array(Complaint.extend({ complainant: z.string().nullable(), overdue: z.boolean() })),
          }),
        },
      },
    },
    async (request) => ({ complaints: await complaintQueue(deps, request.actor, request.query.status) }),
  );
  app.post(
    '/api/supervision/complaints/:id/answer',
    {
      preHandler: handlers,
      schema: {
        tags,
        summary: '答复 Answer a complaint',
        params: Id,
        body: z.object({ version: z.number().int().min(1), reply: Text(4000) }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await answerComplaint(deps, request.actor, request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );
};
