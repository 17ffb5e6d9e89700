/**
 * Relying parties of single sign-on (department systems, the mobile app, partner channels),
 * registered by system administrators. A confidential client gets a secret, shown once and stored
 * encrypted; a public client (the mobile app) has none. Every client uses authorization code with
 * PKCE; client credentials only for confidential clients.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { ClientMetadata } from 'oidc-provider';
import type { Actor } from '../../../platform/context.js';
import { invalid, notFound, type FieldError, forbidden } from '../../../platform/errors.js';
import type { IdentityDeps } from '../identity.deps.js';
import { recordAudit, type RequestMeta } from '../audit.js';
import { oq } from './oidc.tables.js';

import { OIDC_GRANT_TYPES } from '../../../../../contracts/identity-api.js';

export { OIDC_GRANT_TYPES };
export type OidcGrantType = (typeof OIDC_GRANT_TYPES)[number];

/** Scopes every client may ask for; what a person sees of themselves is decided per scope. */
export const CLIENT_SCOPES = 'openid offline_access profile phone enterprise';

export interface NewOidcClient {
  name: string;
  redirectUris: string[];
  grantTypes: OidcGrantType[];
  /** A public client (an app on the person's device) has no secret. */
  public: boolean;
  idTokenAlg: 'ES256' | 'RS256';
}

