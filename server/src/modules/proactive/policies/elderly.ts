/** 老年人: turning 60, 65, 80 and 100 — the schedule finds them on the day. */
import type { PersonPolicy } from '../rules/language.js';
import { ageAtLeast, ALIVE, GUIYANG, inGuizhou, PROVINCE, QIANDONGNAN, t } from './words.js';

const elder = (birthDate: string, regionCode = '520102001001') => ({ alive: true, birthDate, regionCode });

/** 老年人优待证: every resident of 60 and over, issued without an application. */
export const seniorCard: PersonPolicy = {
  code: 'senior-card',
  name: t('老年人优待证', 'senior citizen card'),
  summary: t(
    '年满60周岁的贵州户籍老年人自动获发电子老年人优待证。',
    'Residents turning 60 receive the senior card automatically.',
  ),
  subject: 'person',
  mode: 'automatic',
  itemBasicCode: '201070015000',
  period: 'once',
  triggers: [],
  versions: [
    {
      version: 1,
      effectiveFrom: '2017-01-01',
      legalBasis: '《中华人民共和国老年人权益保障法》第五十七条；《贵州省老年人权益保障条例》',
      when: [ALIVE, inGuizhou, ageAtLeast(60)],
    },
  ],
  examples: [
    { name: 'turns 60 today', on: '2026-11-02', facts: elder('1966-11-02'), expect: { eligible: true } },
    {
      name: 'turns 60 tomorrow',
      on: '2026-11-02',
      facts: elder('1966-11-03'),
      expect: { eligible: false, failing: ['年满60周岁'] },
    },
  ],
};

/** 老年人免费乘坐公共交通: 贵阳 from 65, 黔东南 from 70 (a threshold that differs by region). */
export const freeTransit: PersonPolicy = {
  code: 'senior-free-transit',
  name: t('老年人免费乘坐城市公交', 'free city buses for seniors'),
  summary: t(
    '贵阳市年满65周岁、黔东南州年满70周岁的老年人免费乘坐城市公交。',
    'Free city buses from 65 in Guiyang and from 70 in Qiandongnan.',
  ),
  subject: 'person',
  mode: 'automatic',
  period: 'once',
  triggers: [],
  versions: [
    {
      version: 1,
      effectiveFrom: '2019-01-01',
      legalBasis: '《贵州省老年人权益保障条例》第四十二条；各市州老年人优待办法',
      when: [
        ALIVE,
        {
          fact: 'age',
          op: 'gte',
          param: 'fromAge',
          label: t(
            '达到本地免费乘车年龄（贵阳65岁，黔东南70岁）',
            'of the local free-travel age (65 Guiyang, 70 Qiandongnan)',
          ),
        },
      ],
      params: { fromAge: { [GUIYANG]: 65, [QIANDONGNAN]: 70 } },
    },
  ],
  examples: [
    { name: '67 in 南明区', on: '2026-11-02', facts: elder('1959-06-01'), expect: { eligible: true } },
    {
      name: 'the same 67-year-old in 黎平县',
      on: '2026-11-02',
      facts: elder('1959-06-01', '522631100001'),
      expect: { eligible: false, failing: ['达到本地免费乘车年龄（贵阳65岁，黔东南70岁）'] },
    },
  ],
};

