/**
 * The person's household county (户籍) from the population registry, read through `db` (a
 * transaction when inside one): identity knows who the person is in the registry, exchange where
 * they are registered. Wired here because neither module may import the other for it.
 */
import type { Db } from './platform/db/index.js';
import { registryPersonOf } from './modules/identity/index.js';
import { householdRegionOf } from './modules/exchange/index.js';

export async function householdRegionIn(db: Db, personId: string): Promise<string | undefined> {
  const registryPerson = await registryPersonOf(db, personId);
  return registryPerson ? householdRegionOf(db, registryPerson) : undefined;
}
