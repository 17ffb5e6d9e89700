import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN_SHOULD_MATCH, SearchIndex } from './search-index.js';
import type { SearchDoc } from './search.repository.js';
import { queryTokens, strongTokens, weakTokens } from './tokenizer.js';

const doc = (
  code: string,
  name: string,
  opts: {
    keywords?: string[];
    body?: string[];
    itemType?: string;
    region?: string;
    basic?: string;
    nameEn?: string;
    provinceWide?: boolean;
  } = {},
): SearchDoc => ({
  itemId: code,
  code,
  basicCode: opts.basic ?? code,
  regionCode: opts.region ?? '520103',
  itemType: opts.itemType ?? '01',
  name,
  lexemes: { a: strongTokens([name, ...(opts.keywords ?? [])]), b: [], c: weakTokens(opts.body ?? []) },
  hit: {
    code,
    basicCode: opts.basic ?? code,
    name,
    nameEn: opts.nameEn ?? '',
    summary: '',
    itemType: (opts.itemType ?? '01') as '01',
    department: { id: 'd', name: '部门', nameEn: 'Bureau' },
    region: { code: opts.region ?? '520103', name: '区', nameEn: 'District' },
    visits: 0,
    promisedLimitDays: 1,
    provinceWide: opts.provinceWide ?? false,
  },
});

const index = new SearchIndex(
  [
    doc('A', '食品经营许可（新办）', { keywords: ['开饭店', '开餐馆'] }),
    doc('B', '食品经营许可（变更）', { keywords: ['餐饮许可变更'] }),
    doc('C', '对食品经营者违法行为的处罚', { itemType: '02' }),
    doc('D', '内地居民结婚登记', { body: ['《婚姻登记条例》第四条'] }),
    doc('E', '个体工商户设立登记', { keywords: ['办营业执照'], region: '520102' }),
  ],
  1,
);
const codes = (q: string, region?: string) =>
  index
    .search({
      tokens: queryTokens(q),
      region,
      limit: 10,
      offset: 0,
    })
    .hits.map((h) => h.code);

