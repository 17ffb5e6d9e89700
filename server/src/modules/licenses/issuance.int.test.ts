/**
 * Issuance that follows other modules through the outbox: a registered person gets their 居民身份证
 * e-licence; an enterprise's approved 食品经营许可（新办） case yields exactly one 食品经营许可证,
 * however often the decision is delivered; the seeded 营业执照 and the ID card stand in for
 * materials (免提交).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { GENEROUS_LIMITS, register, registryPersons } from '../../test/people.js';
import { testCipher } from '../../test/keys.js';
import { maskIdNumber } from '../../platform/privacy/index.js';
import { findValidLicenses } from './index.js';
import { completeMaterials } from '../../test/cases.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: GENEROUS_LIMITS });
});
afterAll(async () => t?.close());

describe('issuance through the outbox', () => {
  it('issues the ID card at registration and the food licence of an approved case exactly once', async () => {
    const [rep] = await registryPersons(t, 'legal-representative', 1);
    const { c, personId } = await register(t, rep!);
    await t.app.outbox.drain();
    const own = (await c.call('GET', '/api/me/licenses')).json().licenses;
    expect(own.map((l: { type: { code: string } }) => l.type.code)).toEqual(['ID_CARD']);
    expect(own[0].holder.id).toBe(maskIdNumber(rep!.idNumber));
    expect(own[0].issuer.name).toMatch(/公安/);

    const creditCode = (
      await sql<{
        creditCode: string;
      }>`SELECT credit_code FROM exchange.legal_entity WHERE legal_representative_id = ${rep!.id} AND status = 'active' LIMIT 1`.execute(
        t.db,
      )
    ).rows[0]!.creditCode;
    const claimed = await c.call('POST', '/api/enterprises', { creditCode });
    expect(claimed.statusCode, claimed.body).toBe(201);
    const enterpriseId = claimed.json().enterpriseId as string;
    expect((await c.call('PUT', '/api/me/acting-for', { enterpriseId })).statusCode).toBe(200);
    // The seeded 营业执照 is in the enterprise's wallet, and with the representative's ID card it stands in for materials.
    const enterpriseLicences = (await c.call('GET', '/api/me/licenses')).json().licenses;
    expect(enterpriseLicences.map((l: { type: { code: string } }) => l.type.code)).toEqual(['BUSINESS_LICENSE']);
    const reusable = await findValidLicenses(
      { db: t.db, cipher: testCipher() },
      { personId, enterprise: { id: enterpriseId, creditCode } },
      ['BUSINESS_LICENSE', 'ID_CARD', 'FOOD_LICENSE'],
      new Date(),
    );
    expect(reusable.map((l) => l.typeCode).sort()).toEqual(['BUSINESS_LICENSE', 'ID_CARD']);

    const food = (
      await sql<{
        code: string;
        regionCode: string;
      }>`SELECT i.code, i.region_code FROM catalog.item i JOIN catalog.item_version v ON v.item_id = i.id AND v.version = i.published_version WHERE v.name = '食品经营许可（新办）' AND length(i.region_code) = 6 ORDER BY i.code LIMIT 1`.execute(
        t.db,
      )
    ).rows[0]!;
    const form = {
      operatorName: '黔味小吃',
      creditCode,
      premises: '贵阳市云岩区中华北路 1 号',
      area: 60,
      format: '餐饮服务经营者',
      items: '热食类食品制售',
      safetyManager: '王芳',
      safetyManagerId: '11010519491231002X',
      phone: '13812345678',
    };
    const submitted = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: {
        cookie: [...c.jar].map(([k, v]) => `${k}=${v}`).join('; '),
        'x-csrf-token': c.jar.get('tb_csrf')!,
        'idempotency-key': 'food-licence-0001',
      },
      payload: { itemCode: food.code, form },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const caseId = submitted.json().caseId as string;
    await completeMaterials(c, caseId);
    const clerk = (await t.staff(['window_clerk'], food.regionCode)).authorization;
    const approver = (await t.staff(['approver', 'department_head'], food.regionCode)).authorization;
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/cases/${caseId}/accept`,
          headers: { authorization: clerk },
          payload: {},
        })
      ).statusCode,
    ).toBe(204);
    for (let round = 0; round < 5; round++) {
      const kase = (
        await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: { authorization: approver } })
      ).json();
      if (kase.status === 'approved') break;
      for (const task of kase.tasks.filter((k: { status: string }) => k.status === 'open')) {
        const res = await t.app.inject({
          method: 'POST',
          url: `/api/tasks/${task.id}/approve`,
          headers: { authorization: approver },
          payload: { version: task.version, opinion: '同意' },
        });
        expect(res.statusCode, res.body).toBe(204);
      }
    }
    await t.app.outbox.drain();
    // The decision delivered a second time (a copy of the event, as a retry after a lost acknowledgement would be).
    await sql`INSERT INTO platform.outbox (topic, aggregate_type, aggregate_id, payload, actor_id)
              SELECT topic, aggregate_type, aggregate_id, payload, actor_id FROM platform.outbox WHERE topic = 'cases.case-decided' AND aggregate_id = ${caseId}`.execute(
      t.db,
    );
    await t.app.outbox.drain();
    const issued = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM licenses.license WHERE source_case_id = ${caseId}`.execute(t.db);
    expect(issued.rows[0]!.n).toBe(1);

    const wallet = (await c.call('GET', '/api/me/licenses')).json().licenses;
    const licence = wallet.find((l: { type: { code: string } }) => l.type.code === 'FOOD_LICENSE');
    expect(licence).toMatchObject({
      holder: { kind: 'enterprise', id: creditCode },
      data: { operatorName: '黔味小吃', format: '餐饮服务经营者' },
      status: 'valid',
    });
    expect(Number(licence.validUntil.slice(0, 4)) - Number(licence.validFrom.slice(0, 4))).toBe(5);
    const verified = await t.app.inject({
      method: 'GET',
      url: `/api/licenses/verify?payload=${encodeURIComponent(licence.verificationUrl)}`,
    });
    expect(verified.json().result).toBe('valid');
  });
});
