/**
 * The synthetic population and legal entities of the demo province: plausible names, households,
 * ages, marital status and disability; ID numbers and credit codes that pass their check digits.
 * Seeded, so the same seed always gives the same people.
 */
import { Rng } from '../../../platform/random/rng.js';
import { makeCreditCode, makeIdNumber, CREDIT_CODE_ALPHABET } from '../../../platform/validators/index.js';
import { nameUuid } from '../../../platform/ids/deterministic-uuid.js';

export interface Village {
  code: string;
  /** Full address prefix: 贵州省贵阳市云岩区黔东街道… */
  address: string;
}

export interface PersonRecord {
  id: string;
  idNumber: string;
  name: string;
  sex: 'male' | 'female';
  birthDate: string;
  ethnicity: string;
  regionCode: string;
  address: string;
  householdId: string;
  householdRole: '户主' | '配偶' | '子女' | '父母' | '其他';
  maritalStatus: 'unmarried' | 'married' | 'divorced' | 'widowed';
  alive: boolean;
  deathDate: string | null;
  disabilityLevel: number | null;
  phone: string | null;
  /** 参保类型 (社保): employee or resident insurance, or none. */
  insured?: 'employee' | 'resident' | 'none';
  /** 收入状况 (民政): 低保, 低保边缘 or ordinary. */
  incomeBand?: 'low' | 'marginal' | 'ordinary';
}

export interface EnterpriseRecord {
  creditCode: string;
  name: string;
  entityType: string;
  legalRepresentativeId: string;
  status: 'active' | 'revoked' | 'cancelled';
  industry: string;
  businessScope: string;
  regionCode: string;
  address: string;
  registeredCapital: number | null;
  establishedOn: string;
  /** 从业人数 (insured employees), null: no record. */
  employees: number | null;
  /** 纳税信用等级, null: no record. */
  taxCreditRating: 'A' | 'B' | 'M' | 'C' | 'D' | null;
}

// Surnames weighted roughly by frequency in Guizhou; given-name characters common in recent decades.
const SURNAMES: [string, number][] = [
  ['王', 7],
  ['李', 7],
  ['张', 6],
  ['刘', 5],
  ['陈', 5],
  ['杨', 6],
  ['黄', 3],
  ['赵', 3],
  ['吴', 4],
  ['周', 3],
  ['徐', 2],
  ['孙', 2],
  ['马', 2],
  ['朱', 2],
  ['胡', 2],
  ['郭', 2],
  ['何', 2],
  ['罗', 3],
  ['高', 1],
  ['林', 1],
  ['龙', 2],
  ['田', 2],
  ['潘', 1],
  ['石', 1],
  ['韦', 1],
  ['蒙', 1],
  ['杜', 1],
  ['冉', 1],
];
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红建国文辉鹏飞宇浩然子涵欣怡梓轩雨桐思远佳琪俊杰诗雨一鸣晨曦婷婷志强海燕春梅德华永红';
const ETHNICITIES: [string, number][] = [
  ['汉族', 62],
  ['苗族', 11],
  ['布依族', 7],
  ['侗族', 4],
  ['土家族', 4],
  ['彝族', 2],
  ['仡佬族', 1],
  ['水族', 1],
];
const INDUSTRIES: [string, string, string][] = [
  ['餐饮业', '餐饮服务；食品销售', '餐饮'],
  ['零售业', '日用百货、食品销售', '商贸'],
  ['软件和信息技术服务业', '软件开发；信息系统集成服务；数据处理和存储支持服务', '科技'],
  ['建筑业', '房屋建筑工程施工；市政公用工程施工', '建设'],
  ['道路运输业', '道路普通货物运输', '物流'],
  ['住宿业', '住宿服务', '酒店'],
  ['农副食品加工业', '农产品初加工；辣椒制品加工', '食品'],
  ['医药制造业', '中药饮片加工；药品批发', '药业'],
  ['酒、饮料和精制茶制造业', '白酒生产；茶叶种植与加工', '酒业'],
  ['商务服务业', '企业管理咨询；会议及展览服务', '咨询'],
];
const BRANDS = [
  '黔味',
  '山城',
  '筑城',
  '花溪',
  '甲秀',
  '云岩',
  '南明',
  '乌江',
  '夜郎',
  '多彩',
  '黔灵',
  '观山',
  '息烽',
  '清镇',
  '万峰',
  '梵净',
  '赤水',
  '苗岭',
  '红枫',
  '鸿泰',
  '瑞丰',
  '恒信',
  '佳禾',
  '鼎盛',
];

