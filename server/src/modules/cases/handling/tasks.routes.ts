/**
 * Department tasks (并联审批): the workbench queue, 同意, 退回, 不予许可, 特别程序 and resuming, 认领,
 * 转办, 办理意见, and 延期 asked for and decided.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CaseIdParams,
  ClaimRequest,
  ExtensionDecided,
  ExtensionRequest,
  ExtensionRequested,
  OpinionRequest,
  ReassignRequest,
  RefuseTaskRequest,
  Resumed,
  SuspendRequest,
  TaskStepRequest,
} from '../../../../../contracts/case-steps.js';
import { WorkQueue, WorkQueueQuery } from '../../../../../contracts/case-views.js';
import { NoContent } from '../../../../../contracts/http.js';
import { requireRoles } from '../../../platform/http/auth.js';
import type { CasesDeps } from '../cases.deps.js';
import { approveTask, refuseTask, resumeCase, returnTask, suspendCase } from './tasks.service.js';
import { addOpinion, claimTask, decideExtension, reassignTask, requestExtension } from './task-work.service.js';
import { taskQueue, windowQueue } from './read.service.js';

const tags = ['cases 审批服务'];
const Id = CaseIdParams;
const response = { 204: NoContent };

export const tasksRoutes: FastifyPluginAsyncZod<{ deps: CasesDeps }> = async (app, { deps }) => {
  const approvers = requireRoles('approver', 'department_head');
  const head = requireRoles('department_head');

  app.get(
    '/api/tasks',
    {
      preHandler: requireRoles('window_clerk', 'approver', 'department_head'),
      schema: {
        tags,
        summary: '工作台队列 My queue: open tasks (queue=tasks) or the window (queue=window), most urgent first',
        querystring: WorkQueueQuery,
        response: { 200: WorkQueue },
      },
    },
    async (request) => ({
      items:
        request.query.queue === 'window'
          ? await windowQueue(deps, request.actor, request.query)
          : await taskQueue(deps, request.actor, request.query),
    }),
  );

  app.post(
    '/api/tasks/:id/approve',
    {
      preHandler: approvers,
      schema: { tags, summary: '同意 Approve the task', params: Id, body: TaskStepRequest, response },
    },
    async (request, reply) => {
      await approveTask(deps, request.actor, { taskId: request.params.id, input: request.body });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/tasks/:id/return',
    {
      preHandler: approvers,
      schema: {
        tags,
        summary: '退回 Return the case to the previous stage',
        params: Id,
        body: TaskStepRequest,
        response,
      },
    },
    async (request, reply) => {
      await returnTask(deps, request.actor, { taskId: request.params.id, input: request.body });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/tasks/:id/refuse',
    {
      preHandler: approvers,
      schema: { tags, summary: '不予许可 Refuse, with the legal basis', params: Id, body: RefuseTaskRequest, response },
    },
    async (request, reply) => {
      await refuseTask(deps, request.actor, { taskId: request.params.id, input: request.body });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/tasks/:id/suspend',
    {
      preHandler: approvers,
      schema: {
        tags,
        summary: '特别程序 Suspend for a hearing, expert review, inspection or public notice (the clock stops)',
        params: Id,
        body: SuspendRequest,
        response,
      },
    },
    async (request, reply) => {
      await suspendCase(deps, request.actor, { taskId: request.params.id, input: request.body });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/cases/:id/resume',
    {
      preHandler: approvers,
      schema: {
        tags,
        summary: '结束特别程序 Resume after a special procedure',
        params: Id,
        response: { 200: Resumed },
      },
    },
    async (request) => resumeCase(deps, request.actor, request.params.id),
  );

  app.post(
    '/api/tasks/:id/claim',
    {
      preHandler: approvers,
      schema: { tags, summary: '认领 Claim the task', params: Id, body: ClaimRequest, response },
    },
    async (request, reply) => {
      await claimTask(deps, request.actor, { taskId: request.params.id, version: request.body.version });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/tasks/:id/reassign',
    {
      preHandler: head,
      schema: {
        tags,
        summary: '转办 Give the task to a colleague (department head)',
        params: Id,
        body: ReassignRequest,
        response,
      },
    },
    async (request, reply) => {
      await reassignTask(deps, request.actor, { taskId: request.params.id, input: request.body });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/tasks/:id/opinions',
    {
      preHandler: approvers,
      schema: { tags, summary: '办理意见 Add an opinion', params: Id, body: OpinionRequest, response },
    },
    async (request, reply) => {
      await addOpinion(deps, request.actor, { taskId: request.params.id, text: request.body.text });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/tasks/:id/extend',
    {
      preHandler: approvers,
      schema: {
        tags,
        summary: '申请延期 Ask for more working days (a department head decides; at most 10)',
        params: Id,
        body: ExtensionRequest,
        response: { 201: ExtensionRequested },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await requestExtension(deps, request.actor, { taskId: request.params.id, input: request.body })),
  );

  for (const [step, summary] of [
    ['approve', '批准延期 Approve an extension (due dates move)'],
    ['refuse', '不批准延期 Refuse an extension'],
  ] as const) {
    app.post(
      `/api/extensions/:id/${step}`,
      { preHandler: head, schema: { tags, summary, params: Id, response: { 200: ExtensionDecided } } },
      async (request) =>
        decideExtension(deps, request.actor, { extensionId: request.params.id, approve: step === 'approve' }),
    );
  }
};
