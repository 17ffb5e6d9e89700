/**
 * A search a resident can trust, through the API on the demo catalogue (county items in 南明区 and
 * 云岩区 only): one hit per service for the person's region, 全省通办 where their county has
 * none, themes first, nothing for nonsense (with suggestions), 热门搜索 by distinct people.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResult } from '../../../../../contracts/search.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { CatalogSearch } from './search.service.js';
import * as people from '../../../test/people.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { ...people.GENEROUS_LIMITS, SEARCH_HOT_DENYLIST: '代办,刷单' } });
});
afterAll(async () => t?.close());

const search = async (q: string, extra = '', opts: { remoteAddress?: string; cookie?: string } = {}) => {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/catalog/search?q=${encodeURIComponent(q)}${extra}`,
    remoteAddress: opts.remoteAddress,
    headers: opts.cookie ? { cookie: opts.cookie } : {},
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<SearchResult>();
};

describe('one hit per service', () => {
  it('returns a county item once without a region, saying how many places implement it', async () => {
    const r = await search('社会保障卡申领');
    const cards = r.items.filter((i) => i.name === '社会保障卡申领');
    expect(cards).toHaveLength(1);
    // The test catalogue's counties (TEST_PLACES): 南明区, 云岩区 and 黎平县.
    expect(cards[0]).toMatchObject({ implementations: 3, availability: 'unscoped' });
    expect(r.region).toBeNull();
    for (const q of ['生孩子', '营业执照', '社保卡']) {
      const codes = (await search(q)).items.map((i) => i.basicCode);
      expect(new Set(codes).size, q).toBe(codes.length);
    }
  });

  it('shows a resident of a county without the item the 全省通办 implementation, and no other county’s own', async () => {
    // 三都 has no implementations in the test catalogue (TEST_PLACES); 黎平 has its own.
    const sandu = await search('社会保障卡申领', '&region=522732');
    expect(sandu.region).toEqual({ code: '522732', name: '三都水族自治县', source: 'query' });
    const card = sandu.items.find((i) => i.name === '社会保障卡申领')!;
    expect(card).toMatchObject({ availability: 'provinceWide', provinceWide: true });
    const liping = await search('社会保障卡申领', '&region=522631');
    expect(liping.items.find((i) => i.name === '社会保障卡申领')).toMatchObject({ availability: 'local' });

    // An item only the districts implement, not province-wide: theirs, not 三都's.
    const local = await sql<{ name: string; basicCode: string }>`
      SELECT name, basic_code FROM catalog.search_doc
      WHERE region_code = '520102' AND NOT (hit->>'provinceWide')::boolean ORDER BY code LIMIT 1`.execute(t.db);
    const { name, basicCode } = local.rows[0]!;
    expect((await search(name, '&region=520102')).items.map((i) => i.basicCode)).toContain(basicCode);
    expect((await search(name, '&region=522732')).items.map((i) => i.basicCode)).not.toContain(basicCode);
  });

  it('answers 404 for a region code of the right form that names no region', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/catalog/search?q=%E7%A4%BE%E4%BF%9D&region=529999' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'CATALOG.REGION_NOT_FOUND' });
  });

  it("defaults to the signed-in person's household county", async () => {
    const [p] = await people.registryPersons(t, 'any', 1, '520103');
    const { c } = await people.register(t, p!);
    const res = await c.call('GET', `/api/catalog/search?q=${encodeURIComponent('社会保障卡申领')}`);
    const r = res.json<SearchResult>();
    expect(r.region).toEqual({ code: '520103', name: '云岩区', source: 'household' });
    expect(r.items.find((i) => i.name === '社会保障卡申领')).toMatchObject({
      region: { code: '520103' },
      availability: 'local',
    });
  });
});

describe('what else a result says', () => {
  it('puts the theme first: 生孩子 → 新生儿出生一件事', async () => {
    const r = await search('生孩子');
    expect(r.themes[0]).toMatchObject({ slug: 'newborn', name: '新生儿出生一件事' });
  });

  it('answers nothing for nonsense, and suggests what sounds the same', async () => {
    expect(await search('xyzqwe不存在')).toMatchObject({ total: 0, items: [], themes: [] });
    const typo = await search('营叶直照');
    expect(typo.total).toBe(0);
    expect(typo.suggestions).toContain('营业执照');
    expect((await search(typo.suggestions[0]!)).total).toBeGreaterThan(0);
  });

  it('finds items by their English names', async () => {
    const r = await search('birth certificate');
    expect(r.items[0]).toMatchObject({ name: '出生医学证明首次签发', nameEn: 'Medical birth certificate' });
  });
});

describe('热门搜索 counts people', () => {
  const hot = async () =>
    (await t.app.inject({ method: 'GET', url: '/api/catalog/search/hot' })).json<{ queries: string[] }>().queries;

  it('keeps one visitor’s query off the list however often they ask, and shows it when enough people do', async () => {
    for (let i = 0; i < 100; i++) await search('公积金提取', '', { remoteAddress: '203.0.113.7' });
    expect(await hot()).not.toContain('公积金提取');
    for (let k = 1; k <= 4; k++) await search('公积金提取', '', { remoteAddress: `198.51.100.${k}` });
    expect(await hot()).toContain('公积金提取');
  });

  it('keeps an answer for SEARCH_HOT_CACHE_MS instead of writing and reading the log on every page', async () => {
    const policy = { windowDays: 7, minPeople: 1, denylist: [] };
    const cached = new CatalogSearch(t.db, { hot: { ...policy, cacheMs: 60_000 } });
    const ask = (q: string, asker: string) => cached.search({ q, page: 1, pageSize: 20, asker });
    await ask('营业执照', 'hot-cache-a');
    expect(await cached.hotQueries()).toContain('营业执照');
    await ask('出生医学证明', 'hot-cache-b');
    expect(await cached.hotQueries()).not.toContain('出生医学证明');
    // Once the log is written, a node without the answer kept sees the new query.
    await cached.flush();
    const fresh = new CatalogSearch(t.db, { hot: { ...policy, cacheMs: 0 } });
    expect(await fresh.hotQueries()).toContain('出生医学证明');
  });

  it('never shows a query with a denied word, nor one that found nothing', async () => {
    for (let k = 1; k <= 6; k++) {
      await search('代办营业执照', '', { remoteAddress: `192.0.2.${k}` });
      await search('xyzqwe不存在', '', { remoteAddress: `192.0.2.${k}` });
    }
    const list = await hot();
    expect(list).not.toContain('代办营业执照');
    expect(list).not.toContain('xyzqwe不存在');
  });
});
