/**
 * Sharing through HTTP: the catalogue, grants asked for and decided, the audited query refusing
 * whatever is outside a grant (fields, expiry, purpose, department), the resident's view of who
 * used their data, and the access log's chain noticing tampering.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { GENEROUS_LIMITS, register, registryPersons, type Client, type RegistryPerson } from '../../../test/people.js';
import { approvedGrant, call, departmentStaff } from '../exchange.test-kit.js';

let t: TestApp;
let police: Awaited<ReturnType<typeof departmentStaff>>;
let hrss: Awaited<ReturnType<typeof departmentStaff>>;
let hrssClerk: Awaited<ReturnType<typeof departmentStaff>>;
let health: Awaited<ReturnType<typeof departmentStaff>>;
let resident: RegistryPerson & { c: Client };
let other: { c: Client };

beforeAll(async () => {
  t = await createTestApp({ env: GENEROUS_LIMITS });
  police = await departmentStaff(t, 'gz-police', ['data_admin']);
  hrss = await departmentStaff(t, 'gz-hrss', ['data_admin']);
  hrssClerk = await departmentStaff(t, 'gz-hrss', ['window_clerk']);
  health = await departmentStaff(t, 'gz-health', ['data_admin', 'window_clerk']);
  const [p, q] = await registryPersons(t, 'any', 2);
  resident = { ...p!, c: (await register(t, p!)).c };
  other = { c: (await register(t, q!)).c };
});
afterAll(async () => t?.close());

const query = (authorization: string, body: object) => call(t, authorization, 'POST', '/api/exchange/query', body);

describe('the data-resource catalogue', () => {
  it('lists the registries and the shared data the guides refer to, each with its owner', async () => {
    const res = await call(t, hrssClerk.authorization, 'GET', '/api/exchange/resources');
    expect(res.statusCode).toBe(200);
    const byCode = new Map(res.json().resources.map((r: { code: string }) => [r.code, r]));
    expect(byCode.get('population.person')).toMatchObject({
      owner: { name: '贵州省公安厅' },
      sharingClass: 'conditional',
      updateFrequency: 'realtime',
      connected: true,
    });
    expect(byCode.get('legal_entity.basic')).toMatchObject({
      owner: { name: '贵州省市场监督管理局' },
      sharingClass: 'unconditional',
      connected: true,
    });
    for (const code of [
      'population.household',
      'hrss.insurance',
      'health.death',
      'tax.clearance',
      'realestate.ownership',
    ])
      expect(byCode.has(code), code).toBe(true);
    expect(byCode.get('hrss.insurance')).toMatchObject({
      owner: { name: '贵州省人力资源和社会保障厅' },
      connected: false,
    });
  });

  it('is for staff only', async () => {
    expect((await resident.c.call('GET', '/api/exchange/resources')).statusCode).toBe(403);
  });
});

describe('grants and the audited query', () => {
  let grantId: string;

  it('answers only the granted items, and refuses any other with a reason', async () => {
    const asked = await call(t, hrss.authorization, 'POST', '/api/exchange/grants', {
      resourceCode: 'population.person',
      consumerDepartmentId: hrss.departmentId,
      fields: ['name', 'birthDate', 'alive'],
      purpose: '养老保险待遇资格认证',
      legalBasis: '《社会保险法》第七十五条',
      expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    });
    expect(asked.statusCode, asked.body).toBe(201);
    expect(asked.json()).toMatchObject({
      status: 'pending',
      owner: { name: '贵州省公安厅' },
      consumer: { name: '贵州省人力资源和社会保障厅' },
    });
    grantId = asked.json().id;

    const pending = await query(hrssClerk.authorization, {
      grantId,
      purpose: '待遇认证',
      subject: { idNumber: resident.idNumber },
    });
    expect(pending.statusCode).toBe(403);
    expect(pending.json().code).toBe('EXCHANGE.GRANT_PENDING');

    // Only the owner decides; the consumer cannot approve its own request.
    expect(
      (await call(t, hrss.authorization, 'POST', `/api/exchange/grants/${grantId}/approve`, { note: '自批' })).json()
        .code,
    ).toBe('EXCHANGE.NOT_YOUR_DEPARTMENT');
    const approved = await call(t, police.authorization, 'POST', `/api/exchange/grants/${grantId}/approve`, {
      note: '同意，限资格认证使用',
    });
    expect(approved.statusCode, approved.body).toBe(200);

    const res = await query(hrssClerk.authorization, {
      grantId,
      purpose: '办件 261123-K7Q2MX 待遇资格认证',
      subject: { idNumber: resident.idNumber },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(Object.keys(res.json().record).sort()).toEqual(['alive', 'birthDate', 'name']);
    expect(res.json().record.name).toBe(resident.name);
    expect(res.json().subject.idNumber).toBe(`${resident.idNumber.slice(0, 6)}********${resident.idNumber.slice(-4)}`);
    expect(res.body).not.toContain(resident.idNumber);

    const narrower = await query(hrssClerk.authorization, {
      grantId,
      purpose: '核验是否健在',
      subject: { idNumber: resident.idNumber },
      fields: ['alive'],
    });
    expect(narrower.json().record).toEqual({ alive: true });

    for (const fields of [['address'], ['phone', 'name'], ['maritalStatus']]) {
      const refused = await query(hrssClerk.authorization, {
        grantId,
        purpose: '越权',
        subject: { idNumber: resident.idNumber },
        fields,
      });
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({
        code: 'EXCHANGE.FIELD_NOT_GRANTED',
        message: { zh: expect.stringContaining('授权不包含数据项') },
      });
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.body).not.toContain(resident.name);
    }
    const unknown = await query(hrssClerk.authorization, {
      grantId,
      purpose: '核验',
      subject: { idNumber: resident.idNumber },
      fields: ['salary'],
    });
    expect(unknown.json().code).toBe('EXCHANGE.UNKNOWN_FIELD');
  });

  it('refuses a query without a purpose', async () => {
    for (const purpose of [undefined, '', '   ']) {
      const res = await query(hrssClerk.authorization, {
        grantId,
        ...(purpose === undefined ? {} : { purpose }),
        subject: { idNumber: resident.idNumber },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        code: 'EXCHANGE.PURPOSE_REQUIRED',
        message: { zh: expect.stringContaining('用途'), en: expect.stringContaining('purpose') },
      });
    }
  });

  it('refuses another department using the grant, and residents altogether', async () => {
    const res = await query(health.authorization, {
      grantId,
      purpose: '核验',
      subject: { idNumber: resident.idNumber },
    });
    expect(res.json().code).toBe('EXCHANGE.NOT_GRANTEE');
    expect(
      (
        await resident.c.call('POST', '/api/exchange/query', {
          grantId,
          purpose: '看看',
          subject: { idNumber: resident.idNumber },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('refuses a grant past its expiry', async () => {
    const asked = await call(t, hrss.authorization, 'POST', '/api/exchange/grants', {
      resourceCode: 'population.person',
      consumerDepartmentId: hrss.departmentId,
      fields: ['name'],
      purpose: '一次性核验',
      legalBasis: '《社会保险法》第七十五条',
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    // The owner grants less time than asked for.
    const expiresAt = new Date(Date.now() + 1_500);
    const approved = await call(t, police.authorization, 'POST', `/api/exchange/grants/${asked.json().id}/approve`, {
      note: '限当日',
      expiresAt: expiresAt.toISOString(),
    });
    expect(approved.json()).toMatchObject({ status: 'approved', expiresAt: expiresAt.toISOString(), expired: false });
    const body = { grantId: asked.json().id, purpose: '核验', subject: { idNumber: resident.idNumber } };
    expect((await query(hrssClerk.authorization, body)).statusCode).toBe(200);
    await new Promise((r) => setTimeout(r, expiresAt.getTime() - Date.now() + 50));
    const res = await query(hrssClerk.authorization, body);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({
      code: 'EXCHANGE.GRANT_EXPIRED',
      message: { en: expect.stringContaining('expired') },
    });
    const listed = await call(t, hrss.authorization, 'GET', '/api/exchange/grants?side=consumer&status=approved');
    expect(listed.json().grants.find((g: { id: string }) => g.id === asked.json().id)).toMatchObject({ expired: true });
  });

  it('refuses a revoked grant, a not-shared resource, and answers "no data source" for a catalogue-only one', async () => {
    const revoked = await approvedGrant(t, hrss, police, 'population.person', ['name']);
    expect(
      (await call(t, police.authorization, 'POST', `/api/exchange/grants/${revoked}/revoke`, { note: '用途已结束' }))
        .statusCode,
    ).toBe(200);
    expect(
      (
        await query(hrssClerk.authorization, {
          grantId: revoked,
          purpose: '核验',
          subject: { idNumber: resident.idNumber },
        })
      ).json().code,
    ).toBe('EXCHANGE.GRANT_REVOKED');

    const death = await approvedGrant(t, hrss, health, 'health.death', ['deathDate']);
    const none = await query(hrssClerk.authorization, {
      grantId: death,
      purpose: '停发养老金核验',
      subject: { idNumber: resident.idNumber },
    });
    expect(none.statusCode).toBe(503);
    expect(none.json()).toMatchObject({
      code: 'EXCHANGE.NO_DATA_SOURCE',
      message: { zh: expect.stringContaining('尚未接入数据源') },
    });
  });

  it('answers the household and the legal-entity registries within their grants', async () => {
    const household = await approvedGrant(t, hrss, police, 'population.household', ['memberCount', 'members']);
    const res = await query(hrssClerk.authorization, {
      grantId: household,
      purpose: '家庭成员核验',
      subject: { idNumber: resident.idNumber },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().record.memberCount).toBeGreaterThanOrEqual(1);
    expect(res.json().record.members[0].name).toMatch(/\*/);

    const entity = await approvedGrant(t, hrss, police, 'legal_entity.basic', ['name', 'status']);
    const code = (
      await sql<{
        creditCode: string;
      }>`SELECT credit_code FROM exchange.legal_entity ORDER BY credit_code LIMIT 1`.execute(t.db)
    ).rows[0]!.creditCode;
    const e = await query(hrssClerk.authorization, {
      grantId: entity,
      purpose: '参保单位核验',
      subject: { creditCode: code },
    });
    expect(e.statusCode, e.body).toBe(200);
    expect(Object.keys(e.json().record).sort()).toEqual(['name', 'status']);
    expect(
      (
        await query(hrssClerk.authorization, {
          grantId: entity,
          purpose: '核验',
          subject: { idNumber: resident.idNumber },
        })
      ).json().code,
    ).toBe('EXCHANGE.WRONG_SUBJECT');
  });
});

