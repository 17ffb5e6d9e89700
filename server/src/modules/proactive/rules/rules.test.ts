/**
 * The rule language and its evaluator: every seeded policy's examples (given facts → expected
 * outcome), the population run agreeing with the one-subject explanation, and the properties the
 * issue names — a rule dated next month leaves this month alone, a regional parameter on both
 * sides, the failing condition named.
 */
import { describe, expect, it } from 'vitest';
import { POLICIES } from '../policies/index.js';
import { longevityAllowance } from '../policies/elderly.js';
import { FACTS, type EnumFact, type FactDef } from './facts.js';
import { columnsOf } from './columns.js';
import { evaluateColumns, explain } from './evaluate.js';
import { isAny, versionOn, type PersonPolicy } from './language.js';
import { ageAtLeast, ALIVE, t } from '../policies/words.js';

const regionName = (code: string) => ({ zh: `地区${code}`, en: `region ${code}` });

describe('seeded policies', () => {
  it('number about twenty, with unique codes, for persons and enterprises', () => {
    expect(POLICIES.length).toBeGreaterThanOrEqual(20);
    expect(new Set(POLICIES.map((p) => p.code)).size).toBe(POLICIES.length);
    expect(new Set(POLICIES.map((p) => p.subject))).toEqual(new Set(['person', 'enterprise']));
  });

  it.each(POLICIES.map((p) => [p.code, p] as const))(
    '%s: names only facts of its subject, with fitting operators',
    (_, p) => {
      const facts = FACTS[p.subject] as Record<string, FactDef>;
      for (const v of p.versions) {
        for (const c of v.when) {
          for (const leaf of isAny(c) ? c.any : [c]) {
            const def = facts[leaf.fact];
            expect(def, `${p.code} v${v.version}: ${leaf.fact}`).toBeDefined();
            if (leaf.op === 'in' || leaf.op === 'notIn') {
              expect(def!.kind).toBe('enum');
              for (const value of leaf.values) expect((def as EnumFact).values).toContain(value);
            } else if (leaf.op === 'within') expect(def!.kind).toBe('region');
            else expect(['number', 'years', 'daysSince']).toContain(def!.kind);
            if ('param' in leaf) expect(v.params?.[leaf.param]).toBeDefined();
          }
        }
        if (typeof v.amount === 'string') expect(v.params?.[v.amount]).toBeDefined();
      }
      // Versions never overlap: one rule in force on any day.
      const sorted = [...p.versions].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
      for (let i = 1; i < sorted.length; i++) expect(sorted[i - 1]!.effectiveTo! < sorted[i]!.effectiveFrom).toBe(true);
      expect(p.examples.length).toBeGreaterThan(0);
    },
  );

  const examples = POLICIES.flatMap((p) => p.examples.map((e) => [`${p.code}: ${e.name}`, p, e] as const));
  it.each(examples)('%s', (_, policy, example) => {
    const version = versionOn(policy, example.on);
    if (!version) {
      expect(example.expect.eligible).toBe(false);
      return;
    }
    const ex = explain(version, policy.subject, example.facts, example.on, regionName);
    expect(ex.eligible).toBe(example.expect.eligible);
    if (example.expect.amount !== undefined) expect(ex.amount).toBe(example.expect.amount);
    if (example.expect.version !== undefined) expect(ex.policyVersion).toBe(example.expect.version);
    if (example.expect.failing)
      expect(ex.conditions.filter((c) => !c.held).map((c) => c.condition.zh)).toEqual(example.expect.failing);
    // The population run over the same facts decides the same.
    expect(evaluateColumns(version, columnsOf(policy.subject, [example.facts]), example.on)[0]).toBe(
      example.expect.eligible ? 1 : 0,
    );
  });
});

