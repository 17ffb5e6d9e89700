/**
 * 办事指南 kept in memory: what a node keeps, and how a change made through this node or another
 * reaches the guides it serves (publishing a version, retiring, changing the department).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Item, ItemGuide } from '../../../../contracts/catalog.js';
import { guideOf, publishVersion } from '../../test/catalog.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { rebuildSearchIndex } from './items.service.js';
import { PublishedGuides } from './published-guides.js';

let t: TestApp;
let admin: { authorization: string };
let reviewer: { authorization: string };
let code: string;
let guide: ItemGuide;

const read = async (c = code) => t.app.inject({ method: 'GET', url: `/api/catalog/items/${c}` });
const as = (who: { authorization: string }) => ({ authorization: who.authorization });

/** Publishes a new version of the item with `promisedLimitDays` through the API (this node). */
const publish = (promisedLimitDays: number) =>
  publishVersion(t, code, { ...guide, promisedLimitDays }, { admin, reviewer });

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.staff(['catalog_admin'], '52');
  reviewer = await t.staff(['catalog_reviewer'], '52');
  const hit = (await t.app.inject({ method: 'GET', url: '/api/catalog/search?q=食品经营许可' })).json().items[0];
  code = hit.code;
  guide = guideOf((await read()).json());
});
afterAll(async () => t?.close());

describe('published guides kept per node', () => {
  it('answers the same guide object while the catalogue is unchanged, and no unknown code', async () => {
    const guides = new PublishedGuides(t.db, { checkMs: 60_000 });
    const first = await guides.get(code);
    expect(await guides.get(code)).toBe(first);
    await expect(guides.get('11520000000000000X0000000000000')).rejects.toMatchObject({
      code: 'CATALOG.ITEM_NOT_FOUND',
    });
  });

  it('shows a version published through this node at once, and through another node after its check', async () => {
    // Another node: it looks at the generation again only after a minute, or when invalidated.
    const other = new PublishedGuides(t.db, { checkMs: 60_000 });
    // Another node that looks at every read.
    const watchful = new PublishedGuides(t.db, { checkMs: 0 });
    const before = await other.get(code);
    await watchful.get(code);
    expect((await read()).json().promisedLimitDays).toBe(before.promisedLimitDays);

    const days = before.promisedLimitDays === 7 ? 6 : 7;
    await publish(days);
    // This node: at once.
    expect((await read()).json()).toMatchObject({ promisedLimitDays: days });
    // The watchful node: at its next read; the other still keeps what it read, until it checks.
    expect(await watchful.get(code)).toMatchObject({ promisedLimitDays: days });
    expect(await other.get(code)).toBe(before);
    other.invalidate();
    expect(await other.get(code)).toMatchObject({ promisedLimitDays: days });
  });

  it('keeps the guides of services a publication did not change, and forgets all after a whole rewrite', async () => {
    const watchful = new PublishedGuides(t.db, { checkMs: 0 });
    const otherCode = (await t.app.inject({ method: 'GET', url: '/api/catalog/search?q=营业执照' })).json().items[0]
      .code;
    const other = await watchful.get(otherCode);
    const before = await watchful.get(code);
    expect(other.basicCode).not.toBe(before.basicCode);
    await publish(before.promisedLimitDays === 7 ? 6 : 7);
    expect(await watchful.get(code)).not.toBe(before);
    expect(await watchful.get(otherCode)).toBe(other);
    // A rewrite of the whole read model says nothing about which services changed.
    await rebuildSearchIndex(t.db);
    const again = await watchful.get(otherCode);
    expect(again).not.toBe(other);
    expect(again).toEqual(other);
  });

  it('forgets a retired guide: 404 on this node at once, and on another at its check', async () => {
    const watchful = new PublishedGuides(t.db, { checkMs: 0 });
    await watchful.get(code);
    const retired = await t.app.inject({
      method: 'POST',
      url: `/api/admin/catalog/items/${code}/retire`,
      headers: as(admin),
      payload: { comment: '测试撤销' },
    });
    expect(retired.statusCode, retired.body).toBe(200);
    expect((await read()).statusCode).toBe(404);
    await expect(watchful.get(code)).rejects.toMatchObject({ code: 'CATALOG.ITEM_NOT_FOUND' });
  });

  it('names a renamed department in its guides and search hits, on every node', async () => {
    const other = (await t.app.inject({ method: 'GET', url: '/api/catalog/search?q=营业执照' })).json().items[0];
    const item = (await read(other.code)).json() as Item;
    const watchful = new PublishedGuides(t.db, { checkMs: 0 });
    await watchful.get(item.code);
    const edit = (name: string, phone: string) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/admin/catalog/departments/${item.department.id}`,
        headers: as(admin),
        payload: { name, shortName: item.department.shortName, address: '', phone },
      });
    const generation = async () =>
      (await sql<{ g: string }>`SELECT generation::text AS g FROM catalog.search_state`.execute(t.db)).rows[0]!.g;
    // A new phone number is in no guide and no search hit: nothing is written again.
    const unchanged = await generation();
    expect((await edit(item.department.name, '0851-12345678')).statusCode).toBe(204);
    expect(await generation()).toBe(unchanged);
    const renamed = `${item.department.name}（更名）`;
    const res = await edit(renamed, '0851-12345678');
    expect(res.statusCode, res.body).toBe(204);
    expect(await generation()).not.toBe(unchanged);
    expect((await read(item.code)).json().department.name).toBe(renamed);
    expect((await watchful.get(item.code)).department.name).toBe(renamed);
    const hits = (await t.app.inject({ method: 'GET', url: '/api/catalog/search?q=营业执照&pageSize=100' })).json();
    const hit = hits.items.find((h: { code: string }) => h.code === item.code);
    expect(hit.department.name).toBe(renamed);
  });
});
