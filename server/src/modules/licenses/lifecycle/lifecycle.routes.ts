/** Departments' licences: issue directly, find one issued, revoke/suspend/reinstate, renew and change; rotate keys. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ChangeRequest,
  Id,
  IssuedLicense,
  IssuedQuery,
  IssueRequest,
  KeyRotationParams,
  KeysRotated,
  LicenseIssued,
  ReasonRequest,
  STATUS_STEPS,
  StatusChanged,
} from '../../../../../contracts/licenses.js';
import { requireRoles } from '../../../platform/http/auth.js';
import type { LicensesDeps } from '../licenses.deps.js';
import { issueDirectly } from '../issue/direct.service.js';
import { rotateDepartmentKeys } from '../signing/rotation.service.js';
import { changeStatus, findIssuedLicense, replaceLicense } from './lifecycle.service.js';

const tags = ['licenses 证照通'];
const STEP_SUMMARY = {
  revoke: '注销 Revoke (final)',
  suspend: '中止 Suspend',
  reinstate: '恢复 Reinstate a suspended licence',
} as const;

export const lifecycleRoutes: FastifyPluginAsyncZod<{ deps: LicensesDeps }> = async (app, { deps }) => {
  const issuers = requireRoles('approver', 'department_head');
  const issued = (l: { id: string; number: string }) => ({ id: l.id, number: l.number });

  app.post(
    '/api/licenses',
    {
      preHandler: issuers,
      schema: {
        tags,
        summary: '签发 Issue a licence directly (a department authorised for its type)',
        body: IssueRequest,
        response: { 201: LicenseIssued },
      },
    },
    async (request, reply) => reply.code(201).send(issued(await issueDirectly(deps, request.actor, request.body))),
  );

  app.get(
    '/api/licenses/issued',
    {
      preHandler: issuers,
      schema: {
        tags,
        summary: '本机关证照查询 A licence my department issued, by its number (to revoke, suspend or reinstate it)',
        querystring: IssuedQuery,
        response: { 200: IssuedLicense },
      },
    },
    async (request) => findIssuedLicense(deps, request.actor, request.query.number),
  );

  for (const step of STATUS_STEPS) {
    app.post(
      `/api/licenses/:id/${step}`,
      {
        preHandler: issuers,
        schema: {
          tags,
          summary: STEP_SUMMARY[step],
          params: Id,
          body: ReasonRequest,
          response: { 200: StatusChanged },
        },
      },
      async (request) =>
        changeStatus(deps, request.actor, { id: request.params.id, step, reason: request.body.reason }),
    );
  }

  // 延续 and 变更: a new version replaces the licence (a new term, or changed data).
  for (const [step, how, body, summary] of [
    ['renew', 'renewed', ReasonRequest, '延续 Renew: a new version with a new term'],
    ['change', 'changed', ChangeRequest, '变更 Change: a new version with changed data'],
  ] as const) {
    app.post(
      `/api/licenses/:id/${step}`,
      { preHandler: issuers, schema: { tags, summary, params: Id, body, response: { 201: LicenseIssued } } },
      async (request, reply) =>
        reply
          .code(201)
          .send(issued(await replaceLicense(deps, request.actor, { id: request.params.id, how, ...request.body }))),
    );
  }

  app.post(
    '/api/admin/licenses/keys/:departmentId/rotate',
    {
      preHandler: requireRoles('system_admin'),
      schema: {
        tags,
        summary: '轮换签名密钥 Rotate a department’s signing keys (the old ones stay published)',
        params: KeyRotationParams,
        response: { 200: KeysRotated },
      },
    },
    async (request) =>
      rotateDepartmentKeys(deps, request.actor, { departmentId: request.params.departmentId, ip: request.ip }),
  );
};
