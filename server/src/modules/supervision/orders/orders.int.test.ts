/**
 * 督办 and 异常监察 through the API: a supervisor orders the department head to act on a case, the
 * head answers, an unanswered order escalates once overdue; a case asked twice for 补正 is flagged
 * with its explanation and dismissed only with a reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { GENEROUS_LIMITS, register, registryPersons, type Client } from '../../../test/people.js';
import { formlessCountyItem, submitCase } from '../../../test/cases.js';

let t: TestApp;
let resident: Client;
let item: { code: string; regionCode: string };
let now = new Date('2026-11-02T02:00:00Z'); // Monday 10:00 in Beijing
let supervisor: string;
let head: string;

beforeAll(async () => {
  t = await createTestApp({ env: GENEROUS_LIMITS, now: () => now });
  const [p] = await registryPersons(t, 'any', 1);
  ({ c: resident } = await register(t, p!));
  item = await formlessCountyItem(t);
  supervisor = (await t.staff(['supervisor'], item.regionCode.slice(0, 4))).authorization;
  head = (await t.staff(['department_head'], item.regionCode)).authorization;
});
afterAll(async () => t?.close());

const as = (authorization: string, method: 'GET' | 'POST', url: string, payload?: object, key?: string) =>
  t.app.inject({
    method,
    url,
    headers: { authorization, ...(key ? { 'idempotency-key': key } : {}) },
    ...(payload ? { payload } : {}),
  });

describe('督办', () => {
  it('is issued once per key, answered by the head of the department, and seen answered by the supervisor', async () => {
    const caseId = await submitCase(resident, item.code, 'order-case-0001');
    const order = {
      subjectType: 'case',
      subjectId: caseId,
      instruction: '请说明该件未及时受理的原因并于期限内办结。',
      respondDays: 3,
    };
    const issued = await as(supervisor, 'POST', '/api/supervision/orders', order, 'order-0001');
    expect(issued.statusCode, issued.body).toBe(201);
    // Mon Nov 2 + 3 working days: Nov 3, 4, 5.
    expect(issued.json()).toMatchObject({ reference: expect.stringMatching(/^DB261102-/), dueOn: '2026-11-05' });
    expect((await as(supervisor, 'POST', '/api/supervision/orders', order, 'order-0001')).json().id).toBe(
      issued.json().id,
    );
    expect((await as(head, 'POST', '/api/supervision/orders', order)).statusCode).toBe(403); // heads do not issue
    const bad = await as(supervisor, 'POST', '/api/supervision/orders', { ...order, respondDays: 0 });
    expect(bad.statusCode).toBe(400);

    const otherHead = (await t.staff(['department_head'], item.regionCode.startsWith('5201') ? '520201' : '520102'))
      .authorization;
    const answer = { answer: '已核实：材料已齐全，当日受理并加快办理。' };
    expect((await as(otherHead, 'POST', `/api/supervision/orders/${issued.json().id}/answer`, answer)).statusCode).toBe(
      404,
    );
    const listed = (await as(head, 'GET', '/api/supervision/orders?status=open')).json().orders;
    expect(listed.map((o: { id: string }) => o.id)).toContain(issued.json().id);
    expect((await as(head, 'POST', `/api/supervision/orders/${issued.json().id}/answer`, answer)).statusCode).toBe(204);
    expect((await as(head, 'POST', `/api/supervision/orders/${issued.json().id}/answer`, answer)).json().code).toBe(
      'SUPERVISION.ORDER_ANSWERED',
    );
    const seen = (await as(supervisor, 'GET', '/api/supervision/orders')).json().orders;
    expect(seen.find((o: { id: string }) => o.id === issued.json().id)).toMatchObject({
      status: 'answered',
      answer: answer.answer,
      overdue: false,
    });
  });

  it('escalates an order left unanswered past its deadline', async () => {
    const department = (
      await sql<{
        id: string;
      }>`SELECT id FROM catalog.department WHERE region_code = ${item.regionCode} LIMIT 1`.execute(t.db)
    ).rows[0]!;
    const issued = await as(supervisor, 'POST', '/api/supervision/orders', {
      subjectType: 'department',
      subjectId: department.id,
      instruction: '请报告本月超期件整改情况。',
      respondDays: 1,
    });
    expect(issued.statusCode, issued.body).toBe(201);
    expect(issued.json().dueOn).toBe('2026-11-03');
    await t.app.supervisionSweep(new Date('2026-11-03T16:00:00Z')); // 00:00 Wed Nov 4 in Beijing
    now = new Date('2026-11-04T02:00:00Z');
    const order = (await as(supervisor, 'GET', '/api/supervision/orders?status=open'))
      .json()
      .orders.find((o: { id: string }) => o.id === issued.json().id);
    expect(order).toMatchObject({ overdue: true, escalatedAt: '2026-11-03T16:00:00.000Z' });
    const red = (await as(supervisor, 'GET', `/api/supervision/clocks?state=red&region=${item.regionCode}`)).json();
    expect(red.clocks.find((c: { reference: string }) => c.reference === issued.json().reference)).toMatchObject({
      kind: 'order',
      workingDaysLeft: -1,
    });
  });
});

describe('异常监察', () => {
  it('flags a case asked twice for 补正, explains it, and is dismissed only with a reason', async () => {
    const clerk = (await t.staff(['window_clerk'], item.regionCode)).authorization;
    const caseId = await submitCase(resident, item.code, 'irregular-case-0001');
    const ask = () =>
      as(clerk, 'POST', `/api/cases/${caseId}/request-supplement`, { items: ['营业场所平面图'], note: '' });
    expect((await ask()).statusCode).toBe(204);
    expect((await resident.call('POST', `/api/cases/${caseId}/supplement`, { note: '已补' })).statusCode).toBe(204);
    await t.app.outbox.drain();
    const list = async () =>
      (await as(supervisor, 'GET', '/api/supervision/irregularities?status=open')).json().irregularities as {
        id: string;
        caseId: string;
        explanation: { zh: string };
        facts: { supplementRequests: number };
      }[];
    expect((await list()).filter((f) => f.caseId === caseId)).toEqual([]); // asked once: no flag
    expect(
      (await as(head, 'POST', `/api/cases/${caseId}/another-notice`, { reason: '申请人变更经营范围' })).statusCode,
    ).toBe(204);
    expect((await ask()).statusCode).toBe(204);
    await t.app.outbox.drain();
    await t.app.outbox.drain(); // delivered twice: still one flag
    const flags = (await list()).filter((f) => f.caseId === caseId);
    expect(flags).toHaveLength(1);
    expect(flags[0]!.explanation.zh).toMatch(/已2次要求补正/);
    expect(flags[0]!.facts.supplementRequests).toBe(2);

    const dismiss = (who: string, reason: string) =>
      as(who, 'POST', `/api/supervision/irregularities/${flags[0]!.id}/dismiss`, { reason });
    expect((await dismiss(head, '经核实属实')).statusCode).toBe(403); // supervisors dismiss
    expect((await dismiss(supervisor, '')).statusCode).toBe(400);
    expect((await dismiss(supervisor, '经核实，第二次告知经负责人批准，理由正当')).statusCode).toBe(204);
    expect((await dismiss(supervisor, '再次')).json().code).toBe('SUPERVISION.ALREADY_DISMISSED');
    expect((await list()).filter((f) => f.caseId === caseId)).toEqual([]);
  });
});
