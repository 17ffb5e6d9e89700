/**
 * Bad input anywhere gets a 4xx problem answer and changes nothing: wrong check digits, overlong
 * fields, SQL and script fragments, malformed JSON, wrong content types, oversized bodies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from './test/harness.js';
import { GENEROUS_LIMITS } from './test/people.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: GENEROUS_LIMITS });
});
afterAll(async () => t?.close());

async function counts(): Promise<string> {
  const r =
    await sql`SELECT (SELECT count(*) FROM identity.person_account) AS persons, (SELECT count(*) FROM identity.session) AS sessions,
    (SELECT count(*) FROM identity.sms_code) AS codes, (SELECT count(*) FROM catalog.item_version) AS versions`.execute(
      t.db,
    );
  return JSON.stringify(r.rows);
}

const raw = (
  method: 'POST' | 'PUT',
  url: string,
  payload: string,
  contentType = 'application/json',
  headers: Record<string, string> = {},
) => t.app.inject({ method, url, payload, headers: { 'content-type': contentType, ...headers } });

describe('bad input', () => {
  it('answers every kind of bad request with a problem and a stable code, changing nothing', async () => {
    const before = await counts();
    const admin = await t.staff(['system_admin', 'catalog_admin']);
    const registration = {
      idNumber: '11010519491231002X',
      name: '张三',
      phone: '13800138000',
      smsCode: '123456',
      password: 'Tongban2026',
    };
    const cases: { name: string; send: () => ReturnType<typeof raw>; status: number; code: string }[] = [
      {
        name: 'malformed JSON',
        send: () => raw('POST', '/api/auth/login', '{"method":"password",'),
        status: 400,
        code: 'HTTP.MALFORMED_JSON',
      },
      {
        name: 'wrong content type',
        send: () => raw('POST', '/api/auth/login', 'method=password', 'application/x-www-form-urlencoded'),
        status: 415,
        code: 'HTTP.UNSUPPORTED_MEDIA_TYPE',
      },
      {
        name: 'text/plain',
        send: () => raw('POST', '/api/auth/register', JSON.stringify(registration), 'text/plain'),
        status: 415,
        code: 'HTTP.UNSUPPORTED_MEDIA_TYPE',
      },
      {
        name: 'body over 1 MiB',
        send: () =>
          raw(
            'POST',
            '/api/auth/login',
            JSON.stringify({ method: 'password', account: 'x', password: 'y'.repeat(1_100_000) }),
          ),
        status: 413,
        code: 'HTTP.BODY_TOO_LARGE',
      },
      {
        name: 'overlong name',
        send: () => raw('POST', '/api/auth/register', JSON.stringify({ ...registration, name: '张'.repeat(5000) })),
        status: 400,
        code: 'HTTP.VALIDATION_FAILED',
      },
      {
        name: 'overlong password',
        send: () =>
          raw(
            'POST',
            '/api/auth/login',
            JSON.stringify({ method: 'password', account: 'a', password: 'p'.repeat(500) }),
          ),
        status: 400,
        code: 'HTTP.VALIDATION_FAILED',
      },
      {
        name: 'script in a name',
        send: () =>
          raw('POST', '/api/auth/register', JSON.stringify({ ...registration, name: '<script>alert(1)</script>' })),
        status: 400,
        code: 'HTTP.VALIDATION_FAILED',
      },
      {
        name: 'SQL in an ID number',
        send: () => raw('POST', '/api/auth/register', JSON.stringify({ ...registration, idNumber: "1' OR '1'='1" })),
        status: 400,
        code: 'HTTP.VALIDATION_FAILED',
      },
      {
        name: 'wrong ID check digit',
        send: () =>
          raw('POST', '/api/auth/register', JSON.stringify({ ...registration, idNumber: '110105194912310021' })),
        status: 400,
        code: 'IDENTITY.BAD_ID_NUMBER',
      },
      {
        name: 'SQL in an account name',
        send: () =>
          raw(
            'POST',
            '/api/auth/login',
            JSON.stringify({ method: 'password', account: "admin' OR 1=1 --", password: 'x' }),
          ),
        status: 401,
        code: 'IDENTITY.BAD_CREDENTIALS',
      },
      {
        name: 'unknown sign-in method',
        send: () => raw('POST', '/api/auth/login', JSON.stringify({ method: 'magic' })),
        status: 400,
        code: 'HTTP.VALIDATION_FAILED',
      },
      {
        name: 'wrong credit-code check digit',
        send: () => raw('POST', '/api/enterprises', JSON.stringify({ creditCode: '91520000MA6DTXXX01' })),
        status: 401,
        code: 'AUTH.REQUIRED',
      },
      {
        name: 'staff with a bad region code',
        send: () =>
          raw(
            'POST',
            '/api/admin/staff',
            JSON.stringify({
              username: 'x.y',
              displayName: 'X',
              regionCode: "52'; DROP TABLE identity.staff; --",
              roles: ['window_clerk'],
              password: 'Abcdefg123',
            }),
            'application/json',
            { authorization: admin.authorization },
          ),
        status: 400,
        code: 'HTTP.VALIDATION_FAILED',
      },
      {
        name: 'staff with an unknown role',
        send: () =>
          raw(
            'POST',
            '/api/admin/staff',
            JSON.stringify({
              username: 'x.z',
              displayName: 'X',
              regionCode: '52',
              roles: ['god'],
              password: 'Abcdefg123',
            }),
            'application/json',
            { authorization: admin.authorization },
          ),
        status: 400,
        code: 'HTTP.VALIDATION_FAILED',
      },
      {
        name: 'a non-uuid id in a path',
        send: () =>
          raw(
            'PUT',
            `/api/admin/staff/1%20OR%201=1/roles`,
            JSON.stringify({ roles: ['approver'], regionCode: '52', departmentIds: [] }),
            'application/json',
            { authorization: admin.authorization },
          ),
        status: 400,
        code: 'HTTP.VALIDATION_FAILED',
      },
    ];
    for (const c of cases) {
      const res = await c.send();
      expect(res.statusCode, `${c.name}: ${res.body}`).toBe(c.status);
      expect(res.headers['content-type'], c.name).toMatch(/^application\/problem\+json/);
      const body = res.json();
      expect(body.code, c.name).toBe(c.code);
      expect(body.message.zh, c.name).toBeTruthy();
      expect(body.message.en, c.name).toBeTruthy();
      expect(res.body, c.name).not.toMatch(/at .*\.ts:\d+|stack|SELECT|syntax error/i);
    }
    expect(await counts()).toBe(before);
    expect(Number((await sql<{ n: string }>`SELECT count(*) AS n FROM identity.staff`.execute(t.db)).rows[0]!.n)).toBe(
      1,
    );
  });
});