describe('SearchIndex', () => {
  it('puts the item whose keyword is the whole phrase first', () => {
    expect(codes('我要开饭店')[0]).toBe('A');
  });

  it('prefers the first-time item unless the query asks for a later stage', () => {
    expect(codes('食品经营许可').slice(0, 2)).toEqual(['A', 'B']);
    expect(codes('食品经营许可变更')[0]).toBe('B');
  });

  it('ranks penalties below what people apply for', () => {
    const both = new SearchIndex(
      [
        doc('P', '对食品经营者违法行为的处罚', { itemType: '02' }),
        doc('L', '食品经营者违法行为举报奖励', { itemType: '08' }),
      ],
      1,
    );
    expect(
      both.search({ tokens: queryTokens('食品经营者违法行为'), limit: 5, offset: 0 }).hits.map((h) => h.code),
    ).toEqual(['L', 'P']);
  });

  it('counts a name above a mention in the body', () => {
    const index2 = new SearchIndex([doc('X', '婚姻状况证明', { body: ['结婚登记'] }), doc('Y', '内地居民结婚登记')], 1);
    expect(index2.search({ tokens: queryTokens('结婚登记'), limit: 5, offset: 0 }).hits[0]!.code).toBe('Y');
  });

  it('matches pinyin initials and full pinyin as prefixes', () => {
    expect(codes('yyzz')).toEqual(['E']);
    expect(codes('yingye')).toEqual(['E']);
  });

  it('keeps to the region and its ancestors', () => {
    expect(codes('营业执照', '520103')).toEqual([]);
    expect(codes('营业执照', '520102')).toEqual(['E']);
  });

  it('finds nothing for words it has never seen', () => {
    expect(codes('龘靐齉爩')).toEqual([]);
  });

  it('does not answer a long query with every item sharing one common word', () => {
    const filler = Array.from({ length: 40 }, (_, i) => doc(`F${i}`, `事项${i}登记`, { body: ['情况说明'] }));
    const index3 = new SearchIndex([...filler, doc('R', '孤儿基本生活费发放', { body: ['情况说明'] })], 1);
    const r = index3.search({ tokens: queryTokens('孤儿基本生活费发放情况'), limit: 5, offset: 0 });
    expect(r.total).toBe(1);
    expect(r.hits[0]!.code).toBe('R');
  });

  it('ranks and counts exactly as the scoring rule says, whatever it prunes', () => {
    // A reference that scores every document by the definition, against the pruned search.
    // Two shapes of corpus: a few words everywhere, or many rare words; '甲' is in most bodies, so
    // that a rare term leaves few candidates for the common one to look up.
    const corpus = fc.constantFrom(8, 150).chain((size) => {
      const vocab = ['甲', ...Array.from({ length: size - 1 }, (_, k) => `词${k}`)];
      const words = fc.uniqueArray(fc.constantFrom(...vocab), { maxLength: size > 8 ? 2 : 4 });
      const docArb = fc
        .record({ a: words, b: words, c: words, common: fc.integer({ min: 0, max: 9 }) })
        .map(({ a, b, c, common }) => ({ a, b, c: common < 8 && !c.includes('甲') ? [...c, '甲'] : c }));
      return fc.tuple(
        fc.array(docArb, { minLength: 1, maxLength: 150, size: 'max' }),
        fc
          .tuple(fc.uniqueArray(fc.constantFrom(...vocab, '癸'), { minLength: 1, maxLength: 4 }), fc.boolean())
          .map(([picked, common]) => (common && !picked.includes('甲') ? [...picked, '甲'] : picked)),
      );
    });
    fc.assert(
      fc.property(corpus, ([lexemeSets, terms]) => {
        const source = lexemeSets.map((l, i) => ({ ...doc(`D${String(i).padStart(3, '0')}`, `事项${i}`), lexemes: l }));
        const tokens = { terms, prefixes: [], anchors: [], covered: 0, phrase: '', laterStage: false };
        const n = source.length;
        const rankOf = (d: (typeof source)[number], t: string) =>
          [d.lexemes.a, d.lexemes.b, d.lexemes.c].findIndex((list) => list.includes(t));
        const idf = new Map(
          terms
            .map((t) => [t, source.filter((d) => rankOf(d, t) >= 0).length])
            .filter(([, df]) => (df as number) > 0)
            .map(([t, df]) => [t as string, Math.log(1 + n / (df as number))]),
        );
        const idfSum = [...idf.values()].reduce((s, x) => s + x, 0);
        const expected = source
          .map((d) => {
            let mass = 0;
            let score = 0;
            for (const [t, w] of idf) {
              const rank = rankOf(d, t);
              if (rank < 0) continue;
              mass += w;
              score += w * [1, 0.4, 0.1][rank]!;
            }
            return { code: d.code, name: d.name, mass, score: score / idfSum };
          })
          .filter((e) => e.mass > 0 && e.mass >= MIN_SHOULD_MATCH * idfSum - 1e-9)
          .sort((x, y) => y.score - x.score || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
        const got = new SearchIndex(source, 1).search({ tokens, limit: 10, offset: 0 });
        expect(got.total).toBe(expected.length);
        expect(got.hits.map((h) => h.score)).toEqual(
          expected.slice(0, 10).map((e) => Math.round(e.score * 10000) / 10000),
        );
      }),
      { numRuns: 300 },
    );
  }, 15_000);

  it('answers as an index built afresh after services come, go, change names and implementations', () => {
    // A small world so that equal scores and equal names are common: the order among equals, new
    // services among old ones, a service gone and back, and the shown implementation all count.
    // Han words, and pinyin for prefix look-ups over lexemes that come and go.
    const vocab = ['甲', '乙', '丙', '丁', '戊', 'jiayi', 'jiading', 'bingwu'];
    const words = fc.uniqueArray(fc.constantFrom(...vocab), { maxLength: 3 });
    const regions = ['52', '5201', '520102', '520103', '5203'];
    const service = fc.option(
      fc.record({
        name: fc.constantFrom('甲证', '乙证', '丙类登记'),
        itemType: fc.constantFrom('01', '02'),
        places: fc.uniqueArray(fc.constantFrom(...regions), { minLength: 1, maxLength: 3 }),
        a: words,
        b: words,
        c: words,
        provinceWide: fc.boolean(),
      }),
      { freq: 3 },
    );
    // Each step keeps most services as they were and changes, removes or adds a few.
    const step = fc.array(
      fc.oneof({ arbitrary: fc.constant('keep' as const), weight: 3 }, { arbitrary: service, weight: 1 }),
      {
        minLength: 6,
        maxLength: 6,
      },
    );
    type Spec = typeof service extends fc.Arbitrary<infer S> ? S : never;
    const docsOf = (k: number, s: Spec): SearchDoc[] =>
      s === null
        ? []
        : s.places.map((region) => {
            const d = doc(`S${k}R${region}`, s.name, { basic: `S${k}`, region, itemType: s.itemType });
            return { ...d, lexemes: { a: s.a, b: s.b, c: s.c }, hit: { ...d.hit, provinceWide: s.provinceWide } };
          });
    const query = fc.record({
      terms: fc.uniqueArray(fc.constantFrom(...vocab), { minLength: 1, maxLength: 3 }),
      prefixes: fc.uniqueArray(fc.constantFrom('jia', 'jiay', 'bing'), { maxLength: 2 }),
      region: fc.option(fc.constantFrom(...regions, '520104', '51'), { nil: undefined }),
    });
    const shown = (index: SearchIndex, q: { terms: string[]; prefixes: string[]; region?: string }) => {
      const tokens = { terms: q.terms, prefixes: q.prefixes, anchors: [], covered: 0, phrase: '', laterStage: false };
      const r = index.search({ tokens, region: q.region, limit: 10, offset: 0 });
      return { total: r.total, hits: r.hits.map((h) => [h.code, h.score, h.implementations, h.availability]) };
    };
    fc.assert(
      fc.property(
        fc.array(service, { minLength: 6, maxLength: 6 }),
        fc.array(step, { minLength: 1, maxLength: 4 }),
        fc.array(query, { minLength: 5, maxLength: 5 }),
        (first, steps, qs) => {
          let specs: Spec[] = first;
          const all = (list: readonly Spec[]) =>
            list.flatMap((s, k) => docsOf(k, s)).sort((x, y) => (x.code < y.code ? -1 : 1));
          const index = new SearchIndex(all(specs), 1);
          steps.forEach((changes, n) => {
            const changed = new Map<string, SearchDoc[]>();
            specs = specs.map((s, k) => {
              const c = changes[k]!;
              if (c === 'keep') return s;
              changed.set(`S${k}`, docsOf(k, c));
              return c;
            });
            index.apply(changed, n + 2);
            const fresh = new SearchIndex(all(specs), n + 2);
            expect([index.size, index.services]).toEqual([fresh.size, fresh.services]);
            for (const q of qs) expect(shown(index, q)).toEqual(shown(fresh, q));
          });
        },
      ),
      { numRuns: 300 },
    );
  }, 30_000);
});
