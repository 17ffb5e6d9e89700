/**
 * Demo departments of 贵州省 (52): the province, 贵阳市 (5201) and two of its districts, 南明区
 * (520102) and 云岩区 (520103) written out here; the other 8 cities and 86 counties generated from
 * per-level templates (regional-departments.ts). `category` is the stable slug shared by the same
 * kind of department at every level; service items name a category and a level, and the seed
 * builder creates one implementation for every department of that category at that level.
 *
 * Names follow the real institutional names; street addresses and telephone numbers are
 * illustrative demo data.
 */
import { generatedDepartments, placesOf52, placeHall } from './regional-departments.js';

export interface DepartmentSeed {
  key: string;
  regionCode: string;
  name: string;
  shortName: string;
  category: string;
  /** First 8 characters of the organisation code (credit-code alphabet), unique per department. */
  org8: string;
  address: string;
  phone: string;
  /** Opening hours of the hall the department serves in, when they differ from the province's usual ones. */
  hours?: string;
}

const PLACES = placesOf52();

/** Names of the province, its cities and counties by code. */
export const REGION_NAMES: Readonly<Record<string, string>> = Object.fromEntries([
  ['52', '贵州省'],
  ...[...PLACES.cities, ...PLACES.counties].map((p) => [p.code, p.name]),
]);

/** 政务服务中心 of a city or county by code (贵阳市南明区政务服务中心, 黎平县政务服务中心). */
export const HALLS: Readonly<Record<string, string>> = Object.fromEntries(
  [...PLACES.cities, ...PLACES.counties].map((p) => [p.code, placeHall(p)]),
);

