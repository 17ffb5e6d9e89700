/**
 * 持证主体 across modules. A licence names its holder by kind and the keyed blind index of the
 * identifier (公民身份号码 or 统一社会信用代码, the same `FieldCipher.blindIndex` identity and the
 * registries use), with the identifier encrypted and the name in clear. It does not name an
 * identity account: a licence exists before its holder registers, and survives account changes.
 * Accounts are mapped to holders through identity's front door when needed.
 */
import type { Actor } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import type { FieldCipher } from '../../platform/crypto/index.js';
import { forbidden, unauthorized } from '../../platform/errors.js';
import { findEnterpriseAccount, personByIdNumber, personIdentifiers } from '../identity/index.js';
import type { HolderAccount } from './licenses.deps.js';
import type { HolderKind } from './licenses.tables.js';
import type { Holder } from './issue/issue.js';

export interface HolderKey {
  kind: HolderKind;
  index: string;
}

type Keys = { db: Db; cipher: FieldCipher };

export const holderKey = (cipher: FieldCipher, kind: HolderKind, id: string): HolderKey => ({
  kind,
  index: cipher.blindIndex(id),
});

export async function personHolder(deps: Keys, personId: string): Promise<Holder | undefined> {
  const p = await personIdentifiers(deps, personId);
  return p ? { kind: 'person', id: p.idNumber, name: p.name } : undefined;
}

export async function enterpriseHolder(db: Db, enterpriseId: string): Promise<Holder | undefined> {
  const e = await findEnterpriseAccount(db, { id: enterpriseId });
  return e ? { kind: 'enterprise', id: e.creditCode, name: e.name } : undefined;
}

/**
 * The holder a signed-in person speaks for in the wallet (我的证照): themselves, or the enterprise
 * they act for when its authorisation includes licences (`licenses` scope).
 */
export async function walletHolder(deps: Keys, actor: Actor): Promise<HolderKey & { personId: string }> {
  if (actor.kind !== 'person' || !actor.id)
    throw unauthorized('AUTH.REQUIRED', {
      zh: '请先以个人或企业身份登录',
      en: 'Sign in as a person or for an enterprise',
    });
  if (actor.actingFor) {
    if (!actor.actingFor.scopes.includes('licenses'))
      throw forbidden('LICENSES.NO_LICENSE_SCOPE', {
        zh: '企业未授权您使用其证照',
        en: 'The enterprise has not authorised you to use its licences',
      });
    return { ...holderKey(deps.cipher, 'enterprise', actor.actingFor.creditCode), personId: actor.id };
  }
  const p = await personIdentifiers(deps, actor.id);
  if (!p) throw unauthorized('AUTH.REQUIRED', { zh: '账号不存在', en: 'No such account' });
  return { ...holderKey(deps.cipher, 'person', p.idNumber), personId: actor.id };
}

/** The identity account of a licence's holder, when they have one (for 用证 within their case). */
export async function holderAccount(
  deps: Keys,
  kind: HolderKind,
  holderIdEnc: string,
): Promise<HolderAccount | undefined> {
  const id = deps.cipher.decrypt(holderIdEnc);
  if (kind === 'person') {
    const p = await personByIdNumber(deps, id);
    return p ? { personId: p.id } : undefined;
  }
  const e = await findEnterpriseAccount(deps.db, { creditCode: id });
  return e ? { enterpriseId: e.id } : undefined;
}
