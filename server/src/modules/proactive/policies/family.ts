/** 生育、育儿: a birth registered by 数据通 reaches the parents without an application. */
import type { PersonPolicy } from '../rules/language.js';
import {
  ALIVE,
  childBornWithin,
  EMPLOYEE_INSURED,
  FEMALE,
  GUIYANG,
  PARENT,
  PROVINCE,
  QIANDONGNAN,
  t,
} from './words.js';

const mother = { sex: 'female', alive: true, insured: 'employee', householdRole: '配偶', regionCode: '520102001001' };

/** 生育津贴: insured mothers, paid by the medical-insurance fund after the birth (免申即享). */
export const maternityAllowance: PersonPolicy = {
  code: 'maternity-allowance',
  name: t('生育津贴', 'maternity allowance'),
  summary: t(
    '参加职工生育保险的女职工生育后，按产假天数计发生育津贴，无需申请。',
    'Insured working mothers receive the maternity allowance for their leave after a birth, without applying.',
  ),
  subject: 'person',
  mode: 'automatic',
  itemBasicCode: '051440006000',
  period: 'year',
  triggers: ['birth'],
  versions: [
    {
      version: 1,
      effectiveFrom: '2021-01-01',
      legalBasis: '《中华人民共和国社会保险法》第五十四条、第五十六条；《贵州省职工生育保险办法》',
      when: [FEMALE, ALIVE, EMPLOYEE_INSURED, childBornWithin(365, '一年内生育', 'gave birth within the last year')],
      params: { allowance: { [GUIYANG]: 15_680, [QIANDONGNAN]: 11_760, [PROVINCE]: 11_760 } },
      amount: 'allowance',
    },
  ],
  examples: [
    {
      name: 'an insured mother in 南明区 a month after the birth',
      on: '2026-11-02',
      facts: { ...mother, birthDate: '1994-03-08', childBirthDate: '2026-10-01' },
      expect: { eligible: true, amount: 15_680 },
    },
    {
      name: 'the same mother registered in 黎平县 is paid 黔东南’s amount',
      on: '2026-11-02',
      facts: { ...mother, birthDate: '1994-03-08', childBirthDate: '2026-10-01', regionCode: '522631100001' },
      expect: { eligible: true, amount: 11_760 },
    },
    {
      name: 'a mother with resident insurance only',
      on: '2026-11-02',
      facts: { ...mother, insured: 'resident', birthDate: '1994-03-08', childBirthDate: '2026-10-01' },
      expect: { eligible: false, failing: ['参加职工社会保险'] },
    },
  ],
};

/** 育儿补贴: 3,600 yuan a year for each child under three (国家育儿补贴制度, 2025). */
export const childcareSubsidy: PersonPolicy = {
  code: 'childcare-subsidy',
  name: t('育儿补贴', 'childcare subsidy'),
  summary: t(
    '三周岁以下婴幼儿的父母每年可领取育儿补贴，每孩每年3600元。',
    'Parents of children under three receive 3,600 yuan a year per child.',
  ),
  subject: 'person',
  mode: 'offer',
  itemBasicCode: '051350011000',
  period: 'year',
  triggers: ['birth'],
  versions: [
    {
      version: 1,
      effectiveFrom: '2025-01-01',
      legalBasis: '《育儿补贴制度实施方案》（2025年）',
      when: [ALIVE, PARENT, childBornWithin(1095, '有三周岁以下子女', 'has a child under three')],
      amount: 3_600,
    },
  ],
  examples: [
    {
      name: 'a father of a one-year-old',
      on: '2026-11-02',
      facts: { ...mother, sex: 'male', householdRole: '户主', birthDate: '1990-01-01', childBirthDate: '2025-10-01' },
      expect: { eligible: true, amount: 3_600 },
    },
    {
      name: 'the child is four',
      on: '2026-11-02',
      facts: { ...mother, birthDate: '1990-01-01', childBirthDate: '2022-10-01' },
      expect: { eligible: false, failing: ['有三周岁以下子女'] },
    },
    {
      name: 'before the subsidy existed',
      on: '2024-11-02',
      facts: { ...mother, birthDate: '1990-01-01', childBirthDate: '2024-10-01' },
      expect: { eligible: false },
    },
  ],
};
