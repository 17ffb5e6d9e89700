/** Who am I (`GET /api/me`): the signed-in person or staff member, whom they act for, what they may do. */
import type { Actor } from '../../../platform/context.js';
import type { Me } from '../../../../../contracts/identity.js';
import { notFound, unauthorized } from '../../../platform/errors.js';
import { maskIdNumber, maskPhone } from '../../../platform/privacy/index.js';
import type { IdentityDeps } from '../identity.deps.js';
import { iq } from '../identity.tables.js';
import type { Db } from '../../../platform/db/index.js';

export interface EnterpriseLink {
  enterpriseId: string;
  creditCode: string;
  name: string;
  role: 'legal_representative' | 'agent';
  scopes: string[];
  expiresAt: Date | null;
}

export type { Me };

/** Enterprises the person may act for now (live, unexpired authorisations). */
export async function listEnterprisesOf(deps: IdentityDeps, personId: string): Promise<EnterpriseLink[]> {
  const now = deps.now();
  return iq(deps.db)
    .selectFrom('identity.enterpriseAgent as a')
    .innerJoin('identity.enterpriseAccount as e', 'e.id', 'a.enterpriseId')
    .select(['e.id as enterpriseId', 'e.creditCode', 'e.name', 'a.role', 'a.scopes', 'a.expiresAt'])
    .where('a.personId', '=', personId)
    .where('a.revokedAt', 'is', null)
    .where((eb) => eb.or([eb('a.expiresAt', 'is', null), eb('a.expiresAt', '>', now)]))
    .orderBy('e.name')
    .execute();
}

export async function getMe(deps: IdentityDeps, actor: Actor): Promise<Me> {
  if (actor.kind === 'person' && actor.id) {
    const p = await iq(deps.db)
      .selectFrom('identity.personAccount')
      .selectAll()
      .where('id', '=', actor.id)
      .executeTakeFirst();
    if (!p) throw notFound('IDENTITY.NO_ACCOUNT', { zh: '账号不存在', en: 'No such account' });
    return {
      kind: 'person',
      id: p.id,
      name: p.name,
      idNumber: maskIdNumber(deps.cipher.decrypt(p.idNumberEnc)),
      phone: maskPhone(deps.cipher.decrypt(p.phoneEnc)),
      realNameLevel: p.realNameLevel,
      language: p.language,
      actingFor: actor.actingFor ? { ...actor.actingFor, scopes: [...actor.actingFor.scopes] } : null,
      enterprises: await listEnterprisesOf(deps, p.id),
    };
  }
  if (actor.kind === 'staff' && actor.id) {
    const s = await iq(deps.db)
      .selectFrom('identity.staff')
      .selectAll()
      .where('id', '=', actor.id)
      .executeTakeFirstOrThrow();
    return {
      kind: 'staff',
      id: s.id,
      name: s.displayName,
      username: s.username,
      regionCode: s.regionCode,
      departmentIds: s.departmentIds,
      roles: s.roles,
      totpEnrolled: s.totpSecretEnc !== null,
    };
  }
  return { kind: 'anonymous' };
}

/** The person's preferred language (messages, notices, SMS). */
export async function setLanguage(deps: IdentityDeps, actor: Actor, language: 'zh-CN' | 'en'): Promise<Me> {
  if (actor.kind !== 'person' || !actor.id)
    throw unauthorized('AUTH.REQUIRED', { zh: '请先以个人身份登录', en: 'Sign in as a person first' });
  await iq(deps.db).updateTable('identity.personAccount').set({ language }).where('id', '=', actor.id).execute();
  return getMe(deps, actor);
}

/** The population-registry records of several accounts in one query: account id → registry person. */
export async function registryPersonsOf(db: Db, personIds: readonly string[]): Promise<Map<string, string>> {
  if (personIds.length === 0) return new Map();
  const rows = await iq(db)
    .selectFrom('identity.personAccount')
    .select(['id', 'registryPersonId'])
    .where('id', 'in', [...new Set(personIds)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.registryPersonId]));
}

/** A person's name, for other modules that record who applied (their own records keep it). */
export async function personName(db: Db, personId: string): Promise<string | undefined> {
  return (
    await iq(db).selectFrom('identity.personAccount').select('name').where('id', '=', personId).executeTakeFirst()
  )?.name;
}

/** The population-registry record a person's account is bound to (for verified facts). */
export async function registryPersonOf(db: Db, personId: string): Promise<string | undefined> {
  return (
    await iq(db)
      .selectFrom('identity.personAccount')
      .select('registryPersonId')
      .where('id', '=', personId)
      .executeTakeFirst()
  )?.registryPersonId;
}