const province: DepartmentSeed[] = [
  {
    key: 'gz-market',
    category: 'market',
    name: '贵州省市场监督管理局',
    shortName: '省市场监管局',
    org8: 'MB1C0011',
    address: '贵阳市观山湖区林城西路95号',
    phone: '0851-86891201',
  },
  {
    key: 'gz-police',
    category: 'police',
    name: '贵州省公安厅',
    shortName: '省公安厅',
    org8: 'MB1C0029',
    address: '贵阳市南明区遵义路1号',
    phone: '0851-85904110',
  },
  {
    key: 'gz-hrss',
    category: 'hrss',
    name: '贵州省人力资源和社会保障厅',
    shortName: '省人社厅',
    org8: 'MB1C0037',
    address: '贵阳市观山湖区林城西路28号',
    phone: '0851-86891233',
  },
  {
    key: 'gz-health',
    category: 'health',
    name: '贵州省卫生健康委员会',
    shortName: '省卫生健康委',
    org8: 'MB1C0045',
    address: '贵阳市云岩区中华北路242号',
    phone: '0851-86829120',
  },
  {
    key: 'gz-civil',
    category: 'civil',
    name: '贵州省民政厅',
    shortName: '省民政厅',
    org8: 'MB1C0053',
    address: '贵阳市云岩区宝山北路168号',
    phone: '0851-86820152',
  },
  {
    key: 'gz-nr',
    category: 'natural-resources',
    name: '贵州省自然资源厅',
    shortName: '省自然资源厅',
    org8: 'MB1C0061',
    address: '贵阳市观山湖区林城西路26号',
    phone: '0851-85281715',
  },
  {
    key: 'gz-transport',
    category: 'transport',
    name: '贵州省交通运输厅',
    shortName: '省交通运输厅',
    org8: 'MB1C007X',
    address: '贵阳市南明区遵义路1号附1号',
    phone: '0851-85556521',
  },
  {
    key: 'gz-construction',
    category: 'construction',
    name: '贵州省住房和城乡建设厅',
    shortName: '省住房城乡建设厅',
    org8: 'MB1C0088',
    address: '贵阳市观山湖区林城西路25号',
    phone: '0851-85361526',
  },
  {
    key: 'gz-education',
    category: 'education',
    name: '贵州省教育厅',
    shortName: '省教育厅',
    org8: 'MB1C0096',
    address: '贵阳市观山湖区林城西路27号',
    phone: '0851-85280122',
  },
  {
    key: 'gz-medicare',
    category: 'medicare',
    name: '贵州省医疗保障局',
    shortName: '省医保局',
    org8: 'MB1C0107',
    address: '贵阳市观山湖区林城西路96号',
    phone: '0851-86891350',
  },
  {
    key: 'gz-tax',
    category: 'tax',
    name: '国家税务总局贵州省税务局',
    shortName: '省税务局',
    org8: 'MB1C0115',
    address: '贵阳市南明区市南路56号',
    phone: '0851-12366',
  },
  {
    key: 'gz-ecology',
    category: 'ecology',
    name: '贵州省生态环境厅',
    shortName: '省生态环境厅',
    org8: 'MB1C0123',
    address: '贵阳市观山湖区林城西路29号',
    phone: '0851-85571681',
  },
  {
    key: 'gz-bigdata',
    category: 'bigdata',
    name: '贵州省大数据发展管理局',
    shortName: '省大数据局',
    org8: 'MB1C0131',
    address: '贵阳市观山湖区长岭北路8号',
    phone: '0851-86892216',
  },
  {
    key: 'gz-drug',
    category: 'drug',
    name: '贵州省药品监督管理局',
    shortName: '省药监局',
    org8: 'MB1C014X',
    address: '贵阳市云岩区新华路45号',
    phone: '0851-86599182',
  },
  {
    key: 'gz-culture',
    category: 'culture',
    name: '贵州省文化和旅游厅',
    shortName: '省文化和旅游厅',
    org8: 'MB1C0158',
    address: '贵阳市观山湖区林城西路31号',
    phone: '0851-86826013',
  },
  {
    key: 'gz-agriculture',
    category: 'agriculture',
    name: '贵州省农业农村厅',
    shortName: '省农业农村厅',
    org8: 'MB1C0166',
    address: '贵阳市云岩区新华路38号',
    phone: '0851-85287710',
  },
  {
    key: 'gz-water',
    category: 'water',
    name: '贵州省水利厅',
    shortName: '省水利厅',
    org8: 'MB1C0174',
    address: '贵阳市观山湖区林城西路32号',
    phone: '0851-85360117',
  },
  {
    key: 'gz-veterans',
    category: 'veterans',
    name: '贵州省退役军人事务厅',
    shortName: '省退役军人事务厅',
    org8: 'MB1C0182',
    address: '贵阳市观山湖区林城西路33号',
    phone: '0851-86892831',
  },
  {
    key: 'gz-emergency',
    category: 'emergency',
    name: '贵州省应急管理厅',
    shortName: '省应急厅',
    org8: 'MB1C0190',
    address: '贵阳市观山湖区林城西路34号',
    phone: '0851-85581119',
  },
  {
    key: 'gz-forestry',
    category: 'forestry',
    name: '贵州省林业局',
    shortName: '省林业局',
    org8: 'MB1C0203',
    address: '贵阳市云岩区北京路39号',
    phone: '0851-86650530',
  },
  {
    key: 'gz-justice',
    category: 'justice',
    name: '贵州省司法厅',
    shortName: '省司法厅',
    org8: 'MB1C0211',
    address: '贵阳市观山湖区林城西路35号',
    phone: '0851-85282148',
  },
  {
    key: 'gz-commerce',
    category: 'commerce',
    name: '贵州省商务厅',
    shortName: '省商务厅',
    org8: 'MB1C022X',
    address: '贵阳市观山湖区林城西路36号',
    phone: '0851-86891606',
  },
  {
    key: 'gz-disabled',
    category: 'disabled',
    name: '贵州省残疾人联合会',
    shortName: '省残联',
    org8: 'MB1C0238',
    address: '贵阳市南明区解放路200号',
    phone: '0851-85366532',
  },
].map((d) => ({ ...d, regionCode: '52' }));

