/** Base registries (人口库, 法人库). What a person's record keeps, and how, is in person-record.ts. */
import type { Generated, Kysely } from 'kysely';
import type { Db } from '../../platform/db/index.js';
import type { FieldCipher } from '../../platform/crypto/index.js';
import type { EnterpriseRecord, PersonRecord } from './seed/population.js';
import { openPerson, openPersonal, sealPersonal } from './person-record.js';

type PersonTable = {
  id: string;
  idNumberEnc: string;
  idNumberIndex: string;
  /** Name, ethnicity, address, marital status, disability level: encrypted together (PersonalData). */
  personalEnc: string;
  regionCode: string;
  householdId: string;
  householdRole: string;
  alive: boolean;
  deathDate: string | null;
  phoneEnc: string | null;
  phoneIndex: string | null;
  sourceDepartment: string;
  /** 户籍状态: a death cancels the household registration. */
  householdStatus: Generated<'registered' | 'cancelled'>;
  updatedAt: Generated<Date>;
};
type LegalEntityTable = {
  creditCode: string;
  name: string;
  entityType: string;
  legalRepresentativeId: string;
  status: string;
  industry: string;
  businessScope: string;
  regionCode: string;
  address: string;
  registeredCapital: number | null;
  establishedOn: string;
  /** 从业人数 and 纳税信用等级 (migration 0049). */
  employees: number | null;
  taxCreditRating: string | null;
  sourceDepartment: string;
  updatedAt: Generated<Date>;
};
export type ExchangeTables = {
  'exchange.person': PersonTable;
  'exchange.legalEntity': LegalEntityTable;
};

export const xq = (db: Db): Kysely<ExchangeTables> =>
  db.withTables<ExchangeTables>() as unknown as Kysely<ExchangeTables>;

/** 公安 owns the population registry; 市场监管 the legal-entity registry. */
export const POPULATION_SOURCE = 'police';
export const LEGAL_ENTITY_SOURCE = 'market';

export async function insertPersons(db: Db, cipher: FieldCipher, persons: PersonRecord[]): Promise<void> {
  for (let i = 0; i < persons.length; i += 1000) {
    await xq(db)
      .insertInto('exchange.person')
      .values(
        persons.slice(i, i + 1000).map((p) => ({
          id: p.id,
          idNumberEnc: cipher.encrypt(p.idNumber),
          idNumberIndex: cipher.blindIndex(p.idNumber),
          personalEnc: sealPersonal(cipher, p),
          regionCode: p.regionCode,
          householdId: p.householdId,
          householdRole: p.householdRole,
          alive: p.alive,
          deathDate: p.deathDate,
          phoneEnc: p.phone ? cipher.encrypt(p.phone) : null,
          phoneIndex: p.phone ? cipher.blindIndex(p.phone) : null,
          sourceDepartment: POPULATION_SOURCE,
        })),
      )
      .execute();
  }
}

export async function insertLegalEntities(db: Db, entities: EnterpriseRecord[]): Promise<void> {
  for (let i = 0; i < entities.length; i += 1000) {
    await xq(db)
      .insertInto('exchange.legalEntity')
      .values(entities.slice(i, i + 1000).map((e) => ({ ...e, sourceDepartment: LEGAL_ENTITY_SOURCE })))
      .execute();
  }
}

export async function findPersonByIdNumber(db: Db, cipher: FieldCipher, idNumber: string) {
  const row = await xq(db)
    .selectFrom('exchange.person')
    .selectAll()
    .where('idNumberIndex', '=', cipher.blindIndex(idNumber))
    .executeTakeFirst();
  return row ? openPerson(cipher, row) : undefined;
}

export async function findLegalEntity(db: Db, creditCode: string) {
  return xq(db).selectFrom('exchange.legalEntity').selectAll().where('creditCode', '=', creditCode).executeTakeFirst();
}

export async function countRegistries(db: Db): Promise<{ persons: number; legalEntities: number }> {
  const p = await xq(db)
    .selectFrom('exchange.person')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const e = await xq(db)
    .selectFrom('exchange.legalEntity')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { persons: Number(p.n), legalEntities: Number(e.n) };
}

/**
 * Living people of the registry, in a stable order: legal representatives of active entities or
 * others (demo accounts, tests), registered under `regionPrefix` when given.
 */
export async function sampleRegistryPersons(
  db: Db,
  cipher: FieldCipher,
  count: number,
  legalRepresentatives: boolean,
  regionPrefix = '',
) {
  const rows = await xq(db)
    .selectFrom('exchange.person as p')
    .select(['p.id', 'p.personalEnc', 'p.idNumberEnc', 'p.phoneEnc', 'p.regionCode'])
    .where('p.alive', '=', true)
    .where('p.regionCode', 'like', `${regionPrefix}%`)
    .where((eb) => {
      const reps = eb.exists(
        eb
          .selectFrom('exchange.legalEntity as e')
          .select('e.creditCode')
          .whereRef('e.legalRepresentativeId', '=', 'p.id')
          .where('e.status', '=', 'active'),
      );
      return legalRepresentatives ? reps : eb.not(reps);
    })
    .orderBy('p.id')
    .limit(count)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: openPersonal(cipher, r.personalEnc).name,
    regionCode: r.regionCode,
    idNumber: cipher.decrypt(r.idNumberEnc),
    phone: r.phoneEnc ? cipher.decrypt(r.phoneEnc) : null,
  }));
}

/** Active legal entities whose legal representative is this registry person. */
export async function listEntitiesRepresentedBy(db: Db, personId: string) {
  return xq(db)
    .selectFrom('exchange.legalEntity')
    .select(['creditCode', 'name'])
    .where('legalRepresentativeId', '=', personId)
    .where('status', '=', 'active')
    .orderBy('creditCode')
    .execute();
}

/** Where registry persons' households are registered (户籍地, a region code), in one query: person → region code (none for a person not registered). */
export async function householdRegionsOf(db: Db, registryPersonIds: readonly string[]): Promise<Map<string, string>> {
  if (registryPersonIds.length === 0) return new Map();
  const rows = await xq(db)
    .selectFrom('exchange.person')
    .select(['id', 'regionCode'])
    .where('id', 'in', [...new Set(registryPersonIds)])
    .where('householdStatus', '=', 'registered')
    .execute();
  return new Map(rows.map((r) => [r.id, r.regionCode]));
}
