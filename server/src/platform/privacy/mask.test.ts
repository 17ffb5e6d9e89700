import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskName, maskPhone } from './mask.js';

describe('masking', () => {
  it('shows the prefix and last four of a phone', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('keeps the family name only', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
  });

  it('never reveals the hidden middle and keeps the length', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (p) => {
        const m = maskPhone(p);
        expect(m).toHaveLength(11);
        expect(m.slice(3, 7)).toBe('****');
      }),
    );
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 10 }), (n) => {
        expect([...maskName(n)].slice(1).every((c) => c === '*')).toBe(true);
      }),
    );
  });
});
