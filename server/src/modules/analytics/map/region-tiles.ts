/**
 * 瓦片地图: a schematic map of a region's subdivisions, each a tile at a fixed place. No boundary
 * shapes: the npm registry offers no maintained GeoJSON of Guizhou's divisions, and a published
 * map of boundaries needs an approval number (审图号) under China's map rules — tiles show the
 * figures of each region without drawing a border. Guizhou's prefectures sit roughly where they
 * are (毕节 north-west, 遵义 north, 铜仁 north-east, 黔东南 east…); other levels in code order.
 */
import { regionNameEn, regionShortName, regionShortNameEn } from '../../catalog/index.js';

/** Guizhou's prefectures on a 4 × 3 grid. */
const GUIZHOU: Record<string, { x: number; y: number }> = {
  '5205': { x: 1, y: 0 },
  '5203': { x: 2, y: 0 },
  '5206': { x: 3, y: 0 },
  '5202': { x: 0, y: 1 },
  '5204': { x: 1, y: 1 },
  '5201': { x: 2, y: 1 },
  '5226': { x: 3, y: 1 },
  '5223': { x: 1, y: 2 },
  '5227': { x: 2, y: 2 },
};

/** Places tiles: the fixed layout where one is known for every region, else a near-square grid in code order. */
export function placeTiles(regions: { code: string; name: string }[]) {
  const fixed = regions.length > 0 && regions.every((r) => GUIZHOU[r.code]);
  const width = Math.max(1, Math.ceil(Math.sqrt(regions.length)));
  return regions.map((r, i) => ({
    code: r.code,
    name: r.name,
    nameEn: regionNameEn(r.code, r.name),
    short: regionShortName(r.name),
    shortEn: regionShortNameEn(r.name),
    x: fixed ? GUIZHOU[r.code]!.x : i % width,
    y: fixed ? GUIZHOU[r.code]!.y : Math.floor(i / width),
  }));
}
