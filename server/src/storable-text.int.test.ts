/**
 * Strings PostgreSQL cannot store (NUL, lone surrogates) are refused at the edge of every route
 * with 400 PLATFORM.BAD_TEXT naming the field, and nothing is written. Each request below answered
 * 500 before the rule (issue 11, finding 6).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from './test/harness.js';
import { GENEROUS_LIMITS, register, registryPersons, type Client } from './test/people.js';
import { formlessCountyItem, submitCase } from './test/cases.js';

let t: TestApp;
let resident: Client;
let itemCode: string;
let caseId: string;
let admin: string;
let clerk: string;
beforeAll(async () => {
  t = await createTestApp({ env: GENEROUS_LIMITS });
  const [person] = await registryPersons(t, 'any', 1);
  resident = (await register(t, person!)).c;
  itemCode = (await formlessCountyItem(t)).code;
  caseId = await submitCase(resident, itemCode, 'storable-text-1');
  admin = (await t.staff(['system_admin', 'catalog_admin', 'data_admin'])).authorization;
  clerk = (await t.staff(['window_clerk', 'approver'])).authorization;
});
afterAll(async () => t?.close());

async function rowCounts(): Promise<string> {
  const r = await sql`SELECT (SELECT count(*) FROM cases."case") AS cases, (SELECT count(*) FROM cases.draft) AS drafts,
    (SELECT count(*) FROM platform.outbox) AS outbox, (SELECT count(*) FROM catalog.search_log) AS searches,
    (SELECT count(*) FROM platform.calendar_year) AS years, (SELECT count(*) FROM identity.session) AS sessions`.execute(
    t.db,
  );
  return JSON.stringify(r.rows);
}

const NUL = '\u0000';
const LONE_HIGH = '\uD800';
const LONE_LOW = '\uDC00';

describe('strings PostgreSQL cannot store', () => {
  it('are refused with 400 PLATFORM.BAD_TEXT naming the field, on every route, and change nothing', async () => {
    const before = await rowCounts();
    const asAdmin = { authorization: admin };
    const asClerk = { authorization: clerk };
    const requests: {
      name: string;
      field: string;
      send: () => Promise<{ statusCode: number; body: string; json: () => any; headers: Record<string, unknown> }>;
    }[] = [
      {
        name: 'search query',
        field: 'query.q',
        send: () => t.app.inject({ method: 'GET', url: '/api/catalog/search?q=%00' }),
      },
      {
        name: 'form value',
        field: 'body.form.purpose',
        send: () =>
          resident.call(
            'POST',
            '/api/cases',
            { itemCode, form: { purpose: `新办${NUL}` } },
            { headers: { 'idempotency-key': 'storable-text-2' } },
          ),
      },
      {
        name: 'nested form value',
        field: 'body.form.people.0.name',
        send: () =>
          resident.call(
            'POST',
            '/api/cases',
            { itemCode, form: { people: [{ name: `张${LONE_HIGH}` }] } },
            { headers: { 'idempotency-key': 'storable-text-3' } },
          ),
      },
      {
        name: 'form key',
        field: `body.form.a\uFFFDb`,
        send: () =>
          resident.call(
            'POST',
            '/api/cases',
            { itemCode, form: { [`a${LONE_LOW}b`]: '1' } },
            { headers: { 'idempotency-key': 'storable-text-4' } },
          ),
      },
      {
        name: 'draft',
        field: 'body.form.note',
        send: () => resident.call('PUT', `/api/drafts/${itemCode}`, { form: { note: `x${NUL}y` } }),
      },
      {
        name: 'fee name',
        field: 'body.name',
        send: () =>
          t.app.inject({
            method: 'POST',
            url: `/api/cases/${caseId}/fees`,
            headers: asClerk,
            payload: { name: `工本费${NUL}`, amountFen: 100 },
          }),
      },
      {
        name: 'tracking code',
        field: 'params.code',
        send: () => t.app.inject({ method: 'GET', url: '/api/track/%00' }),
      },
      {
        name: 'tracking QR',
        field: 'params.code',
        send: () => t.app.inject({ method: 'GET', url: '/api/track/%00/qr.svg' }),
      },
      {
        name: 'sign-in account',
        field: 'body.account',
        send: () =>
          t.app.inject({
            method: 'POST',
            url: '/api/auth/login',
            payload: { method: 'password', account: `a${NUL}`, password: 'Tongban2026' },
          }),
      },
      {
        name: 'theme',
        field: 'params.id',
        send: () => t.app.inject({ method: 'GET', url: '/api/catalog/themes/a%00b' }),
      },
      {
        name: 'audit filter',
        field: 'query.action',
        send: () => t.app.inject({ method: 'GET', url: '/api/admin/audit?action=%00', headers: asAdmin }),
      },
      {
        name: 'OIDC client delete',
        field: 'params.clientId',
        send: () => t.app.inject({ method: 'DELETE', url: '/api/admin/oidc/clients/a%00', headers: asAdmin }),
      },
      {
        name: 'exchange client delete',
        field: 'params.clientId',
        send: () => t.app.inject({ method: 'DELETE', url: '/api/exchange/clients/a%00', headers: asAdmin }),
      },
      {
        name: 'calendar year note',
        field: 'body.note',
        send: () =>
          t.app.inject({
            method: 'PUT',
            url: '/api/admin/calendar/years/2027',
            headers: asAdmin,
            payload: { note: `国办发${NUL}` },
          }),
      },
    ];
    for (const r of requests) {
      const res = await r.send();
      expect(res.statusCode, `${r.name}: ${res.body}`).toBe(400);
      expect(res.headers['content-type'], r.name).toMatch(/^application\/problem\+json/);
      const body = res.json();
      expect(body.code, r.name).toBe('PLATFORM.BAD_TEXT');
      expect(body.errors?.[0]?.field, r.name).toBe(r.field);
      expect(body.message.zh, r.name).toContain(r.field);
      expect(body.message.en, r.name).toContain(r.field);
    }
    await t.app.inject({ method: 'GET', url: '/api/admin/catalog/search/zero-results', headers: asAdmin }); // flushes the query log
    expect(await rowCounts()).toBe(before);
  });

  it('lets paired surrogates (emoji, rare characters beyond the BMP) through', async () => {
    const res = await resident.call('PUT', `/api/drafts/${itemCode}`, { form: { note: '𠀀𪚥 😀' } });
    expect(res.statusCode, res.body).toBe(200);
    const draft = await resident.call('GET', `/api/drafts/${itemCode}`);
    expect(draft.json().form.note).toBe('𠀀𪚥 😀');
  });
});
