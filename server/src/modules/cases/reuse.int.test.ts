/**
 * 免提交 across modules: a food-business application by an enterprise whose 营业执照 and legal
 * representative's 居民身份证 the platform holds as e-licences needs only the materials no licence
 * covers; with consent the licences are attached, the uses appear in the holder's use log, and the
 * case records what that saved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { GENEROUS_LIMITS, register, registryPersons, type Client } from '../../test/people.js';

let t: TestApp;
let rep: Client;
let food: { code: string; regionCode: string };
let creditCode: string;

beforeAll(async () => {
  t = await createTestApp({ env: GENEROUS_LIMITS });
  const [person] = await registryPersons(t, 'legal-representative', 1);
  ({ c: rep } = await register(t, person!));
  await t.app.outbox.drain(); // the 居民身份证 e-licence issued at registration
  creditCode = (
    await sql<{
      creditCode: string;
    }>`SELECT credit_code FROM exchange.legal_entity WHERE legal_representative_id = ${person!.id} AND status = 'active' LIMIT 1`.execute(
      t.db,
    )
  ).rows[0]!.creditCode;
  const enterpriseId = (await rep.call('POST', '/api/enterprises', { creditCode })).json().enterpriseId;
  expect((await rep.call('PUT', '/api/me/acting-for', { enterpriseId })).statusCode).toBe(200);
  food = (
    await sql<{
      code: string;
      regionCode: string;
    }>`SELECT i.code, i.region_code FROM catalog.item i JOIN catalog.item_version v ON v.item_id = i.id AND v.version = i.published_version WHERE v.name = '食品经营许可（新办）' AND length(i.region_code) = 6 ORDER BY i.code LIMIT 1`.execute(
      t.db,
    )
  ).rows[0]!;
});
afterAll(async () => t?.close());

const form = () => ({
  operatorName: '黔味小吃',
  creditCode,
  premises: '贵阳市云岩区中华北路 1 号',
  area: 60,
  format: '餐饮服务经营者',
  items: '热食类食品制售',
  safetyManager: '王芳',
  safetyManagerId: '11010519491231002X',
  phone: '13812345678',
});

describe('免提交', () => {
  it('asks the demo enterprise only for the materials no licence covers, and attaches the licences with consent', async () => {
    const plan = (await rep.call('GET', `/api/applications/${food.code}/materials`)).json();
    const byName = Object.fromEntries(
      plan.materials.map((m: { name: string; satisfiedBy: unknown }) => [m.name, m.satisfiedBy]),
    );
    expect(byName['营业执照']).toMatchObject({ kind: 'license', typeName: '营业执照' });
    expect(Object.entries(byName).find(([name]) => name.includes('身份证'))?.[1]).toMatchObject({ kind: 'license' });
    // What no licence covers: the floor plan, the rules, the application form itself, the agent's papers.
    const stillNeeded = plan.materials
      .filter((m: { satisfiedBy: unknown; necessity: string }) => !m.satisfiedBy && m.necessity === 'required')
      .map((m: { name: string }) => m.name);
    expect(stillNeeded.some((n: string) => n.includes('营业执照') || n.includes('身份证'))).toBe(false);
    expect(stillNeeded.length).toBeGreaterThan(0);
    expect(plan).toMatchObject({ consentRequired: true, saved: { materials: 2 } });

    // Without consent nothing is attached.
    const plain = await rep.call(
      'POST',
      '/api/cases',
      { itemCode: food.code, form: form() },
      { headers: { 'idempotency-key': 'reuse-none-0001' } },
    );
    expect(plain.statusCode, plain.body).toBe(201);
    const plainBag = (await rep.call('GET', `/api/cases/${plain.json().caseId}/materials`)).json();
    expect(
      plainBag.materials.filter((m: { provided: { kind: string } | null }) => m.provided && m.provided.kind !== 'form'),
    ).toEqual([]);
    // The 申请书 is the form submitted online, with or without consent.
    expect(plainBag.materials.find((m: { name: string }) => m.name === '食品经营许可申请书').provided).toMatchObject({
      kind: 'form',
    });

    const res = await rep.call(
      'POST',
      '/api/cases',
      { itemCode: food.code, form: form(), reuseConsent: true },
      { headers: { 'idempotency-key': 'reuse-yes-0001' } },
    );
    expect(res.statusCode, res.body).toBe(201);
    const caseId = res.json().caseId as string;
    const bag = (await rep.call('GET', `/api/cases/${caseId}/materials`)).json();
    const provided = bag.materials
      .filter((m: { provided: { kind: string } | null }) => m.provided?.kind === 'license')
      .map((m: { name: string }) => m.name);
    expect(provided).toHaveLength(2);
    expect(bag.missingRequired).toEqual(stillNeeded);
    const saved = await sql<{
      materialsSaved: number;
      visitsSaved: number;
    }>`SELECT materials_saved AS "materialsSaved", visits_saved AS "visitsSaved" FROM cases."case" WHERE id = ${caseId}`.execute(
      t.db,
    );
    expect(saved.rows[0]).toEqual({ materialsSaved: 2, visitsSaved: 1 });

    // The enterprise sees the department's use of its 营业执照 within the case (用证).
    const uses = (await rep.call('GET', '/api/me/license-uses')).json().uses;
    expect(uses).toEqual(expect.arrayContaining([expect.objectContaining({ caseId, typeName: '营业执照' })]));
  });

  it('takes the 居民户口簿 from the population registry for a person applying for themselves', async () => {
    const [someone] = await registryPersons(t, 'any', 1);
    const { c } = await register(t, someone!);
    const item = (
      await sql<{
        code: string;
      }>`SELECT i.code FROM catalog.item i JOIN catalog.item_version v ON v.item_id = i.id AND v.version = i.published_version WHERE v.name = '最低生活保障审批' AND length(i.region_code) = 6 ORDER BY i.code LIMIT 1`.execute(
        t.db,
      )
    ).rows[0];
    expect(item, 'the demo catalogue has 最低生活保障审批').toBeTruthy();
    const plan = (await c.call('GET', `/api/applications/${item!.code}/materials`)).json();
    expect(plan.materials.find((m: { name: string }) => m.name === '居民户口簿').satisfiedBy).toEqual({
      kind: 'shared',
      resource: 'population.household',
      resourceName: expect.any(String),
    });
    // Someone the registry does not know (an account never matched to it) gets no shared data.
    await sql`UPDATE exchange.person SET id_number_index = 'gone' WHERE id = ${someone!.id}`.execute(t.db);
    const none = (await c.call('GET', `/api/applications/${item!.code}/materials`)).json();
    expect(none.materials.find((m: { name: string }) => m.name === '居民户口簿').satisfiedBy).toBeNull();
  });
});
