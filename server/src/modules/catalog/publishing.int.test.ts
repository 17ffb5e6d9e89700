import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Item, ItemGuide } from '../../../../contracts/catalog.js';
import { createTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
let admin: { id: string; authorization: string };
let reviewer: { id: string; authorization: string };
let guide: ItemGuide;
let provinceDept: { id: string; name: string };

const guideOf = (item: Item): ItemGuide => {
  const { code, department, region, status, version, lists, publishedAt, ...g } = item;
  void code, department, region, status, version, lists, publishedAt;
  return g;
};

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.staff(['catalog_admin'], '52');
  reviewer = await t.staff(['catalog_reviewer'], '52');
  const hit = (await t.app.inject({ method: 'GET', url: '/api/catalog/search?q=食品经营许可' })).json().items[0];
  guide = guideOf((await t.app.inject({ method: 'GET', url: `/api/catalog/items/${hit.code}` })).json());
  provinceDept = (await t.app.inject({ method: 'GET', url: '/api/catalog/departments?region=52' }))
    .json()
    .departments.find((d: { regionCode: string }) => d.regionCode === '52');
});
afterAll(async () => t?.close());

const searchCodes = async (q: string): Promise<string[]> =>
  (await t.app.inject({ method: 'GET', url: `/api/catalog/search?q=${encodeURIComponent(q)}&pageSize=100` }))
    .json()
    .items.map((i: { code: string }) => i.code);

const post = (url: string, who: { authorization: string } | undefined, payload: unknown = {}) =>
  t.app.inject({
    method: 'POST',
    url,
    payload: payload as object,
    headers: who ? { authorization: who.authorization } : {},
  });

