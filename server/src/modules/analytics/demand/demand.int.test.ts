/**
 * 需求分析 through the API on a real database, from hand-built searches, clicks and cases:
 * - 外星人 (finds nothing) from 5 addresses; the item's name from 6 addresses and resident A
 *   (signed in), who opens the item and applies the same day; one address opens another result;
 * - one address asks 营业执照 100 times: it never reaches the public list.
 * A's household is in another county than the item's: one application across counties.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { GENEROUS_LIMITS, register, registryPersons, type Client } from '../../../test/people.js';
import { formlessCountyItem, submitCase } from '../../../test/cases.js';
import { DuckDbStore, rebuildStore } from '../index.js';
import { forgetCatalogueServing } from '../capability/capability.service.js';

let t: TestApp;
let item: { code: string; regionCode: string; name: string };
/** The item's name as people type it (the lists show queries normalised: no brackets). */
let asked: string;
let other: { code: string; position: number };
let resident: Client;
let homeCounty: string;
const ZERO = '外星人';

const search = (q: string, ip: string, as?: Client) => {
  const url = `/api/catalog/search?q=${encodeURIComponent(q)}&region=${item.regionCode}`;
  return as ? as.call('GET', url) : t.app.inject({ method: 'GET', url, remoteAddress: ip });
};
const click = (body: object, as?: Client, ip = '10.9.9.9') =>
  as
    ? as.call('POST', '/api/catalog/search/clicks', body)
    : t.app.inject({ method: 'POST', url: '/api/catalog/search/clicks', payload: body, remoteAddress: ip });
const get = (url: string, authorization?: string) =>
  t.app.inject({ method: 'GET', url, ...(authorization ? { headers: { authorization } } : {}) });
/** Writes the buffered query log (the hot list flushes it) and delivers the outbox to the store. */
const settle = async () => {
  expect((await get('/api/catalog/search/hot')).statusCode).toBe(200);
  await t.app.outbox.drain();
};

