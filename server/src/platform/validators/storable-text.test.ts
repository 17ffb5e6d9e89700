import { describe, expect, it } from 'vitest';
import { findUnstorableText, isStorableText, storableText } from './storable-text.js';

describe('text PostgreSQL can store', () => {
  it('refuses NUL and lone surrogates, accepts paired ones', () => {
    expect(isStorableText('社保 😀 𠀀')).toBe(true);
    for (const bad of ['\u0000', 'a\u0000', '\uD800', 'a\uDC00b', '\uDBFF', '😀'.slice(0, 1)])
      expect(isStorableText(bad), JSON.stringify(bad)).toBe(false);
    expect(storableText('a\u0000b\uD800c😀')).toBe('ab\uFFFDc😀');
  });

  it('finds the first bad string or key in nested JSON, and leaves file bytes alone', () => {
    expect(findUnstorableText({ a: [{ b: 'ok' }, { c: 'x\u0000' }] })).toEqual(['a', '1', 'c']);
    expect(findUnstorableText({ form: { ['k\uD800']: 1 } })).toEqual(['form', 'k\uFFFD']);
    expect(findUnstorableText({ a: 1, b: [true, null, 'ok'] })).toBeUndefined();
    expect(findUnstorableText(Buffer.from([0, 0xed, 0xa0, 0x80]))).toBeUndefined();
    expect(findUnstorableText('\u0000')).toEqual([]);
    // Parsers build objects on their own prototypes (the query string's has no Object.prototype).
    function Empty() {}
    Empty.prototype = Object.create(null);
    const query = Object.assign(new (Empty as unknown as new () => object)(), { q: 'a\u0000' });
    expect(findUnstorableText(query)).toEqual(['q']);
  });
});
