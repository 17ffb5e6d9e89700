/**
 * The OpenID Connect provider (统一身份认证) of Tongban, built on oidc-provider: authorization code
 * with PKCE for every client, refresh tokens with `offline_access`, client credentials for
 * confidential clients, introspection and revocation. People sign in on the portal, never on a
 * page of the provider: the interaction URL is answered from the portal session.
 */
import Provider, { interactionPolicy, type KoaContextWithOIDC } from 'oidc-provider';
import type { IdentityDeps } from '../identity.deps.js';
import { resolveSession, SESSION_COOKIE, SESSION_HOURS } from '../sessions/sessions.js';
import { findAccount, findActingFor, OIDC_CLAIMS, OIDC_SCOPES } from './accounts.js';
import { pgAdapterFactory } from './adapter.js';
import { cookieKeys, loadSigningKeys } from './keys.js';

export const OIDC_PREFIX = '/oidc';

/**
 * The provider session follows the portal session: an authorization request goes to the
 * interaction (or fails with login_required under prompt=none) when the portal session has ended,
 * belongs to someone else, or acts for another enterprise than when this client was last signed in
 * to. A shared device (a bank kiosk) therefore never hands out the previous person's identity.
 */
function portalSessionCheck(deps: IdentityDeps) {
  return new interactionPolicy.Check(
    'portal_session',
    'the Tongban session has ended or belongs to another account',
    'login_required',
    async (ctx: KoaContextWithOIDC) => {
      const accountId = ctx.oidc.session?.accountId;
      if (!accountId) return interactionPolicy.Check.REQUEST_PROMPT;
      const token = ctx.cookies.get(SESSION_COOKIE, { signed: false });
      const portal = token
        ? await resolveSession(deps.db, token, deps.now(), {
            idleMinutes: deps.policy.idleMinutes,
            auditKey: deps.auditKey,
          })
        : undefined;
      if (!portal || portal.actor.id !== accountId) return interactionPolicy.Check.REQUEST_PROMPT;
      const clientId = ctx.oidc.client?.clientId;
      if (
        clientId &&
        (await findActingFor(deps, clientId, accountId)) !== (portal.actor.actingFor?.enterpriseId ?? null)
      )
        return interactionPolicy.Check.REQUEST_PROMPT;
      return interactionPolicy.Check.NO_NEED_TO_PROMPT;
    },
  );
}

export async function createProvider(deps: IdentityDeps, publicUrl: string): Promise<Provider> {
  const policy = interactionPolicy.base();
  policy.get('login')!.checks.push(portalSessionCheck(deps));

  const provider = new Provider(`${publicUrl}${OIDC_PREFIX}`, {
    adapter: pgAdapterFactory(deps),
    clients: [],
    jwks: { keys: await loadSigningKeys(deps) },
    cookies: { keys: cookieKeys(deps.auditKey) },
    findAccount: findAccount(deps),
    scopes: OIDC_SCOPES,
    claims: OIDC_CLAIMS,
    responseTypes: ['code'],
    pkce: { required: () => true },
    enabledJWA: { idTokenSigningAlgValues: ['ES256', 'RS256'] },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      introspection: { enabled: true },
      revocation: { enabled: true },
      rpInitiatedLogout: { enabled: true },
    },
    interactions: { url: (_ctx, interaction) => `${OIDC_PREFIX}/interaction/${interaction.uid}`, policy },
    // A provider session never outlives the longest portal session.
    ttl: {
      Session: SESSION_HOURS.person * 3600,
      Interaction: 600,
      AuthorizationCode: 60,
      AccessToken: 600,
      IdToken: 600,
      ClientCredentials: 600,
      RefreshToken: 14 * 86_400,
      Grant: 14 * 86_400,
    },
    // Browser-based clients may call the token and userinfo endpoints from their registered origins.
    clientBasedCORS: (_ctx, origin, client) =>
      client.redirectUris?.some((uri) => new URL(uri).origin === origin) ?? false,
    renderError: async (ctx, out) => {
      ctx.type = 'application/json; charset=utf-8';
      ctx.body = out;
    },
  });
  // oidc.routes.ts overwrites X-Forwarded-* with what Fastify concluded from the declared proxies (TRUST_PROXY).
  provider.proxy = true;
  return provider;
}