describe('who used my data (查询我的数据被谁使用)', () => {
  it('lists each read of the resident, with department, masked officer, purpose and items', async () => {
    const logged = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM exchange.access_log WHERE subject_key = ${resident.id}`.execute(t.db);
    const res = await resident.c.call('GET', '/api/me/data-uses?limit=200');
    expect(res.statusCode, res.body).toBe(200);
    const uses = res.json().uses;
    expect(uses.length).toBe(logged.rows[0]!.n);
    // Successful reads above: 2 on the first grant, 1 before expiry, 1 of the household.
    expect(uses.length).toBe(4);
    expect(uses.every((u: { department: string }) => u.department === '贵州省人力资源和社会保障厅')).toBe(true);
    expect(uses.map((u: { purpose: string }) => u.purpose)).toContain('办件 261123-K7Q2MX 待遇资格认证');
    const first = uses.find((u: { purpose: string }) => u.purpose === '核验是否健在');
    expect(first).toMatchObject({
      via: 'staff',
      officer: expect.stringMatching(/^王\*$/),
      resource: { name: '人口基础信息' },
      fields: [{ key: 'alive', name: '是否健在' }],
      legalBasis: '《社会保险法》第七十五条',
    });
    expect((await other.c.call('GET', '/api/me/data-uses')).json().uses).toEqual([]);
    expect((await call(t, hrss.authorization, 'GET', '/api/me/data-uses')).statusCode).toBe(401);
  });
});

describe('the access log’s chain', () => {
  const verify = async () =>
    (
      await t.app.inject({
        method: 'GET',
        url: '/api/exchange/access-log/verify',
        headers: { authorization: (await t.staff(['supervisor'])).authorization },
      })
    ).json();
  async function tamper(statement: string) {
    await t.db.transaction().execute(async (trx) => {
      await sql`ALTER TABLE exchange.access_log DISABLE TRIGGER ALL`.execute(trx);
      await sql.raw(statement).execute(trx);
      await sql`ALTER TABLE exchange.access_log ENABLE TRIGGER ALL`.execute(trx);
    });
  }

  it('refuses changes through the database’s own guard', async () => {
    await expect(sql`UPDATE exchange.access_log SET purpose = '改'`.execute(t.db)).rejects.toThrow(/append-only/);
  });

  it('is intact after the reads, and shows a changed purpose, then a removed row', async () => {
    // Four reads of the resident, one of an enterprise.
    expect(await verify()).toMatchObject({ ok: true, entries: 5 });
    const first = (
      await sql<{
        lane: number;
        purpose: string;
      }>`SELECT lane, purpose FROM exchange.access_log WHERE seq = 1 ORDER BY lane LIMIT 1`.execute(t.db)
    ).rows[0]!;
    await tamper(`UPDATE exchange.access_log SET purpose = '例行检查' WHERE lane = ${first.lane} AND seq = 1`);
    expect(await verify()).toMatchObject({ ok: false, lane: first.lane, firstBadSeq: 1, problem: 'altered' });
    await t.db.transaction().execute(async (trx) => {
      await sql`ALTER TABLE exchange.access_log DISABLE TRIGGER ALL`.execute(trx);
      await sql`UPDATE exchange.access_log SET purpose = ${first.purpose} WHERE lane = ${first.lane} AND seq = 1`.execute(
        trx,
      );
      await sql`ALTER TABLE exchange.access_log ENABLE TRIGGER ALL`.execute(trx);
    });
    expect(await verify()).toMatchObject({ ok: true });
    await tamper(`DELETE FROM exchange.access_log WHERE lane = ${first.lane} AND seq = 1`);
    expect(await verify()).toMatchObject({
      ok: false,
      lane: first.lane,
      problem: expect.stringMatching(/^(missing|head-mismatch)$/),
    });
  });
});
