/** 惠企政策: enterprises matched to subsidies from the legal-entity registry (惠企政策精准推送). */
import type { EnterprisePolicy } from '../rules/language.js';
import {
  ACTIVE,
  employeesAtMost,
  establishedWithin,
  GOOD_TAX_CREDIT,
  GUIYANG,
  HAS_EMPLOYEES,
  PROVINCE,
  QIANDONGNAN,
  t,
} from './words.js';

const firm = {
  status: 'active',
  establishedOn: '2026-06-01',
  industry: '餐饮业',
  employees: 6,
  registeredCapital: 500_000,
  taxCreditRating: 'B',
  regionCode: '520102',
};

/** 一次性创业补贴: new small businesses in their first year. */
export const startupSubsidy: EnterprisePolicy = {
  code: 'startup-subsidy',
  name: t('一次性创业补贴', 'one-off start-up subsidy'),
  summary: t(
    '成立一年内的小微企业和个体工商户可申领一次性创业补贴。',
    'Small businesses in their first year may claim a one-off start-up subsidy.',
  ),
  subject: 'enterprise',
  mode: 'offer',
  itemBasicCode: '051120013000',
  period: 'once',
  triggers: ['enterprise_established'],
  versions: [
    {
      version: 1,
      effectiveFrom: '2019-01-01',
      legalBasis: '《贵州省就业补助资金管理办法》；《关于进一步做好稳就业工作的实施意见》',
      when: [ACTIVE, establishedWithin(365, '成立不满一年', 'established less than a year ago')],
      params: { subsidy: { [GUIYANG]: 10_000, [QIANDONGNAN]: 8_000, [PROVINCE]: 5_000 } },
      amount: 'subsidy',
    },
  ],
  examples: [
    { name: 'five months old in 南明区', on: '2026-11-02', facts: firm, expect: { eligible: true, amount: 10_000 } },
    {
      name: 'the same in 黎平县',
      on: '2026-11-02',
      facts: { ...firm, regionCode: '522631' },
      expect: { eligible: true, amount: 8_000 },
    },
    {
      name: 'three years old',
      on: '2026-11-02',
      facts: { ...firm, establishedOn: '2023-06-01' },
      expect: { eligible: false, failing: ['成立不满一年'] },
    },
  ],
};

/** 创业担保贷款: small businesses under three years old are told they may borrow with a guarantee. */
export const startupLoan: EnterprisePolicy = {
  code: 'startup-loan',
  name: t('创业担保贷款', 'guaranteed start-up loan'),
  summary: t(
    '成立三年内的小微企业可申请创业担保贷款，财政贴息。',
    'Small businesses under three years old may apply for a guaranteed loan with subsidised interest.',
  ),
  subject: 'enterprise',
  mode: 'offer',
  itemBasicCode: '201120014000',
  period: 'once',
  triggers: ['enterprise_established'],
  versions: [
    {
      version: 1,
      effectiveFrom: '2020-04-01',
      legalBasis: '《创业担保贷款贴息及奖补政策》（财金〔2020〕21号）',
      when: [
        ACTIVE,
        establishedWithin(1095, '成立不满三年', 'established less than three years ago'),
        { fact: 'region', op: 'within', regions: [PROVINCE], label: t('登记地在贵州省', 'registered in Guizhou') },
      ],
    },
  ],
  examples: [
    { name: 'a new restaurant', on: '2026-11-02', facts: firm, expect: { eligible: true } },
    {
      name: 'cancelled',
      on: '2026-11-02',
      facts: { ...firm, status: 'cancelled' },
      expect: { eligible: false, failing: ['登记状态为存续'] },
    },
  ],
};

