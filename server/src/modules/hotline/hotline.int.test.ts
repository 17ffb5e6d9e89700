/**
 * 请给我回电 through the API: a resident (signed in or not) asks for a call; a repeat for the same
 * number answers the first; the region's window clerk sees it masked, reveals the number (audited)
 * and marks it done; a clerk of another county sees nothing; bad numbers and floods are refused;
 * the number is encrypted at rest.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { register, registryPersons, type RegistryPerson } from '../../test/people.js';

let t: TestApp;
const PHONE = '13987654321';

const post = (payload: object, ip = '10.0.0.1', headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/callbacks', payload, remoteAddress: ip, headers });

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_CALLBACK: '3' } });
}, 180_000);
afterAll(async () => t?.close());

describe('请给我回电', () => {
  it('files one request per open number and lets the region’s window clerk call back', async () => {
    const first = await post({
      phone: PHONE,
      name: '王秀英',
      topic: '养老金怎么领',
      page: '/items/X1',
      region: '520102',
    });
    expect(first.statusCode, first.body).toBe(201);
    const { reference } = first.json();
    expect(reference).toMatch(/^HD\d{6}-[0-9A-Z]{6}$/);
    const again = await post({ phone: PHONE, region: '520102' }, '10.0.0.2');
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ reference, repeat: true });

    const stored = await sql<{ phoneEnc: string }>`SELECT phone_enc FROM hotline.callback`.execute(t.db);
    expect(stored.rows).toHaveLength(1);
    expect(stored.rows[0]!.phoneEnc).not.toContain(PHONE);

    const clerk = await t.staff(['window_clerk'], '520102');
    const queue = await t.app.inject({
      url: '/api/hotline/callbacks',
      headers: { authorization: clerk.authorization },
    });
    expect(queue.statusCode, queue.body).toBe(200);
    expect(queue.body).not.toContain(PHONE);
    const [line] = queue.json().callbacks;
    expect(line).toMatchObject({
      reference,
      phone: '139****4321',
      name: '王**',
      topic: '养老金怎么领',
      signedIn: false,
    });

    const other = await t.staff(['window_clerk'], '520103');
    const elsewhere = await t.app.inject({
      url: '/api/hotline/callbacks',
      headers: { authorization: other.authorization },
    });
    expect(elsewhere.json().callbacks).toEqual([]);
    const peek = await t.app.inject({
      url: `/api/hotline/callbacks/${line.id}/phone`,
      headers: { authorization: other.authorization },
    });
    expect(peek.statusCode).toBe(404);
    expect(peek.json().code).toBe('HOTLINE.NO_CALLBACK');

    const reveal = await t.app.inject({
      url: `/api/hotline/callbacks/${line.id}/phone`,
      headers: { authorization: clerk.authorization },
    });
    expect(reveal.json()).toEqual({ phone: PHONE });
    const audit = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM platform.audit_log WHERE action = 'hotline.callback-phone-read' AND target_id = ${line.id}`.execute(
      t.db,
    );
    expect(audit.rows[0]!.n).toBe(1);

    const done = await t.app.inject({
      method: 'POST',
      url: `/api/hotline/callbacks/${line.id}/done`,
      headers: { authorization: clerk.authorization },
    });
    expect(done.statusCode).toBe(204);
    const open = await t.app.inject({ url: '/api/hotline/callbacks', headers: { authorization: clerk.authorization } });
    expect(open.json().callbacks).toEqual([]);
    // Done: the same number may ask again.
    expect((await post({ phone: PHONE, region: '520102' }, '10.0.0.3')).statusCode).toBe(201);
  });

  it('knows a signed-in caller and files to the province when no region is given', async () => {
    const [p] = (await registryPersons(t, 'any', 1)) as [RegistryPerson];
    const { c } = await register(t, p);
    const res = await c.call('POST', '/api/callbacks', { phone: '0851-86812345' });
    expect(res.statusCode, res.body).toBe(201);
    const province = await t.staff(['supervisor'], '52');
    const queue = await t.app.inject({
      url: '/api/hotline/callbacks',
      headers: { authorization: province.authorization },
    });
    const line = queue.json().callbacks.find((l: { reference: string }) => l.reference === res.json().reference);
    expect(line).toMatchObject({ regionCode: '52', phone: '085*****2345', signedIn: true });
  });

  it('refuses a bad number, residents in the queue, and a flood from one address', async () => {
    const bad = await post({ phone: '12345' }, '10.0.0.9');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const [p] = (await registryPersons(t, 'any', 1)) as [RegistryPerson];
    const { c } = await register(t, p);
    expect((await c.call('GET', '/api/hotline/callbacks')).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/hotline/callbacks' })).statusCode).toBe(401);
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push((await post({ phone: `1380000000${i}` }, '10.0.0.8')).statusCode);
    expect(codes).toEqual([201, 201, 201, 429]);
  });
});
