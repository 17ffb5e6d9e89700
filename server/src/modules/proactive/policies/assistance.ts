/** 残疾人、困难群众: certified disability and low income found in the registries. */
import type { PersonPolicy } from '../rules/language.js';
import { ageAtLeast, ageBelow, ALIVE, DISABLED, EMPLOYEE_INSURED, GUIYANG, LOW_INCOME, PROVINCE, t } from './words.js';

const person = { alive: true, birthDate: '1980-05-05', regionCode: '520102001001', incomeBand: 'ordinary' };

/** 困难残疾人生活补贴: disabled people in low-income households apply (两项补贴, 1). */
export const disabilityLivingAllowance: PersonPolicy = {
  code: 'disability-living-allowance',
  name: t('困难残疾人生活补贴', 'living allowance for disabled people on low incomes'),
  summary: t(
    '低保或低保边缘家庭中的持证残疾人，可申请困难残疾人生活补贴。',
    'Disabled people in minimum-living or near-line households may apply for a monthly allowance.',
  ),
  subject: 'person',
  mode: 'offer',
  itemBasicCode: '051070007000',
  period: 'year',
  triggers: [],
  versions: [
    {
      version: 1,
      effectiveFrom: '2016-01-01',
      legalBasis: '《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》（国发〔2015〕52号）',
      when: [ALIVE, DISABLED, LOW_INCOME],
      params: { monthly: { [GUIYANG]: 100, [PROVINCE]: 80 } },
      amount: 'monthly',
    },
  ],
  examples: [
    {
      name: 'level 3, low income',
      on: '2026-11-02',
      facts: { ...person, disabilityLevel: 3, incomeBand: 'low' },
      expect: { eligible: true, amount: 100 },
    },
    {
      name: 'level 3, ordinary income',
      on: '2026-11-02',
      facts: { ...person, disabilityLevel: 3 },
      expect: { eligible: false, failing: ['低保或低保边缘家庭'] },
    },
  ],
};

/** 重度残疾人护理补贴: level 1 and 2, granted without an application (两项补贴, 2). */
export const severeDisabilityCare: PersonPolicy = {
  code: 'severe-disability-care',
  name: t('重度残疾人护理补贴', 'care allowance for severely disabled people'),
  summary: t(
    '一级、二级残疾人按月领取护理补贴，无需申请。',
    'People with level 1 or 2 disability receive a care allowance without applying.',
  ),
  subject: 'person',
  mode: 'automatic',
  itemBasicCode: '051070007000',
  period: 'year',
  triggers: [],
  versions: [
    {
      version: 1,
      effectiveFrom: '2016-01-01',
      legalBasis: '《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》（国发〔2015〕52号）',
      when: [
        ALIVE,
        DISABLED,
        { fact: 'disabilityLevel', op: 'lte', value: 2, label: t('残疾等级为一级或二级', 'disability level 1 or 2') },
      ],
      params: { monthly: { [GUIYANG]: 120, [PROVINCE]: 80 } },
      amount: 'monthly',
    },
  ],
  examples: [
    {
      name: 'level 1',
      on: '2026-11-02',
      facts: { ...person, disabilityLevel: 1 },
      expect: { eligible: true, amount: 120 },
    },
    {
      name: 'level 4',
      on: '2026-11-02',
      facts: { ...person, disabilityLevel: 4 },
      expect: { eligible: false, failing: ['残疾等级为一级或二级'] },
    },
    {
      name: 'no disability',
      on: '2026-11-02',
      facts: person,
      expect: { eligible: false, failing: ['持有残疾人证', '残疾等级为一级或二级'] },
    },
  ],
};

