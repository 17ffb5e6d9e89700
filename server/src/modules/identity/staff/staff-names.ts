/** Display names of staff members by id, for records that name who acted (the audit log). */
import type { Db } from '../../../platform/db/index.js';
import { iq } from '../identity.tables.js';
import { isUuid } from '../../../platform/validators/index.js';

export async function staffNames(db: Db, ids: Iterable<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set([...ids].filter((id): id is string => id !== null && isUuid(id)))];
  if (wanted.length === 0) return new Map();
  const rows = await iq(db)
    .selectFrom('identity.staff')
    .select(['id', 'displayName'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, r.displayName]));
}
