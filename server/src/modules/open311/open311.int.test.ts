/**
 * An Open311 client round trip: a registered client lists the services, files a complaint (form
 * encoded, as 311 clients do), the department's head answers it in Tongban, and the client sees it
 * closed — in JSON and XML, without a word the person wrote. Bad keys and bad input get Open311 errors.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { createTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
let apiKey: string;
let department: { key: string; name: string; regionCode: string };

async function clientToken(): Promise<string> {
  const admin = await t.staff(['system_admin'], '52');
  const reg = await t.app.inject({
    method: 'POST',
    url: '/api/admin/oidc/clients',
    headers: { authorization: admin.authorization },
    payload: { name: '12345 热线', grantTypes: ['client_credentials'] },
  });
  expect(reg.statusCode, reg.body).toBe(201);
  const { clientId, clientSecret } = reg.json();
  const res = await t.app.inject({
    method: 'POST',
    url: '/oidc/token',
    headers: {
      authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    payload: 'grant_type=client_credentials',
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().access_token;
}

const form = (fields: Record<string, string>) => ({
  method: 'POST' as const,
  url: '/open311/v2/requests.json',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams(fields).toString(),
});

beforeAll(async () => {
  t = await createTestApp();
  apiKey = await clientToken();
  const { rows } = await sql<typeof department>`
    SELECT key, name, region_code AS "regionCode" FROM catalog.department WHERE length(region_code) = 6 ORDER BY key LIMIT 1`.execute(
    t.db,
  );
  department = rows[0]!;
}, 60_000);
afterAll(async () => t?.close());

describe('Open311 GeoReport v2', () => {
  it('round trip: list services, file a complaint, the department answers, the status shows closed', async () => {
    const services = await t.app.inject('/open311/v2/services.json');
    expect(services.json().map((s: { service_code: string }) => s.service_code)).toEqual(['complaint', 'suggestion']);
    const definition = (await t.app.inject('/open311/v2/services/complaint.json')).json();
    expect(definition.attributes[0]).toMatchObject({ code: 'department', datatype: 'singlevaluelist', required: true });
    expect(definition.attributes[0].values).toContainEqual({ key: department.key, name: department.name });

    const filed = await t.app.inject(
      form({
        api_key: apiKey,
        service_code: 'complaint',
        'attribute[department]': department.key,
        description: '窗口人员态度不好，张三 13900001111',
        lat: '26.5783',
        long: '106.7135',
        email: 'someone@example.com',
      }),
    );
    expect(filed.statusCode, filed.body).toBe(201);
    const [{ service_request_id: id, service_notice }] = filed.json();
    expect(id).toMatch(/^TS\d{6}-[A-Z0-9]+$/);
    expect(service_notice).toContain('An answer is due by');

    const before = (await t.app.inject(`/open311/v2/requests/${id}.json`)).json();
    expect(before).toEqual([
      expect.objectContaining({
        service_request_id: id,
        status: 'open',
        agency_responsible: department.name,
        lat: 26.5783,
      }),
    ]);
    expect(JSON.stringify(before)).not.toMatch(/张三|13900001111|someone@example/);

    const head = await t.staff(['department_head'], department.regionCode);
    const queue = await t.app.inject({
      method: 'GET',
      url: '/api/supervision/complaints?status=open',
      headers: { authorization: head.authorization },
    });
    const complaint = queue.json().complaints.find((c: { reference: string }) => c.reference === id);
    expect(complaint).toMatchObject({ complainant: null, content: '窗口人员态度不好，张三 13900001111' });
    const answered = await t.app.inject({
      method: 'POST',
      url: `/api/supervision/complaints/${complaint.id}/answer`,
      headers: { authorization: head.authorization },
      payload: { version: complaint.version, reply: '已约谈当事人并整改。' },
    });
    expect(answered.statusCode, answered.body).toBe(204);

    const after = (await t.app.inject(`/open311/v2/requests/${id}.json`)).json();
    expect(after[0]).toMatchObject({ status: 'closed', status_notes: '部门已答复 Answered by the department' });
    const xml = await t.app.inject(`/open311/v2/requests.xml?service_request_id=${id}`);
    expect(xml.headers['content-type']).toContain('application/xml');
    const parsed = new XMLParser().parse(xml.body);
    expect(parsed.service_requests.request).toMatchObject({ service_request_id: id, status: 'closed' });
    const listed = (await t.app.inject('/open311/v2/requests.json?status=closed')).json();
    expect(listed.map((r: { service_request_id: string }) => r.service_request_id)).toContain(id);
  });

  it('answers a bad api_key, a missing location and an unknown request in Open311 error form', async () => {
    const bad = await t.app.inject(
      form({
        api_key: 'x'.repeat(30),
        service_code: 'complaint',
        'attribute[department]': department.key,
        description: 'x',
        lat: '1',
        long: '2',
      }),
    );
    expect(bad.statusCode).toBe(403);
    expect(bad.json()).toEqual([{ code: 403, description: expect.stringContaining('api_key') }]);
    const nowhere = await t.app.inject(
      form({ api_key: apiKey, service_code: 'complaint', 'attribute[department]': department.key, description: 'x' }),
    );
    expect(nowhere.statusCode).toBe(400);
    const missing = await t.app.inject('/open311/v2/requests/TS000000-NOPE.xml');
    expect(missing.statusCode).toBe(404);
    expect(new XMLParser().parse(missing.body).errors.error.code).toBe(404);
  });

  it('lists its paths in /openapi.json', async () => {
    const paths = Object.keys((await t.app.inject('/openapi.json')).json().paths);
    expect(paths).toEqual(
      expect.arrayContaining(['/open311/v2/services.json', '/open311/v2/requests.xml', '/api/me/inbox']),
    );
  });
});
