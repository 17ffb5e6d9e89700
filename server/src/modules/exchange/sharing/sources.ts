/**
 * Data sources behind catalogue resources: how a subject's record is read for a query. Each
 * reader answers the full record of the resource's data items (phones decrypted only when asked,
 * and then masked); field selection happens in the caller. Resources without a source answer
 * "no data source connected".
 */
import type { Db } from '../../../platform/db/index.js';
import type { FieldCipher } from '../../../platform/crypto/index.js';
import { maskName, maskPhone } from '../../../platform/privacy/index.js';
import { sq, type ResourceSource } from '../exchange.tables.js';
import { birthFacts, openPersonal } from '../person-record.js';

export type Subject = { idNumber: string } | { creditCode: string };

export interface SourceRecord {
  /** What the access log records as the subject: the registry person's id or the credit code. */
  subjectKey: string;
  record: Record<string, unknown>;
}

type Reader = (
  db: Db,
  cipher: FieldCipher,
  subject: Subject,
  fields: readonly string[],
) => Promise<SourceRecord | undefined>;

const byIdNumber = (cipher: FieldCipher, subject: Subject) =>
  'idNumber' in subject ? cipher.blindIndex(subject.idNumber) : undefined;

const person: Reader = async (db, cipher, subject, fields) => {
  const index = byIdNumber(cipher, subject);
  if (!index) return undefined;
  const p = await sq(db)
    .selectFrom('exchange.person')
    .select(['id', 'personalEnc', 'regionCode', 'alive', 'deathDate', 'householdStatus', 'phoneEnc'])
    .where('idNumberIndex', '=', index)
    .executeTakeFirst();
  if (!p || !('idNumber' in subject)) return undefined;
  const { id, phoneEnc, personalEnc, ...rest } = p;
  const phone = fields.includes('phone') && phoneEnc ? maskPhone(cipher.decrypt(phoneEnc)) : null;
  return {
    subjectKey: id,
    record: {
      ...birthFacts(subject.idNumber.trim().toUpperCase()),
      ...openPersonal(cipher, personalEnc),
      ...rest,
      phone,
    },
  };
};

const household: Reader = async (db, cipher, subject) => {
  const index = byIdNumber(cipher, subject);
  if (!index) return undefined;
  const p = await sq(db)
    .selectFrom('exchange.person')
    .select(['id', 'householdId', 'householdRole'])
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
  return { subjectKey: p.id, record: { householdRole: p.householdRole, memberCount: members.length, members } };
};

const legalEntity: Reader = async (db, cipher, subject) => {
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
    .where('e.creditCode', '=', subject.creditCode)
    .executeTakeFirst();
  if (!e) return undefined;
  const { creditCode, representative, ...rest } = e;
  return {
    subjectKey: creditCode,
    record: { ...rest, legalRepresentativeName: maskName(openPersonal(cipher, representative).name) },
  };
};

export const SOURCES: Record<ResourceSource, Reader> = { person, household, legal_entity: legalEntity };
