/** What 电子监察 (supervision) may know of a data-sharing grant, through `index.ts`: facts, never rows. */
import type { Db } from '../../../platform/db/index.js';
import { sq } from '../exchange.tables.js';

/**
 * A grant as supervision watches the owner's decision on it: its status, when it was asked for,
 * the owning department (who decides) and the resource's name. Undefined for an unknown grant.
 */
export async function grantClockFacts(db: Db, grantId: string) {
  return sq(db)
    .selectFrom('exchange.sharingGrant as g')
    .innerJoin('exchange.resource as r', 'r.code', 'g.resourceCode')
    .select(['g.id', 'g.status', 'g.requestedAt', 'g.ownerDepartmentId', 'g.ownerRegionCode', 'r.name as resourceName'])
    .where('g.id', '=', grantId)
    .executeTakeFirst();
}

export type GrantClockFacts = NonNullable<Awaited<ReturnType<typeof grantClockFacts>>>;