describe('the evaluator', () => {
  const rule: PersonPolicy = {
    code: 'test-allowance',
    name: t('测试津贴', 'test allowance'),
    summary: t('', ''),
    subject: 'person',
    mode: 'automatic',
    period: 'month',
    triggers: [],
    versions: [
      {
        version: 1,
        effectiveFrom: '2020-01-01',
        effectiveTo: '2026-11-30',
        legalBasis: 'v1',
        when: [ALIVE, ageAtLeast(80)],
        amount: 100,
      },
      // Published today, in force next month: 75 and over.
      { version: 2, effectiveFrom: '2026-12-01', legalBasis: 'v2', when: [ALIVE, ageAtLeast(75)], amount: 150 },
    ],
    examples: [],
  };
  const seventySix = { alive: true, birthDate: '1950-01-01', regionCode: '520102001001' };

  it('a rule change dated next month does not affect this month’s decisions', () => {
    const thisMonth = versionOn(rule, '2026-11-30')!;
    expect(thisMonth.version).toBe(1);
    expect(explain(thisMonth, 'person', seventySix, '2026-11-30', regionName).eligible).toBe(false);
    const nextMonth = versionOn(rule, '2026-12-01')!;
    expect(nextMonth.version).toBe(2);
    const ex = explain(nextMonth, 'person', seventySix, '2026-12-01', regionName);
    expect(ex).toMatchObject({ eligible: true, amount: 150, legalBasis: 'v2' });
  });

  it('the same facts on both sides of a regional parameter', () => {
    const v = versionOn(longevityAllowance, '2027-03-01')!;
    const facts = { alive: true, birthDate: '1940-01-01' };
    const guiyang = explain(v, 'person', { ...facts, regionCode: '520103001001' }, '2027-03-01', regionName);
    const liping = explain(v, 'person', { ...facts, regionCode: '522631100001' }, '2027-03-01', regionName);
    expect([guiyang.amount, liping.amount]).toEqual([1_800, 600]);
    // A threshold by region: 67 rides free in 贵阳 (65), not in 黔东南 (70).
    const transit = POLICIES.find((p) => p.code === 'senior-free-transit')!;
    const tv = versionOn(transit, '2026-11-02')!;
    const rows = [
      { alive: true, birthDate: '1959-06-01', regionCode: '520102001001' },
      { alive: true, birthDate: '1959-06-01', regionCode: '522631100001' },
    ];
    expect([...evaluateColumns(tv, columnsOf('person', rows), '2026-11-02')]).toEqual([1, 0]);
  });

  it('explanations name the failing condition with the value used', () => {
    const v = versionOn(rule, '2026-11-02')!;
    const ex = explain(v, 'person', seventySix, '2026-11-02', regionName);
    expect(ex.eligible).toBe(false);
    expect(ex.conditions).toEqual([
      { condition: ALIVE.label, held: true, value: { zh: '在世', en: 'alive' } },
      { condition: { zh: '年满80周岁', en: 'aged 80 or over' }, held: false, value: { zh: '76岁', en: '76 years' } },
    ]);
  });

  it('a fact the registry does not hold fails its condition, whatever the operator', () => {
    const v = {
      version: 1,
      effectiveFrom: '2000-01-01',
      legalBasis: '',
      when: [{ fact: 'disabilityLevel', op: 'ne' as const, value: 3, label: t('a', 'a') }],
    };
    const cols = columnsOf('person', [
      { disabilityLevel: null, regionCode: '52' },
      { disabilityLevel: 2, regionCode: '52' },
    ]);
    expect([...evaluateColumns(v, cols, '2026-11-02')]).toEqual([0, 1]);
  });

  it('runs a population in chunks and agrees with one-by-one explanations', () => {
    const rows = Array.from({ length: 70_000 }, (_, i) => ({
      alive: i % 7 !== 0,
      birthDate: `${1920 + (i % 90)}-0${1 + (i % 9)}-1${i % 10}`,
      regionCode: i % 3 ? '520102001001' : '522631100001',
    }));
    const v = versionOn(longevityAllowance, '2026-11-02')!;
    const flags = evaluateColumns(v, columnsOf('person', rows), '2026-11-02');
    for (const i of [0, 1, 5, 65_535, 65_536, 65_537, 69_999])
      expect(flags[i], String(i)).toBe(explain(v, 'person', rows[i]!, '2026-11-02', regionName).eligible ? 1 : 0);
    expect(flags.reduce((s, f) => s + f, 0)).toBeGreaterThan(0);
  });
});
