import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Item } from '../../../../contracts/catalog.js';
import type { SearchResult } from '../../../../contracts/search.js';
import { createTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const search = async (q: string, extra = '') => {
  const res = await t.app.inject({ method: 'GET', url: `/api/catalog/search?q=${encodeURIComponent(q)}${extra}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<SearchResult>();
};

describe('search understands how people ask', () => {
  it('finds 食品经营许可 first for the colloquial "我要开饭店"', async () => {
    const r = await search('我要开饭店');
    expect(r.total).toBeGreaterThan(0);
    expect(r.items[0]!.name).toContain('食品经营许可');
    expect(r.items[0]!.department.name).toMatch(/市场监督管理局/);
  });

  it('finds 营业执照 items by initials and by full pinyin', async () => {
    for (const q of ['yyzz', 'yingyezhizhao']) {
      const r = await search(q);
      expect(r.total, q).toBeGreaterThan(0);
      expect(
        r.items.slice(0, 5).some((i) => /设立登记|营业执照/.test(i.name)),
        q,
      ).toBe(true);
    }
  });

  it('ranks the item whose name is the query first', async () => {
    const r = await search('婚姻登记');
    expect(r.items[0]!.name).toMatch(/婚姻登记|结婚登记/);
  });

  it('keeps to a region: a 南明区 resident gets 南明区’s implementation, a 云岩区 one 云岩区’s', async () => {
    const all = await search('食品经营许可');
    expect(all.items.filter((i) => i.name === all.items[0]!.name)).toHaveLength(1);
    const nanming = await search('食品经营许可', '&region=520102');
    expect(nanming.total).toBeGreaterThan(0);
    for (const i of nanming.items) expect(['52', '5201', '520102']).toContain(i.region.code);
    const yunyan = await search('食品经营许可', '&region=520103');
    expect(yunyan.items[0]!.region.code).toBe('520103');
  });

  it('answers an empty result for nonsense, and logs it as unmet demand', async () => {
    for (let i = 0; i < 3; i++) expect(await search('龘靐齉爩')).toMatchObject({ total: 0, items: [] });
    const admin = await t.staff(['catalog_admin']);
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/admin/catalog/search/zero-results',
      headers: { authorization: admin.authorization },
    });
    expect(res.statusCode).toBe(200);
    // Asked three times, answered from the cache twice: still counted three times.
    expect(res.json().queries).toContainEqual(expect.objectContaining({ query: '龘靐齉爩', count: 3 }));
  });

  it('names the bad field of a malformed query', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/catalog/search?q=x&region=52x&pageSize=1000' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = res.json();
    expect(body.code).toBe('HTTP.VALIDATION_FAILED');
    expect(body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['querystring.region', 'querystring.pageSize']),
    );
    expect(body.message.zh).toBeTruthy();
    expect(body.message.en).toBeTruthy();
  });

  it('requires a query', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/catalog/search' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('querystring.q');
  });
});

describe('guides', () => {
  it('shows the full published guide', async () => {
    const hit = (await search('食品经营许可')).items[0]!;
    const res = await t.app.inject({ method: 'GET', url: `/api/catalog/items/${hit.code}` });
    expect(res.statusCode).toBe(200);
    const item = res.json<Item>();
    expect(item.code).toHaveLength(31);
    expect(item.code.slice(0, 18)).toBe(item.department.creditCode);
    expect(item.status).toBe('published');
    expect(item.materials.length).toBeGreaterThan(0);
    expect(item.legalBasis).toMatch(/《/);
    expect(item.promisedLimitDays).toBeLessThanOrEqual(item.legalLimitDays);
    expect(item.lists).toEqual(['power']);
  });

  it('answers 404 problem+json for an unknown code, in the caller’s language', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/catalog/items/11520000000000000X0000000000001',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(res.statusCode).toBe(404);
    const body = res.json();
    expect(body).toMatchObject({ status: 404, code: 'CATALOG.ITEM_NOT_FOUND', title: 'Not Found' });
    expect(body.detail).toMatch(/No such service item/);
    expect(body.message.zh).toMatch(/未找到事项/);
    expect(body.requestId).toBe(res.headers['x-request-id']);
  });
});

describe('themes and lists', () => {
  it('lists at least 16 themes and resolves a theme to items in order', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/catalog/themes' });
    const themes = res.json().themes as { slug: string; itemCount: number; audience: string }[];
    expect(themes.length).toBeGreaterThanOrEqual(16);
    expect(themes.some((th) => th.audience === 'enterprise')).toBe(true);
    const detail = await t.app.inject({ method: 'GET', url: `/api/catalog/themes/${themes[0]!.slug}?region=520103` });
    expect(detail.statusCode).toBe(200);
    const theme = detail.json();
    expect(theme.steps.length).toBeGreaterThan(1);
    expect(theme.steps.map((s: { order: number }) => s.order)).toEqual(
      theme.steps.map((_: unknown, i: number) => i + 1),
    );
    for (const s of theme.steps) expect(['52', '5201', '520103']).toContain(s.item.region.code);
  });

  it('gives the power list and the public-service list', async () => {
    const power = (await t.app.inject({ method: 'GET', url: '/api/catalog/lists/power?region=520103' })).json();
    const service = (await t.app.inject({ method: 'GET', url: '/api/catalog/lists/service?region=520103' })).json();
    expect(power.total).toBeGreaterThan(50);
    expect(service.total).toBeGreaterThan(5);
    expect(power.groups.map((g: { itemType: string }) => g.itemType)).toEqual(
      expect.arrayContaining(['01', '02', '07']),
    );
    expect(service.groups.every((g: { itemType: string }) => g.itemType === '20')).toBe(true);
  });

  it('walks regions down to villages', async () => {
    const cities = (await t.app.inject({ method: 'GET', url: '/api/catalog/regions?parent=52' })).json().regions;
    expect(cities.map((c: { name: string }) => c.name)).toContain('贵阳市');
    expect(cities).toContainEqual({
      code: '5226',
      name: '黔东南苗族侗族自治州',
      nameEn: 'Qiandongnan Miao and Dong Autonomous Prefecture',
      level: 2,
    });
    const counties = (await t.app.inject({ method: 'GET', url: '/api/catalog/regions?parent=5227' })).json().regions;
    expect(counties).toContainEqual(
      expect.objectContaining({ name: '三都水族自治县', nameEn: 'Sandu Shui Autonomous County' }),
    );
    const path = (await t.app.inject({ method: 'GET', url: '/api/catalog/regions/522725' })).json().path;
    expect(path.map((r: { nameEn: string }) => r.nameEn)).toEqual([
      'Guizhou Province',
      'Qiannan Bouyei and Miao Autonomous Prefecture',
      "Weng'an County",
    ]);
    const towns = (await t.app.inject({ method: 'GET', url: '/api/catalog/regions?parent=520103' })).json().regions;
    expect(towns.length).toBeGreaterThan(5);
    const villages = (await t.app.inject({ method: 'GET', url: `/api/catalog/regions?parent=${towns[0].code}` })).json()
      .regions;
    expect(villages[0].level).toBe(5);
    const missing = await t.app.inject({ method: 'GET', url: '/api/catalog/regions?parent=529999' });
    expect(missing.statusCode).toBe(404);
  });
});

describe('negative list', () => {
  it('lists prohibited and licensed entries, licensed ones linked to the items granting the licence', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/catalog/lists/negative?region=520103' });
    expect(res.statusCode, res.body).toBe(200);
    const entries = res.json().entries as {
      kind: string;
      title: string;
      items: { name: string; region: { code: string } }[];
    }[];
    expect(entries.filter((e) => e.kind === 'prohibited').length).toBeGreaterThanOrEqual(6);
    const food = entries.find((e) => e.title.includes('食品经营'))!;
    expect(food.items.map((i) => i.name)).toContain('食品经营许可（新办）');
    expect(food.items.every((i) => ['52', '5201', '520103'].includes(i.region.code))).toBe(true);
  });
});
