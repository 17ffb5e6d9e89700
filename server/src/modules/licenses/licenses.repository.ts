/** Reads of licences shared by the use cases (writes live with the use case that makes them). */
import type { Db } from '../../platform/db/index.js';
import { lq } from './licenses.tables.js';
import type { HolderKey } from './holders.js';

/** A licence row with its predecessor's number (part of the signed content). */
export async function findLicense(db: Db, by: { id: string } | { number: string }) {
  let q = lq(db)
    .selectFrom('licenses.license as l')
    .leftJoin('licenses.license as p', 'p.id', 'l.previousId')
    .selectAll('l')
    .select('p.number as previousNumber');
  q = 'id' in by ? q.where('l.id', '=', by.id) : q.where('l.number', '=', by.number);
  return q.executeTakeFirst();
}

export type FoundLicense = NonNullable<Awaited<ReturnType<typeof findLicense>>>;

/** The holder's licences, current versions first (superseded ones stay in their history). */
export async function listHolderLicenses(db: Db, holder: HolderKey, opts: { includeSuperseded?: boolean } = {}) {
  let q = lq(db)
    .selectFrom('licenses.license as l')
    .leftJoin('licenses.license as p', 'p.id', 'l.previousId')
    .selectAll('l')
    .select('p.number as previousNumber')
    .where('l.holderIndex', '=', holder.index)
    .where('l.holderKind', '=', holder.kind);
  if (!opts.includeSuperseded) q = q.where('l.status', '!=', 'superseded');
  return q.orderBy('l.issuedAt', 'desc').execute();
}

/** The history of a licence: every event of every version of its lineage, oldest first. */
export async function listHistory(db: Db, lineageId: string) {
  return lq(db)
    .selectFrom('licenses.event as e')
    .innerJoin('licenses.license as l', 'l.id', 'e.licenseId')
    .select(['e.action', 'e.reason', 'e.actorKind', 'e.at', 'l.number', 'l.version'])
    .where('e.lineageId', '=', lineageId)
    .orderBy('e.id')
    .execute();
}
