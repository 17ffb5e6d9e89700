/**
 * Departments of every city (市、州) and county (县、市、区、特区) of the demo province generated from
 * one template per level over the standard region list (GB/T 2260, `regions-52.json`): names as the
 * institutions are really called (黎平县市场监督管理局, 六盘水市公安局钟山分局, 国家税务总局凯里市税务局),
 * the service hall in the county seat, the city's telephone area code. 贵阳市, 南明区 and 云岩区 are
 * written out by hand in departments.ts and are left out here. Street numbers and telephone numbers
 * are illustrative demo data.
 */
import { createRequire } from 'node:module';
import type { DepartmentSeed } from './departments.js';

const require = createRequire(import.meta.url);

export interface Place {
  code: string;
  name: string;
  /** The city of a county; undefined for a city. */
  city?: Place;
  /** The first township (乡镇、街道) in code order: the county seat in Guizhou's list. */
  seat: string;
}

type RegionTuple = [code: string, name: string, parentCode: string | null];

/** Cities and counties of province 52 with their seats, in code order. */
export function placesOf52(): { cities: Place[]; counties: Place[] } {
  const tuples = require('./regions-52.json') as RegionTuple[];
  const seats = new Map<string, string>();
  for (const [code, name, parent] of tuples)
    if (code.length === 9 && parent && !seats.has(parent)) seats.set(parent, name);
  const cities = new Map<string, Place>();
  const counties: Place[] = [];
  for (const [code, name] of tuples) {
    if (code.length === 4) cities.set(code, { code, name, seat: '' });
    if (code.length === 6)
      counties.push({ code, name, city: cities.get(code.slice(0, 4)), seat: seats.get(code) ?? '' });
  }
  // A city's hall stands in its first district, the seat of the city government.
  for (const city of cities.values()) city.seat = counties.find((c) => c.city === city)?.name ?? '';
  return { cities: [...cities.values()], counties };
}

/** Telephone area codes (区号): since 2015 遵义 and 安顺 share 贵阳's 0851. */
const AREA_CODES: Record<string, string> = {
  '5201': '0851',
  '5202': '0858',
  '5203': '0851',
  '5204': '0851',
  '5205': '0857',
  '5206': '0856',
  '5223': '0859',
  '5226': '0855',
  '5227': '0854',
};

const ETHNIC_AUTONOMY = /(?:布依族|苗族|侗族|水族|彝族|回族|土家族|仡佬族)+自治(州|县)$/;

/** The short form people use: 黔东南苗族侗族自治州 → 黔东南州, 三都水族自治县 → 三都县. */
export const shortPlaceName = (name: string): string => name.replace(ETHNIC_AUTONOMY, '$1');

/** A 区 (not a 特区) is part of its city and is named with it: 六盘水市钟山区. */
const isDistrict = (p: Place): boolean => p.name.endsWith('区') && !p.name.endsWith('特区');

/** The name a county's departments and hall carry: 黎平县, 凯里市, 六盘水市钟山区. */
export const countyPrefix = (p: Place): string => (isDistrict(p) && p.city ? `${p.city.name}${p.name}` : p.name);

/** 政务服务中心 of a generated city or county. */
export const placeHall = (p: Place): string => `${p.city ? countyPrefix(p) : p.name}政务服务中心`;

/** Service-hall hours by level: county halls open earlier and, in the three autonomous prefectures, on Saturday mornings. */
const HOURS = {
  city: '周一至周五 9:00-12:00, 13:30-17:30（法定节假日除外）',
  county: '周一至周五 8:30-12:00, 14:00-17:30（法定节假日除外）',
  countySaturday: '周一至周五 8:30-12:00, 14:00-17:30；周六 9:00-12:00（“周末不打烊”，法定节假日除外）',
};

const ROADS = ['人民路', '中山路', '民族路', '迎宾大道', '新华路', '政通路', '市府路', '建设路'];

/** One department kind at a level: category, name tail, short-name tail, last four digits of its phone. */
type Row = [category: string, tail: string, shortTail: string, phone: string];

