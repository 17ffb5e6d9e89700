/** Display names of staff members by id, for records that name who acted (the audit log). */
import type { Db } from '../../../platform/db/index.js';
import { iq } from '../identity.tables.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function staffNames(db: Db, ids: Iterable<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set([...ids].filter((id): id is string => id !== null && UUID.test(id)))];
  if (wanted.length === 0) return new Map();
  const rows = await iq(db)
    .selectFrom('identity.staff')
    .select(['id', 'displayName'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, r.displayName]));
}
