/** Conditions the policies share, each with its words (the explanation shows them). */
import type { Text } from '../../../../../contracts/proactive.js';
import type { EnterpriseFact, PersonFact } from '../rules/facts.js';
import type { Leaf } from '../rules/language.js';

export const t = (zh: string, en: string): Text => ({ zh, en });

type P = Leaf<PersonFact>;
type E = Leaf<EnterpriseFact>;

export const ALIVE: P = { fact: 'alive', op: 'in', values: ['yes'], label: t('本人在世', 'alive') };
export const FEMALE: P = { fact: 'sex', op: 'in', values: ['female'], label: t('女性', 'a woman') };
export const PARENT: P = {
  fact: 'householdRole',
  op: 'in',
  values: ['户主', '配偶'],
  label: t('为户主或其配偶（子女的父母）', 'head of household or spouse (a parent)'),
};
export const EMPLOYEE_INSURED: P = {
  fact: 'insured',
  op: 'in',
  values: ['employee'],
  label: t('参加职工社会保险', 'covered by employee social insurance'),
};
export const PENSION_INSURED: P = {
  fact: 'insured',
  op: 'in',
  values: ['employee', 'resident'],
  label: t('参加基本养老保险', 'covered by basic pension insurance'),
};
export const DECEASED: P = {
  fact: 'alive',
  op: 'in',
  values: ['no'],
  label: t('已登记死亡', 'registered as deceased'),
};
export const diedWithin = (days: number): P => ({
  fact: 'daysSinceDeath',
  op: 'lte',
  value: days,
  label: t(`死亡不超过${days}天`, `died no more than ${days} days ago`),
});
export const childBornWithin = (days: number, zh: string, en: string): P => ({
  fact: 'daysSinceChildBirth',
  op: 'lte',
  value: days,
  label: t(zh, en),
});
export const ageAtLeast = (years: number): P => ({
  fact: 'age',
  op: 'gte',
  value: years,
  label: t(`年满${years}周岁`, `aged ${years} or over`),
});
export const ageBelow = (years: number): P => ({
  fact: 'age',
  op: 'lt',
  value: years,
  label: t(`未满${years}周岁`, `under ${years}`),
});
export const LOW_INCOME: P = {
  fact: 'incomeBand',
  op: 'in',
  values: ['low', 'marginal'],
  label: t('低保或低保边缘家庭', 'minimum-living-allowance or near-line household'),
};
export const DISABLED: P = {
  fact: 'disabilityLevel',
  op: 'gte',
  value: 1,
  label: t('持有残疾人证', 'holds a disability certificate'),
};
export const inGuizhou: P = {
  fact: 'region',
  op: 'within',
  regions: ['52'],
  label: t('户籍在贵州省', 'registered in Guizhou'),
};

export const ACTIVE: E = { fact: 'status', op: 'in', values: ['active'], label: t('登记状态为存续', 'active') };
export const establishedWithin = (days: number, zh: string, en: string): E => ({
  fact: 'daysSinceEstablished',
  op: 'lte',
  value: days,
  label: t(zh, en),
});
export const GOOD_TAX_CREDIT: E = {
  fact: 'taxCreditRating',
  op: 'in',
  values: ['A', 'B', 'M'],
  label: t('纳税信用等级为A、B或M级', 'tax credit rating A, B or M'),
};
export const employeesAtMost = (n: number): E => ({
  fact: 'employees',
  op: 'lte',
  value: n,
  label: t(`从业人数不超过${n}人`, `no more than ${n} employees`),
});
export const HAS_EMPLOYEES: E = {
  fact: 'employees',
  op: 'gte',
  value: 1,
  label: t('有参保从业人员', 'has insured employees'),
};

/** 贵阳市 and 黔东南州: the two prefectures the demo's regional parameters name. */
export const GUIYANG = '5201';
export const QIANDONGNAN = '5226';
export const PROVINCE = '52';