beforeAll(async () => {
  t = await createTestApp({ env: GENEROUS_LIMITS });
  const found = await formlessCountyItem(t);
  item = { ...found, name: (await get(`/api/catalog/items/${found.code}`)).json().name };
  asked = item.name
    .replace(/[（）()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  homeCounty = item.regionCode === '520103' ? '520102' : '520103';
  const [person] = await registryPersons(t, 'any', 1, homeCounty);
  resident = (await register(t, person!)).c;

  for (let i = 1; i <= 5; i++) expect((await search(ZERO, `10.0.1.${i}`)).json().total).toBe(0);
  for (let i = 1; i <= 6; i++) {
    const res = await search(asked, `10.0.2.${i}`);
    expect(res.statusCode, res.body).toBe(200);
    if (i === 1) {
      const items = res.json().items as { code: string }[];
      const at = items.findIndex((h) => h.code !== item.code);
      other = { code: items[at]!.code, position: at + 1 };
      const opened = await click({ searchId: res.json().searchId, position: other.position, itemCode: other.code });
      expect(opened.statusCode, opened.body).toBe(204);
    }
  }
  const mine = await search(asked, '', resident);
  const position = (mine.json().items as { code: string }[]).findIndex((h) => h.code === item.code) + 1;
  expect(position).toBeGreaterThan(0);
  const opened = await click({ searchId: mine.json().searchId, position, itemCode: item.code }, resident);
  expect(opened.statusCode, opened.body).toBe(204);
  await submitCase(resident, item.code, 'demand-case-1');
  for (let i = 0; i < 100; i++) await search('营业执照', '10.0.3.1');
  await settle();
});
afterAll(async () => t?.close());

describe('POST /api/catalog/search/clicks', () => {
  it('takes a search id, a position and an item code, nothing else', async () => {
    const bad = await click({ searchId: 'not-a-uuid', position: 0, itemCode: item.code, name: '张三' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    const { rows } = await sql<{ payload: unknown }>`
      SELECT payload FROM platform.outbox WHERE topic = 'catalog.search-clicked'`.execute(t.db);
    expect(rows).toHaveLength(2);
    expect(JSON.stringify(rows)).not.toMatch(/10\.0\.|张三/);
  });
});

describe('GET /api/analytics/demand', () => {
  it('gives staff the hand-counted figures', async () => {
    const supervisor = await t.staff(['supervisor'], item.regionCode);
    const res = await get(`/api/analytics/demand`, supervisor.authorization);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ view: 'staff', region: { code: item.regionCode } });
    // 5 + 7 + 100 searches; people: 5 + 6 addresses + A + the one address asking 100 times.
    expect(body.totals).toEqual({
      suppressed: false,
      searches: 112,
      people: 13,
      zeroResult: 5,
      clicked: 2,
      ledToApplication: 1,
    });
    const row = (list: string, query: string) => body[list].find((r: { query: string }) => r.query === query);
    expect(row('top', '营业执照')).toMatchObject({ searches: 100, people: 1, count: 100 });
    expect(row('top', asked)).toMatchObject({ searches: 7, people: 7, count: 7 });
    expect(body.zeroResult).toEqual([{ query: ZERO, searches: 5, people: 5, count: 5, suppressed: false }]);
    expect(row('noClick', asked)).toMatchObject({ count: 5 });
    expect(body.ledToApplication).toEqual([{ query: asked, searches: 7, people: 7, count: 1, suppressed: false }]);
    // Opened once each: the other result never applied for online, the item once.
    expect(body.viewedNotApplied.map((v: { itemCode: string }) => v.itemCode)).toEqual([other.code, item.code]);
    expect(body.viewedNotApplied[1]).toMatchObject({ views: 1, online: 1, onlineRate: 1, itemName: item.name });
    expect(body.travel).toEqual([
      expect.objectContaining({
        from: expect.objectContaining({ code: homeCounty }),
        to: expect.objectContaining({ code: item.regionCode }),
        cases: 1,
        people: 1,
      }),
    ]);
  });

  it('keeps one person asking a hundred times off the public list, and withholds small counts', async () => {
    const res = await get(`/api/analytics/demand?region=${item.regionCode}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ view: 'public', minPeople: 5, minCell: 10 });
    expect(body.top.map((r: { query: string }) => r.query)).toEqual([asked]);
    expect(body.top[0]).toEqual({ query: asked, searches: null, people: null, count: null, suppressed: true });
    expect(body.zeroResult.map((r: { query: string }) => r.query)).toEqual([ZERO]);
    expect(body.totals).toMatchObject({ suppressed: false, searches: 112 });
    expect(body.travel).toEqual([expect.objectContaining({ suppressed: true, cases: null, people: null })]);
    expect(body.viewedNotApplied).toEqual([]);
    expect(res.body).not.toContain('营业执照');
  });

  it('is rebuilt from the event log as it was fed', async () => {
    const fresh = await DuckDbStore.open(':memory:');
    try {
      await rebuildStore({ ...t.app.analytics, store: fresh }, t.db);
      const fed = await t.app.analytics.store.dump();
      expect(fed.search_fact).toHaveLength(112);
      expect(await fresh.dump()).toEqual(fed);
    } finally {
      await fresh.close();
    }
  });

  it('keeps staff to their region', async () => {
    const elsewhere = await t.staff(['supervisor'], homeCounty);
    const res = await get(`/api/analytics/demand?region=${item.regionCode}`, elsewhere.authorization);
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json().code).toBe('ANALYTICS.OUT_OF_SCOPE');
  });
});

describe('a zero-result query made a synonym', () => {
  it('lets a provincial catalogue administrator answer it in one call, audited, found by the next search', async () => {
    const countyAdmin = await t.staff(['catalog_admin'], item.regionCode);
    const path = `/api/admin/catalog/synonyms/${encodeURIComponent(ZERO)}`;
    const put = (authorization: string) =>
      t.app.inject({ method: 'PUT', url: path, headers: { authorization }, payload: { expansions: [item.name] } });
    expect((await put(countyAdmin.authorization)).statusCode).toBe(403);
    const admin = await t.staff(['catalog_admin'], '52');
    const res = await put(admin.authorization);
    expect(res.statusCode, res.body).toBe(200);
    const { rows } = await sql<{ detail: unknown }>`
      SELECT detail FROM platform.audit_log WHERE action = 'catalog.synonym-set' AND target_id = ${ZERO}`.execute(t.db);
    expect(rows).toHaveLength(1);
    const found = await search(ZERO, '10.0.4.1');
    expect((found.json().items as { code: string }[]).map((h) => h.code)).toContain(item.code);
  });
});

describe('GET /api/analytics/capability', () => {
  /** By hand from the catalogue's tables: services, those serving the county, and its implementations' online terms. */
  async function byHand(region: string) {
    const above = [2, 4, 6].map((n) => region.slice(0, n));
    const { rows } = await sql<{ basicCode: string; visits: number; depth: number[] }>`
      SELECT i.basic_code, (v.guide->>'visits')::int AS visits,
             ARRAY(SELECT jsonb_array_elements_text(v.guide->'onlineDepth')::int) AS depth
        FROM catalog.item i JOIN catalog.item_version v ON v.item_id = i.id AND v.status = 'published'
       WHERE i.region_code = ANY(${above}::text[]) OR i.region_code LIKE ${`${region}%`}`.execute(t.db);
    const all = await sql<{ n: number }>`
      SELECT count(DISTINCT i.basic_code)::int AS n FROM catalog.item i
        JOIN catalog.item_version v ON v.item_id = i.id AND v.status = 'published'`.execute(t.db);
    const fully = rows.filter((r) => r.visits === 0 && r.depth.includes(4) && r.depth.includes(5)).length;
    const depth = rows.reduce((n, r) => n + new Set(r.depth).size / 7, 0) / rows.length;
    return {
      coverage: (100 * new Set(rows.map((r) => r.basicCode)).size) / all.rows[0]!.n,
      online: 100 * (0.5 * (fully / rows.length) + 0.5 * depth),
      implementations: rows.length,
    };
  }

  it('scores a county from its catalogue and cases as computed by hand, formulas shown', async () => {
    const expected = await byHand(item.regionCode);
    const supervisor = await t.staff(['supervisor'], item.regionCode);
    const res = await get(`/api/analytics/capability`, supervisor.authorization);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const score = (key: string) => body.scores.find((s: { key: string }) => s.key === key);
    expect(body.region.code).toBe(item.regionCode);
    expect(score('coverage').score).toBeCloseTo(expected.coverage, 1);
    expect(score('online').score).toBeCloseTo(expected.online, 1);
    expect(score('guide').inputs).toContainEqual(
      expect.objectContaining({ key: 'implementations', value: expected.implementations }),
    );
    // One case filed, none completed or rated, nothing saved: effectiveness counts the savings share alone.
    expect(score('effectiveness')).toMatchObject({ score: 0 });
    expect(score('effectiveness').inputs).toContainEqual(expect.objectContaining({ key: 'savedShare', value: 0 }));
    const weights = body.scores.map((s: { weight: number }) => s.weight);
    expect(weights.reduce((a: number, b: number) => a + b, 0)).toBeCloseTo(1, 6);
    const index = body.scores.reduce((n: number, s: { weight: number; score: number }) => n + s.weight * s.score, 0);
    expect(body.index).toBeCloseTo(index, 1);
    for (const s of body.scores) expect(s.formulaZh).toMatch(/100 ×/);
  });

  it('counts a guide element left empty (the venue of every guide: one of 14 elements)', async () => {
    const supervisor = await t.staff(['supervisor'], item.regionCode);
    const guide = async () =>
      (await get(`/api/analytics/capability`, supervisor.authorization))
        .json()
        .scores.find((s: { key: string }) => s.key === 'guide');
    const before = await guide();
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM catalog.item_version WHERE status = 'published' AND guide->>'venue' = ''`.execute(
      t.db,
    );
    expect(rows[0]!.n).toBe(0);
    await sql`UPDATE catalog.item_version SET guide = jsonb_set(guide, '{venue}', '""') WHERE status = 'published'`.execute(
      t.db,
    );
    // What the catalogue serves is remembered for a while (SERVING_TTL_MS): the change shows once forgotten.
    expect((await guide()).score).toBe(before.score);
    forgetCatalogueServing(t.app.analytics);
    const after = await guide();
    expect(before.score - after.score).toBeCloseTo(100 / 14, 1);
  });

  it('withholds the effectiveness of a few cases from the public and re-weights the index', async () => {
    const res = await get(`/api/analytics/capability?region=${item.regionCode}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.view).toBe('public');
    const counted = body.scores.filter((s: { score: number | null }) => s.score !== null);
    expect(counted.map((s: { key: string }) => s.key)).toEqual(['coverage', 'guide', 'online']);
    const weight = counted.reduce((n: number, s: { weight: number }) => n + s.weight, 0);
    const index = counted.reduce((n: number, s: { weight: number; score: number }) => n + s.weight * s.score, 0);
    expect(body.index).toBeCloseTo(index / weight, 1);
    expect((await get(`/api/analytics/capability`)).statusCode).toBe(400);
    const elsewhere = await t.staff(['supervisor'], homeCounty);
    expect((await get(`/api/analytics/capability?region=${item.regionCode}`, elsewhere.authorization)).statusCode).toBe(
      403,
    );
  });
});
