/** 行政区划: the regions below a region (the provinces when none is named); an unknown parent is a 404. */
import type { Region } from '../../../../contracts/catalog-api.js';
import type { Db } from '../../platform/db/index.js';
import { notFound } from '../../platform/errors.js';
import * as regions from './regions.repository.js';

export async function childRegions(deps: { db: Db }, input: { parent?: string }): Promise<Region[]> {
  const parent = input.parent ?? null;
  if (parent && !(await regions.findRegion(deps.db, parent))) {
    throw notFound('CATALOG.REGION_NOT_FOUND', { zh: `未找到行政区划：${parent}`, en: `No such region: ${parent}` });
  }
  return regions.listChildRegions(deps.db, parent);
}