const city: DepartmentSeed[] = [
  {
    key: 'gy-market',
    category: 'market',
    name: '贵阳市市场监督管理局',
    shortName: '市市场监管局',
    org8: 'MB2A0017',
    address: '贵阳市观山湖区市民中心B区',
    phone: '0851-87988312',
  },
  {
    key: 'gy-police',
    category: 'police',
    name: '贵阳市公安局',
    shortName: '市公安局',
    org8: 'MB2A0025',
    address: '贵阳市南明区中山东路3号',
    phone: '0851-85076110',
  },
  {
    key: 'gy-traffic',
    category: 'traffic',
    name: '贵阳市公安局交通管理局',
    shortName: '市公安交管局',
    org8: 'MB2A0033',
    address: '贵阳市云岩区北京路157号',
    phone: '0851-85062122',
  },
  {
    key: 'gy-hrss',
    category: 'hrss',
    name: '贵阳市人力资源和社会保障局',
    shortName: '市人社局',
    org8: 'MB2A0041',
    address: '贵阳市观山湖区市民中心A区',
    phone: '0851-87988220',
  },
  {
    key: 'gy-health',
    category: 'health',
    name: '贵阳市卫生健康局',
    shortName: '市卫生健康局',
    org8: 'MB2A005X',
    address: '贵阳市观山湖区市民中心C区',
    phone: '0851-87988127',
  },
  {
    key: 'gy-civil',
    category: 'civil',
    name: '贵阳市民政局',
    shortName: '市民政局',
    org8: 'MB2A0068',
    address: '贵阳市观山湖区市民中心A区',
    phone: '0851-87988153',
  },
  {
    key: 'gy-nr',
    category: 'natural-resources',
    name: '贵阳市自然资源和规划局',
    shortName: '市自然资源和规划局',
    org8: 'MB2A0076',
    address: '贵阳市观山湖区市民中心D区',
    phone: '0851-87988460',
  },
  {
    key: 'gy-transport',
    category: 'transport',
    name: '贵阳市交通委员会',
    shortName: '市交委',
    org8: 'MB2A0084',
    address: '贵阳市观山湖区市民中心D区',
    phone: '0851-87988525',
  },
  {
    key: 'gy-construction',
    category: 'construction',
    name: '贵阳市住房和城乡建设局',
    shortName: '市住房城乡建设局',
    org8: 'MB2A0092',
    address: '贵阳市观山湖区市民中心C区',
    phone: '0851-87988631',
  },
  {
    key: 'gy-education',
    category: 'education',
    name: '贵阳市教育局',
    shortName: '市教育局',
    org8: 'MB2A0103',
    address: '贵阳市观山湖区市民中心B区',
    phone: '0851-87988700',
  },
  {
    key: 'gy-medicare',
    category: 'medicare',
    name: '贵阳市医疗保障局',
    shortName: '市医保局',
    org8: 'MB2A0111',
    address: '贵阳市观山湖区市民中心A区',
    phone: '0851-87988951',
  },
  {
    key: 'gy-tax',
    category: 'tax',
    name: '国家税务总局贵阳市税务局',
    shortName: '市税务局',
    org8: 'MB2A012X',
    address: '贵阳市观山湖区长岭南路181号',
    phone: '0851-12366',
  },
  {
    key: 'gy-ecology',
    category: 'ecology',
    name: '贵阳市生态环境局',
    shortName: '市生态环境局',
    org8: 'MB2A0138',
    address: '贵阳市观山湖区市民中心D区',
    phone: '0851-87988785',
  },
  {
    key: 'gy-bigdata',
    category: 'bigdata',
    name: '贵阳市大数据发展管理局',
    shortName: '市大数据局',
    org8: 'MB2A0146',
    address: '贵阳市观山湖区市民中心B区',
    phone: '0851-87988010',
  },
  {
    key: 'gy-housing-fund',
    category: 'housing-fund',
    name: '贵阳市住房公积金管理中心',
    shortName: '市公积金中心',
    org8: 'MB2A0154',
    address: '贵阳市观山湖区长岭北路55号',
    phone: '0851-12329',
  },
  {
    key: 'gy-fire',
    category: 'fire',
    name: '贵阳市消防救援支队',
    shortName: '市消防救援支队',
    org8: 'MB2A0162',
    address: '贵阳市云岩区北京路218号',
    phone: '0851-86797119',
  },
  {
    key: 'gy-agriculture',
    category: 'agriculture',
    name: '贵阳市农业农村局',
    shortName: '市农业农村局',
    org8: 'MB2A0170',
    address: '贵阳市观山湖区市民中心D区',
    phone: '0851-87988842',
  },
  {
    key: 'gy-water',
    category: 'water',
    name: '贵阳市水务管理局',
    shortName: '市水务局',
    org8: 'MB2A0189',
    address: '贵阳市观山湖区市民中心D区',
    phone: '0851-87988871',
  },
  {
    key: 'gy-veterans',
    category: 'veterans',
    name: '贵阳市退役军人事务局',
    shortName: '市退役军人事务局',
    org8: 'MB2A0197',
    address: '贵阳市观山湖区市民中心C区',
    phone: '0851-87988903',
  },
  {
    key: 'gy-emergency',
    category: 'emergency',
    name: '贵阳市应急管理局',
    shortName: '市应急局',
    org8: 'MB2A0200',
    address: '贵阳市观山湖区市民中心D区',
    phone: '0851-87988119',
  },
  {
    key: 'gy-urban',
    category: 'urban',
    name: '贵阳市城市管理局',
    shortName: '市城管局',
    org8: 'MB2A0219',
    address: '贵阳市观山湖区市民中心C区',
    phone: '0851-87988376',
  },
  {
    key: 'gy-disabled',
    category: 'disabled',
    name: '贵阳市残疾人联合会',
    shortName: '市残联',
    org8: 'MB2A0227',
    address: '贵阳市南明区都司路88号',
    phone: '0851-85813570',
  },
].map((d) => ({ ...d, regionCode: '5201' }));

