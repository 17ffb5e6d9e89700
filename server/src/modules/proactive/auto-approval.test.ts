/**
 * 秒批 decisions unchanged on the engine: a table of applicants (registry records, with and
 * without an enterprise) and of rule sets, judged by the conditions evaluator cases used before
 * (over the facts object it built: age on the day, sex, region, marital status, disability, alive,
 * household role; the enterprise's status, type, industry, region, date) and by the rule engine.
 */
import { describe, expect, it } from 'vitest';
import type { Condition } from '../../../../contracts/cases.js';
import { evaluate } from '../cases/definitions/conditions.js';
import { checkAutoApprovalRules, explainAutoApproval } from './auto-approval.js';

const DAY = '2026-12-03';
const regionName = (code: string) => ({ zh: `地区${code}`, en: `region ${code}` });
const about = { version: 3, legalBasis: '秒批规则' };

interface Person {
  birthDate: string;
  sex: 'male' | 'female';
  regionCode: string;
  maritalStatus: string;
  disabilityLevel: number | null;
  alive: boolean;
  householdRole: string;
}
interface Enterprise {
  status: string;
  entityType: string;
  industry: string;
  regionCode: string;
  establishedOn: string;
}

const person = (p: Partial<Person>): Person => ({
  birthDate: '1990-05-01',
  sex: 'female',
  regionCode: '520102',
  maritalStatus: 'married',
  disabilityLevel: null,
  alive: true,
  householdRole: '户主',
  ...p,
});
const firm = (e: Partial<Enterprise>): Enterprise => ({
  status: 'active',
  entityType: '有限责任公司',
  industry: '餐饮业',
  regionCode: '520102',
  establishedOn: '2024-03-01',
  ...e,
});

const APPLICANTS: { name: string; person: Person; enterprise?: Enterprise }[] = [
  { name: 'adult woman', person: person({}) },
  {
    name: 'eighteen today',
    person: person({ birthDate: '2008-12-03', maritalStatus: 'unmarried', householdRole: '子女' }),
  },
  { name: 'eighteen tomorrow', person: person({ birthDate: '2008-12-04', sex: 'male', householdRole: '子女' }) },
  { name: 'sixty-five', person: person({ birthDate: '1961-01-15', sex: 'male', maritalStatus: 'widowed' }) },
  {
    name: 'disabled, level 1',
    person: person({ disabilityLevel: 1, regionCode: '520103', maritalStatus: 'divorced' }),
  },
  { name: 'disabled, level 3', person: person({ disabilityLevel: 3, sex: 'male', regionCode: '522631' }) },
  { name: 'deceased', person: person({ alive: false, birthDate: '1940-02-29' }) },
  { name: 'leap-day birthday', person: person({ birthDate: '1966-02-29', householdRole: '配偶' }) },
  { name: 'restaurant owner', person: person({ sex: 'male' }), enterprise: firm({}) },
  {
    name: 'revoked retailer',
    person: person({ birthDate: '1980-12-03' }),
    enterprise: firm({ status: 'revoked', industry: '零售业' }),
  },
  {
    name: 'software firm in 黔东南',
    person: person({ regionCode: '522631' }),
    enterprise: firm({ industry: '软件和信息技术服务业', regionCode: '522631' }),
  },
];

const RULE_SETS: Condition[][] = [
  [
    { field: 'applicant.age', op: 'gte', value: 18 },
    { field: 'applicant.alive', op: 'truthy' },
  ],
  [{ field: 'applicant.age', op: 'gte', value: 60 }],
  [{ field: 'applicant.age', op: 'lt', value: 18 }],
  [{ field: 'applicant.age', op: 'in', value: [18, 60, 65, 70] }],
  [{ field: 'applicant.age', op: 'gt', value: 200 }],
  [
    { field: 'applicant.sex', op: 'eq', value: 'female' },
    { field: 'applicant.maritalStatus', op: 'in', value: ['married', 'divorced'] },
  ],
  [
    { field: 'applicant.sex', op: 'ne', value: 'male' },
    { field: 'applicant.age', op: 'lte', value: 40 },
  ],
  [
    { field: 'applicant.disabilityLevel', op: 'truthy' },
    { field: 'applicant.disabilityLevel', op: 'lte', value: 2 },
  ],
  [{ field: 'applicant.disabilityLevel', op: 'eq', value: 3 }],
  [{ field: 'applicant.disabilityLevel', op: 'ne', value: 1 }],
  [{ field: 'applicant.householdRole', op: 'ne', value: '子女' }],
  [{ field: 'applicant.regionCode', op: 'eq', value: '520102' }],
  [{ field: 'applicant.regionCode', op: 'in', value: ['520103', '522631'] }],
  [{ field: 'applicant.alive', op: 'falsy' }],
  [
    { field: 'applicant.alive', op: 'eq', value: true },
    { field: 'applicant.maritalStatus', op: 'ne', value: 'divorced' },
  ],
  [{ field: 'applicant.alive', op: 'ne', value: false }],
  [
    { field: 'enterprise.status', op: 'eq', value: 'active' },
    { field: 'enterprise.industry', op: 'in', value: ['餐饮业', '零售业'] },
  ],
  [{ field: 'enterprise.regionCode', op: 'eq', value: '522631' }],
  [
    { field: 'enterprise.status', op: 'ne', value: 'cancelled' },
    { field: 'applicant.age', op: 'gte', value: 30 },
  ],
];