export interface OidcClientSummary {
  clientId: string;
  name: string;
  redirectUris: string[];
  grantTypes: string[];
  public: boolean;
  idTokenAlg: 'ES256' | 'RS256';
  createdAt: Date;
  disabledAt: Date | null;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** https anywhere; http only to the machine itself (development, native apps' loopback). */
function redirectUriProblem(uri: string): string | undefined {
  let u: URL;
  try {
    u = new URL(uri);
  } catch {
    return 'not a URL';
  }
  if (u.hash) return 'has a fragment';
  if (u.username || u.password) return 'has credentials';
  if (u.protocol === 'https:') return undefined;
  if (u.protocol === 'http:' && LOOPBACK.has(u.hostname)) return undefined;
  return 'not https (http is allowed for localhost only)';
}

function check(input: NewOidcClient): FieldError[] {
  const errors: FieldError[] = [];
  const grants = new Set(input.grantTypes);
  input.redirectUris.forEach((uri, i) => {
    const problem = redirectUriProblem(uri);
    if (problem)
      errors.push({
        field: `redirectUris.${i}`,
        code: 'IDENTITY.OIDC_BAD_REDIRECT_URI',
        message: { zh: '回调地址须为 https（仅本机地址可用 http），且不含片段', en: `Redirect URI ${problem}` },
      });
  });
  if (grants.has('authorization_code') && input.redirectUris.length === 0) {
    errors.push({
      field: 'redirectUris',
      code: 'IDENTITY.OIDC_REDIRECT_URI_REQUIRED',
      message: { zh: '授权码模式至少需要一个回调地址', en: 'Authorization code needs at least one redirect URI' },
    });
  }
  if (!grants.has('authorization_code') && input.redirectUris.length > 0) {
    errors.push({
      field: 'redirectUris',
      code: 'IDENTITY.OIDC_REDIRECT_URI_UNUSED',
      message: { zh: '仅授权码模式使用回调地址', en: 'Redirect URIs are used by authorization code only' },
    });
  }
  if (grants.has('refresh_token') && !grants.has('authorization_code')) {
    errors.push({
      field: 'grantTypes',
      code: 'IDENTITY.OIDC_REFRESH_NEEDS_CODE',
      message: { zh: '刷新令牌须与授权码模式同时使用', en: 'refresh_token needs authorization_code' },
    });
  }
  if (grants.has('client_credentials') && input.public) {
    errors.push({
      field: 'grantTypes',
      code: 'IDENTITY.OIDC_PUBLIC_CLIENT_CREDENTIALS',
      message: { zh: '公开客户端不能使用客户端凭证模式', en: 'A public client cannot use client_credentials' },
    });
  }
  return errors;
}

export async function registerClient(
  deps: IdentityDeps,
  actor: Actor,
  input: NewOidcClient,
  meta: RequestMeta,
): Promise<{ clientId: string; clientSecret: string | null }> {
  // A client signs people in across the whole province: only province-level administrators register one.
  if (!actor.regionScope || actor.regionScope.length !== 2) {
    throw forbidden('IDENTITY.OIDC_PROVINCE_ONLY', {
      zh: '单点登录客户端仅限省级系统管理员登记',
      en: 'Only province-level administrators register sign-on clients',
    });
  }
  const errors = check(input);
  if (errors.length > 0)
    throw invalid(
      'IDENTITY.OIDC_BAD_CLIENT',
      { zh: '客户端登记信息有误', en: 'The client registration is invalid' },
      errors,
    );
  const clientId = `tbc_${randomBytes(16).toString('base64url')}`;
  const clientSecret = input.public ? null : randomBytes(32).toString('base64url');
  await deps.db.transaction().execute(async (trx) => {
    await oq(trx)
      .insertInto('identity.oidcClient')
      .values({
        clientId,
        name: input.name,
        redirectUris: [...new Set(input.redirectUris)],
        grantTypes: [...new Set(input.grantTypes)],
        public: input.public,
        secretEnc: clientSecret === null ? null : deps.cipher.encrypt(clientSecret),
        idTokenAlg: input.idTokenAlg,
        createdBy: actor.id!,
        disabledAt: null,
      })
      .execute();
    await recordAudit(
      deps,
      trx,
      actor,
      'identity.oidc-client-registered',
      { type: 'oidc_client', id: clientId },
      meta,
      {
        detail: {
          name: input.name,
          redirectUris: input.redirectUris,
          grantTypes: input.grantTypes,
          public: input.public,
        },
      },
    );
  });
  return { clientId, clientSecret };
}

export async function listClients(deps: IdentityDeps): Promise<OidcClientSummary[]> {
  return oq(deps.db)
    .selectFrom('identity.oidcClient')
    .select(['clientId', 'name', 'redirectUris', 'grantTypes', 'public', 'idTokenAlg', 'createdAt', 'disabledAt'])
    .orderBy('createdAt', 'desc')
    .execute();
}

/** Disables the client and ends what was issued to it (sessions of people stay). */
export async function disableClient(
  deps: IdentityDeps,
  actor: Actor,
  clientId: string,
  meta: RequestMeta,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await oq(trx)
      .updateTable('identity.oidcClient')
      .set({ disabledAt: deps.now() })
      .where('clientId', '=', clientId)
      .where('disabledAt', 'is', null)
      .returning('clientId')
      .executeTakeFirst();
    if (!row) throw notFound('IDENTITY.OIDC_NO_CLIENT', { zh: '客户端不存在或已停用', en: 'No such active client' });
    await oq(trx)
      .deleteFrom('identity.oidcPayload')
      .where('kind', 'in', ['AccessToken', 'RefreshToken', 'AuthorizationCode', 'ClientCredentials', 'Grant'])
      .where(sql<string>`payload->>'clientId'`, '=', clientId)
      .execute();
    await recordAudit(deps, trx, actor, 'identity.oidc-client-disabled', { type: 'oidc_client', id: clientId }, meta);
  });
}

/** The client as oidc-provider sees it; undefined when unknown or disabled. */
export async function clientMetadata(
  deps: Pick<IdentityDeps, 'db' | 'cipher'>,
  clientId: string,
): Promise<ClientMetadata | undefined> {
  if (!/^tbc_[A-Za-z0-9_-]{22}$/.test(clientId)) return undefined;
  const c = await oq(deps.db)
    .selectFrom('identity.oidcClient')
    .selectAll()
    .where('clientId', '=', clientId)
    .where('disabledAt', 'is', null)
    .executeTakeFirst();
  if (!c) return undefined;
  const code = c.grantTypes.includes('authorization_code');
  return {
    client_id: c.clientId,
    client_name: c.name,
    ...(c.secretEnc
      ? { client_secret: deps.cipher.decrypt(c.secretEnc), token_endpoint_auth_method: 'client_secret_basic' }
      : { token_endpoint_auth_method: 'none' }),
    application_type: 'web',
    redirect_uris: c.redirectUris,
    grant_types: c.grantTypes,
    response_types: code ? ['code'] : [],
    scope: CLIENT_SCOPES,
    id_token_signed_response_alg: c.idTokenAlg,
  };
}
