/**
 * exchange (数据通): the base registries — population (人口库, owned by 公安) and legal entities
 * (法人库, owned by 市场监管). Sharing grants, the resource catalogue, audited access and life
 * events arrive with the data-sharing issue.
 */
import type { Db } from '../../platform/db/index.js';
import { reencryptColumns, type FieldCipher } from '../../platform/crypto/index.js';
import { generatePopulation, type Village } from './seed/population.js';
import { insertLegalEntities, insertPersons } from './exchange.repository.js';

export { findPersonByIdNumber, findLegalEntity, countRegistries, sampleRegistryPersons, listEntitiesRepresentedBy, personFacts, entityFacts } from './exchange.repository.js';
export { generatePopulation, type PersonRecord, type EnterpriseRecord, type Village } from './seed/population.js';

/** Fills the registries with the seeded synthetic population of the demo province. */
export async function seedRegistries(db: Db, cipher: FieldCipher, opts: { seed: number; persons: number; enterprises: number; villages: Village[]; today: Date }): Promise<{ persons: number; enterprises: number }> {
  const { persons, enterprises } = generatePopulation(opts);
  await db.transaction().execute(async (trx) => {
    await insertPersons(trx, cipher, persons);
    await insertLegalEntities(trx, enterprises);
  });
  return { persons: persons.length, enterprises: enterprises.length };
}

/** Re-encrypts the registries' identifiers with the current data key (key rotation). */
export async function reencryptRegistries(db: Db, cipher: FieldCipher): Promise<number> {
  return reencryptColumns(db, cipher, { table: 'exchange.person', key: 'id', columns: ['id_number_enc', 'phone_enc'] });
}