const CITY_ROWS: Row[] = [
  ['market', '市场监督管理局', '市场监管局', '2315'],
  ['police', '公安局', '公安局', '1110'],
  ['traffic', '公安局交通警察支队', '公安交警支队', '2122'],
  ['hrss', '人力资源和社会保障局', '人社局', '2233'],
  ['health', '卫生健康局', '卫生健康局', '2120'],
  ['civil', '民政局', '民政局', '2152'],
  ['natural-resources', '自然资源局', '自然资源局', '2460'],
  ['transport', '交通运输局', '交通运输局', '2525'],
  ['construction', '住房和城乡建设局', '住房城乡建设局', '2631'],
  ['education', '教育局', '教育局', '2700'],
  ['medicare', '医疗保障局', '医保局', '2951'],
  ['tax', '税务局', '税务局', ''],
  ['ecology', '生态环境局', '生态环境局', '2785'],
  ['bigdata', '大数据发展管理局', '大数据局', '2010'],
  ['housing-fund', '住房公积金管理中心', '公积金中心', ''],
  ['fire', '消防救援支队', '消防救援支队', '2119'],
  ['agriculture', '农业农村局', '农业农村局', '2842'],
  ['water', '水务局', '水务局', '2871'],
  ['veterans', '退役军人事务局', '退役军人事务局', '2903'],
  ['emergency', '应急管理局', '应急局', '2118'],
  ['urban', '城市管理局', '城管局', '2376'],
  ['disabled', '残疾人联合会', '残联', '2570'],
];

const COUNTY_ROWS: Row[] = [
  ['market', '市场监督管理局', '市场监管局', '1315'],
  ['police', '公安局', '公安局', '1110'],
  ['hrss', '人力资源和社会保障局', '人社局', '1233'],
  ['health', '卫生健康局', '卫生健康局', '1120'],
  ['civil', '民政局', '民政局', '1152'],
  ['education', '教育局', '教育局', '1700'],
  ['medicare', '医疗保障局', '医保局', '1951'],
  ['tax', '税务局', '税务局', ''],
  ['disabled', '残疾人联合会', '残联', '1570'],
  ['veterans', '退役军人事务局', '退役军人事务局', '1903'],
  ['culture', '文体广电旅游局', '文体广电旅游局', '1613'],
  ['emergency', '应急管理局', '应急局', '1119'],
  ['justice', '司法局', '司法局', '1148'],
  ['urban', '城市管理局', '城管局', '1376'],
  ['construction', '住房和城乡建设局', '住房城乡建设局', '1631'],
];

/** Departments with their own building rather than a window in the hall. */
const OWN_BUILDING = new Set(['police', 'tax', 'traffic', 'fire', 'housing-fund']);

const streetNumber = (code: string, i: number) => ((Number(code) * 7 + i * 13) % 180) + 1;
const road = (code: string, i: number) => ROADS[(Number(code) + i) % ROADS.length]!;

function department(level: 'city' | 'county', place: Place, row: Row, i: number): DepartmentSeed & { hours: string } {
  const [category, tail, shortTail, phoneTail] = row;
  const city = level === 'city' ? place : place.city!;
  const area = AREA_CODES[city.code] ?? '0851';
  const prefix = level === 'city' ? place.name : countyPrefix(place);
  const short = shortPlaceName(place.name);
  let name = `${prefix}${tail}`;
  if (category === 'tax') name = `国家税务总局${prefix}税务局`;
  if (level === 'county' && category === 'police' && isDistrict(place))
    name = `${city.name}公安局${place.name.replace(/区$/, '')}分局`;
  const seatPlace = level === 'city' ? `${place.name}${place.seat}` : `${city.name}${place.name}${place.seat}`;
  const hallAddress = `${seatPlace}${road(place.code, 0)}${streetNumber(place.code, 0)}号`;
  const address = OWN_BUILDING.has(category)
    ? `${seatPlace}${road(place.code, i + 1)}${streetNumber(place.code, i + 1)}号`
    : `${hallAddress}，${placeHall(place)}`;
  const local = level === 'city' ? `8${place.code.slice(2, 4)}0` : `8${place.code.slice(3, 6)}`;
  const phone =
    category === 'tax'
      ? `${area}-12366`
      : category === 'housing-fund'
        ? `${area}-12329`
        : `${area}-${local}${phoneTail}`;
  const orgStem = level === 'city' ? `MD${place.code.slice(2, 4)}00` : `MC${place.code.slice(2, 6)}`;
  return {
    key: `${place.code}-${category}`,
    regionCode: place.code,
    name,
    shortName: `${short}${shortTail}`,
    category,
    org8: `${orgStem}${String(i + 1).padStart(2, '0')}`,
    address,
    phone,
    hours:
      level === 'city'
        ? HOURS.city
        : ['5223', '5226', '5227'].includes(city.code)
          ? HOURS.countySaturday
          : HOURS.county,
  };
}

/** Departments of the generated cities and counties (every place not in `handWritten`). */
export function generatedDepartments(handWritten: ReadonlySet<string>): DepartmentSeed[] {
  const { cities, counties } = placesOf52();
  return [
    ...cities
      .filter((c) => !handWritten.has(c.code))
      .flatMap((c) => CITY_ROWS.map((r, i) => department('city', c, r, i))),
    ...counties
      .filter((c) => !handWritten.has(c.code))
      .flatMap((c) => COUNTY_ROWS.map((r, i) => department('county', c, r, i))),
  ];
}
