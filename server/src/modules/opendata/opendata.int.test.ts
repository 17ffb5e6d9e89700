/**
 * Open data as CKAN clients and harvesters use it: the action API by GET and by POST with a JSON
 * body (as ckanapi sends it) answers CKAN's documented shapes and errors; DCAT JSON-LD and Turtle
 * describe the same datasets; downloads hold the public view, with a small cell withheld and no
 * personal data. Cases come from the real API through the outbox.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { GENEROUS_LIMITS, register, registryPersons, type RegistryPerson } from '../../test/people.js';
import { approveCase, formlessCountyItem, submitCase } from '../../test/cases.js';
import { DATASETS } from './datasets.js';

/** A Parquet file's columns and rows, read by DuckDB (a reader other than the writer's code path). */
async function readParquet(bytes: Buffer): Promise<{ columns: string[]; rows: unknown[][] }> {
  const dir = await mkdtemp(join(tmpdir(), 'read-parquet-'));
  const instance = await DuckDBInstance.create(':memory:');
  try {
    await writeFile(join(dir, 'x.parquet'), bytes);
    const conn = await instance.connect();
    const reader = await conn.runAndReadAll(`SELECT * FROM read_parquet('${join(dir, 'x.parquet')}')`);
    const rows = reader.getRowsJS().map((r) => r.map((v) => (typeof v === 'bigint' ? Number(v) : v)));
    conn.closeSync();
    return { columns: reader.columnNames(), rows };
  } finally {
    instance.closeSync();
    await rm(dir, { recursive: true, force: true });
  }
}

let t: TestApp;
let item: { code: string; regionCode: string };
let people: RegistryPerson[];

beforeAll(async () => {
  t = await createTestApp({ env: { ...GENEROUS_LIMITS, ANALYTICS_MIN_CELL: '2' } });
  people = await registryPersons(t, 'any', 3);
  item = await formlessCountyItem(t);
  const clerk = (await t.staff(['window_clerk'], item.regionCode)).authorization;
  const approver = (await t.staff(['approver'], item.regionCode)).authorization;
  for (const [i, p] of people.entries()) {
    const { c } = await register(t, p);
    const caseId = await submitCase(c, item.code, `opendata-${i}`);
    if (i < 2) await approveCase(t, caseId, clerk, approver);
    if (i === 0) expect((await c.call('POST', `/api/cases/${caseId}/rating`, { level: 4 })).statusCode).toBe(201);
  }
  await t.app.outbox.drain();
});
afterAll(async () => t?.close());

const action = async (name: string, params: Record<string, unknown> = {}, method: 'GET' | 'POST' = 'POST') => {
  const res =
    method === 'POST'
      ? await t.app.inject({ method, url: `/api/3/action/${name}`, payload: params })
      : await t.app.inject({
          method,
          url: `/api/3/action/${name}?${new URLSearchParams(params as Record<string, string>)}`,
        });
  return { status: res.statusCode, body: res.json(), raw: res.body };
};

