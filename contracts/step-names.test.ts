import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stepNameEn } from './step-names';

describe('English step names', () => {
  it('composes the standard terms of a process', () => {
    expect(stepNameEn('受理')).toBe('Acceptance');
    expect(stepNameEn('材料审查')).toBe('Materials review');
    expect(stepNameEn('现场核查')).toBe('On-site verification');
    expect(stepNameEn('作出许可决定')).toBe('Making the licensing decision');
    expect(stepNameEn('门头招牌与油烟排放核查')).toBe('Shop sign and cooking fume emission verification');
    expect(stepNameEn('并联审批')).toBe('Parallel approval');
  });

  it('names nothing it cannot name wholly', () => {
    expect(stepNameEn('张三审查')).toBeNull();
    expect(stepNameEn('')).toBeNull();
  });

  it('answers Latin text or nothing, for any name', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'申请受理审查核验决定送达张三与 、xX') }), (name) => {
        const en = stepNameEn(name);
        expect(en === null || /^[A-Z][A-Za-z -]*$/.test(en)).toBe(true);
      }),
    );
  });
});