/** 失业保险稳岗返还: returned to employers without an application (免申即享). */
export const jobRetentionRefund: EnterprisePolicy = {
  code: 'job-retention-refund',
  name: t('失业保险稳岗返还', 'unemployment-insurance job-retention refund'),
  summary: t(
    '依法参保缴费、未裁员或裁员率低的企业，按上年度缴费的一定比例返还，免申即享。',
    'Employers that kept their staff get part of last year’s contributions back without applying.',
  ),
  subject: 'enterprise',
  mode: 'automatic',
  itemBasicCode: '051120027000',
  period: 'year',
  triggers: [],
  versions: [
    {
      version: 1,
      effectiveFrom: '2023-01-01',
      legalBasis: '《失业保险条例》；《关于延续实施失业保险援企稳岗政策的通知》（人社部发〔2023〕19号）',
      when: [ACTIVE, HAS_EMPLOYEES, GOOD_TAX_CREDIT],
    },
  ],
  examples: [
    { name: 'a B-rated employer', on: '2026-11-02', facts: firm, expect: { eligible: true } },
    {
      name: 'rated C',
      on: '2026-11-02',
      facts: { ...firm, taxCreditRating: 'C' },
      expect: { eligible: false, failing: ['纳税信用等级为A、B或M级'] },
    },
  ],
};

/** 小微企业“六税两费”减半: applied when the enterprise files, without an application. */
export const smallBusinessTaxRelief: EnterprisePolicy = {
  code: 'small-business-tax-relief',
  name: t('小微企业“六税两费”减半征收', 'half rate of the “six taxes and two fees” for small businesses'),
  summary: t(
    '从业人数不超过300人的小型微利企业，“六税两费”减半征收。',
    'Small businesses of up to 300 employees pay half.',
  ),
  subject: 'enterprise',
  mode: 'automatic',
  itemBasicCode: '101500011000',
  period: 'year',
  triggers: ['enterprise_established'],
  versions: [
    {
      version: 1,
      effectiveFrom: '2023-01-01',
      effectiveTo: '2027-12-31',
      legalBasis: '《财政部 税务总局关于进一步支持小微企业和个体工商户发展有关税费政策的公告》（2023年第12号）',
      when: [ACTIVE, employeesAtMost(300)],
    },
  ],
  examples: [
    { name: 'six employees', on: '2026-11-02', facts: firm, expect: { eligible: true } },
    { name: 'after the policy ends', on: '2028-01-01', facts: firm, expect: { eligible: false } },
  ],
};

/** 软件企业研发费用补助: software firms with good tax credit are told to apply. */
export const softwareRnD: EnterprisePolicy = {
  code: 'software-rnd-grant',
  name: t('软件和信息技术服务企业研发补助', 'R&D grant for software firms'),
  summary: t(
    '纳税信用良好的软件和信息技术服务企业可申请研发费用补助。',
    'Software and IT firms with good tax credit may apply for an R&D grant.',
  ),
  subject: 'enterprise',
  mode: 'offer',
  period: 'year',
  triggers: ['enterprise_established'],
  versions: [
    {
      version: 1,
      effectiveFrom: '2022-01-01',
      legalBasis: '《贵州省大数据发展应用促进条例》；《贵阳市软件和信息技术服务业发展扶持办法》',
      when: [
        ACTIVE,
        {
          fact: 'industry',
          op: 'in',
          values: ['软件和信息技术服务业'],
          label: t('属软件和信息技术服务业', 'software and IT services'),
        },
        {
          fact: 'taxCreditRating',
          op: 'in',
          values: ['A', 'B'],
          label: t('纳税信用等级为A或B级', 'tax credit rating A or B'),
        },
        { fact: 'region', op: 'within', regions: [GUIYANG], label: t('登记地在贵阳市', 'registered in Guiyang') },
      ],
      params: { grant: { [GUIYANG]: 200_000 } },
      amount: 'grant',
    },
  ],
  examples: [
    {
      name: 'a software firm in 南明区',
      on: '2026-11-02',
      facts: { ...firm, industry: '软件和信息技术服务业', taxCreditRating: 'A' },
      expect: { eligible: true, amount: 200_000 },
    },
    {
      name: 'a software firm in 黎平县',
      on: '2026-11-02',
      facts: { ...firm, industry: '软件和信息技术服务业', taxCreditRating: 'A', regionCode: '522631' },
      expect: { eligible: false, failing: ['登记地在贵阳市'] },
    },
  ],
};