describe('CKAN action API', () => {
  it('lists, shows and searches datasets in CKAN shapes', async () => {
    const list = await action('package_list', {}, 'GET');
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ success: true, help: expect.stringContaining('help_show?name=package_list') });
    expect(list.body.result).toContain('service-performance-by-item');

    const shown = await action('package_show', { id: 'service-performance-by-item' });
    expect(shown.body.result).toMatchObject({
      name: 'service-performance-by-item',
      type: 'dataset',
      state: 'active',
      organization: { name: 'tongban-data-centre', is_organization: true },
      num_resources: 3,
    });
    expect(shown.body.result.resources.map((r: { format: string }) => r.format)).toEqual(['CSV', 'JSON', 'Parquet']);
    expect(shown.body.result.resources[2]).toMatchObject({
      id: 'service-performance-by-item.parquet',
      mimetype: 'application/vnd.apache.parquet',
      url: expect.stringMatching(/\/api\/opendata\/service-performance-by-item\.parquet$/),
    });

    const search = await action('package_search', { q: '好差评', rows: 5 });
    expect(search.body.result).toMatchObject({ count: 1, results: [{ name: 'service-satisfaction-by-department' }] });
    const all = await action('package_search', { rows: 1, start: 1 }, 'GET');
    expect(all.body.result.count).toBe(3);
    expect(all.body.result.results).toHaveLength(1);

    const orgs = await action('organization_list', { all_fields: true });
    expect(orgs.body.result).toEqual([expect.objectContaining({ name: 'tongban-data-centre', package_count: 3 })]);
    const org = await action('organization_show', { id: 'tongban-data-centre' }, 'GET');
    expect(org.body.result.packages).toHaveLength(3);

    const resource = await action('resource_show', { id: 'service-performance-by-item.csv' });
    expect(resource.body.result).toMatchObject({ package_id: 'service-performance-by-item', datastore_active: true });
  });

  it('filters, facets and sorts package_search as CKAN clients and harvesters ask', async () => {
    const names = (r: { body: { result: { results: { name: string }[] } } }) =>
      r.body.result.results.map((p) => p.name);
    // ckanext-harvest's incremental harvest: what changed since a moment, by its organization.
    const since = await action(
      'package_search',
      { fq: 'metadata_modified:[2026-01-01T00:00:00Z TO *] organization:tongban-data-centre', rows: 100 },
      'GET',
    );
    expect(since.status, since.raw).toBe(200);
    expect(since.body.result.count).toBe(3);
    const future = await action('package_search', { fq: 'metadata_modified:[2999-01-01T00:00:00Z TO *]' });
    expect(future.body.result).toMatchObject({ count: 0, results: [] });

    const tagged = await action('package_search', { fq: 'tags:performance -tags:部门' }, 'GET');
    expect(names(tagged)).toEqual(['service-performance-by-item']);
    expect(names(await action('package_search', { q: 'tags:好差评' }))).toEqual(['service-satisfaction-by-department']);
    expect(names(await action('package_search', { fq: 'name:service-performance-*', sort: 'name desc' }))).toEqual([
      'service-performance-by-item',
      'service-performance-by-department',
    ]);
    expect(names(await action('package_search', { fq: 'res_format:"Parquet"', sort: 'name asc' }))).toEqual([
      'service-performance-by-department',
      'service-performance-by-item',
      'service-satisfaction-by-department',
    ]);

    const faceted = await action(
      'package_search',
      { 'facet.field': '["tags","res_format","organization"]', 'facet.limit': 2, rows: 0 },
      'GET',
    );
    expect(faceted.status, faceted.raw).toBe(200);
    expect(faceted.body.result.results).toEqual([]);
    expect(faceted.body.result.facets).toEqual({
      tags: { performance: 2, 政务服务: 2 },
      res_format: { CSV: 3, JSON: 3 },
      organization: { 'tongban-data-centre': 3 },
    });
    expect(faceted.body.result.search_facets.organization).toEqual({
      title: 'organization',
      items: [{ name: 'tongban-data-centre', display_name: 'tongban-data-centre', count: 3 }],
    });

    for (const bad of [
      { fq: 'colour:red' },
      { fq: 'tags:[a TO b]' },
      { sort: 'size asc' },
      { 'facet.field': 'tags' },
    ]) {
      const refused = await action('package_search', bad);
      expect(refused.status, JSON.stringify(bad)).toBe(409);
      expect(refused.body).toMatchObject({ success: false, error: { __type: 'Search Query Error' } });
    }

    const help = await action('help_show', { name: 'package_search' }, 'GET');
    expect(help.body).toMatchObject({ success: true, result: expect.stringContaining(':param fq:') });
    expect((await action('help_show', { name: 'package_purge' })).status).toBe(404);
    expect((await action('help_show', {})).status).toBe(409);
  });

  it('answers an unknown dataset with 404 and success false, and a bad parameter with 409', async () => {
    const missing = await action('package_show', { id: 'no-such-dataset' });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ success: false, error: { __type: 'Not Found Error' } });
    expect((await action('resource_show', { id: 'nothing.csv' }, 'GET')).status).toBe(404);
    const bad = await action(
      'datastore_search',
      { resource_id: 'service-performance-by-item.json', limit: 'many' },
      'GET',
    );
    expect(bad.status).toBe(409);
    expect(bad.body).toMatchObject({ success: false, error: { __type: 'Validation Error' } });
    const badFilter = await action('datastore_search', {
      resource_id: 'service-performance-by-item.json',
      filters: { nope: 1 },
    });
    expect(badFilter.status).toBe(409);
    // Text PostgreSQL cannot store is refused as on every route (problem+json), not as a CKAN failure.
    const nul = await t.app.inject({ method: 'GET', url: '/api/3/action/package_search?q=%00' });
    expect(nul.statusCode).toBe(400);
    expect(nul.json().code).toBe('PLATFORM.BAD_TEXT');
  });

  it('searches the datastore with filters and paging', async () => {
    const res = await action('datastore_search', {
      resource_id: 'service-performance-by-item.json',
      filters: { item_code: item.code },
      limit: 10,
    });
    expect(res.status, res.raw).toBe(200);
    expect(res.body.result).toMatchObject({ total: 1, limit: 10, offset: 0 });
    expect(res.body.result.fields.map((f: { id: string }) => f.id)).toContain('on_time_promised_rate');
    expect(res.body.result.records[0]).toMatchObject({
      _id: 1,
      item_code: item.code,
      filed: 3,
      completed: 2,
      suppressed: false,
    });
    const dept = await action('datastore_search', { resource_id: 'service-satisfaction-by-department.csv' }, 'GET');
    // One rater is below the threshold of two: the department's ratings are withheld.
    expect(dept.body.result.records[0]).toMatchObject({ ratings: null, satisfaction: null, suppressed: true });
    const paged = await action('datastore_search', { resource_id: 'service-performance-by-item.csv', offset: 1 });
    expect(paged.body.result.records).toEqual([]);
  });
});

