/** Which published implementation of a basic item serves a place. */
import type { Db } from '../../platform/db/index.js';
import type { Item } from '../../../../contracts/catalog.js';
import { countPublishedServices, listPublishedByBasicCodes, listPublishedServing } from './items.repository.js';

/**
 * The published item of `basicCode` serving `regionCode` (a county or a village): the one of the
 * nearest region containing it (the county's own, else the city's, else the province's).
 */
export async function findItemServing(db: Db, basicCode: string, regionCode: string): Promise<Item | undefined> {
  const candidates = (await listPublishedByBasicCodes(db, [basicCode]))
    .map((c) => c.item)
    .filter((i) => regionCode.startsWith(i.region.code));
  return candidates.sort((a, b) => b.region.code.length - a.region.code.length)[0];
}

/**
 * What the catalogue offers a region, for the capability index: the published implementations of
 * the region, of the regions above it and below it, and how many services (basic codes) the
 * province's catalogue publishes in all.
 */
export async function catalogueServing(db: Db, regionCode: string): Promise<{ items: Item[]; services: number }> {
  const [items, services] = await Promise.all([listPublishedServing(db, regionCode), countPublishedServices(db)]);
  return { items, services };
}
