/** 用证: departments read a licence within a case or by consent; holders see every use and grant or revoke consents. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { NoContent } from '../../../../../contracts/http.js';
import {
  ConsentGranted,
  ConsentRequest,
  Consents,
  Id,
  LicenseUses,
  StaffView,
  UseQuery,
} from '../../../../../contracts/licenses.js';
import { requireRoles } from '../../../platform/http/auth.js';
import type { LicensesDeps } from '../licenses.deps.js';
import { grantConsent, listConsents, revokeConsent } from './consent.service.js';
import { listUses, useLicense } from './use.service.js';

const tags = ['licenses 证照通'];

export const useRoutes: FastifyPluginAsyncZod<{ deps: LicensesDeps }> = async (app, { deps }) => {
  app.get(
    '/api/me/licenses/:id/uses',
    {
      schema: {
        tags,
        summary: '用证记录 Who used this licence of mine, when and why',
        params: Id,
        response: { 200: LicenseUses },
      },
    },
    async (request) => ({ uses: await listUses(deps, request.actor, { licenseId: request.params.id }) }),
  );

  app.get(
    '/api/me/license-uses',
    { schema: { tags, summary: '用证记录 Every use of my licences', response: { 200: LicenseUses } } },
    async (request) => ({ uses: await listUses(deps, request.actor) }),
  );

  app.get(
    '/api/me/license-consents',
    {
      schema: {
        tags,
        summary: '我的用证授权 Consents I granted to departments',
        response: { 200: Consents },
      },
    },
    async (request) => ({ consents: await listConsents(deps, request.actor) }),
  );

  app.post(
    '/api/me/license-consents',
    {
      schema: {
        tags,
        summary: '授权用证 Let a department use my licences of these types for a purpose until a date',
        body: ConsentRequest,
        response: { 201: ConsentGranted },
      },
    },
    async (request, reply) => reply.code(201).send(await grantConsent(deps, request.actor, request.body)),
  );

  app.delete(
    '/api/me/license-consents/:id',
    { schema: { tags, summary: '撤销授权 Revoke a consent', params: Id, response: { 204: NoContent } } },
    async (request, reply) => {
      await revokeConsent(deps, request.actor, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/licenses/:id',
    {
      preHandler: requireRoles('window_clerk', 'approver', 'department_head'),
      schema: {
        tags,
        summary:
          '用证 Read a licence within a case its holder applied for, or with the holder’s consent (logged and shown to the holder)',
        params: Id,
        querystring: UseQuery,
        response: { 200: StaffView },
      },
    },
    async (request) => useLicense(deps, request.actor, { id: request.params.id, ...request.query }),
  );
};
