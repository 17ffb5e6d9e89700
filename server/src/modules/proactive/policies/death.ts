/** 身后事: a death registered by 数据通 reaches the family (the benefit goes to a survivor of the household). */
import type { PersonPolicy } from '../rules/language.js';
import { DECEASED, diedWithin, GUIYANG, inGuizhou, PENSION_INSURED, PROVINCE, QIANDONGNAN, t } from './words.js';

const deceased = { alive: false, birthDate: '1940-02-01', insured: 'employee', regionCode: '520103001001' };

/** 丧葬补助金: the survivors of an insured person, paid without an application. */
export const funeralGrant: PersonPolicy = {
  code: 'funeral-grant',
  name: t('丧葬补助金', 'funeral grant'),
  summary: t(
    '参加基本养老保险的人员去世后，向其遗属发放丧葬补助金，无需申请。',
    'The family of an insured person who died receives the funeral grant without applying.',
  ),
  subject: 'person',
  mode: 'automatic',
  beneficiary: 'survivor',
  itemBasicCode: '051120015000',
  period: 'once',
  triggers: ['death'],
  versions: [
    {
      version: 1,
      effectiveFrom: '2011-07-01',
      legalBasis: '《中华人民共和国社会保险法》第十七条',
      when: [DECEASED, diedWithin(365), PENSION_INSURED],
      params: { grant: { [GUIYANG]: 6_000, [QIANDONGNAN]: 4_800, [PROVINCE]: 4_800 } },
      amount: 'grant',
    },
  ],
  examples: [
    {
      name: 'died last month in 云岩区',
      on: '2026-11-02',
      facts: { ...deceased, deathDate: '2026-10-05' },
      expect: { eligible: true, amount: 6_000 },
    },
    {
      name: 'not insured',
      on: '2026-11-02',
      facts: { ...deceased, deathDate: '2026-10-05', insured: 'none' },
      expect: { eligible: false, failing: ['参加基本养老保险'] },
    },
    { name: 'alive', on: '2026-11-02', facts: { ...deceased, alive: true }, expect: { eligible: false } },
  ],
};

/** 抚恤金: survivors of an employee-insured person apply (their dependency must be shown). */
export const survivorPension: PersonPolicy = {
  code: 'survivor-pension',
  name: t('遗属抚恤金', 'survivor pension'),
  summary: t(
    '参加职工基本养老保险的人员去世后，其遗属可申领一次性抚恤金。',
    'The family of a person with employee pension insurance may claim a one-off survivor pension.',
  ),
  subject: 'person',
  mode: 'offer',
  beneficiary: 'survivor',
  itemBasicCode: '051120015000',
  period: 'once',
  triggers: ['death'],
  versions: [
    {
      version: 1,
      effectiveFrom: '2011-07-01',
      legalBasis: '《中华人民共和国社会保险法》第十七条；《贵州省企业职工基本养老保险遗属待遇办法》',
      when: [
        DECEASED,
        diedWithin(365),
        {
          fact: 'insured',
          op: 'in',
          values: ['employee'],
          label: t('参加职工基本养老保险', 'in the employee pension scheme'),
        },
      ],
    },
  ],
  examples: [
    {
      name: 'employee insured',
      on: '2026-11-02',
      facts: { ...deceased, deathDate: '2026-09-01' },
      expect: { eligible: true },
    },
    {
      name: 'died two years ago',
      on: '2026-11-02',
      facts: { ...deceased, deathDate: '2024-09-01' },
      expect: { eligible: false, failing: ['死亡不超过365天'] },
    },
  ],
};

/** 惠民殡葬: basic funeral services free for every registered resident of the province. */
export const funeralWaiver: PersonPolicy = {
  code: 'funeral-fee-waiver',
  name: t('惠民殡葬基本服务费用减免', 'basic funeral services free of charge'),
  summary: t(
    '贵州户籍居民去世后，遗体接运、火化等基本殡葬服务费用直接减免。',
    'Basic funeral services for residents of Guizhou are free of charge.',
  ),
  subject: 'person',
  mode: 'automatic',
  beneficiary: 'survivor',
  itemBasicCode: '051070010000',
  period: 'once',
  triggers: ['death'],
  versions: [
    {
      version: 1,
      effectiveFrom: '2016-01-01',
      legalBasis: '《殡葬管理条例》；《贵州省惠民殡葬政策实施办法》',
      when: [DECEASED, diedWithin(90), inGuizhou],
      params: { waiver: { [GUIYANG]: 1_800, [PROVINCE]: 1_200 } },
      amount: 'waiver',
    },
  ],
  examples: [
    {
      name: 'died in 黎平',
      on: '2026-11-02',
      facts: { ...deceased, regionCode: '522631100001', deathDate: '2026-10-30', insured: 'none' },
      expect: { eligible: true, amount: 1_200 },
    },
  ],
};