/** 辅助器具适配补贴: disabled people are told they may apply. */
export const assistiveDevices: PersonPolicy = {
  code: 'assistive-devices',
  name: t('残疾人基本型辅助器具适配补贴', 'assistive device subsidy'),
  summary: t('持证残疾人可申请基本型辅助器具适配补贴。', 'Disabled people may apply for basic assistive devices.'),
  subject: 'person',
  mode: 'offer',
  itemBasicCode: '051600004000',
  period: 'year',
  triggers: [],
  versions: [
    {
      version: 1,
      effectiveFrom: '2019-01-01',
      legalBasis: '《残疾人保障法》第四十八条；《贵州省残疾人基本型辅助器具适配补贴办法》',
      when: [ALIVE, DISABLED],
    },
  ],
  examples: [
    { name: 'level 2', on: '2026-11-02', facts: { ...person, disabilityLevel: 2 }, expect: { eligible: true } },
  ],
};

/** 临时救助: low-income households are told they may ask for help. */
export const temporaryAssistance: PersonPolicy = {
  code: 'temporary-assistance',
  name: t('临时救助', 'temporary assistance'),
  summary: t(
    '低保及低保边缘家庭遇到突发困难时可申请临时救助。',
    'Low-income households may ask for temporary assistance.',
  ),
  subject: 'person',
  mode: 'offer',
  itemBasicCode: '051070006000',
  period: 'year',
  triggers: ['death'],
  versions: [
    {
      version: 1,
      effectiveFrom: '2014-05-01',
      legalBasis: '《社会救助暂行办法》第四十七条',
      when: [ALIVE, LOW_INCOME, ageAtLeast(18)],
    },
  ],
  examples: [
    {
      name: 'low income adult',
      on: '2026-11-02',
      facts: { ...person, incomeBand: 'marginal' },
      expect: { eligible: true },
    },
  ],
};

/** 医疗救助: 低保 members are enrolled for medical assistance automatically. */
export const medicalAssistance: PersonPolicy = {
  code: 'medical-assistance',
  name: t('医疗救助', 'medical assistance'),
  summary: t(
    '最低生活保障对象自动纳入医疗救助，住院费用一站式结算。',
    'Members of minimum-living households are enrolled for medical assistance.',
  ),
  subject: 'person',
  mode: 'automatic',
  itemBasicCode: '051440008000',
  period: 'year',
  triggers: [],
  versions: [
    {
      version: 1,
      effectiveFrom: '2021-01-01',
      legalBasis: '《国务院办公厅关于健全重特大疾病医疗保险和救助制度的意见》（国办发〔2021〕42号）',
      when: [
        ALIVE,
        { fact: 'incomeBand', op: 'in', values: ['low'], label: t('最低生活保障对象', 'minimum-living household') },
      ],
    },
  ],
  examples: [
    { name: '低保', on: '2026-11-02', facts: { ...person, incomeBand: 'low' }, expect: { eligible: true } },
    { name: '低保边缘', on: '2026-11-02', facts: { ...person, incomeBand: 'marginal' }, expect: { eligible: false } },
  ],
};

/** 技能提升补贴: insured workers of working age are told they may claim it after a certificate. */
export const skillsSubsidy: PersonPolicy = {
  code: 'skills-subsidy',
  name: t('技能提升补贴', 'skills upgrade subsidy'),
  summary: t(
    '参加失业保险的职工取得职业技能证书后，可申领技能提升补贴。',
    'Insured workers who obtain a vocational certificate may claim a subsidy.',
  ),
  subject: 'person',
  mode: 'offer',
  itemBasicCode: '051120017000',
  period: 'year',
  triggers: [],
  versions: [
    {
      version: 1,
      effectiveFrom: '2017-05-01',
      legalBasis:
        '《人力资源社会保障部 财政部关于失业保险支持参保职工提升职业技能有关问题的通知》（人社部发〔2017〕40号）',
      when: [ALIVE, EMPLOYEE_INSURED, ageAtLeast(16), ageBelow(60)],
    },
  ],
  examples: [
    { name: 'insured worker', on: '2026-11-02', facts: { ...person, insured: 'employee' }, expect: { eligible: true } },
    {
      name: 'retired',
      on: '2026-11-02',
      facts: { ...person, insured: 'employee', birthDate: '1960-01-01' },
      expect: { eligible: false, failing: ['未满60周岁'] },
    },
  ],
};
