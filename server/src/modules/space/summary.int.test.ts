/**
 * 我的空间 in one answer: a case asking for 补正, a fee due and a decided case show for their
 * applicant, with the unread messages as the inbox counts them; another resident sees none of it,
 * and a visitor is asked to sign in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { GENEROUS_LIMITS, register, registryPersons, type Client, type RegistryPerson } from '../../test/people.js';
import { approveCase, formlessCountyItem, submitCase } from '../../test/cases.js';

let t: TestApp;
let applicant: Client;
let other: Client;

beforeAll(async () => {
  t = await createTestApp({ env: GENEROUS_LIMITS });
  const [a, b] = (await registryPersons(t, 'any', 2)) as RegistryPerson[];
  ({ c: applicant } = await register(t, a!));
  ({ c: other } = await register(t, b!));
}, 120_000);
afterAll(async () => t?.close());

describe('GET /api/me/summary', () => {
  it('gathers what needs the applicant: 补正, fees due, results ready and unread messages', async () => {
    const item = await formlessCountyItem(t);
    const clerk = await t.staff(['window_clerk'], item.regionCode);
    const approver = await t.staff(['approver'], item.regionCode);
    const [toSupplement, toPay, decided] = [
      await submitCase(applicant, item.code, 'space-0001'),
      await submitCase(applicant, item.code, 'space-0002'),
      await submitCase(applicant, item.code, 'space-0003'),
    ];
    await submitCase(applicant, item.code, 'space-0004');
    const asked = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${toSupplement}/request-supplement`,
      headers: { authorization: clerk.authorization },
      payload: { items: ['身份证复印件'] },
    });
    expect(asked.statusCode, asked.body).toBe(204);
    const fee = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${toPay}/fees`,
      headers: { authorization: clerk.authorization },
      payload: { name: '工本费', amountFen: 1050 },
    });
    expect(fee.statusCode, fee.body).toBe(201);
    await approveCase(t, decided, clerk.authorization, approver.authorization);
    await t.app.outbox.drain();
    await t.app.notify.drain();

    const res = await applicant.call('GET', '/api/me/summary');
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s.supplements.map((c: { id: string }) => c.id)).toEqual([toSupplement]);
    expect(s.feesDue).toEqual([expect.objectContaining({ id: toPay, dueFen: 1050 })]);
    expect(s.resultsReady.map((c: { id: string }) => c.id)).toEqual([decided]);
    // Running: the one asked for 补正, the one with a fee, and the untouched one.
    expect(s.inProgress).toBe(3);
    const inbox = (await applicant.call('GET', '/api/me/inbox?unread=true')).json();
    expect(s.messages.unread).toBe(inbox.unread);
    expect(s.messages.latest.map((m: { id: string }) => m.id)).toEqual(
      inbox.messages.slice(0, 3).map((m: { id: string }) => m.id),
    );
  });

  it('shows another resident nothing of it, and asks a visitor to sign in', async () => {
    const s = (await other.call('GET', '/api/me/summary')).json();
    expect(s).toMatchObject({ supplements: [], feesDue: [], resultsReady: [], inProgress: 0 });
    const anonymous = await t.app.inject({ url: '/api/me/summary' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().code).toBe('AUTH.REQUIRED');
  });
});
