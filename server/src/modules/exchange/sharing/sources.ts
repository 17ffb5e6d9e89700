/**
 * Data sources behind catalogue resources: how a subject's record is read for a query. Each
 * reader answers the full record of the resource's data items (phones decrypted only when asked,
 * and then masked); field selection happens in the caller. Resources without a source answer
 * "no data source connected".
 */
import type { Db } from '../../../platform/db/index.js';
import type { FieldCipher } from '../../../platform/crypto/index.js';
import { maskName, maskPhone } from '../../../platform/privacy/index.js';
import { sql } from 'kysely';
import { sq, type GrantStatus, type ResourceSource } from '../exchange.tables.js';
import { birthFacts, openPersonal } from '../person-record.js';

export type Subject = { idNumber: string } | { creditCode: string };

export interface SourceRecord {
  /** What the access log records as the subject: the registry person's id or the credit code. */
  subjectKey: string;
  record: Record<string, unknown>;
  /** The grant's state as the same statement read it (when a grant was given; absent: no such grant). */
  grant?: GrantState | undefined;
}

/** What of a grant can change after it is asked for: its status, and its end (set on approval). */
export interface GrantState {
  status: GrantStatus;
  expiresAt: Date;
}

type Reader = (
  db: Db,
  cipher: FieldCipher,
  subject: Subject,
  fields: readonly string[],
  grantId?: string,
) => Promise<SourceRecord | undefined>;

/**
 * The grant's live status and end as two columns of the subject's read: a query checks the grant
 * it holds in memory against the database in the statement it runs anyway (no extra round trip).
 */
const grantColumns = (grantId: string) => [
  sql<GrantStatus | null>`(SELECT status FROM exchange.sharing_grant WHERE id = ${grantId})`.as('grantStatus'),
  sql<Date | null>`(SELECT expires_at FROM exchange.sharing_grant WHERE id = ${grantId})`.as('grantExpiresAt'),
];

const grantOf = (row: { grantStatus?: GrantStatus | null; grantExpiresAt?: Date | null }): GrantState | undefined =>
  row.grantStatus && row.grantExpiresAt ? { status: row.grantStatus, expiresAt: row.grantExpiresAt } : undefined;

const byIdNumber = (cipher: FieldCipher, subject: Subject) =>
  'idNumber' in subject ? cipher.blindIndex(subject.idNumber) : undefined;

interface PersonRow {
  id: string;
  personalEnc: string;
  regionCode: string;
  alive: boolean;
  deathDate: string | null;
  householdStatus: 'registered' | 'cancelled';
  phoneEnc: string | null;
  grantStatus: GrantStatus | null;
  grantExpiresAt: Date | null;
}

const person: Reader = async (db, cipher, subject, fields, grantId) => {
  const index = byIdNumber(cipher, subject);
  if (!index) return undefined;
  // Every audited query of the population registry runs this: written as SQL, not built and
  // compiled by the query builder on each call, with the grant joined in the same statement.
  const { rows } = await sql<PersonRow>`
    SELECT p.id, p.personal_enc, p.region_code, p.alive, p.death_date, p.household_status, p.phone_enc,
           g.status AS grant_status, g.expires_at AS grant_expires_at
      FROM exchange.person p LEFT JOIN exchange.sharing_grant g ON g.id = ${grantId ?? null}
     WHERE p.id_number_index = ${index}`.execute(db);
  const p = rows[0];
  if (!p || !('idNumber' in subject)) return undefined;
  const { id, phoneEnc, personalEnc, grantStatus, grantExpiresAt, ...rest } = p;
  const phone = fields.includes('phone') && phoneEnc ? maskPhone(cipher.decrypt(phoneEnc)) : null;
  return {
    subjectKey: id,
    record: {
      ...birthFacts(subject.idNumber.trim().toUpperCase()),
      ...openPersonal(cipher, personalEnc),
      ...rest,
      phone,
    },
    grant: grantOf({ grantStatus, grantExpiresAt }),
  };
};

const household: Reader = async (db, cipher, subject, _fields, grantId) => {
  const index = byIdNumber(cipher, subject);
  if (!index) return undefined;
  const p = await sq(db)
    .selectFrom('exchange.person')
    .select(['id', 'householdId', 'householdRole'])
    .$if(grantId !== undefined, (q) => q.select(grantColumns(grantId!)))
    .where('idNumberIndex', '=', index)
    .executeTakeFirst();
  if (!p) return undefined;
  const rows = await sq(db)
    .selectFrom('exchange.person')
    .select(['idNumberEnc', 'personalEnc', 'householdRole', 'alive'])
    .where('householdId', '=', p.householdId)
    .where('householdStatus', '=', 'registered')
    .execute();
  const members = rows.map((m) => ({
    name: maskName(openPersonal(cipher, m.personalEnc).name),
    householdRole: m.householdRole,
    birthDate: birthFacts(cipher.decrypt(m.idNumberEnc)).birthDate,
    alive: m.alive,
  }));
  members.sort((a, b) => (a.birthDate < b.birthDate ? -1 : a.birthDate > b.birthDate ? 1 : 0));
  return {
    subjectKey: p.id,
    record: { householdRole: p.householdRole, memberCount: members.length, members },
    grant: grantOf(p),
  };
};

const legalEntity: Reader = async (db, cipher, subject, _fields, grantId) => {
  if (!('creditCode' in subject)) return undefined;
  const e = await sq(db)
    .selectFrom('exchange.legalEntity as e')
    .innerJoin('exchange.person as p', 'p.id', 'e.legalRepresentativeId')
    .select([
      'e.creditCode',
      'e.name',
      'e.entityType',
      'e.status',
      'e.industry',
      'e.businessScope',
      'e.regionCode',
      'e.address',
      'e.registeredCapital',
      'e.establishedOn',
      'p.personalEnc as representative',
    ])
    .$if(grantId !== undefined, (q) => q.select(grantColumns(grantId!)))
    .where('e.creditCode', '=', subject.creditCode)
    .executeTakeFirst();
  if (!e) return undefined;
  const { creditCode, representative, grantStatus, grantExpiresAt, ...rest } = e;
  return {
    subjectKey: creditCode,
    record: { ...rest, legalRepresentativeName: maskName(openPersonal(cipher, representative).name) },
    grant: grantOf({ grantStatus, grantExpiresAt }),
  };
};

export const SOURCES: Record<ResourceSource, Reader> = { person, household, legal_entity: legalEntity };
