/**
 * How a change to the catalogue reaches each API node's search index: a publication, a retirement,
 * a synonym or a theme shows on the node that made it at once, and on another node at its next
 * check — read service by service from the change log, not by reading the whole catalogue again.
 * The whole catalogue is read again only after a rewrite of all of it, or by a node so far behind
 * that the log no longer reaches back to it.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Item, ItemGuide } from '../../../../../contracts/catalog.js';
import type { SearchResult } from '../../../../../contracts/search.js';
import { guideOf, publishVersion } from '../../../test/catalog.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { rebuildSearchIndex } from '../items.service.js';
import { listThemes } from '../themes.service.js';
import { findTheme, upsertTheme } from '../themes.repository.js';
import { CHANGES_KEPT, markSearchChanged } from './search.repository.js';
import { CatalogSearch } from './search.service.js';

let t: TestApp;
let admin: { authorization: string };
let reviewer: { authorization: string };
let item: Item;

const KEYWORD = '夜市小吃摊';

/** A search through the API (the node that made the changes). */
async function viaApi(q: string): Promise<SearchResult> {
  const res = await t.app.inject({ method: 'GET', url: `/api/catalog/search?q=${encodeURIComponent(q)}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<SearchResult>();
}

/** Another node: it looks at the generation on every query and updates in the background. */
async function viaOther(node: CatalogSearch, q: string): Promise<SearchResult> {
  return node.search({ q, page: 1, pageSize: 20 });
}

/** What `node` answers once its background update (started by a query) is done. */
async function afterCheck(node: CatalogSearch, q: string): Promise<SearchResult> {
  await viaOther(node, q);
  await node.settle();
  return viaOther(node, q);
}

const codes = (r: SearchResult) => r.items.map((i) => i.code);

/** Publishes the item's guide with `change` through the API: edit, submit, approve. */
const publish = (change: Partial<ItemGuide>) =>
  publishVersion(t, item.code, { ...guideOf(item), ...change }, { admin, reviewer });

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.staff(['catalog_admin'], '52');
  reviewer = await t.staff(['catalog_reviewer'], '52');
  const hit = (await viaApi('食品经营许可')).items[0]!;
  item = (await t.app.inject({ method: 'GET', url: `/api/catalog/items/${hit.code}` })).json<Item>();
});
afterAll(async () => t?.close());

describe('search index freshness across nodes', () => {
  it('finds a published change on this node at once and on another at its next check, by that service alone', async () => {
    const other = new CatalogSearch(t.db, { checkMs: 0 });
    expect(codes(await viaOther(other, KEYWORD))).not.toContain(item.code);
    expect(other.lastUpdate).toBe('built');

    await publish({ keywords: [...(item.keywords ?? []), KEYWORD] });
    // This node waits for its own write.
    expect(codes(await viaApi(KEYWORD))).toContain(item.code);
    // The other answers from what it has until its update is done, which read only what changed.
    expect(codes(await afterCheck(other, KEYWORD))).toContain(item.code);
    expect(other.lastUpdate).toBe('applied');
    // Nothing changed since: the next check keeps the index as it is.
    await afterCheck(other, KEYWORD);
    expect(other.lastUpdate).toBe('unchanged');
  });

  it('carries a synonym and a theme set through one node to the others', async () => {
    const other = new CatalogSearch(t.db, { checkMs: 0 });
    const asked = '开个夜宵摊';
    await viaOther(other, asked);
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/admin/catalog/synonyms/${encodeURIComponent(asked)}`,
      headers: { authorization: admin.authorization },
      payload: { expansions: [KEYWORD] },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(codes(await viaApi(asked))).toContain(item.code);
    expect(codes(await afterCheck(other, asked))).toContain(item.code);
    expect(other.lastUpdate).toBe('applied');

    const [listed] = await listThemes(t.db);
    const theme = (await findTheme(t.db, listed!.slug))!;
    const renamed = '夜市经营一件事';
    await t.db.transaction().execute((trx) => upsertTheme(trx, { ...theme, name: renamed }));
    expect((await afterCheck(other, renamed)).themes.map((th) => th.name)).toContain(renamed);
    expect(other.lastUpdate).toBe('applied');
  });

  it('forgets a retired service on every node', async () => {
    const other = new CatalogSearch(t.db, { checkMs: 0 });
    expect(codes(await viaOther(other, KEYWORD))).toContain(item.code);
    const retired = await t.app.inject({
      method: 'POST',
      url: `/api/admin/catalog/items/${item.code}/retire`,
      headers: { authorization: admin.authorization },
      payload: { comment: '测试废止' },
    });
    expect(retired.statusCode, retired.body).toBe(200);
    expect(codes(await viaApi(KEYWORD))).not.toContain(item.code);
    expect(codes(await afterCheck(other, KEYWORD))).not.toContain(item.code);
    expect(other.lastUpdate).toBe('applied');
  });

  it('reads everything again after a whole rewrite, or when the log no longer reaches back', async () => {
    const other = new CatalogSearch(t.db, { checkMs: 0 });
    const before = await viaOther(other, '营业执照');
    await rebuildSearchIndex(t.db);
    expect((await afterCheck(other, '营业执照')).items).toEqual(before.items);
    expect(other.lastUpdate).toBe('built');

    // One generation more than the log keeps: the node is behind what it holds.
    await t.db.transaction().execute(async (trx) => {
      for (let i = 0; i <= CHANGES_KEPT; i++) await markSearchChanged(trx);
    });
    const { rows } = await sql<{ behind: string; kept: string }>`
      SELECT (SELECT count(*) FROM catalog.search_change c WHERE c.generation <= s.generation - ${CHANGES_KEPT})::text AS behind,
             (s.generation - s.changes_from)::text AS kept
      FROM catalog.search_state s`.execute(t.db);
    expect(rows[0]).toEqual({ behind: '0', kept: String(CHANGES_KEPT - 1) });
    await afterCheck(other, '营业执照');
    expect(other.lastUpdate).toBe('built');
  });
});
