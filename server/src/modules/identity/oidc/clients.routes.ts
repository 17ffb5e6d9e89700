/** The register of single sign-on clients: `/api/admin/oidc/clients` (role `system_admin`; audited). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRoles } from '../../../platform/http/auth.js';
import type { IdentityDeps } from '../identity.deps.js';
import { metaOf } from '../auth.routes.js';
import { disableClient, listClients, registerClient } from './clients.service.js';
import { OidcClientInput, OidcClientList, OidcClientRegistered } from '../../../../../contracts/identity-api.js';
import { NoContent } from '../../../../../contracts/http.js';

const tags = ['identity-admin 人员与审计'];
const security = [{ bearer: [] }];

export const clientRoutes: FastifyPluginAsyncZod<{ deps: IdentityDeps }> = async (app, { deps }) => {
  const systemAdmin = requireRoles('system_admin');

  app.post(
    '/api/admin/oidc/clients',
    {
      preHandler: systemAdmin,
      schema: {
        tags,
        security,
        summary: '登记单点登录客户端 Register a single sign-on client (the secret is shown once)',
        description:
          'Redirect URIs must be https (http for localhost only). Every client uses authorization code with PKCE; client_credentials for confidential clients only.',
        body: OidcClientInput,
        response: { 201: OidcClientRegistered },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await registerClient(deps, request.actor, request.body, metaOf(request))),
  );

  app.get(
    '/api/admin/oidc/clients',
    {
      preHandler: systemAdmin,
      schema: {
        tags,
        security,
        summary: '单点登录客户端 Single sign-on clients (no secrets)',
        response: { 200: OidcClientList },
      },
    },
    async () => ({ clients: await listClients(deps) }),
  );

  app.delete(
    '/api/admin/oidc/clients/:clientId',
    {
      preHandler: systemAdmin,
      schema: {
        tags,
        security,
        summary: '停用客户端 Disable a client and revoke its tokens',
        params: z.object({ clientId: z.string().max(64) }),
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await disableClient(deps, request.actor, request.params.clientId, metaOf(request));
      return reply.code(204).send(null);
    },
  );
};
