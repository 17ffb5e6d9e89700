/**
 * English names of departments (部门) for the English interface, from the department's kind
 * (`category`, the slug every level shares) and its region: 贵阳市南明区市场监督管理局 →
 * Nanming District Administration for Market Regulation; 贵州省公安厅 → Guizhou Provincial
 * Department of Public Security (a province's 厅 is a Department, a city's or county's 局 a
 * Bureau). The names follow the English the State Council's ministries use for themselves. A kind
 * this table does not know is given in pinyin, so a name is never left half in Chinese.
 */
import { regionNameEn, regionShortNameEn, romanise } from './region-names.js';

/** The kind of department: its English name below the province, and the province's where it differs. */
const KINDS: Record<string, [local: string, province?: string]> = {
  market: ['Administration for Market Regulation'],
  police: ['Public Security Bureau', 'Department of Public Security'],
  traffic: ['Traffic Police Division of the Public Security Bureau', 'Traffic Police Corps'],
  hrss: ['Human Resources and Social Security Bureau', 'Department of Human Resources and Social Security'],
  health: ['Health Commission'],
  civil: ['Civil Affairs Bureau', 'Department of Civil Affairs'],
  'natural-resources': ['Natural Resources Bureau', 'Department of Natural Resources'],
  transport: ['Transport Bureau', 'Department of Transport'],
  construction: ['Housing and Urban-Rural Development Bureau', 'Department of Housing and Urban-Rural Development'],
  education: ['Education Bureau', 'Department of Education'],
  medicare: ['Healthcare Security Administration'],
  tax: ['Tax Service, State Taxation Administration'],
  ecology: ['Ecology and Environment Bureau', 'Department of Ecology and Environment'],
  bigdata: ['Big Data Development Administration'],
  'housing-fund': ['Housing Provident Fund Management Center'],
  fire: ['Fire and Rescue Division', 'Fire and Rescue Corps'],
  agriculture: ['Agriculture and Rural Affairs Bureau', 'Department of Agriculture and Rural Affairs'],
  water: ['Water Affairs Bureau', 'Department of Water Resources'],
  veterans: ['Veterans Affairs Bureau', 'Department of Veterans Affairs'],
  emergency: ['Emergency Management Bureau', 'Department of Emergency Management'],
  urban: ['Urban Management Bureau'],
  disabled: ["Disabled Persons' Federation"],
  culture: ['Culture, Sports, Radio, Television and Tourism Bureau', 'Department of Culture and Tourism'],
  justice: ['Justice Bureau', 'Department of Justice'],
  commerce: ['Commerce Bureau', 'Department of Commerce'],
  drug: ['Medical Products Administration'],
  forestry: ['Forestry Bureau', 'Forestry Administration'],
};

/** How the place reads before the department's kind: Guizhou Provincial, Guiyang Municipal, Nanming District. */
function placeOf(region: { code: string; name: string }): string {
  if (region.code.length === 2) return `${regionShortNameEn(region.name)} Provincial`;
  if (region.code.length === 4 && region.name.endsWith('市')) return `${regionShortNameEn(region.name)} Municipal`;
  return regionNameEn(region.code, region.name);
}

/** A department's English name; the rest of its Chinese name after the place in pinyin when its kind is not known. */
const named = new Map<string, string>();

/** Remembered, as region names are: every item of the search index carries its department's. */
export function departmentNameEn(d: {
  name: string;
  category: string;
  region: { code: string; name: string };
}): string {
  const key = `${d.category} ${d.region.code} ${d.region.name} ${d.name}`;
  let en = named.get(key);
  if (en === undefined) named.set(key, (en = nameEn(d)));
  return en;
}

function nameEn(d: { name: string; category: string; region: { code: string; name: string } }): string {
  const kind = KINDS[d.category];
  if (!kind) {
    const at = d.name.indexOf(d.region.name);
    const rest = at < 0 ? '' : d.name.slice(at + d.region.name.length);
    return rest ? `${placeOf(d.region)} ${romanise(rest)}` : romanise(d.name);
  }
  const [local, province] = kind;
  return `${placeOf(d.region)} ${d.region.code.length === 2 ? (province ?? local) : local}`;
}