/** 高龄津贴: 80 and over; 贵阳 raises its amount from 2027. */
export const longevityAllowance: PersonPolicy = {
  code: 'longevity-allowance',
  name: t('高龄津贴', 'longevity allowance'),
  summary: t(
    '年满80周岁的老年人按年发放高龄津贴，无需申请。',
    'Residents of 80 and over receive a yearly allowance without applying.',
  ),
  subject: 'person',
  mode: 'automatic',
  period: 'year',
  triggers: [],
  versions: [
    {
      version: 1,
      effectiveFrom: '2020-01-01',
      effectiveTo: '2026-12-31',
      legalBasis: '《贵州省老年人权益保障条例》第三十三条；《关于建立80周岁以上老年人高龄津贴制度的通知》',
      when: [ALIVE, inGuizhou, ageAtLeast(80)],
      params: { yearly: { [GUIYANG]: 1_200, [PROVINCE]: 600 } },
      amount: 'yearly',
    },
    {
      version: 2,
      effectiveFrom: '2027-01-01',
      legalBasis: '《贵州省老年人权益保障条例》第三十三条；贵阳市高龄津贴标准调整（2027年起）',
      when: [ALIVE, inGuizhou, ageAtLeast(80)],
      params: { yearly: { [GUIYANG]: 1_800, [PROVINCE]: 600 } },
      amount: 'yearly',
    },
  ],
  examples: [
    {
      name: '85 in 贵阳, 2026',
      on: '2026-12-31',
      facts: elder('1941-01-01'),
      expect: { eligible: true, amount: 1_200, version: 1 },
    },
    {
      name: '85 in 贵阳, 2027',
      on: '2027-01-01',
      facts: elder('1941-01-01'),
      expect: { eligible: true, amount: 1_800, version: 2 },
    },
    {
      name: '85 in 黎平 is unchanged in 2027',
      on: '2027-01-01',
      facts: elder('1941-01-01', '522631100001'),
      expect: { eligible: true, amount: 600, version: 2 },
    },
    { name: '79', on: '2026-11-02', facts: elder('1947-06-01'), expect: { eligible: false, failing: ['年满80周岁'] } },
  ],
};

/** 百岁老人长寿补助. */
export const centenarianAllowance: PersonPolicy = {
  code: 'centenarian-allowance',
  name: t('百岁老人长寿补助', 'centenarian allowance'),
  summary: t('年满100周岁的老年人每年领取长寿补助。', 'Residents of 100 and over receive a yearly allowance.'),
  subject: 'person',
  mode: 'automatic',
  period: 'year',
  triggers: [],
  versions: [
    {
      version: 1,
      effectiveFrom: '2018-01-01',
      legalBasis: '《贵州省老年人权益保障条例》第三十三条',
      when: [ALIVE, inGuizhou, ageAtLeast(100)],
      params: { yearly: { [GUIYANG]: 6_000, [PROVINCE]: 3_600 } },
      amount: 'yearly',
    },
  ],
  examples: [
    {
      name: '100 in 黎平',
      on: '2026-11-02',
      facts: elder('1926-01-01', '522631100001'),
      expect: { eligible: true, amount: 3_600 },
    },
  ],
};

/** 城乡居民基本养老保险待遇: residents insured under the resident scheme are told at 60 to claim it. */
export const residentPension: PersonPolicy = {
  code: 'resident-pension',
  name: t('城乡居民基本养老保险待遇', 'resident basic pension'),
  summary: t(
    '参加城乡居民养老保险、年满60周岁的，可申领按月领取的养老保险待遇。',
    'Residents insured under the resident scheme may claim their monthly pension from 60.',
  ),
  subject: 'person',
  mode: 'offer',
  itemBasicCode: '051120004000',
  period: 'once',
  triggers: [],
  versions: [
    {
      version: 1,
      effectiveFrom: '2014-02-21',
      legalBasis: '《国务院关于建立统一的城乡居民基本养老保险制度的意见》（国发〔2014〕8号）',
      when: [
        ALIVE,
        ageAtLeast(60),
        {
          fact: 'insured',
          op: 'in',
          values: ['resident'],
          label: t('参加城乡居民养老保险', 'in the resident pension scheme'),
        },
      ],
    },
  ],
  examples: [
    {
      name: '61 with resident insurance',
      on: '2026-11-02',
      facts: { ...elder('1965-01-01'), insured: 'resident' },
      expect: { eligible: true },
    },
    {
      name: '61 with employee insurance',
      on: '2026-11-02',
      facts: { ...elder('1965-01-01'), insured: 'employee' },
      expect: { eligible: false, failing: ['参加城乡居民养老保险'] },
    },
  ],
};
