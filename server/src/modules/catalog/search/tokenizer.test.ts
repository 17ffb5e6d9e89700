import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { corePhrase, pinyinForms, queryTokens, strongTokens, toTsquery } from './tokenizer.js';

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
    expect(toTsquery(queryTokens('yyzz'))).toBe("'yyzz':*");
  });

  it('indexes names with their pinyin and initials', () => {
    expect(pinyinForms('营业执照')).toEqual(['yingyezhizhao', 'yyzz']);
    expect(strongTokens(['食品经营许可'])).toEqual(expect.arrayContaining(['食品经营许可', '食品', 'spjyxk', 'shipinjingyingxuke']));
  });

  it('quotes every lexeme so that any input makes a well-formed tsquery', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (q) => {
        const tsq = toTsquery(queryTokens(q));
        if (tsq === '') return;
        // Each alternative is a quoted lexeme, optionally with a prefix marker.
        for (const part of tsq.split(' | ')) expect(part).toMatch(/^'(?:[^']|'')+'(?::\*)?$/s);
      }),
      { numRuns: 300 },
    );
  });
});
