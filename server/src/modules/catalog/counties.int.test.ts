/**
 * The whole province's catalogue as a resident of a generated county sees it, and region codes as
 * the standard writes them: 黎平县 (522631) finds its own county's item and applies for it; 6-digit
 * GB/T 2260 codes (520100 = 贵阳市) and 9/12-digit township and village codes are accepted; an
 * unknown code is a 404 problem.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import * as people from '../../test/people.js';
import { submitCase } from '../../test/cases.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: people.GENEROUS_LIMITS });
});
afterAll(async () => t?.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });

describe('a resident of 黎平县 (522631)', () => {
  it('finds an item of their own county and applies for it', async () => {
    // A county item for persons that asks for no application form, as 黎平县 publishes it.
    const picked = await sql<{ name: string }>`
      SELECT v.name FROM catalog.item i JOIN catalog.item_version v ON v.item_id = i.id AND v.version = i.published_version
      WHERE i.region_code = '522631' AND v.guide->'serviceObjects' ? '1'
        AND jsonb_array_length(COALESCE(v.guide->'form', '[]'::jsonb)) = 0
        AND NOT (v.guide->>'itemType' IN ('02', '03', '06'))
      ORDER BY v.name LIMIT 1`.execute(t.db);
    const name = picked.rows[0]!.name;

    const search = await get(`/api/catalog/search?q=${encodeURIComponent(name)}&region=522631`);
    expect(search.statusCode, search.body).toBe(200);
    const hits = search.json().items as {
      code: string;
      name: string;
      region: { code: string };
      department: { name: string };
    }[];
    const hit = hits.find((h) => h.name === name && h.region.code === '522631');
    expect(hit, `${name} for 黎平县`).toBeDefined();
    expect(hit!.department.name).toMatch(/^(黎平县|国家税务总局黎平县)/);
    expect(hits.some((h) => h.region.code === '520102' || h.region.code === '520103')).toBe(false);

    const guide = await get(`/api/catalog/items/${hit!.code}`);
    expect(guide.statusCode).toBe(200);
    expect(guide.json()).toMatchObject({ region: { code: '522631', name: '黎平县' } });
    expect(guide.json().consultPhone).toMatch(/^0855-/);

    const [resident] = await people.registryPersons(t, 'any', 1, '522631');
    expect(resident, 'a registry person living in 黎平县').toBeDefined();
    const { c } = await people.register(t, resident!);
    const caseId = await submitCase(c, hit!.code, 'liping-1');
    const detail = await c.call('GET', `/api/cases/${caseId}`);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json()).toMatchObject({ itemCode: hit!.code, regionCode: '522631' });
  });
});

describe('region codes by the standard (GB/T 2260)', () => {
  it('accepts 520100 for 贵阳市 wherever a region is a parameter', async () => {
    const padded = await get(`/api/catalog/search?q=${encodeURIComponent('营业执照')}&region=520100`);
    const plain = await get(`/api/catalog/search?q=${encodeURIComponent('营业执照')}&region=5201`);
    expect(padded.statusCode, padded.body).toBe(200);
    expect(padded.json().total).toBeGreaterThan(0);
    // The same answer, but for the search id each answer draws (it ties a result opened to its search).
    expect({ ...padded.json(), searchId: undefined }).toEqual({ ...plain.json(), searchId: undefined });
    const departments = await get('/api/catalog/departments?region=520100');
    expect(departments.statusCode).toBe(200);
    expect(departments.json().departments.map((d: { name: string }) => d.name)).toContain('贵阳市市场监督管理局');
    const children = await get('/api/catalog/regions?parent=520100');
    expect(children.json().regions.map((r: { name: string }) => r.name)).toContain('南明区');
    expect((await get('/api/catalog/regions/520000')).json()).toMatchObject({ code: '52', name: '贵州省' });
  });

  it('answers an unknown code with a 404 problem in Chinese and English, never an empty list', async () => {
    for (const url of [
      '/api/catalog/search?q=%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7&region=999999',
      '/api/catalog/search?q=%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7&region=529999',
      '/api/catalog/departments?region=999999',
      '/api/catalog/regions/999999',
      '/api/catalog/lists/power?region=529999',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({
        code: 'CATALOG.REGION_NOT_FOUND',
        detail: expect.stringContaining('未找到行政区划'),
      });
      const en = await t.app.inject({ method: 'GET', url, headers: { 'accept-language': 'en' } });
      expect(en.json().detail).toMatch(/^No such region: \d+$/);
    }
  });

  it('resolves a 9-digit township and a 12-digit village code to their county', async () => {
    const township = await get('/api/catalog/regions/520102016');
    expect(township.statusCode, township.body).toBe(200);
    expect(township.json()).toMatchObject({
      code: '520102016',
      name: '新华路街道',
      level: 4,
      county: { code: '520102', name: '南明区' },
      path: [
        { code: '52', name: '贵州省' },
        { code: '5201', name: '贵阳市' },
        { code: '520102', name: '南明区' },
        { code: '520102016', name: '新华路街道' },
      ],
    });
    expect((await get('/api/catalog/regions/520102016000')).json()).toMatchObject({ code: '520102016' });
    expect((await get('/api/catalog/regions/520102016001')).json()).toMatchObject({
      level: 5,
      county: { code: '520102' },
    });
    const q = encodeURIComponent('食品经营许可');
    const inTownship = (await get(`/api/catalog/search?q=${q}&region=520102016001`)).json();
    expect(inTownship.items.length).toBeGreaterThan(0);
    expect(inTownship.items.some((h: { region: { code: string } }) => h.region.code === '520102')).toBe(true);
    expect(inTownship.items.some((h: { region: { code: string } }) => h.region.code === '520103')).toBe(false);
    const departments = (await get('/api/catalog/departments?region=520102016')).json().departments;
    expect(departments.map((d: { name: string }) => d.name)).toContain('贵阳市南明区市场监督管理局');
  });
});
