/** How to reach people (for notify): a resident's mobile and language, the staff who handle a department's work. */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../platform/db/index.js';
import type { IdentityDeps } from '../identity.deps.js';
import { iq } from '../identity.tables.js';

/** The mobiles of several residents' active accounts in one query: account id → phone (a closed account left out). */
export async function personPhones(
  deps: Pick<IdentityDeps, 'db' | 'cipher'>,
  accountIds: readonly string[],
): Promise<Map<string, string>> {
  if (accountIds.length === 0) return new Map();
  const rows = await iq(deps.db)
    .selectFrom('identity.personAccount')
    .select(['id', 'phoneEnc'])
    .where('id', 'in', [...new Set(accountIds)])
    .where('active', '=', true)
    .execute();
  return new Map(rows.map((r) => [r.id, deps.cipher.decrypt(r.phoneEnc)]));
}

/** The languages of several residents' active accounts in one query: account id → language (a closed account left out). */
export async function personLanguages(db: Db, accountIds: readonly string[]): Promise<Map<string, 'zh-CN' | 'en'>> {
  if (accountIds.length === 0) return new Map();
  const rows = await iq(db)
    .selectFrom('identity.personAccount')
    .select(['id', 'language'])
    .where('id', 'in', [...new Set(accountIds)])
    .where('active', '=', true)
    .execute();
  return new Map(rows.map((r) => [r.id, r.language]));
}

/** Active staff holding one of `roles` and meeting `where` (at most 200, by id). */
async function activeStaff(db: Db, roles: readonly string[], where: RawBuilder<boolean>): Promise<string[]> {
  const rows = await iq(db)
    .selectFrom('identity.staff')
    .select('id')
    .where('active', '=', true)
    .where(where)
    .where(sql<boolean>`roles && ${[...roles]}::text[]`)
    .orderBy('id')
    .limit(200)
    .execute();
  return rows.map((r) => r.id);
}

/** Active staff of a department holding one of `roles`. */
export function staffOfDepartment(db: Db, departmentId: string, roles: readonly string[]): Promise<string[]> {
  return activeStaff(db, roles, sql<boolean>`${departmentId}::uuid = ANY(department_ids)`);
}

/** Active staff of exactly `regionCode` (not its subregions) holding one of `roles`: the supervisors of a region. */
export function staffOfRegion(db: Db, regionCode: string, roles: readonly string[]): Promise<string[]> {
  return activeStaff(db, roles, sql<boolean>`region_code = ${regionCode}`);
}
