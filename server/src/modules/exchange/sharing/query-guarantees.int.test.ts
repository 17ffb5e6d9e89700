/**
 * What the fast query path must not lose (issue 18): two app instances share one database, as
 * `PROCESSES` > 1 do. A grant decided on one is obeyed by the other's very next query, though
 * each keeps grants in memory; concurrent queries on both leave a chain that verifies; an answer
 * never leaves without its access-log entry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { GENEROUS_LIMITS, registryPersons, type RegistryPerson } from '../../../test/people.js';
import { idNumberCheckChar } from '../../../platform/validators/id-number.js';
import { anotherNode, approvedGrant, call, departmentStaff } from '../exchange.test-kit.js';

let t: TestApp;
let other: FastifyInstance;
let police: Awaited<ReturnType<typeof departmentStaff>>;
let hrss: Awaited<ReturnType<typeof departmentStaff>>;
let clerk: Awaited<ReturnType<typeof departmentStaff>>;
let persons: RegistryPerson[];

beforeAll(async () => {
  t = await createTestApp({ env: GENEROUS_LIMITS });
  other = await anotherNode(t, GENEROUS_LIMITS);
  police = await departmentStaff(t, 'gz-police', ['data_admin']);
  hrss = await departmentStaff(t, 'gz-hrss', ['data_admin']);
  clerk = await departmentStaff(t, 'gz-hrss', ['window_clerk']);
  persons = await registryPersons(t, 'any', 8);
});
afterAll(async () => {
  await other?.close();
  await t?.close();
});

const queryOn = (node: FastifyInstance, grantId: string, person: RegistryPerson, purpose = '待遇资格认证') =>
  node.inject({
    method: 'POST',
    url: '/api/exchange/query',
    headers: { authorization: clerk.authorization },
    payload: { grantId, purpose, subject: { idNumber: person.idNumber } },
  });
const logRows = async (grantId: string) =>
  Number(
    (
      await sql<{ n: number }>`SELECT count(*)::int AS n FROM exchange.access_log WHERE grant_id = ${grantId}`.execute(
        t.db,
      )
    ).rows[0]!.n,
  );
const verify = async () =>
  (
    await t.app.inject({
      method: 'GET',
      url: '/api/exchange/access-log/verify',
      headers: { authorization: (await t.staff(['supervisor'])).authorization },
    })
  ).json();

describe('a grant decided on one instance', () => {
  it('is refused by the other instance’s next query once revoked, though it answered from memory just before', async () => {
    const grantId = await approvedGrant(t, hrss, police, 'population.person', ['name', 'alive']);
    // The other instance reads the grant into its memory and answers.
    for (const p of persons.slice(0, 2)) expect((await queryOn(other, grantId, p)).statusCode).toBe(200);

    const revoked = await call(t, police.authorization, 'POST', `/api/exchange/grants/${grantId}/revoke`, {
      note: '用途已结束',
    });
    expect(revoked.statusCode, revoked.body).toBe(200);

    const refused = await queryOn(other, grantId, persons[0]!);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({
      code: 'EXCHANGE.GRANT_REVOKED',
      message: { zh: '该共享授权已被撤销', en: 'This grant has been revoked' },
    });
    expect(refused.body).not.toContain(persons[0]!.name);
    expect(await logRows(grantId)).toBe(2);
  });

  it('answers on the other instance at once when approved there after a refusal as pending', async () => {
    const asked = await call(t, hrss.authorization, 'POST', '/api/exchange/grants', {
      resourceCode: 'population.person',
      consumerDepartmentId: hrss.departmentId,
      fields: ['name'],
      purpose: '养老保险待遇资格认证',
      legalBasis: '《社会保险法》第七十五条',
      expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    });
    const grantId = asked.json().id as string;
    expect((await queryOn(other, grantId, persons[0]!)).json().code).toBe('EXCHANGE.GRANT_PENDING');
    const approved = await call(t, police.authorization, 'POST', `/api/exchange/grants/${grantId}/approve`, {
      note: '同意',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const answered = await queryOn(other, grantId, persons[0]!);
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json().record).toEqual({ name: persons[0]!.name });
  });

  it('does not tell a revoked grantee whether a subject is in the registry', async () => {
    const grantId = await approvedGrant(t, hrss, police, 'population.person', ['name']);
    expect((await queryOn(other, grantId, persons[1]!)).statusCode).toBe(200);
    await call(t, police.authorization, 'POST', `/api/exchange/grants/${grantId}/revoke`, { note: '撤销' });
    // A well-formed ID number nobody in the registry has.
    const absent = { ...persons[1]!, idNumber: `${'52010219010101999'}${idNumberCheckChar('52010219010101999')}` };
    expect((await queryOn(other, grantId, absent)).json().code).toBe('EXCHANGE.GRANT_REVOKED');
  });
});

describe('the access log under concurrent queries on two instances', () => {
  it('logs every answer once and the chain verifies', async () => {
    const grantId = await approvedGrant(t, hrss, police, 'population.person', ['name', 'birthDate']);
    const answers = await Promise.all(
      Array.from({ length: 48 }, (_, i) => queryOn(i % 2 ? other : t.app, grantId, persons[i % persons.length]!)),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(answers.map(() => 200));
    expect(await logRows(grantId)).toBe(48);
    const v = await verify();
    expect(v).toMatchObject({ ok: true });
    const total = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM exchange.access_log`.execute(t.db)).rows[0]!;
    expect(v.entries).toBe(total.n);
    // Each appended read reaches the big-data centre once, in as many outbox events as statements (0067).
    const published = await sql<{ lane: number; seq: number; events: number }>`
      SELECT (r->>'lane')::int AS lane, (r->>'seq')::int AS seq, count(*)::int AS events
        FROM platform.outbox o, jsonb_array_elements(o.payload->'reads') r
       WHERE o.topic = 'exchange.reads-shared' GROUP BY 1, 2`.execute(t.db);
    expect(published.rows).toHaveLength(total.n);
    expect(published.rows.every((r) => r.events === 1)).toBe(true);
    const events = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM platform.outbox WHERE topic = 'exchange.reads-shared'`.execute(t.db);
    expect(events.rows[0]!.n).toBeLessThanOrEqual(total.n);
  });

  it('answers nothing when the log entry cannot be written, and keeps nothing half-written', async () => {
    const grantId = await approvedGrant(t, hrss, police, 'population.person', ['name']);
    expect((await queryOn(other, grantId, persons[2]!)).statusCode).toBe(200);
    // The database refuses this purpose in the log (a real failure of the append, not a stub).
    await sql`ALTER TABLE exchange.access_log ADD CONSTRAINT refuse_for_test CHECK (purpose <> '写不进日志')`.execute(
      t.db,
    );
    try {
      const failed = await Promise.all(persons.slice(2, 6).map((p) => queryOn(other, grantId, p, '写不进日志')));
      for (const f of failed) {
        expect(f.statusCode).toBeGreaterThanOrEqual(500);
        expect(f.headers['content-type']).toContain('application/problem+json');
        expect(f.body).not.toContain(persons[2]!.name);
        expect(f.json().record).toBeUndefined();
      }
    } finally {
      await sql`ALTER TABLE exchange.access_log DROP CONSTRAINT refuse_for_test`.execute(t.db);
    }
    expect(await logRows(grantId)).toBe(1);
    // The lane the failed batch held is usable again, and the chain still verifies.
    expect((await queryOn(other, grantId, persons[3]!)).statusCode).toBe(200);
    expect(await logRows(grantId)).toBe(2);
    expect(await verify()).toMatchObject({ ok: true });
  });
});
