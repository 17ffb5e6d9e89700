/** Reads of licences shared by the use cases (writes live with the use case that makes them). */
import type { Db } from '../../platform/db/index.js';
import { lq } from './licenses.tables.js';
import type { HolderKey } from './holders.js';

/** A licence row with its predecessor's number (part of the signed content). */
/** A licence, by id or number, with its predecessor's number (its content names it). */
function licenseQuery(db: Db, by: { id: string } | { number: string }) {
  const q = lq(db)
    .selectFrom('licenses.license as l')
    .leftJoin('licenses.license as p', 'p.id', 'l.previousId')
    .selectAll('l')
    .select('p.number as previousNumber');
  return 'id' in by ? q.where('l.id', '=', by.id) : q.where('l.number', '=', by.number);
}

export async function findLicense(db: Db, by: { id: string } | { number: string }) {
  return licenseQuery(db, by).executeTakeFirst();
}

/** The same, with the key it names (its public key and department): what 在线核验 needs, in one round trip. */
export async function findLicenseToVerify(db: Db, by: { id: string } | { number: string }) {
  return licenseQuery(db, by)
    .leftJoin('licenses.signingKey as k', 'k.kid', 'l.kid')
    .select(['k.publicKey as keyPublicKey', 'k.departmentId as keyDepartmentId'])
    .executeTakeFirst();
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
