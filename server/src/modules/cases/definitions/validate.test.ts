import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ProcessDefinition } from '../../../../../contracts/cases.js';
import { longestPathDays, validateDefinition, type DefinitionContext } from './validate.js';

const MARKET = '3f2b8c1e-5d4a-4e6b-9c7d-1a2b3c4d5e6f';
const FIRE = '8a7b6c5d-4e3f-4a1b-8c2d-3e4f5a6b7c8d';
const UNKNOWN = '0d1e2f3a-4b5c-4d6e-8f7a-8b9c0d1e2f3a';

const ctx: DefinitionContext = {
  departmentIds: new Set([MARKET, FIRE]),
  itemLegalLimitDays: 20,
  formFields: new Set(['business.area', 'business.kind', 'business.chain', 'applicant.creditScore']),
};

const sound = {
  promisedLimitDays: 12,
  stages: [
    {
      key: 'review',
      name: '材料审查',
      tasks: [{ key: 'papers', name: '审查申请材料', departmentId: MARKET, limitDays: 3 }],
    },
    {
      key: 'inspect',
      name: '现场核查',
      when: [{ field: 'business.area', op: 'gt', value: 100 }],
      tasks: [
        { key: 'site', name: '经营场所核查', departmentId: MARKET, limitDays: 4 },
        { key: 'fire', name: '消防安全检查', departmentId: FIRE, limitDays: 5, role: 'department_head' },
      ],
    },
    {
      key: 'decide',
      name: '审批决定',
      tasks: [{ key: 'decide', name: '作出许可决定', departmentId: MARKET, limitDays: 2 }],
    },
  ],
  autoApproval: { rules: [{ field: 'applicant.creditScore', op: 'gte', value: 700 }] },
};
const def = (patch: Record<string, unknown> = {}) => ProcessDefinition.parse({ ...structuredClone(sound), ...patch });
const codes = (d: ProcessDefinition, c: DefinitionContext = ctx) =>
  validateDefinition(d, c).map((e) => `${e.field} ${e.code}`);

describe('validateDefinition', () => {
  it('accepts a sound definition', () => {
    expect(validateDefinition(def(), ctx)).toEqual([]);
  });

  it('reports every violation at once, each at its field', () => {
    const d = def({
      promisedLimitDays: 25,
      stages: [
        {
          key: 'review',
          name: '材料审查',
          tasks: [{ key: 'papers', name: '审查', departmentId: UNKNOWN, limitDays: 3 }],
        },
        {
          key: 'review',
          name: '复核',
          when: [
            { field: 'business.floor', op: 'eq', value: 1 },
            { field: 'business.area', op: 'gt', value: '100' },
          ],
          tasks: [
            { key: 'papers', name: '复核', departmentId: MARKET, limitDays: 1 },
            { key: 'check', name: '核验', departmentId: MARKET, limitDays: 1 },
          ],
        },
      ],
      autoApproval: { rules: [{ field: 'applicant.age', op: 'in', value: 18 }] },
    });
    expect(codes(d)).toEqual([
      'stages.0.tasks.0.departmentId CASES.UNKNOWN_DEPARTMENT',
      'stages.1.key CASES.DUPLICATE_STAGE_KEY',
      'stages.1.tasks.0.key CASES.DUPLICATE_TASK_KEY',
      'stages.1.when.0.field CASES.UNKNOWN_CONDITION_FIELD',
      'stages.1.when.1.value CASES.CONDITION_VALUE_MISMATCH',
      'autoApproval.rules.0.field CASES.UNKNOWN_RULE_FIELD',
      'autoApproval.rules.0.value CASES.CONDITION_VALUE_MISMATCH',
      'promisedLimitDays CASES.PROMISED_EXCEEDS_LEGAL',
    ]);
  });

  it('writes every message in both languages', () => {
    const d = def({
      promisedLimitDays: 1,
      stages: [{ ...sound.stages[1], tasks: [{ key: 'x', name: '核查', departmentId: UNKNOWN, limitDays: 3 }] }],
      autoApproval: undefined,
    });
    const errors = validateDefinition(d, ctx);
    expect(errors.length).toBeGreaterThan(1);
    for (const e of errors) {
      expect(e.message.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(e.message.en).toMatch(/^[\x20-\x7e\u4e00-\u9fff“”"]+$/);
    }
  });

  it('checks each operator takes the value that fits it', () => {
    const fits: [string, unknown, boolean][] = [
      ['eq', 'food', true],
      ['eq', false, true],
      ['eq', ['a'], false],
      ['eq', undefined, false],
      ['ne', 3, true],
      ['gt', 3, true],
      ['gte', '3', false],
      ['lt', true, false],
      ['in', ['a', 1], true],
      ['in', 'a', false],
      ['truthy', undefined, true],
      ['falsy', 0, false],
    ];
    for (const [op, value, ok] of fits) {
      const d = def({
        autoApproval: { rules: [{ field: 'business.kind', op, ...(value === undefined ? {} : { value }) }] },
      });
      expect(
        codes(d).includes('autoApproval.rules.0.value CASES.CONDITION_VALUE_MISMATCH'),
        `${op} ${JSON.stringify(value)}`,
      ).toBe(!ok);
    }
  });

  it('accepts a condition on a group of form fields, and skips field checks without a form', () => {
    const d = def({ autoApproval: { rules: [{ field: 'business', op: 'truthy' }] } });
    expect(codes(d)).toEqual([]);
    const unknown = def({ autoApproval: { rules: [{ field: 'busi', op: 'truthy' }] } });
    expect(codes(unknown)).toEqual(['autoApproval.rules.0.field CASES.UNKNOWN_RULE_FIELD']);
    expect(codes(unknown, { departmentIds: ctx.departmentIds })).toEqual([]);
  });

  it('refuses a definition whose every stage is conditional, unless it has 秒批 rules', () => {
    const stages = [sound.stages[1]];
    expect(codes(def({ stages, autoApproval: undefined }))).toContain('stages CASES.ALL_STAGES_CONDITIONAL');
    expect(codes(def({ stages }))).not.toContain('stages CASES.ALL_STAGES_CONDITIONAL');
  });

  it('takes the longest path as the sum over stages of the longest task', () => {
    expect(longestPathDays(def())).toBe(3 + 5 + 2);
  });

  it('flags a promise shorter than the longest path, or longer than the legal limit, exactly when it is', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 3 }), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.integer({ min: 0, max: 120 }),
        fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
        (limits, promised, legal) => {
          let n = 0;
          const d = def({
            promisedLimitDays: promised,
            stages: limits.map((tasks, i) => ({
              key: `s${i}`,
              name: '阶段',
              tasks: tasks.map((limitDays) => ({ key: `t${n++}`, name: '环节', departmentId: MARKET, limitDays })),
            })),
          });
          const found = codes(d, { ...ctx, itemLegalLimitDays: legal });
          const longest = limits.reduce((sum, t) => sum + Math.max(...t), 0);
          expect(found.includes('promisedLimitDays CASES.PROMISED_BELOW_PATH')).toBe(promised < longest);
          expect(found.includes('promisedLimitDays CASES.PROMISED_EXCEEDS_LEGAL')).toBe(
            legal !== undefined && promised > legal,
          );
        },
      ),
    );
  });
});
