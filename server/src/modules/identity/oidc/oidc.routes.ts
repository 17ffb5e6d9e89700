/**
 * Single sign-on over HTTP: the provider mounted at `/oidc` (discovery at
 * `/oidc/.well-known/openid-configuration`), its interaction URL answered from the portal session,
 * and the administrators' client register at `/api/admin/oidc/clients`.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import type Provider from 'oidc-provider';
import type { InteractionResults } from 'oidc-provider';
import { invalid } from '../../../platform/errors.js';
import type { IdentityDeps } from '../identity.deps.js';
import { metaOf } from '../auth.routes.js';
import { recordAudit } from '../audit.js';
import { recordActingFor } from './accounts.js';
import { clientRoutes } from './clients.routes.js';
import { createProvider, OIDC_PREFIX } from './provider.js';

/** What Fastify's security-headers hook would have added; hijacked replies skip hooks. */
const HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

/**
 * oidc-provider is a Koa application: its routes take the raw request unparsed (no content-type
 * parser consumes the body) and write the raw response themselves. The `/oidc` prefix is moved to
 * `originalUrl`, which is how the provider learns its mount path.
 */
const mount: FastifyPluginAsync<{ provider: Provider; production: boolean }> = async (
  app,
  { provider, production },
) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, _payload, done) => done(null));
  const callback = provider.callback();
  const handler = (request: FastifyRequest, reply: FastifyReply) => {
    reply.hijack();
    const raw = request.raw as IncomingMessage & { originalUrl?: string };
    raw.originalUrl = raw.url;
    // The provider believes X-Forwarded-* (proxy on): give it what Fastify concluded from the declared proxies (TRUST_PROXY).
    raw.headers['x-forwarded-for'] = request.ip;
    raw.headers['x-forwarded-proto'] = request.protocol;
    raw.headers['x-forwarded-host'] = request.host;
    raw.url = raw.url!.slice(OIDC_PREFIX.length) || '/';
    reply.raw.setHeader('x-request-id', request.id);
    for (const [name, value] of Object.entries(HEADERS)) reply.raw.setHeader(name, value);
    if (production) reply.raw.setHeader('strict-transport-security', 'max-age=31536000; includeSubDomains');
    callback(raw, reply.raw).catch((err: unknown) => {
      request.log.error({ err }, 'OpenID provider failed');
      if (!reply.raw.headersSent) reply.raw.writeHead(500);
      reply.raw.end();
    });
  };
  const config = { schema: { hide: true } };
  app.all(OIDC_PREFIX, config, handler);
  app.all(`${OIDC_PREFIX}/*`, config, handler);
};

/** Ends the provider session an interaction began in and detaches the interaction from it. */
async function endProviderSession(provider: Provider, interactionUid: string, sessionUid: string): Promise<void> {
  const session = await provider.Session.findByUid(sessionUid);
  if (session) await session.destroy();
  const interaction = await provider.Interaction.find(interactionUid);
  if (!interaction) return;
  delete interaction.session;
  await interaction.save(Math.max(1, interaction.exp - Math.floor(Date.now() / 1000)));
}

export const oidcRoutes: FastifyPluginAsync<{ deps: IdentityDeps; publicUrl: string }> = async (
  app,
  { deps, publicUrl },
) => {
  const provider = await createProvider(deps, publicUrl);
  provider.on('server_error', (_ctx, error) => deps.log.error({ err: error }, 'oidc-provider server error'));

  await app.register(clientRoutes, { deps });
  await app.register(mount, { provider, production: deps.production });

  /**
   * The interaction: someone signed in on the portal (a person, or staff) is signed in to the
   * provider as that account and, the clients being first-party government systems, grants the
   * requested scopes; anyone else is sent to the portal's sign-in page, which comes back here.
   */
  app.get(`${OIDC_PREFIX}/interaction/:uid`, { schema: { hide: true } }, async (request, reply) => {
    let details: Awaited<ReturnType<Provider['interactionDetails']>>;
    try {
      details = await provider.interactionDetails(request.raw, reply.raw);
    } catch {
      throw invalid('IDENTITY.OIDC_INTERACTION_EXPIRED', {
        zh: '登录请求已过期，请返回原系统重新登录',
        en: 'The sign-in request has expired; go back to the application and sign in again',
      });
    }
    const actor = request.actor;
    if (actor.via !== 'session' || !actor.id || (actor.kind !== 'person' && actor.kind !== 'staff')) {
      const returnTo = `${OIDC_PREFIX}/interaction/${encodeURIComponent(details.uid)}`;
      return reply.redirect(`/login?returnTo=${encodeURIComponent(returnTo)}`, 303);
    }
    const clientId = String(details.params.client_id);
    const meta = metaOf(request);
    const who = { id: actor.id, kind: actor.kind, onBehalfOf: actor.actingFor?.enterpriseId ?? null };
    await recordActingFor(deps, clientId, actor.id, actor.actingFor?.enterpriseId ?? null);

    let result: InteractionResults;
    if (details.prompt.name === 'consent' && details.session?.accountId === actor.id) {
      const grant = details.grantId
        ? await provider.Grant.find(details.grantId)
        : new provider.Grant({ accountId: actor.id, clientId });
      if (!grant)
        throw invalid('IDENTITY.OIDC_INTERACTION_EXPIRED', {
          zh: '登录请求已过期，请返回原系统重新登录',
          en: 'The sign-in request has expired; go back to the application and sign in again',
        });
      const missing = details.prompt.details as {
        missingOIDCScope?: string[];
        missingOIDCClaims?: string[];
        missingResourceScopes?: Record<string, string[]>;
      };
      if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
      if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
      for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {}))
        grant.addResourceScope(indicator, scopes.join(' '));
      const grantId = await grant.save();
      await recordAudit(
        deps,
        deps.db,
        who,
        'identity.oidc-grant-recorded',
        { type: 'oidc_client', id: clientId },
        meta,
        { detail: { grantId, scopes: missing.missingOIDCScope ?? [] } },
      );
      result = { consent: { grantId } };
    } else {
      // A login prompt, or a provider session of someone other than whoever is signed in now: that
      // session ends here rather than through the provider's auto-submitted logout form.
      if (details.session?.accountId && details.session.accountId !== actor.id)
        await endProviderSession(provider, details.uid, details.session.uid);
      await recordAudit(deps, deps.db, who, 'identity.oidc-signed-in', { type: 'oidc_client', id: clientId }, meta);
      result = { login: { accountId: actor.id } };
    }
    const redirectTo = await provider.interactionResult(request.raw, reply.raw, result, {
      mergeWithLastSubmission: false,
    });
    return reply.redirect(redirectTo, 303);
  });
};