/** The facts object the old 秒批 path built from the registries (exchange's personFacts / entityFacts). */
function oldFacts(a: (typeof APPLICANTS)[number]) {
  const [y, m, d] = a.person.birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = DAY.split('-').map(Number) as [number, number, number];
  const age = ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
  const { birthDate: _, ...rest } = a.person;
  return { applicant: { age, ...rest }, enterprise: a.enterprise };
}

describe('秒批 on the rule engine', () => {
  it('every rule set of the table is a rule of the engine', () => {
    for (const rules of RULE_SETS) expect(checkAutoApprovalRules(rules)).toEqual([]);
  });

  it('decides every applicant of the table as the old conditions did', () => {
    const outcomes = { approved: 0, not: 0 };
    for (const rules of RULE_SETS)
      for (const a of APPLICANTS) {
        const before = evaluate(rules, oldFacts(a));
        const after = explainAutoApproval(rules, a, DAY, regionName, about);
        expect({ rules, applicant: a.name, approved: after.eligible }).toEqual({
          rules,
          applicant: a.name,
          approved: before,
        });
        outcomes[before ? 'approved' : 'not']++;
      }
    // The table is not one-sided: both outcomes are common.
    expect(outcomes.approved).toBeGreaterThan(40);
    expect(outcomes.not).toBeGreaterThan(40);
  });

  it('explains each rule in words with the registry value, naming the one that failed', () => {
    const e = explainAutoApproval(RULE_SETS[0]!, APPLICANTS[2]!, DAY, regionName, about);
    expect(e).toMatchObject({ eligible: false, policyVersion: 3, referenceDate: DAY });
    expect(e.conditions).toEqual([
      { condition: { zh: '年龄 ≥ 18', en: 'age ≥ 18' }, held: false, value: { zh: '17岁', en: '17 years' } },
      { condition: { zh: '本人在世', en: 'alive' }, held: true, value: { zh: '在世', en: 'alive' } },
    ]);
    const place = explainAutoApproval(RULE_SETS[12]!, APPLICANTS[5]!, DAY, regionName, about);
    expect(place.conditions[0]).toMatchObject({
      condition: { zh: '户籍地在地区520103或地区522631' },
      held: true,
      value: { zh: '地区522631' },
    });
    // An applicant acting for no enterprise: the enterprise's rules fail, with no record.
    const none = explainAutoApproval(RULE_SETS[16]!, APPLICANTS[0]!, DAY, regionName, about);
    expect(none.conditions.map((c) => [c.held, c.value.zh])).toEqual([
      [false, '无记录'],
      [false, '无记录'],
    ]);
  });

  it('refuses rules on what the registries do not hold, and values a fact cannot take', () => {
    expect(
      checkAutoApprovalRules([
        { field: 'applicant.creditScore', op: 'gte', value: 700 },
        { field: 'business.area', op: 'gt', value: 100 },
        { field: 'applicant.sex', op: 'eq', value: 'unknown' },
        { field: 'applicant.age', op: 'eq', value: '18' },
        { field: 'applicant.alive', op: 'eq', value: 'yes' },
        { field: 'applicant.disabilityLevel', op: 'falsy' },
        { field: 'enterprise.status', op: 'gt', value: 1 },
      ]).map((e) => `${e.field} ${e.code}`),
    ).toEqual([
      'autoApproval.rules.0.field CASES.UNKNOWN_RULE_FIELD',
      'autoApproval.rules.1.field CASES.UNKNOWN_RULE_FIELD',
      'autoApproval.rules.2.value CASES.RULE_VALUE_UNFIT',
      'autoApproval.rules.3.value CASES.RULE_VALUE_UNFIT',
      'autoApproval.rules.4.value CASES.RULE_VALUE_UNFIT',
      'autoApproval.rules.5.value CASES.RULE_VALUE_UNFIT',
      'autoApproval.rules.6.value CASES.RULE_VALUE_UNFIT',
    ]);
  });
});
