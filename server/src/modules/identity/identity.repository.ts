import type { Db } from '../../platform/db/index.js';
import type { Selectable } from 'kysely';
import { iq as q, type StaffTable } from './identity.tables.js';

export type StaffRow = Pick<
  Selectable<StaffTable>,
  'id' | 'username' | 'displayName' | 'regionCode' | 'departmentIds' | 'roles'
>;

export async function insertStaff(db: Db, staff: StaffRow): Promise<void> {
  await q(db).insertInto('identity.staff').values(staff).execute();
}

export async function insertToken(
  db: Db,
  row: { tokenHash: string; staffId: string; label: string; expiresAt: Date | null },
): Promise<void> {
  await q(db)
    .insertInto('identity.apiToken')
    .values({ ...row, revokedAt: null })
    .execute();
}

/** The active staff member holding a live token with this hash. */
export async function findStaffByTokenHash(db: Db, tokenHash: string, now: Date): Promise<StaffRow | undefined> {
  return q(db)
    .selectFrom('identity.apiToken as t')
    .innerJoin('identity.staff as s', 's.id', 't.staffId')
    .select(['s.id', 's.username', 's.displayName', 's.regionCode', 's.departmentIds', 's.roles'])
    .where('t.tokenHash', '=', tokenHash)
    .where('t.revokedAt', 'is', null)
    .where((eb) => eb.or([eb('t.expiresAt', 'is', null), eb('t.expiresAt', '>', now)]))
    .where('s.active', '=', true)
    .executeTakeFirst();
}

export async function findStaffByUsername(db: Db, username: string): Promise<StaffRow | undefined> {
  return q(db)
    .selectFrom('identity.staff')
    .select(['id', 'username', 'displayName', 'regionCode', 'departmentIds', 'roles'])
    .where('username', '=', username)
    .executeTakeFirst();
}

/** An active staff member's region, departments and roles (for routing work to them). */
export async function findActiveStaff(
  db: Db,
  id: string,
): Promise<{ regionCode: string; departmentIds: string[]; roles: string[] } | undefined> {
  return q(db)
    .selectFrom('identity.staff')
    .select(['regionCode', 'departmentIds', 'roles'])
    .where('id', '=', id)
    .where('active', '=', true)
    .executeTakeFirst();
}

/** Display names of staff members by id (those not found are left out). */
export async function staffDisplayNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const uuids = ids.filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id));
  if (uuids.length === 0) return new Map();
  const rows = await q(db)
    .selectFrom('identity.staff')
    .select(['id', 'displayName'])
    .where('id', 'in', uuids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.displayName]));
}