describe('downloads and DCAT', () => {
  it('downloads CSV and JSON without personal data', async () => {
    const csv = await t.app.inject({ method: 'GET', url: '/api/opendata/service-performance-by-item.csv' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const [header, row] = csv.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(header!.split(',')).toEqual(expect.arrayContaining(['item_code', 'item_name', 'filed', 'suppressed']));
    expect(row).toContain(item.code);
    const json = await t.app.inject({ method: 'GET', url: '/api/opendata/service-performance-by-department.json' });
    expect(json.json()[0]).toMatchObject({ filed: 3 });
    for (const body of [csv.body, json.body]) {
      for (const p of people) {
        expect(body).not.toContain(p.name);
        expect(body).not.toContain(p.idNumber);
      }
      expect(body).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/opendata/other.csv' })).statusCode).toBe(404);
  });

  it('downloads Parquet that DuckDB reads back as the CSV rows, withheld cells empty', async () => {
    for (const name of DATASETS.map((d) => d.name)) {
      const res = await t.app.inject({ method: 'GET', url: `/api/opendata/${name}.parquet` });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('application/vnd.apache.parquet');
      expect(res.rawPayload.subarray(0, 4).toString()).toBe('PAR1');
      const csv = await t.app.inject({ method: 'GET', url: `/api/opendata/${name}.csv` });
      const [header, ...lines] = csv.body
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n');
      const { columns, rows } = await readParquet(res.rawPayload);
      expect(columns).toEqual(header!.split(','));
      expect(rows.map((r) => r.map((v) => (v === null ? '' : String(v))).join(','))).toEqual(lines);
      expect(rows.length).toBeGreaterThan(0);
    }
    const satisfaction = await readParquet(
      (await t.app.inject({ method: 'GET', url: '/api/opendata/service-satisfaction-by-department.parquet' }))
        .rawPayload,
    );
    // One rater, fewer than the threshold of two: the row is there, its figures empty.
    expect(satisfaction.rows[0]!.slice(1)).toEqual([null, null, null, true]);
  });

  it('describes the catalogue in DCAT JSON-LD and Turtle', async () => {
    const ld = await t.app.inject({ method: 'GET', url: '/catalog.jsonld' });
    expect(ld.headers['content-type']).toMatch(/application\/ld\+json/);
    const graph = ld.json();
    expect(graph['@context'].dcat).toBe('http://www.w3.org/ns/dcat#');
    expect(graph['@type']).toBe('dcat:Catalog');
    expect(graph['dcat:dataset']).toHaveLength(3);
    expect(graph['dcat:dataset'][0]['dcat:distribution'][0]['dcat:downloadURL']['@id']).toMatch(
      /\/api\/opendata\/service-performance-by-item\.csv$/,
    );
    const ttl = await t.app.inject({ method: 'GET', url: '/catalog.ttl' });
    expect(ttl.headers['content-type']).toMatch(/text\/turtle/);
    expect(ttl.body).toContain('@prefix dcat: <http://www.w3.org/ns/dcat#> .');
    expect(ttl.body.match(/ a dcat:Dataset/g)).toHaveLength(3);
    expect(ttl.body.match(/ a dcat:Distribution/g)).toHaveLength(9);
    expect(graph['dcat:dataset'][0]['dcat:distribution'][2]).toMatchObject({
      'dct:format': 'Parquet',
      'dcat:mediaType': 'application/vnd.apache.parquet',
    });
  });
});
