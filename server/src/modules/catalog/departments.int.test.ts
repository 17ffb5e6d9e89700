/** 部门管理: administrators add and edit the departments of their own region only. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { makeCreditCode } from '../../platform/validators/index.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const department = (over: Record<string, unknown> = {}) => ({
  key: 'yy-statistics',
  name: '贵阳市云岩区统计局',
  shortName: '云岩区统计局',
  category: 'statistics',
  regionCode: '520103',
  creditCode: makeCreditCode('1', '1', '520103', 'MB3Y0099'),
  address: '贵阳市云岩区市西路 1 号',
  phone: '0851-86000000',
  ...over,
});

describe('departments', () => {
  it('adds a department of the administrator’s region, refuses a bad credit code, a duplicate and another region', async () => {
    const admin = (await t.staff(['catalog_admin'], '520103')).authorization;
    const post = (payload: object, who = admin) =>
      t.app.inject({ method: 'POST', url: '/api/admin/catalog/departments', headers: { authorization: who }, payload });
    const bad = await post(department({ creditCode: '11520103MB3Y00990X' }));
    expect(bad.statusCode).toBe(400);
    const created = await post(department());
    expect(created.statusCode, created.body).toBe(201);
    expect((await post(department())).json().code).toBe('CATALOG.DEPARTMENT_EXISTS');
    expect(
      (
        await post(
          department({
            key: 'nm-statistics',
            regionCode: '520102',
            creditCode: makeCreditCode('1', '1', '520102', 'MB3N0099'),
          }),
        )
      ).statusCode,
    ).toBe(404);
    const clerk = (await t.staff(['window_clerk'], '520103')).authorization;
    expect((await post(department({ key: 'yy-stat-2' }), clerk)).statusCode).toBe(403);

    const id = created.json().id as string;
    const put = (who: string) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/admin/catalog/departments/${id}`,
        headers: { authorization: who },
        payload: {
          name: '贵阳市云岩区统计局',
          shortName: '云岩统计局',
          address: '贵阳市云岩区市西路 2 号',
          phone: '0851-86000001',
        },
      });
    expect((await put((await t.staff(['catalog_admin'], '520102')).authorization)).statusCode).toBe(404);
    expect((await put(admin)).statusCode).toBe(204);
    const row = await sql<{
      shortName: string;
      phone: string;
    }>`SELECT short_name AS "shortName", phone FROM catalog.department WHERE id = ${id}`.execute(t.db);
    expect(row.rows[0]).toEqual({ shortName: '云岩统计局', phone: '0851-86000001' });
    const events = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM platform.outbox WHERE topic = 'catalog.department-changed' AND aggregate_id = ${id}`.execute(
      t.db,
    );
    expect(events.rows[0]!.n).toBe(2);
    const listed = (await t.app.inject({ method: 'GET', url: '/api/catalog/departments?region=520103' })).json();
    expect(JSON.stringify(listed)).toContain('云岩统计局');
  });
});
