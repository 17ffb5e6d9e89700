/** 投诉举报: `/api/complaints` (residents), `/api/supervision/complaints` (heads and supervisors). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRoles } from '../../platform/http/auth.js';
import { NoContent } from '../../../../contracts/http.js';
import {
  AnswerComplaint,
  CloseComplaint,
  ComplaintFiled,
  ComplaintQueue,
  ComplaintQueueQuery,
  MyComplaints,
  NewComplaint,
} from '../../../../contracts/complaints.js';
import type { SupervisionDeps } from './supervision.deps.js';
import { answerComplaint, closeComplaint, complaintQueue, fileComplaint, myComplaints } from './complaints.service.js';

const tags = ['supervision 投诉举报'];
const Id = z.object({ id: z.uuid() });

export const supervisionRoutes: FastifyPluginAsyncZod<{ deps: SupervisionDeps }> = async (app, { deps }) => {
  const handlers = requireRoles('supervisor', 'department_head');

  app.post(
    '/api/complaints',
    {
      schema: {
        tags,
        summary: '投诉、举报或建议 Complain about a case of mine or a department, report misconduct, or suggest',
        body: NewComplaint,
        response: { 201: ComplaintFiled },
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
        response: { 200: MyComplaints },
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
        body: CloseComplaint,
        response: { 204: NoContent },
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
        querystring: ComplaintQueueQuery,
        response: { 200: ComplaintQueue },
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
        body: AnswerComplaint,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await answerComplaint(deps, request.actor, request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );
};
