/**
 * 瓦片地图: a schematic map of a region's subdivisions, each a tile at a fixed place. No boundary
 * shapes: the npm registry offers no maintained GeoJSON of Guizhou's divisions, and a published
 * map of boundaries needs an approval number (审图号) under China's map rules — tiles show the
 * figures of each region without drawing a border. Guizhou's prefectures sit roughly where they
 * are (毕节 north-west, 遵义 north, 铜仁 north-east, 黔东南 east…); other levels in code order.
 */
import { pinyin } from 'pinyin-pro';

/** Guizhou's prefectures on a 4 × 3 grid, and their English names. */
const GUIZHOU: Record<string, { x: number; y: number; en: string }> = {
  '5205': { x: 1, y: 0, en: 'Bijie' },
  '5203': { x: 2, y: 0, en: 'Zunyi' },
  '5206': { x: 3, y: 0, en: 'Tongren' },
  '5202': { x: 0, y: 1, en: 'Liupanshui' },
  '5204': { x: 1, y: 1, en: 'Anshun' },
  '5201': { x: 2, y: 1, en: 'Guiyang' },
  '5226': { x: 3, y: 1, en: 'Qiandongnan' },
  '5223': { x: 1, y: 2, en: 'Qianxinan' },
  '5227': { x: 2, y: 2, en: 'Qiannan' },
};
const PROVINCES: Record<string, string> = { '52': 'Guizhou' };

const SUFFIXES: [string, string][] = [
  ['自治州', 'Autonomous Prefecture'],
  ['自治县', 'Autonomous County'],
  ['特区', 'Special District'],
  ['街道', 'Subdistrict'],
  ['社区', 'Community'],
  ['省', 'Province'],
  ['市', 'City'],
  ['州', 'Prefecture'],
  ['区', 'District'],
  ['县', 'County'],
  ['镇', 'Town'],
  ['乡', 'Township'],
  ['村', 'Village'],
];
const PEOPLES = /(苗族|侗族|布依族|水族|彝族|回族|仡佬族|土家族|白族|壮族|瑶族)+$/;

/** Readings of characters in place names that differ from their common one (三都 Sandu, not Sandou). */
const IN_PLACE_NAMES: Record<string, string> = { 都: 'du', 长: 'chang', 六: 'liu', 乐: 'le', 柏: 'bai' };

const romanise = (zh: string) => {
  const syllables = pinyin(zh, { toneType: 'none', type: 'array', v: true });
  const s = [...zh].map((c, i) => IN_PLACE_NAMES[c] ?? syllables[i]).join('');
  return s.charAt(0).toUpperCase() + s.slice(1);
};

/** A region's English name: curated for the province and its prefectures, else pinyin and the kind of division. */
export function regionNameEn(code: string, name: string): string {
  const known = PROVINCES[code] ?? GUIZHOU[code]?.en;
  const suffix = SUFFIXES.find(([zh]) => name.endsWith(zh) && name.length > zh.length);
  if (known) return code.length === 2 ? `${known} Province` : known;
  if (!suffix) return romanise(name);
  const base = name.slice(0, -suffix[0].length).replace(PEOPLES, '');
  return `${romanise(base)} ${suffix[1]}`;
}

/** The name without its kind of division and peoples (黔东南苗族侗族自治州 → 黔东南, 南明区 → 南明). */
export function shortName(name: string): string {
  const suffix = SUFFIXES.find(([zh]) => name.endsWith(zh) && name.length > zh.length + 1);
  return suffix ? name.slice(0, -suffix[0].length).replace(PEOPLES, '') : name;
}

/** Places tiles: the fixed layout where one is known for every region, else a near-square grid in code order. */
export function placeTiles(regions: { code: string; name: string }[]) {
  const fixed = regions.length > 0 && regions.every((r) => GUIZHOU[r.code]);
  const width = Math.max(1, Math.ceil(Math.sqrt(regions.length)));
  return regions.map((r, i) => ({
    code: r.code,
    name: r.name,
    nameEn: regionNameEn(r.code, r.name),
    short: shortName(r.name),
    shortEn: regionNameEn(r.code, r.name).replace(
      / (Autonomous Prefecture|Autonomous County|Special District|Subdistrict|Community|City|Prefecture|District|County|Town|Township|Village)$/,
      '',
    ),
    x: fixed ? GUIZHOU[r.code]!.x : i % width,
    y: fixed ? GUIZHOU[r.code]!.y : Math.floor(i / width),
  }));
}
