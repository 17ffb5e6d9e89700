/**
 * Personal data in application forms is encrypted at rest: the fields the item's form marks
 * personal (ID numbers, phones, addresses, names — `x-personal`) and anything the form does not
 * declare never reach cases.case, cases.draft or cases.bundle in clear; the applicant and staff in
 * scope read them back through the API, staff reads audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { GENEROUS_LIMITS, register, registryPersons, type Client } from '../../test/people.js';
import { themeForm } from '../../test/cases.js';

let t: TestApp;
let applicant: Client;
let food: { code: string; regionCode: string };

const PERSONAL = ['11010519491231002X', '13812345678', '中华北路 1 号', '王芳'];
const form = (creditCode: string) => ({
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

/** Every column of the rows, as the database stores them. */
const raw = async (table: string, where: string, id: string) =>
  (
    await sql<{
      row: string;
    }>`SELECT row_to_json(x)::text AS row FROM ${sql.raw(table)} x WHERE ${sql.ref(where)} = ${id}`.execute(t.db)
  ).rows
    .map((r) => r.row)
    .join('\n');

beforeAll(async () => {
  t = await createTestApp({ env: GENEROUS_LIMITS });
  const [p] = await registryPersons(t, 'any', 1);
  ({ c: applicant } = await register(t, p!));
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

describe('application forms at rest', () => {
  it('marks the personal fields in the form schema', async () => {
    const schema = (await t.app.inject({ method: 'GET', url: `/api/catalog/items/${food.code}/form-schema` })).json();
    expect(schema.properties.safetyManagerId['x-personal']).toBe('id');
    expect(schema.properties.phone['x-personal']).toBe('phone');
    expect(schema.properties.premises['x-personal']).toBe('address');
    expect(schema.properties.safetyManager['x-personal']).toBe('name');
    expect(schema.properties.area['x-personal']).toBeUndefined();
  });

  it('keeps a draft’s personal fields encrypted and gives them back to its owner', async () => {
    const draft = {
      operatorName: '黔味小吃',
      safetyManager: '王芳',
      safetyManagerId: '11010519491231002X',
      phone: '13812345678',
      premises: '贵阳市云岩区中华北路 1 号',
      note: '中华北路 1 号旁',
    };
    expect((await applicant.call('PUT', `/api/drafts/${food.code}`, { form: draft })).statusCode).toBe(200);
    const stored = (
      await sql<{
        row: string;
      }>`SELECT row_to_json(d)::text AS row FROM cases.draft d WHERE item_code = ${food.code}`.execute(t.db)
    ).rows
      .map((r) => r.row)
      .join('\n');
    expect(stored).toContain('黔味小吃');
    for (const v of PERSONAL) expect(stored).not.toContain(v);
    expect((await applicant.call('GET', `/api/drafts/${food.code}`)).json().form).toEqual(draft);
  });

  it('keeps a case’s personal fields encrypted; the applicant reads them, the window too (identifiers masked on screen), its read audited', async () => {
    const creditCode = (
      await sql<{
        creditCode: string;
      }>`SELECT credit_code FROM exchange.legal_entity ORDER BY credit_code LIMIT 1`.execute(t.db)
    ).rows[0]!.creditCode;
    const res = await applicant.call(
      'POST',
      '/api/cases',
      { itemCode: food.code, form: form(creditCode) },
      { headers: { 'idempotency-key': 'at-rest-0001' } },
    );
    expect(res.statusCode, res.body).toBe(201);
    const caseId = res.json().caseId as string;
    const stored = await raw('cases."case"', 'id', caseId);
    expect(stored).toContain('黔味小吃');
    for (const v of PERSONAL) expect(stored).not.toContain(v);

    const mine = (await applicant.call('GET', `/api/cases/${caseId}`)).json();
    expect(mine.form).toEqual(form(creditCode));
    expect(Object.keys(mine.form)).toEqual(Object.keys(form(creditCode)));

    const clerk = await t.staff(['window_clerk'], food.regionCode);
    const seen = await t.app.inject({
      method: 'GET',
      url: `/api/cases/${caseId}`,
      headers: { authorization: clerk.authorization },
    });
    expect(seen.statusCode).toBe(200);
    // On screen the window sees identifiers masked, and the name and address it needs in full.
    expect(seen.json().form.safetyManagerId).toBe('110105********002X');
    expect(JSON.stringify(seen.json().form)).toContain('中华北路 1 号');
    const audited = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM platform.audit_log WHERE action = 'cases.form-read' AND target_id = ${caseId} AND actor_id = ${clerk.id}`.execute(
      t.db,
    );
    expect(audited.rows[0]!.n).toBe(1);
    // A supervisor overseeing the region sees the personal values masked; that read discloses nothing and is not audited, nor are the applicant's own.
    const supervisor = await t.staff(['supervisor'], food.regionCode);
    const overseen = (
      await t.app.inject({
        method: 'GET',
        url: `/api/cases/${caseId}`,
        headers: { authorization: supervisor.authorization },
      })
    ).json().form;
    expect(overseen).toMatchObject({
      operatorName: '黔味小吃',
      area: 60,
      safetyManagerId: '110105********002X',
      phone: '138****5678',
      safetyManager: '王*',
    });
    expect(JSON.stringify(overseen)).not.toContain('中华北路 1 号');
    expect(
      (
        await sql<{
          n: number;
        }>`SELECT count(*)::int AS n FROM platform.audit_log WHERE action = 'cases.form-read' AND target_id = ${caseId}`.execute(
          t.db,
        )
      ).rows[0]!.n,
    ).toBe(1);
  });

  it('encrypts a theme application’s personal fields', async () => {
    const form = await themeForm(t, 'newborn', '520103', { babyName: '王小明', phone: '13812345678' });
    const res = await applicant.call(
      'POST',
      '/api/bundles',
      { theme: 'newborn', region: '520103', form },
      { headers: { 'idempotency-key': 'at-rest-bundle-1' } },
    );
    expect(res.statusCode, res.body).toBe(201);
    const stored =
      (await raw('cases.bundle', 'id', res.json().bundleId)) +
      (await raw('cases."case"', 'bundle_id', res.json().bundleId));
    expect(stored).not.toContain('王小明');
    expect(stored).not.toContain('13812345678');
  });
});