describe('publishing workflow: draft → in review → published → retired', () => {
  const newGuide = () => ({
    ...guide,
    basicCode: 'ZZ0199001000',
    name: '跨境电子商务零售进口试点企业备案',
    keywords: ['跨境电商备案'],
    summary: '跨境电商企业在本省开展零售进口业务前的备案。',
  });
  let code: string;

  it('refuses anonymous callers and callers without the role', async () => {
    expect(
      (await post('/api/admin/catalog/items', undefined, { departmentId: provinceDept.id, guide: newGuide() }))
        .statusCode,
    ).toBe(401);
    const res = await post('/api/admin/catalog/items', reviewer, { departmentId: provinceDept.id, guide: newGuide() });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('AUTH.ROLE_REQUIRED');
  });

  it('creates a draft that the portal does not show', async () => {
    const res = await post('/api/admin/catalog/items', admin, { departmentId: provinceDept.id, guide: newGuide() });
    expect(res.statusCode, res.body).toBe(201);
    code = res.json().code;
    expect(code).toHaveLength(31);
    expect((await t.app.inject({ method: 'GET', url: `/api/catalog/items/${code}` })).statusCode).toBe(404);
    expect(await searchCodes('跨境电商备案')).not.toContain(code);
  });

  it('refuses to approve a draft (409 with the current state)', async () => {
    const res = await post(`/api/admin/catalog/items/${code}/approve`, reviewer);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'CATALOG.WRONG_STATUS', currentStatus: 'draft' });
  });

  it('publishes after review by someone else, and search finds it', async () => {
    expect((await post(`/api/admin/catalog/items/${code}/submit`, admin)).json()).toEqual({
      status: 'in_review',
      version: 1,
    });
    const approved = await post(`/api/admin/catalog/items/${code}/approve`, reviewer, { comment: '要素齐全' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/catalog/items/${code}` })).json().version).toBe(1);
    expect((await searchCodes('跨境电商备案'))[0]).toBe(code);
  });

  it('edits a published item as a new draft while the portal keeps showing the published version', async () => {
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/admin/catalog/items/${code}`,
      headers: { authorization: admin.authorization },
      payload: { guide: { ...newGuide(), promisedLimitDays: 3 } },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().version).toBe(2);
    expect((await t.app.inject({ method: 'GET', url: `/api/catalog/items/${code}` })).json()).toMatchObject({
      version: 1,
      promisedLimitDays: guide.promisedLimitDays,
    });
    await post(`/api/admin/catalog/items/${code}/submit`, admin);
    await post(`/api/admin/catalog/items/${code}/approve`, reviewer);
    expect((await t.app.inject({ method: 'GET', url: `/api/catalog/items/${code}` })).json()).toMatchObject({
      version: 2,
      promisedLimitDays: 3,
    });
  });

  it('keeps every version and the whole history', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/admin/catalog/items/${code}`,
      headers: { authorization: reviewer.authorization },
    });
    const body = res.json();
    expect(body.versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
      [2, 'published'],
      [1, 'superseded'],
    ]);
    expect(body.history.map((h: { action: string }) => h.action)).toEqual([
      'created',
      'submitted',
      'published',
      'drafted',
      'submitted',
      'published',
    ]);
    expect(body.history[2].actorId).toBe(reviewer.id);
    const v1 = await t.app.inject({
      method: 'GET',
      url: `/api/admin/catalog/items/${code}/versions/1`,
      headers: { authorization: reviewer.authorization },
    });
    expect(v1.json().promisedLimitDays).toBe(guide.promisedLimitDays);
  });

  it('retires: gone from the portal and search, history kept', async () => {
    expect((await post(`/api/admin/catalog/items/${code}/retire`, admin, { comment: '事项取消' })).json()).toEqual({
      status: 'retired',
      version: 2,
    });
    expect((await t.app.inject({ method: 'GET', url: `/api/catalog/items/${code}` })).statusCode).toBe(404);
    expect(await searchCodes('跨境电商备案')).not.toContain(code);
    expect((await post(`/api/admin/catalog/items/${code}/retire`, admin)).statusCode).toBe(409);
  });
});

describe('four eyes', () => {
  it('does not let whoever drafted a version publish it, even holding both roles', async () => {
    const both = await t.staff(['catalog_admin', 'catalog_reviewer'], '52');
    const created = await post('/api/admin/catalog/items', both, {
      departmentId: provinceDept.id,
      guide: { ...guide, basicCode: 'ZZ0199004000', name: '四眼原则测试事项' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { code } = created.json();
    await post(`/api/admin/catalog/items/${code}/submit`, both);
    const self = await post(`/api/admin/catalog/items/${code}/approve`, both);
    expect(self.statusCode).toBe(403);
    expect(self.json().code).toBe('CATALOG.SELF_REVIEW');
    expect((await post(`/api/admin/catalog/items/${code}/approve`, reviewer)).statusCode).toBe(200);
  });
});

describe('guide invariants', () => {
  it('lists every violation with 422 and saves nothing', async () => {
    const bad = {
      ...guide,
      basicCode: 'ZZ0199002000',
      name: '违反约束的测试事项',
      legalLimitDays: 10,
      promisedLimitDays: 15,
      materials: [{ ...guide.materials[0]!, originals: 0, copies: 0 }],
      processSteps: [{ name: '受理', description: '', days: 1 }],
    };
    const res = await post('/api/admin/catalog/items', admin, { departmentId: provinceDept.id, guide: bad });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toBe('CATALOG.GUIDE_INVALID');
    expect(body.errors.map((e: { code: string }) => e.code)).toEqual(
      expect.arrayContaining(['CATALOG.PROMISED_EXCEEDS_LEGAL', 'CATALOG.MATERIAL_ZERO_COPIES']),
    );
    expect(body.errors.find((e: { code: string }) => e.code === 'CATALOG.MATERIAL_ZERO_COPIES').field).toBe(
      'materials.0.copies',
    );
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/admin/catalog/items?status=draft',
      headers: { authorization: admin.authorization },
    });
    expect(list.json().items.some((i: { basicCode: string }) => i.basicCode === 'ZZ0199002000')).toBe(false);
  });

  it('keeps an administrator to their region', async () => {
    const county = await t.staff(['catalog_admin'], '520103');
    const res = await post('/api/admin/catalog/items', county, {
      departmentId: provinceDept.id,
      guide: { ...guide, basicCode: 'ZZ0199003000' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CATALOG.OUT_OF_SCOPE');
  });

  it('rejects malformed JSON and other content types with a problem answer', async () => {
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/admin/catalog/items',
      headers: { authorization: admin.authorization, 'content-type': 'application/json' },
      payload: '{"departmentId": ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('HTTP.MALFORMED_JSON');
    const xml = await t.app.inject({
      method: 'POST',
      url: '/api/admin/catalog/items',
      headers: { authorization: admin.authorization, 'content-type': 'application/xml' },
      payload: '<a/>',
    });
    expect(xml.statusCode).toBe(415);
    expect(xml.headers['content-type']).toMatch(/problem\+json/);
  });
});

describe('province-wide content', () => {
  it('lets only provincial catalogue administrators change themes and synonyms', async () => {
    const county = await t.staff(['catalog_admin'], '520103');
    const theme = {
      name: '开办小店',
      title: '我要开小店',
      audience: 'enterprise',
      steps: [{ basicCode: '011270001001' }],
    };
    const put = (who: string, url: string, payload: object) =>
      t.app.inject({ method: 'PUT', url, headers: { authorization: who }, payload });
    const refused = await put(county.authorization, '/api/admin/catalog/themes/open-small-shop', theme);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('CATALOG.PROVINCE_ONLY');
    expect(
      (await put(county.authorization, '/api/admin/catalog/synonyms/开店', { expansions: ['营业执照'] })).statusCode,
    ).toBe(403);
    expect((await put(admin.authorization, '/api/admin/catalog/themes/open-small-shop', theme)).statusCode).toBe(200);
    expect(
      (await put(admin.authorization, '/api/admin/catalog/synonyms/开店', { expansions: ['营业执照'] })).statusCode,
    ).toBe(200);
  });
});