/** The same set of district departments for 南明区 and 云岩区. */
function district(regionCode: '520102' | '520103'): DepartmentSeed[] {
  const d =
    regionCode === '520102'
      ? {
          short: '南明区',
          slug: 'nm',
          org: 'MB3N',
          street: '贵阳市南明区花果园大街1号',
          phone: (n: string) => `0851-855${n}`,
        }
      : {
          short: '云岩区',
          slug: 'yy',
          org: 'MB3Y',
          street: '贵阳市云岩区黔灵山路98号',
          phone: (n: string) => `0851-867${n}`,
        };
  const rows: [string, string, string, string, string][] = [
    // category, name tail, short tail, phone tail, address suffix
    ['market', '市场监督管理局', '市场监管局', '21315', '区政务服务中心二楼'],
    ['police', '', '公安分局', '11010', ''],
    ['hrss', '人力资源和社会保障局', '人社局', '21233', '区政务服务中心一楼'],
    ['health', '卫生健康局', '卫生健康局', '21120', '区政府办公楼'],
    ['civil', '民政局', '民政局', '21152', '区政府办公楼'],
    ['education', '教育局', '教育局', '21700', '区政府办公楼'],
    ['medicare', '医疗保障局', '医保局', '21951', '区政务服务中心一楼'],
    ['tax', '', '税务局', '21366', ''],
    ['disabled', '残疾人联合会', '残联', '21570', '区政务服务中心一楼'],
    ['veterans', '退役军人事务局', '退役军人事务局', '21903', '区政府办公楼'],
    ['culture', '文体广电旅游局', '文体广电旅游局', '21613', '区政府办公楼'],
    ['emergency', '应急管理局', '应急局', '21119', '区政府办公楼'],
    ['justice', '司法局', '司法局', '21148', '区政府办公楼'],
    ['urban', '城市管理局', '城管局', '21376', '区政府办公楼'],
    ['construction', '住房和城乡建设局', '住房城乡建设局', '21631', '区政府办公楼'],
  ];
  return rows.map(([category, tail, shortTail, phone, where], i) => {
    let name = `贵阳市${d.short}${tail}`;
    if (category === 'police') name = `贵阳市公安局${d.short.replace('区', '')}分局`;
    if (category === 'tax') name = `国家税务总局贵阳市${d.short}税务局`;
    const address =
      category === 'police'
        ? regionCode === '520102'
          ? '贵阳市南明区解放路162号'
          : '贵阳市云岩区宝山北路370号'
        : category === 'tax'
          ? regionCode === '520102'
            ? '贵阳市南明区市南路58号'
            : '贵阳市云岩区延安中路112号'
          : `${d.street}，${d.short}${where.slice(1)}`;
    return {
      key: `${d.slug}-${category}`,
      regionCode,
      name,
      shortName: `${d.short}${shortTail}`,
      category,
      org8: `${d.org}${String(i + 1).padStart(3, '0')}${category === 'tax' ? 'T' : 'A'}`,
      address,
      phone: category === 'tax' ? '0851-12366' : d.phone(phone),
    };
  });
}

const HAND_WRITTEN = new Set(['52', '5201', '520102', '520103']);

export const DEPARTMENTS: DepartmentSeed[] = [
  ...province,
  ...city,
  ...district('520102'),
  ...district('520103'),
  ...generatedDepartments(HAND_WRITTEN),
];

/**
 * The region codes a level of the item seeds is implemented in: every city and every county. The
 * hand-written ones come first (their department publishes the seed's default guide).
 */
export const LEVEL_REGIONS = {
  province: ['52'],
  city: ['5201', ...PLACES.cities.map((c) => c.code).filter((c) => c !== '5201')],
  county: ['520103', '520102', ...PLACES.counties.map((c) => c.code).filter((c) => !HAND_WRITTEN.has(c))],
} as const satisfies Record<'province' | 'city' | 'county', readonly string[]>;

const BY_REGION_CATEGORY = new Map(DEPARTMENTS.map((d) => [`${d.regionCode}:${d.category}`, d]));

export function departmentsOf(category: string, level: keyof typeof LEVEL_REGIONS): DepartmentSeed[] {
  const regions: readonly string[] = LEVEL_REGIONS[level];
  return regions.flatMap((r) => BY_REGION_CATEGORY.get(`${r}:${category}`) ?? []);
}
