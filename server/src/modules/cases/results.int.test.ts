/** Results of a case: delivery by post with the address kept encrypted, and fees that hold the result back. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { GENEROUS_LIMITS, register, registryPersons, type Client } from '../../test/people.js';
import { approveCase, formlessCountyItem, submitCase } from '../../test/cases.js';

let t: TestApp;
let applicant: Client;
let item: { code: string; regionCode: string };
let clerk: string;
let head: string;

const ADDRESS = '贵州省贵阳市云岩区中华北路 88 号 3 单元 402';

const decidedCase = (key: string) => submitCase(applicant, item.code, key);
const approve = (caseId: string) => approveCase(t, caseId, clerk, head);

beforeAll(async () => {
  t = await createTestApp({ env: GENEROUS_LIMITS });
  const [p] = await registryPersons(t, 'any', 1);
  ({ c: applicant } = await register(t, p!));
  item = await formlessCountyItem(t, 'post-and-pickup');
  clerk = (await t.staff(['window_clerk'], item.regionCode)).authorization;
  head = (await t.staff(['department_head'], item.regionCode)).authorization;
});
afterAll(async () => t?.close());

describe('delivery of the result (送达)', () => {
  it('posts the result to an address kept encrypted, masked to staff unless the window prints the label', async () => {
    const caseId = await decidedCase('delivery-key-0001');
    const bad = await applicant.call('PUT', `/api/cases/${caseId}/delivery`, {
      method: 'post',
      recipient: '张三',
      phone: '12345',
      address: ADDRESS,
      regionCode: '520102',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    const chosen = await applicant.call('PUT', `/api/cases/${caseId}/delivery`, {
      method: 'post',
      recipient: '张三',
      phone: '13900001111',
      address: ADDRESS,
      regionCode: '520102',
    });
    expect(chosen.statusCode, chosen.body).toBe(204);

    const stored = await sql<{
      a: string;
    }>`SELECT address_enc AS a FROM cases.delivery WHERE case_id = ${caseId}`.execute(t.db);
    expect(stored.rows[0]!.a).not.toContain('中华北路');
    expect((await applicant.call('GET', `/api/cases/${caseId}/delivery`)).json().delivery).toMatchObject({
      method: 'post',
      address: ADDRESS,
      phone: '13900001111',
      status: 'pending',
    });
    const masked = (
      await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}/delivery`, headers: { authorization: clerk } })
    ).json().delivery;
    expect(masked.address).not.toContain('中华北路');
    expect(masked.phone).not.toBe('13900001111');

    // Nothing to send before the decision.
    const early = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/delivery/dispatch`,
      headers: { authorization: clerk },
      payload: { carrier: 'EMS', trackingNumber: 'EMS1234567890' },
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('CASES.NOT_DECIDED');

    await approve(caseId);
    const label = await t.app.inject({
      method: 'GET',
      url: `/api/cases/${caseId}/delivery?full=true`,
      headers: { authorization: clerk },
    });
    expect(label.json().delivery.address).toBe(ADDRESS);
    const audited = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM platform.audit_log WHERE action = 'cases.delivery-address-read' AND target_id = ${caseId}`.execute(
      t.db,
    );
    expect(audited.rows[0]!.n).toBe(1);

    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/cases/${caseId}/delivery/dispatch`,
          headers: { authorization: clerk },
          payload: { carrier: 'EMS', trackingNumber: 'EMS1234567890' },
        })
      ).statusCode,
    ).toBe(204);
    // Sent: the applicant can no longer change it, and the collected step does not fit a posted result.
    expect((await applicant.call('PUT', `/api/cases/${caseId}/delivery`, { method: 'pickup' })).json().code).toBe(
      'CASES.DELIVERY_SENT',
    );
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/cases/${caseId}/delivery/collected`,
          headers: { authorization: clerk },
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/cases/${caseId}/delivery/delivered`,
          headers: { authorization: clerk },
        })
      ).statusCode,
    ).toBe(204);
    expect((await applicant.call('GET', `/api/cases/${caseId}/delivery`)).json().delivery).toMatchObject({
      status: 'delivered',
      carrier: 'EMS',
      trackingNumber: 'EMS1234567890',
    });
    const events = await sql<{
      type: string;
    }>`SELECT type FROM cases.event WHERE case_id = ${caseId} AND type LIKE 'delivery-%' ORDER BY id`.execute(t.db);
    expect(events.rows.map((e) => e.type)).toEqual(['delivery-chosen', 'delivery-dispatch', 'delivery-delivered']);
  });
});

describe('decision document (决定书)', () => {
  it('is a PDF with the decision number for the applicant once decided, and nothing before', async () => {
    const caseId = await decidedCase('decision-key-0001');
    const early = await applicant.call('GET', `/api/cases/${caseId}/decision.pdf`);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('CASES.NO_DECISION');
    await approve(caseId);
    const res = await applicant.call('GET', `/api/cases/${caseId}/decision.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const { PDFDocument } = await import('pdf-lib');
    const pdf = await PDFDocument.load(res.rawPayload);
    const decisionNo = (
      await sql<{ n: string }>`SELECT decision_no AS n FROM cases."case" WHERE id = ${caseId}`.execute(t.db)
    ).rows[0]!.n;
    expect(pdf.getTitle()).toBe(`准予行政许可决定书 ${decisionNo}`);
    const stranger = (await t.staff(['window_clerk'], item.regionCode === '520102' ? '520103' : '520102'))
      .authorization;
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/cases/${caseId}/decision.pdf`,
          headers: { authorization: stranger },
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe('fees (收费)', () => {
  it('holds the result back while a fee is due; the window records the payment, a head may waive', async () => {
    const caseId = await decidedCase('fees-key-0001');
    expect((await applicant.call('PUT', `/api/cases/${caseId}/delivery`, { method: 'pickup' })).statusCode).toBe(204);
    await approve(caseId);
    const approver = (await t.staff(['approver'], item.regionCode)).authorization;
    const set = (amountFen: number, name: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/cases/${caseId}/fees`,
        headers: { authorization: approver },
        payload: { name, basis: '按收费标准', amountFen },
      });
    expect((await set(0, '工本费')).statusCode).toBe(400);
    const fee = (await set(1000, '证书工本费')).json().id;
    const other = (await set(500, '公告费')).json().id;
    expect((await applicant.call('GET', `/api/cases/${caseId}/fees`)).json()).toMatchObject({ dueFen: 1500 });
    // The applicant cannot mark their own fee paid.
    expect(
      (await applicant.call('POST', `/api/cases/${caseId}/fees/${fee}/paid`, { paymentRef: '5201000012345' }))
        .statusCode,
    ).toBe(403);

    const collect = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/cases/${caseId}/delivery/collected`,
        headers: { authorization: clerk },
      });
    const held = await collect();
    expect(held.statusCode).toBe(409);
    expect(held.json().code).toBe('CASES.FEES_DUE');

    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/cases/${caseId}/fees/${fee}/paid`,
          headers: { authorization: clerk },
          payload: { paymentRef: '5201000012345' },
        })
      ).statusCode,
    ).toBe(204);
    const twice = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/fees/${fee}/paid`,
      headers: { authorization: clerk },
      payload: { paymentRef: '5201000012345' },
    });
    expect(twice.json().code).toBe('CASES.FEE_SETTLED');
    // Waiving takes a department head.
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/cases/${caseId}/fees/${other}/waive`,
          headers: { authorization: clerk },
          payload: { reason: '困难群众减免' },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/cases/${caseId}/fees/${other}/waive`,
          headers: { authorization: head },
          payload: { reason: '困难群众减免' },
        })
      ).statusCode,
    ).toBe(204);
    expect((await applicant.call('GET', `/api/cases/${caseId}/fees`)).json()).toMatchObject({ dueFen: 0 });
    expect((await collect()).statusCode).toBe(204);
    expect((await applicant.call('GET', `/api/cases/${caseId}/delivery`)).json().delivery.status).toBe('collected');
  });

  it('keeps another county’s clerk out of a case’s fees and delivery', async () => {
    const caseId = await decidedCase('fees-key-0002');
    const otherRegion = item.regionCode === '520102' ? '520103' : '520102';
    const outsider = (await t.staff(['window_clerk', 'department_head'], otherRegion)).authorization;
    for (const url of [`/api/cases/${caseId}/fees`, `/api/cases/${caseId}/delivery`]) {
      expect((await t.app.inject({ method: 'GET', url, headers: { authorization: outsider } })).statusCode).toBe(404);
    }
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/cases/${caseId}/fees`,
          headers: { authorization: outsider },
          payload: { name: '工本费', amountFen: 100 },
        })
      ).statusCode,
    ).toBe(404);
  });
});
