import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { corePhrase, pinyinForms, queryTokens, strongTokens } from './tokenizer.js';

describe('tokenizer', () => {
  it('strips the way people wrap a request', () => {
    expect(corePhrase('我要开饭店')).toBe('开饭店');
    expect(corePhrase('营业执照怎么办理？')).toBe('营业执照');
    expect(corePhrase('请问 身份证 在哪办')).toBe('身份证');
  });

  it('drops filler words and lone characters, keeps the phrase', () => {
    expect(queryTokens('我要开饭店').terms.sort()).toEqual(['开饭店', '饭店'].sort());
  });

  it('expands synonyms', () => {
    const t = queryTokens('驾照换证', new Map([['驾照', ['驾驶证']]]));
    expect(t.terms).toContain('驾驶证');
  });

  it('treats latin runs as pinyin prefixes', () => {
    expect(queryTokens('yyzz').prefixes).toEqual(['yyzz']);
  });

  it('indexes names with their pinyin and initials', () => {
    expect(pinyinForms('营业执照')).toEqual(['yingyezhizhao', 'yyzz']);
    expect(strongTokens(['食品经营许可'])).toEqual(
      expect.arrayContaining(['食品经营许可', '食品', 'spjyxk', 'shipinjingyingxuke']),
    );
  });

  it('turns any input into clean tokens', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), (q) => {
        const t = queryTokens(q);
        for (const term of [...t.terms, ...t.prefixes]) {
          expect(term.length).toBeGreaterThan(0);
          expect(term).not.toMatch(/\s/);
        }
        expect(t.phrase.length).toBeLessThanOrEqual(100);
      }),
      { numRuns: 300 },
    );
  });
});
