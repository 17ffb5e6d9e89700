/**
 * English names of 行政区划 for the English interface: the stem in Hanyu Pinyin written as one word
 * (GB/T 16159: 贵阳 Guiyang, 瓮安 Weng'an with the syllable-dividing apostrophe), then the peoples
 * of an autonomous area and the kind of division in English (三都水族自治县 → Sandu Shui
 * Autonomous County). Prefecture-level cities go by their stem alone (贵阳市 → Guiyang), as they
 * do in English everywhere; a county-level city keeps "City" (清镇市 → Qingzhen City).
 */
import { pinyin } from 'pinyin-pro';

const SUFFIXES: [string, string][] = [
  ['自治区', 'Autonomous Region'],
  ['自治州', 'Autonomous Prefecture'],
  ['自治县', 'Autonomous County'],
  ['自治旗', 'Autonomous Banner'],
  ['特区', 'Special District'],
  ['街道', 'Subdistrict'],
  ['社区', 'Community'],
  ['地区', 'Prefecture'],
  ['省', 'Province'],
  ['市', 'City'],
  ['州', 'Prefecture'],
  ['盟', 'League'],
  ['区', 'District'],
  ['县', 'County'],
  ['旗', 'Banner'],
  ['镇', 'Town'],
  ['乡', 'Township'],
  ['村', 'Village'],
];

/** 民族 of autonomous areas, in the English names the State Ethnic Affairs Commission uses. */
const PEOPLES: Record<string, string> = {
  苗族: 'Miao',
  侗族: 'Dong',
  布依族: 'Bouyei',
  水族: 'Shui',
  彝族: 'Yi',
  回族: 'Hui',
  仡佬族: 'Gelao',
  土家族: 'Tujia',
  白族: 'Bai',
  壮族: 'Zhuang',
  瑶族: 'Yao',
  藏族: 'Tibetan',
  蒙古族: 'Mongol',
  维吾尔: 'Uygur',
  满族: 'Manchu',
};
const PEOPLES_AT_END = new RegExp(`(${Object.keys(PEOPLES).join('|')})+$`);

/** Readings of characters in place names that differ from their common one (三都 Sandu, not Sandou). */
const IN_PLACE_NAMES: Record<string, string> = { 都: 'du', 长: 'chang', 六: 'liu', 乐: 'le', 柏: 'bai', 重: 'chong' };

/** Hanyu Pinyin of a place name as one capitalised word, with an apostrophe before a syllable starting a, o or e. */
export function romanise(zh: string): string {
  const syllables = pinyin(zh, { toneType: 'none', type: 'array', v: true });
  const s = [...zh]
    .map((c, i) => IN_PLACE_NAMES[c] ?? syllables[i] ?? c)
    .map((syllable, i) => (i > 0 && /^[aoe]/.test(syllable) ? `'${syllable}` : syllable))
    .join('');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const list = (names: string[]) =>
  names.length < 3 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

/** The parts of a name: its stem, the peoples of an autonomous area (in order) and its kind of division. */
function parts(name: string): { stem: string; peoples: string[]; suffix?: [string, string] } {
  const suffix = SUFFIXES.find(([zh]) => name.endsWith(zh) && name.length > zh.length);
  if (!suffix) return { stem: name, peoples: [] };
  const rest = name.slice(0, -suffix[0].length);
  const peoplesPart = rest.match(PEOPLES_AT_END)?.[0] ?? '';
  const peoples: string[] = [];
  for (let s = peoplesPart; s; ) {
    const zh = Object.keys(PEOPLES).find((p) => s.startsWith(p))!;
    peoples.push(PEOPLES[zh]!);
    s = s.slice(zh.length);
  }
  const stem = rest.slice(0, rest.length - peoplesPart.length);
  return stem ? { stem, peoples, suffix } : { stem: rest, peoples: [], suffix };
}

const named = new Map<string, string>();

/**
 * A region's English name (code: its GB/T 2260 code, whose length tells the level). Remembered: a
 * province has some tens of thousands of regions, and every item of the search index carries one.
 */
export function regionNameEn(code: string, name: string): string {
  const key = `${code} ${name}`;
  let en = named.get(key);
  if (en === undefined) named.set(key, (en = nameEn(code, name)));
  return en;
}

function nameEn(code: string, name: string): string {
  const { stem, peoples, suffix } = parts(name);
  const base = romanise(stem);
  if (!suffix) return base;
  // 地级市: Guiyang, not Guiyang City; the four municipalities likewise (北京市 → Beijing).
  if (suffix[0] === '市' && code.length <= 4) return base;
  return [base, list(peoples), suffix[1]].filter(Boolean).join(' ');
}

/** The name without its kind of division and peoples (黔东南苗族侗族自治州 → 黔东南, 南明区 → 南明). */
export function regionShortName(name: string): string {
  const { stem, suffix } = parts(name);
  return suffix && stem.length > 1 ? stem : name;
}

/** The English short name: the stem's pinyin (黔东南苗族侗族自治州 → Qiandongnan). */
export function regionShortNameEn(name: string): string {
  return romanise(regionShortName(name));
}
