import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskAddress, maskName, maskPersonal, maskPhone } from './mask.js';

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

  it('masks by the kind of personal data, never keeping the hidden part', () => {
    expect(maskPersonal('id', '11010519491231002X')).toBe('110105********002X');
    expect(maskPersonal('phone', '13812345678')).toBe('138****5678');
    expect(maskPersonal('name', '王芳')).toBe('王*');
    expect(maskPersonal('address', '贵阳市云岩区中华北路 1 号')).toBe('贵阳市云岩区********');
    expect(maskPersonal(undefined, 'secret')).toBe('******');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }), (a) => {
        const chars = [...a];
        const masked = [...maskAddress(a)];
        const shown = chars.length <= 6 ? 0 : 6;
        expect(masked.slice(0, shown)).toEqual(chars.slice(0, shown));
        expect(masked.slice(shown).every((c) => c === '*')).toBe(true);
      }),
    );
  });
});