/** The account of a person by ID number (a window filing for a walk-in resident), or undefined. */
export async function personByIdNumber(
  deps: Pick<IdentityDeps, 'db' | 'cipher'>,
  idNumber: string,
): Promise<{ id: string; name: string } | undefined> {
  return iq(deps.db)
    .selectFrom('identity.personAccount')
    .select(['id', 'name'])
    .where('idNumberIndex', '=', deps.cipher.blindIndex(idNumber.trim().toUpperCase()))
    .where('active', '=', true)
    .executeTakeFirst();
}

/** A person's name and 公民身份号码 (the e-licence module keys licences to the number's blind index). */
export async function personIdentifiers(
  deps: Pick<IdentityDeps, 'db' | 'cipher'>,
  personId: string,
): Promise<{ id: string; name: string; idNumber: string } | undefined> {
  const p = await iq(deps.db)
    .selectFrom('identity.personAccount')
    .select(['id', 'name', 'idNumberEnc'])
    .where('id', '=', personId)
    .executeTakeFirst();
  return p ? { id: p.id, name: p.name, idNumber: deps.cipher.decrypt(p.idNumberEnc) } : undefined;
}

/** An enterprise account by its id or its 统一社会信用代码. */
export async function findEnterpriseAccount(
  db: Db,
  by: { id: string } | { creditCode: string },
): Promise<{ id: string; creditCode: string; name: string } | undefined> {
  const q = iq(db).selectFrom('identity.enterpriseAccount').select(['id', 'creditCode', 'name']);
  return ('id' in by ? q.where('id', '=', by.id) : q.where('creditCode', '=', by.creditCode)).executeTakeFirst();
}

/** The credit codes of several enterprise accounts in one query: account id → 统一社会信用代码. */
export async function enterpriseCreditCodesOf(db: Db, enterpriseIds: readonly string[]): Promise<Map<string, string>> {
  if (enterpriseIds.length === 0) return new Map();
  const rows = await iq(db)
    .selectFrom('identity.enterpriseAccount')
    .select(['id', 'creditCode'])
    .where('id', 'in', [...new Set(enterpriseIds)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.creditCode]));
}

/**
 * Who answers for enterprises on the platform, by 统一社会信用代码: each one's account and the account
 * of its legal representative in office (法定代表人, who opened it); an enterprise without an
 * account, or whose representative holds none, is not in the answer.
 */
export async function enterpriseRepresentatives(
  db: Db,
  creditCodes: readonly string[],
): Promise<Map<string, { enterpriseId: string; name: string; representative: { id: string; name: string } }>> {
  if (creditCodes.length === 0) return new Map();
  const rows = await iq(db)
    .selectFrom('identity.enterpriseAccount as e')
    .innerJoin('identity.enterpriseAgent as a', 'a.enterpriseId', 'e.id')
    .innerJoin('identity.personAccount as p', 'p.id', 'a.personId')
    .select(['e.creditCode', 'e.id as enterpriseId', 'e.name', 'p.id as personId', 'p.name as personName'])
    .where('e.creditCode', 'in', [...creditCodes])
    .where('a.role', '=', 'legal_representative')
    .where('a.revokedAt', 'is', null)
    .where('p.active', '=', true)
    .orderBy('a.grantedAt')
    .execute();
  // The latest appointed wins (a new representative revokes the previous one anyway).
  return new Map(
    rows.map((r) => [
      r.creditCode,
      { enterpriseId: r.enterpriseId, name: r.name, representative: { id: r.personId, name: r.personName } },
    ]),
  );
}

/** The accounts of registry persons (a life event names persons of the population registry). */
export async function accountsOfRegistryPersons(db: Db, registryPersonIds: readonly string[]): Promise<string[]> {
  if (registryPersonIds.length === 0) return [];
  const rows = await iq(db)
    .selectFrom('identity.personAccount')
    .select('id')
    .where('registryPersonId', 'in', [...registryPersonIds])
    .execute();
  return rows.map((r) => r.id);
}

/** The account (id and name) of each registry person who has one, by registry person id. */
export async function accountsByRegistryPerson(
  db: Db,
  registryPersonIds: readonly string[],
): Promise<Map<string, { id: string; name: string }>> {
  if (registryPersonIds.length === 0) return new Map();
  const rows = await iq(db)
    .selectFrom('identity.personAccount')
    .select(['id', 'name', 'registryPersonId'])
    .where('registryPersonId', 'in', [...registryPersonIds])
    .execute();
  return new Map(rows.map((r) => [r.registryPersonId, { id: r.id, name: r.name }]));
}
