/** The tiles of the dashboard's map: the regions one level below the asked one (the province by default). */
import type { RegionTiles } from '../../../../../contracts/analytics-process.js';
import { notFound } from '../../../platform/errors.js';
import { findRegion, listChildRegions } from '../../catalog/index.js';
import type { AnalyticsDeps } from '../analytics.deps.js';
import { placeTiles } from './region-tiles.js';

export async function regionTiles(deps: AnalyticsDeps, q: { region?: string }): Promise<RegionTiles> {
  const code = q.region ?? (await listChildRegions(deps.db, null))[0]?.code;
  const region = code ? await findRegion(deps.db, code) : undefined;
  if (!region) throw notFound('ANALYTICS.NO_REGION', { zh: '没有这个地区', en: 'No such region' });
  return {
    region: { code: region.code, name: region.name, nameEn: region.nameEn },
    tiles: placeTiles(await listChildRegions(deps.db, region.code)),
  };
}
