/**
 * Who a relying party learns about: `sub` is the account id (a person's or a staff member's);
 * `profile` adds the name, locale and real-name level; `phone` the masked mobile number;
 * `enterprise` the enterprise the person acted for when signing in to that client, while the
 * authorisation lasts. The ID number is never released. Every read of claims is audited.
 */
import type { Account, AccountClaims, FindAccount, KoaContextWithOIDC } from 'oidc-provider';
import { maskPhone } from '../../../platform/privacy/index.js';
import type { IdentityDeps } from '../identity.deps.js';
import { recordAudit } from '../audit.js';
import { iq } from '../identity.tables.js';
import { liveAuthorisation } from '../sessions/sessions.js';
import { oq } from './oidc.tables.js';

export const OIDC_SCOPES = ['openid', 'offline_access', 'profile', 'phone', 'enterprise'];

export const OIDC_CLAIMS = {
  profile: ['name', 'locale', 'tongban_real_name_level', 'tongban_account_kind'],
  phone: ['phone_number', 'phone_number_verified'],
  enterprise: ['tongban_enterprise'],
};

/** Remembers whom the person acted for when they signed in to the client (null: for themselves). */
export async function recordActingFor(
  deps: Pick<IdentityDeps, 'db' | 'now'>,
  clientId: string,
  accountId: string,
  enterpriseId: string | null,
): Promise<void> {
  const updatedAt = deps.now();
  await oq(deps.db)
    .insertInto('identity.oidcActingFor')
    .values({ clientId, accountId, enterpriseId, updatedAt })
    .onConflict((oc) => oc.columns(['clientId', 'accountId']).doUpdateSet({ enterpriseId, updatedAt }))
    .execute();
}

export async function findActingFor(
  deps: Pick<IdentityDeps, 'db'>,
  clientId: string,
  accountId: string,
): Promise<string | null | undefined> {
  const row = await oq(deps.db)
    .selectFrom('identity.oidcActingFor')
    .select('enterpriseId')
    .where('clientId', '=', clientId)
    .where('accountId', '=', accountId)
    .executeTakeFirst();
  return row ? row.enterpriseId : undefined;
}

export function findAccount(deps: IdentityDeps): FindAccount {
  return async (ctx: KoaContextWithOIDC, sub: string): Promise<Account | undefined> => {
    if (!/^[0-9a-f-]{36}$/i.test(sub)) return undefined;
    const person = await iq(deps.db)
      .selectFrom('identity.personAccount')
      .select(['id', 'name', 'realNameLevel', 'language', 'phoneEnc'])
      .where('id', '=', sub)
      .where('active', '=', true)
      .executeTakeFirst();
    const staff = person
      ? undefined
      : await iq(deps.db)
          .selectFrom('identity.staff')
          .select(['id', 'displayName'])
          .where('id', '=', sub)
          .where('active', '=', true)
          .executeTakeFirst();
    if (!person && !staff) return undefined;

    return {
      accountId: sub,
      async claims(use: string, scope: string): Promise<AccountClaims> {
        const scopes = new Set(scope.split(' '));
        const claims: AccountClaims = person
          ? {
              sub,
              name: person.name,
              locale: person.language,
              tongban_real_name_level: person.realNameLevel,
              tongban_account_kind: 'person',
            }
          : { sub, name: staff!.displayName, locale: 'zh-CN', tongban_account_kind: 'staff' };
        const clientId = ctx.oidc.client?.clientId;
        if (person && scopes.has('phone')) {
          claims.phone_number = maskPhone(deps.cipher.decrypt(person.phoneEnc));
          claims.phone_number_verified = true;
        }
        if (person && clientId && scopes.has('enterprise')) {
          const enterpriseId = await findActingFor(deps, clientId, sub);
          const acting = enterpriseId ? await liveAuthorisation(deps.db, sub, enterpriseId, deps.now()) : undefined;
          if (acting)
            claims.tongban_enterprise = { credit_code: acting.creditCode, name: acting.name, role: acting.role };
        }
        await recordAudit(
          deps,
          deps.db,
          { id: clientId ?? null, kind: 'oidc_client' },
          'identity.oidc-claims-read',
          { type: person ? 'person' : 'staff', id: sub },
          { ip: ctx.ip, userAgent: ctx.get('user-agent') || undefined },
          { detail: { use, scopes: [...scopes].sort() } },
        );
        return claims;
      },
    };
  };
}