function isoDate(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A birth date `minAge`–`maxAge` years back, never after `today` (a baby of this year is born by today). */
function randomBirth(rng: Rng, minAge: number, maxAge: number, today: Date): string {
  const year = today.getUTCFullYear() - rng.int(minAge, maxAge);
  const month = rng.int(1, 12);
  const day = rng.int(1, new Date(Date.UTC(year, month, 0)).getUTCDate());
  const date = isoDate(year, month, day);
  if (date <= today.toISOString().slice(0, 10)) return date;
  // Later in the year than today: the same day a year earlier (29 February becomes the 28th).
  return isoDate(year - 1, month, Math.min(day, new Date(Date.UTC(year - 1, month, 0)).getUTCDate()));
}

/** Generates `count` persons in households, and `enterpriseCount` legal entities. */
export function generatePopulation(opts: {
  seed: number;
  persons: number;
  enterprises: number;
  villages: Village[];
  today: Date;
}): { persons: PersonRecord[]; enterprises: EnterpriseRecord[] } {
  const rng = new Rng(opts.seed);
  const persons: PersonRecord[] = [];
  const usedIds = new Set<string>();

  const makePerson = (
    village: Village,
    sex: 'male' | 'female',
    birthDate: string,
    surname: string,
    householdId: string,
    role: PersonRecord['householdRole'],
  ): PersonRecord => {
    const county = village.code.slice(0, 6);
    let idNumber: string;
    do {
      // Sequence: odd for men, even for women (GB 11643).
      const seq = rng.int(0, 499) * 2 + (sex === 'male' ? 1 : 0);
      idNumber = makeIdNumber(county, birthDate, seq);
    } while (usedIds.has(idNumber));
    usedIds.add(idNumber);
    const givenLen = rng.chance(0.7) ? 2 : 1;
    let given = '';
    for (let i = 0; i < givenLen; i++) given += rng.pick([...GIVEN]);
    const age = opts.today.getUTCFullYear() - Number(birthDate.slice(0, 4));
    return {
      id: nameUuid('person', idNumber),
      idNumber,
      name: surname + given,
      sex,
      birthDate,
      ethnicity: rng.weighted(ETHNICITIES),
      regionCode: village.code,
      address: `${village.address}${rng.int(1, 300)}号`,
      householdId,
      householdRole: role,
      maritalStatus: 'unmarried',
      alive: true,
      deathDate: null,
      disabilityLevel: rng.chance(0.012) ? rng.int(1, 4) : null,
      phone:
        age >= 12
          ? `1${rng.pick(['35', '36', '38', '39', '50', '51', '58', '59', '80', '82', '87', '88', '99'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`
          : null,
    };
  };

  while (persons.length < opts.persons) {
    const village = rng.pick(opts.villages);
    const householdId = nameUuid('household', `${opts.seed}:${persons.length}`);
    const surname = rng.weighted(SURNAMES);
    const headSex = rng.chance(0.6) ? 'male' : 'female';
    const head = makePerson(village, headSex, randomBirth(rng, 22, 85, opts.today), surname, householdId, '户主');
    persons.push(head);
    const headAge = opts.today.getUTCFullYear() - Number(head.birthDate.slice(0, 4));
    if (rng.chance(0.72) && persons.length < opts.persons) {
      const spouseAge = Math.max(20, headAge + rng.int(-5, 5));
      const spouse = makePerson(
        village,
        headSex === 'male' ? 'female' : 'male',
        randomBirth(rng, spouseAge, spouseAge, opts.today),
        rng.weighted(SURNAMES),
        householdId,
        '配偶',
      );
      head.maritalStatus = 'married';
      spouse.maritalStatus = 'married';
      persons.push(spouse);
      const children = headAge < 30 ? rng.int(0, 1) : rng.int(0, 3);
      for (let c = 0; c < children && persons.length < opts.persons; c++) {
        const maxChildAge = Math.max(0, headAge - 20);
        const child = makePerson(
          village,
          rng.chance(0.52) ? 'male' : 'female',
          randomBirth(rng, 0, Math.min(maxChildAge, 40), opts.today),
          head.sex === 'male' ? surname : spouse.name[0]!,
          householdId,
          '子女',
        );
        if (opts.today.getUTCFullYear() - Number(child.birthDate.slice(0, 4)) >= 24 && rng.chance(0.5))
          child.maritalStatus = 'married';
        persons.push(child);
      }
    } else if (headAge > 40) {
      head.maritalStatus = rng.weighted([
        ['divorced', 1],
        ['widowed', headAge > 65 ? 3 : 1],
        ['unmarried', 1],
      ] as const);
    }
    // A few deaths recorded by the registry (the life-event work will make these flow).
    if (headAge > 75 && rng.chance(0.05)) {
      head.alive = false;
      head.deathDate = isoDate(opts.today.getUTCFullYear() - rng.int(0, 2), rng.int(1, 12), rng.int(1, 28));
    }
  }

  const adults = persons.filter((p) => p.alive && opts.today.getUTCFullYear() - Number(p.birthDate.slice(0, 4)) >= 20);
  const enterprises: EnterpriseRecord[] = [];
  const usedCodes = new Set<string>();
  const orgAlphabet = CREDIT_CODE_ALPHABET.replace(/[A-Z]/g, (ch) => ('IOSVZ'.includes(ch) ? '' : ch));
  for (let i = 0; i < opts.enterprises; i++) {
    const village = rng.pick(opts.villages);
    const county = village.code.slice(0, 6);
    const individual = rng.chance(0.35);
    let creditCode: string;
    do {
      let org8 = '';
      for (let k = 0; k < 8; k++) org8 += rng.pick([...(k === 0 ? 'MAKL' : orgAlphabet)]);
      creditCode = makeCreditCode('9', individual ? '2' : '1', county, org8);
    } while (usedCodes.has(creditCode));
    usedCodes.add(creditCode);
    const [industry, scope, word] = rng.pick(INDUSTRIES);
    const rep = rng.pick(adults);
    const brand = rng.pick(BRANDS);
    // 个体工商户 are named after their county (黎平县乌江建设经营部), companies after the province.
    const countyName = village.address.match(/^贵州省.+?[市州](.+?[区县市])/)?.[1] ?? '';
    const name = individual
      ? `${countyName}${brand}${word === '餐饮' ? '小吃店' : `${word}经营部`}`
      : `贵州${brand}${word}${rng.pick(['有限公司', '有限责任公司', '股份有限公司'])}`;
    enterprises.push({
      creditCode,
      name: enterprises.some((e) => e.name === name)
        ? `${name.replace(/(有限公司|有限责任公司|股份有限公司|小吃店|经营部)$/, '')}${i}${name.match(/(有限公司|有限责任公司|股份有限公司|小吃店|经营部)$/)?.[0] ?? ''}`
        : name,
      entityType: individual
        ? '个体工商户'
        : rng.pick(['有限责任公司（自然人投资或控股）', '有限责任公司（自然人独资）', '股份有限公司（非上市）']),
      legalRepresentativeId: rep.id,
      status: rng.weighted([
        ['active', 92],
        ['revoked', 3],
        ['cancelled', 5],
      ] as const),
      industry,
      businessScope: scope,
      regionCode: county,
      address: `${village.address}${rng.int(1, 500)}号`,
      registeredCapital: individual ? null : rng.pick([10, 30, 50, 100, 200, 500, 1000, 5000]) * 10_000,
      establishedOn: randomBirth(rng, 0, 25, opts.today),
      ...employerFacts(creditCode, individual),
    });
  }
  for (const p of persons) Object.assign(p, socialFacts(p, opts.today));
  return { persons, enterprises };
}

/** A generator of its own per subject, so these facts never shift the people and names the main seed gives. */
const sideRng = (key: string) =>
  new Rng([...key].reduce((h, ch) => Math.imul(h ^ ch.charCodeAt(0), 16_777_619), 2_166_136_261));

/** 参保 and 收入 facts of the other registries (人社, 民政), plausible for the person's age. */
function socialFacts(p: PersonRecord, today: Date): Pick<PersonRecord, 'insured' | 'incomeBand'> {
  const rng = sideRng(p.id);
  const age = today.getUTCFullYear() - Number(p.birthDate.slice(0, 4));
  const insured =
    age < 16
      ? 'none'
      : rng.weighted([
          ['employee', age < 60 ? 45 : 30],
          ['resident', 45],
          ['none', 10],
        ] as const);
  const incomeBand = rng.weighted([
    ['low', p.disabilityLevel ? 20 : 4],
    ['marginal', 4],
    ['ordinary', 92],
  ] as const);
  return { insured, incomeBand };
}

function employerFacts(
  creditCode: string,
  individual: boolean,
): Pick<EnterpriseRecord, 'employees' | 'taxCreditRating'> {
  const rng = sideRng(creditCode);
  return {
    employees: individual ? rng.int(0, 5) : rng.int(3, 400),
    taxCreditRating: rng.weighted([
      ['A', 25],
      ['B', 45],
      ['M', 15],
      ['C', 10],
      ['D', 5],
    ] as const),
  };
}
