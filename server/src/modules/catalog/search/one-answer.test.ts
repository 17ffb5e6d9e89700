/**
 * A search a resident can trust (一事一结果): one hit per service with the implementation for the
 * person's region, nothing for coincidences of single characters, English names found.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ITEM_SEEDS } from '../seed/items/index.js';
import { SearchIndex } from './search-index.js';
import type { SearchDoc } from './search.repository.js';
import { englishName } from './names-en.js';
import { englishTokens, pinyinForms, queryTokens, strongTokens, weakTokens } from './tokenizer.js';
import { Suggester } from './suggestions.js';

interface Impl {
  code: string;
  basic: string;
  name: string;
  region: string;
  provinceWide?: boolean;
  keywords?: string[];
  body?: string[];
}

const docOf = (d: Impl): SearchDoc => {
  const nameEn = englishName(d.name);
  return {
    itemId: d.code,
    code: d.code,
    basicCode: d.basic,
    regionCode: d.region,
    itemType: '01',
    name: d.name,
    lexemes: {
      a: [...strongTokens([d.name, ...(d.keywords ?? [])]), ...englishTokens(nameEn)],
      b: [],
      c: weakTokens(d.body ?? []),
    },
    hit: {
      code: d.code,
      basicCode: d.basic,
      name: d.name,
      nameEn,
      summary: '',
      itemType: '01',
      department: { id: d.code, name: '部门', nameEn: 'Bureau' },
      region: { code: d.region, name: d.region, nameEn: d.region },
      visits: 0,
      promisedLimitDays: 1,
      provinceWide: d.provinceWide ?? false,
    },
  };
};

const find = (index: SearchIndex, q: string, region?: string) =>
  index.search({ tokens: queryTokens(q), region, limit: 20, offset: 0 });

describe('one hit per service', () => {
  // 社会保障卡申领 in three counties (one 全省通办), the city and nowhere else; 居住证 only in 南明区.
  const index = new SearchIndex(
    [
      { code: 'SB-520102', basic: 'SB', name: '社会保障卡申领', region: '520102' },
      { code: 'SB-520103', basic: 'SB', name: '社会保障卡申领', region: '520103', provinceWide: true },
      { code: 'SB-520111', basic: 'SB', name: '社会保障卡申领', region: '520111' },
      { code: 'JZ-520102', basic: 'JZ', name: '居住证申领', region: '520102' },
      { code: 'GJ-52', basic: 'GJ', name: '住房公积金提取', region: '52' },
      { code: 'GJ-5226', basic: 'GJ', name: '住房公积金提取', region: '5226' },
    ].map(docOf),
    1,
  );

  it('shows a county service once without a region, with how many places implement it', () => {
    const r = find(index, '社会保障卡');
    expect(r.total).toBe(1);
    expect(r.hits).toHaveLength(1);
    expect(r.hits[0]).toMatchObject({ basicCode: 'SB', implementations: 3, availability: 'unscoped' });
    // Without a region the one serving everyone is shown: 全省通办 before a county's own.
    expect(r.hits[0]!.code).toBe('SB-520103');
  });

  it("shows the person's county's own implementation", () => {
    expect(find(index, '社会保障卡', '520111').hits.map((h) => [h.code, h.availability])).toEqual([
      ['SB-520111', 'local'],
    ]);
    expect(find(index, '社会保障卡', '520102').hits[0]!.code).toBe('SB-520102');
  });

  it('offers the 全省通办 implementation where the county has none, and nothing else from elsewhere', () => {
    // 黎平县 (522631): no implementation of its own.
    expect(find(index, '社会保障卡', '522631').hits.map((h) => [h.code, h.availability])).toEqual([
      ['SB-520103', 'provinceWide'],
    ]);
    expect(find(index, '居住证', '522631').total).toBe(0);
  });

  it('prefers the most local level above the person: the city before the province', () => {
    expect(find(index, '公积金提取', '522631').hits[0]!.code).toBe('GJ-5226');
    expect(find(index, '公积金提取', '520102').hits[0]!.code).toBe('GJ-52');
    expect(find(index, '公积金提取').hits[0]!.code).toBe('GJ-52');
  });

  it('pages over services, not implementations', () => {
    const many = new SearchIndex(
      Array.from({ length: 30 }, (_, k) =>
        docOf({ code: `X${k}`, basic: `B${k % 3}`, name: `营业执照办理${k % 3}号`, region: `5201${k}` }),
      ),
      1,
    );
    const r = many.search({ tokens: queryTokens('营业执照'), limit: 2, offset: 0 });
    expect(r.total).toBe(3);
    expect(new Set(r.hits.map((h) => h.basicCode)).size).toBe(2);
  });
});

describe('minimum relevance', () => {
  const index = new SearchIndex(
    [
      { code: 'A', basic: 'A', name: '劳动能力鉴定', region: '5201', body: ['存在劳动能力障碍的'] },
      { code: 'B', basic: 'B', name: '个体工商户注销登记', region: '520102', body: ['不存在未结清债务'] },
      { code: 'C', basic: 'C', name: '出生医学证明首次签发', region: '520102' },
    ].map(docOf),
    1,
  );

  it('answers nothing when the query is mostly words the catalogue does not know', () => {
    expect(find(index, 'xyzqwe不存在').total).toBe(0);
    expect(find(index, '存在').total).toBeGreaterThan(0);
  });

  it('finds English names, whole words and prefixes of three letters or more', () => {
    expect(find(index, 'birth certificate').hits.map((h) => h.code)).toEqual(['C']);
    expect(find(index, 'Medical birth').hits[0]!.nameEn).toBe('Medical birth certificate');
    expect(find(index, 'bi').total).toBe(0);
  });

  it('does not match one pinyin syllable: that is one character', () => {
    expect(find(index, 'chu').total).toBe(0);
    expect(find(index, 'chusheng').hits.map((h) => h.code)).toEqual(['C']);
    expect(find(index, 'csyx').hits.map((h) => h.code)).toEqual(['C']);
  });

  // The demo catalogue's names and keywords, each its own service.
  const seeds = ITEM_SEEDS.map((s) => ({
    code: s.basicCode,
    basic: s.basicCode,
    name: s.guide.name,
    region: '520102',
    keywords: s.guide.keywords ?? [],
  }));
  const catalogue = new SearchIndex(seeds.map(docOf), 1);
  const han = (text: string) => text.replace(/[^\p{Script=Han}]/gu, '');
  /**
   * Words of two characters or more in an item's names and keywords (as indexed): Han, or Han with
   * Latin letters written as one word ("B证考试", whose initials bzks cover B and 证).
   */
  const words = new Map(
    seeds.map((s) => [
      s.code,
      strongTokens([s.name, ...s.keywords]).filter(
        (w) => han(w).length >= 1 && w.length >= 2 && /^[\p{Script=Han}a-z]+$/u.test(w),
      ),
    ]),
  );
  const firstSyllable = (w: string) => (pinyinForms(`${w[0]}${w[0]}`)[0]?.length ?? 2) / 2;
  /** Latin words among the keywords ("GMP"). */
  const latin = new Map(seeds.map((s) => [s.code, s.keywords.flatMap((k) => k.toLowerCase().match(/[a-z]+/g) ?? [])]));
  /** The letters cover two characters or more of one word of the item, three letters of its English name, or a Latin keyword. */
  const justified = (run: string, code: string): boolean =>
    latin.get(code)!.some((w) => w.startsWith(run) && (run.length >= 2 || run === w)) ||
    words.get(code)!.some((w) => {
      const [full, initials] = pinyinForms(w);
      if (full === undefined || initials === undefined) return false;
      return (run.length >= 2 && initials.startsWith(run)) || (full.startsWith(run) && run.length > firstSyllable(w));
    }) ||
    englishTokens(englishName(seeds.find((s) => s.code === code)!.name)).some(
      (e) => e.startsWith(run) && (run.length >= 3 || run === e),
    );

  it('never matches random letters through single characters (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,8}$/), (run) => {
        const r = catalogue.search({ tokens: queryTokens(run), limit: 500, offset: 0 });
        for (const hit of r.hits) expect(justified(run, hit.code), `${run} → ${hit.name}`).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('never matches lone Han characters apart from each other (property)', () => {
    const chars = [...new Set(han(seeds.map((s) => s.name).join('')))];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { minLength: 2, maxLength: 6 }), (picked) => {
        expect(catalogue.search({ tokens: queryTokens(picked.join(' ')), limit: 5, offset: 0 }).total).toBe(0);
      }),
      { numRuns: 200 },
    );
  });
});

describe('suggestions', () => {
  const suggester = new Suggester(['营业执照', '社会保障卡', '出生医学证明', '居住证']);

  it('offers the name that sounds the same or shares most of its characters', () => {
    expect(suggester.suggest('营叶直照')).toEqual(['营业执照']);
    expect(suggester.suggest('社会保障咔')).toEqual(['社会保障卡']);
    expect(suggester.suggest('xyzqwe不存在')).toEqual([]);
  });
});
