/**
 * A department system outside Tongban: an OAuth client of the identity provider, registered with
 * the exchange for 人社, gets a client-credentials access token, queries within its grant, is
 * limited per client (429 past its limit), and shows in the resident's data uses by name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { GENEROUS_LIMITS, register, registryPersons, type Client, type RegistryPerson } from '../../../test/people.js';
import { approvedGrant, call, departmentStaff } from '../exchange.test-kit.js';

let t: TestApp;
let hrss: Awaited<ReturnType<typeof departmentStaff>>;
let police: Awaited<ReturnType<typeof departmentStaff>>;
let resident: RegistryPerson & { c: Client };
let grantId: string;

async function oidcClient(name: string): Promise<{ clientId: string; clientSecret: string }> {
  const admin = await t.staff(['system_admin'], '52');
  const res = await call(t, admin.authorization, 'POST', '/api/admin/oidc/clients', {
    name,
    grantTypes: ['client_credentials'],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function accessToken(c: { clientId: string; clientSecret: string }): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/oidc/token',
    headers: {
      authorization: `Basic ${Buffer.from(`${encodeURIComponent(c.clientId)}:${encodeURIComponent(c.clientSecret)}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    payload: 'grant_type=client_credentials',
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().access_token;
}

beforeAll(async () => {
  t = await createTestApp({ env: GENEROUS_LIMITS });
  hrss = await departmentStaff(t, 'gz-hrss', ['data_admin']);
  police = await departmentStaff(t, 'gz-police', ['data_admin']);
  const [p] = await registryPersons(t, 'any', 1);
  resident = { ...p!, c: (await register(t, p!)).c };
  grantId = await approvedGrant(t, hrss, police, 'population.person', ['name', 'alive']);
});
afterAll(async () => t?.close());

const query = (token: string, body: object) =>
  t.app.inject({
    method: 'POST',
    url: '/api/exchange/v1/query',
    headers: { authorization: `Bearer ${token}` },
    payload: body,
  });

describe('department systems with client credentials', () => {
  it('query within their grant, and get 429 past their own rate limit', async () => {
    const oidc = await oidcClient('贵州省社保经办系统');
    const registered = await call(t, hrss.authorization, 'POST', '/api/exchange/clients', {
      clientId: oidc.clientId,
      name: '贵州省社保经办系统',
      departmentId: hrss.departmentId,
      ratePerMinute: 3,
    });
    expect(registered.statusCode, registered.body).toBe(201);
    const token = await accessToken(oidc);

    const body = { grantId, purpose: '养老金资格认证（系统批量）', subject: { idNumber: resident.idNumber } };
    const first = await query(token, body);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().record).toEqual({ name: resident.name, alive: true });
    expect((await query(token, { ...body, fields: ['address'] })).json().code).toBe('EXCHANGE.FIELD_NOT_GRANTED');
    expect((await query(token, { ...body, purpose: undefined })).json().code).toBe('EXCHANGE.PURPOSE_REQUIRED');
    const limited = await query(token, body);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('HTTP.TOO_MANY_REQUESTS');

    // The limit is per client: another system of the same department is not held back.
    const second = await oidcClient('贵州省社保稽核系统');
    expect(
      (
        await call(t, hrss.authorization, 'POST', '/api/exchange/clients', {
          clientId: second.clientId,
          name: '贵州省社保稽核系统',
          departmentId: hrss.departmentId,
          ratePerMinute: 3,
        })
      ).statusCode,
    ).toBe(201);
    expect((await query(await accessToken(second), body)).statusCode).toBe(200);

    const uses = (await resident.c.call('GET', '/api/me/data-uses')).json().uses;
    expect(uses).toHaveLength(2);
    expect(uses.map((u: { officer: string }) => u.officer).sort()).toEqual([
      '贵州省社保稽核系统',
      '贵州省社保经办系统',
    ]);
    expect(
      uses.every(
        (u: { via: string; department: string }) => u.via === 'system' && u.department === '贵州省人力资源和社会保障厅',
      ),
    ).toBe(true);
  });

  it('refuses a missing or made-up token, a staff token, and a client the exchange does not know', async () => {
    const body = { grantId, purpose: '核验', subject: { idNumber: resident.idNumber } };
    expect((await t.app.inject({ method: 'POST', url: '/api/exchange/v1/query', payload: body })).json().code).toBe(
      'EXCHANGE.CLIENT_TOKEN',
    );
    expect((await query('x'.repeat(43), body)).json().code).toBe('EXCHANGE.CLIENT_TOKEN');
    const staffToken = hrss.authorization.slice('Bearer '.length);
    expect((await query(staffToken, body)).statusCode).toBe(401);
    const unknown = await oidcClient('未登记的系统');
    const res = await query(await accessToken(unknown), body);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('EXCHANGE.CLIENT_NOT_REGISTERED');
  });

  it('stops a disabled client at once', async () => {
    const oidc = await oidcClient('停用测试系统');
    await call(t, hrss.authorization, 'POST', '/api/exchange/clients', {
      clientId: oidc.clientId,
      name: '停用测试系统',
      departmentId: hrss.departmentId,
      ratePerMinute: 100,
    });
    const token = await accessToken(oidc);
    const body = { grantId, purpose: '核验', subject: { idNumber: resident.idNumber } };
    expect((await query(token, body)).statusCode).toBe(200);
    expect((await call(t, police.authorization, 'DELETE', `/api/exchange/clients/${oidc.clientId}`)).statusCode).toBe(
      403,
    );
    expect((await call(t, hrss.authorization, 'DELETE', `/api/exchange/clients/${oidc.clientId}`)).statusCode).toBe(
      204,
    );
    expect((await query(token, body)).json().code).toBe('EXCHANGE.CLIENT_NOT_REGISTERED');
  });
});
