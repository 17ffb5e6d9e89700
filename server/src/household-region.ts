/**
 * The person's household county (户籍) from the population registry, read through `db` (a
 * transaction when inside one): identity knows who the person is in the registry, exchange where
 * they are registered. Wired here because neither module may import the other for it.
 */
import type { Db } from './platform/db/index.js';
import { registryPersonsOf } from './modules/identity/index.js';
import { householdRegionsOf } from './modules/exchange/index.js';

export async function householdRegionIn(db: Db, personId: string): Promise<string | undefined> {
  return (await householdRegionsIn(db, [personId])).get(personId);
}

/**
 * The household counties of several people at once (two queries, whatever their number): person
 * account → region code, a person without an account or a registered household left out.
 */
export async function householdRegionsIn(db: Db, personIds: readonly string[]): Promise<Map<string, string>> {
  const registry = await registryPersonsOf(db, personIds);
  const regions = await householdRegionsOf(db, [...registry.values()]);
  const out = new Map<string, string>();
  for (const [personId, registryPerson] of registry) {
    const region = regions.get(registryPerson);
    if (region !== undefined) out.set(personId, region);
  }
  return out;
}
