/**
 * For resource servers inside Tongban (the exchange's API for department systems): the client
 * behind an OAuth 2.0 client-credentials access token. The provider issues opaque tokens and keeps
 * them in its storage (`oidc_payload`, kind `ClientCredentials`, keyed by the token itself); this
 * answers what RFC 7662 introspection would — active or not, and for which client — without the
 * HTTP round trip. A token is active while unexpired and its client is registered and enabled
 * (disabling a client also deletes its tokens).
 */
import { sql } from 'kysely';
import type { IdentityDeps } from '../identity.deps.js';
import { oq } from './oidc.tables.js';

export async function verifyClientAccessToken(
  deps: Pick<IdentityDeps, 'db' | 'now'>,
  token: string,
): Promise<{ clientId: string; scope: string } | undefined> {
  if (!/^[A-Za-z0-9_-]{20,128}$/.test(token)) return undefined;
  const row = await oq(deps.db)
    .selectFrom('identity.oidcPayload as p')
    .innerJoin('identity.oidcClient as c', (j) => j.on(sql<boolean>`c.client_id = p.payload->>'clientId'`))
    .select(['c.clientId', sql<string>`coalesce(p.payload->>'scope', '')`.as('scope')])
    .where('p.kind', '=', 'ClientCredentials')
    .where('p.id', '=', token)
    .where('p.expiresAt', '>', deps.now())
    .where('c.disabledAt', 'is', null)
    .executeTakeFirst();
  return row ? { clientId: row.clientId, scope: row.scope } : undefined;
}
