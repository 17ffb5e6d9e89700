import { describe, expect, it } from 'vitest';
import { SearchIndex } from './search-index.js';
import type { SearchDoc } from './search.repository.js';
import { queryTokens, strongTokens, weakTokens } from './tokenizer.js';

const doc = (code: string, name: string, opts: { keywords?: string[]; body?: string[]; itemType?: string; region?: string } = {}): SearchDoc => ({
  itemId: code,
  code,
  regionCode: opts.region ?? '520103',
  itemType: opts.itemType ?? '01',
  name,
  lexemes: { a: strongTokens([name, ...(opts.keywords ?? [])]), b: [], c: weakTokens(opts.body ?? []) },
  hit: { code, name, summary: '', itemType: (opts.itemType ?? '01') as '01', department: { id: 'd', name: '部门' }, region: { code: opts.region ?? '520103', name: '区' }, visits: 0, promisedLimitDays: 1, provinceWide: false },
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
const codes = (q: string, region?: string) => index.search({ tokens: queryTokens(q), regionAncestors: region ? ['52', '5201', region] : undefined, regionPrefix: region, limit: 10, offset: 0 }).hits.map((h) => h.code);

describe('SearchIndex', () => {
  it('puts the item whose keyword is the whole phrase first', () => {
    expect(codes('我要开饭店')[0]).toBe('A');
  });

  it('prefers the first-time item unless the query asks for a later stage', () => {
    expect(codes('食品经营许可').slice(0, 2)).toEqual(['A', 'B']);
    expect(codes('食品经营许可变更')[0]).toBe('B');
  });

  it('ranks penalties below what people apply for', () => {
    const both = new SearchIndex([doc('P', '对食品经营者违法行为的处罚', { itemType: '02' }), doc('L', '食品经营者违法行为举报奖励', { itemType: '08' })], 1);
    expect(both.search({ tokens: queryTokens('食品经营者违法行为'), limit: 5, offset: 0 }).hits.map((h) => h.code)).toEqual(['L', 'P']);
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
});
