/**
 * Completeness is enforced by the server (材料齐全): no acceptance with a required material missing,
 * no 准予 while one is missing or a 容缺 promise is open, uploads during 补正 and for a promise after
 * acceptance (until its due date, by its applicant only), 一次性告知 once unless a department head
 * approves another, and the window sees the applicant's 补正 note and what is new since the notice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { CalendarService } from '../../platform/calendar/calendar.service.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { GENEROUS_LIMITS, register, registryPersons, type Client } from '../../test/people.js';
import { completeMaterials, sampleForm, tinyPdf } from '../../test/cases.js';

let t: TestApp;
let applicant: Client;
let stranger: Client;
/** 食品经营许可（变更）: three required materials, no application form. */
let change: { code: string; regionCode: string; departmentId: string };
/** 公共场所卫生许可: its 检测或者评价报告 may be brought later (容缺后补). */
let hygiene: { code: string; regionCode: string; departmentId: string };

const itemNamed = async (name: string) =>
  (
    await sql<{ code: string; regionCode: string; departmentId: string }>`
      SELECT i.code, i.region_code, i.department_id FROM catalog.item i JOIN catalog.item_version v ON v.item_id = i.id AND v.version = i.published_version
      WHERE v.name = ${name} AND length(i.region_code) = 6 ORDER BY i.code LIMIT 1`.execute(t.db)
  ).rows[0]!;

beforeAll(async () => {
  t = await createTestApp({ env: GENEROUS_LIMITS });
  const [a, b] = await registryPersons(t, 'any', 2);
  ({ c: applicant } = await register(t, a!));
  ({ c: stranger } = await register(t, b!));
  change = await itemNamed('食品经营许可（变更）');
  hygiene = await itemNamed('公共场所卫生许可');
});
afterAll(async () => t?.close());

const as = (authorization: string) => ({ authorization });
const post = (who: string, url: string, payload: object = {}) =>
  t.app.inject({ method: 'POST', url, headers: as(who), payload });
const upload = (c: Client, caseId: string, index: number) =>
  c.call('PUT', `/api/cases/${caseId}/materials/${index}`, tinyPdf(), {
    headers: { 'content-type': 'application/pdf' },
  });
const bagOf = async (c: Client, caseId: string) => (await c.call('GET', `/api/cases/${caseId}/materials`)).json();
const bagFor = async (who: string, caseId: string) =>
  (await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}/materials`, headers: as(who) })).json();

async function apply(itemCode: string, key: string): Promise<string> {
  const res = await applicant.call(
    'POST',
    '/api/cases',
    { itemCode, form: await sampleForm(t, itemCode) },
    { headers: { 'idempotency-key': key } },
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json().caseId;
}

const openTask = async (who: string, caseId: string) =>
  (await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: as(who) }))
    .json()
    .tasks.find((k: { status: string }) => k.status === 'open');

describe('acceptance', () => {
  it('answers 409 naming each required material that is missing, and accepts once they are there', async () => {
    const caseId = await apply(change.code, 'complete-accept-01');
    const clerk = (await t.staff(['window_clerk'], change.regionCode)).authorization;
    const refused = await post(clerk, `/api/cases/${caseId}/accept`);
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    const body = refused.json();
    expect(body.code).toBe('CASES.MATERIALS_MISSING');
    const missing = (await bagOf(applicant, caseId)).materials
      .filter((m: { necessity: string }) => m.necessity !== 'optional')
      .map((m: { name: string }) => m.name);
    expect(missing.length).toBeGreaterThan(1);
    expect(body.missing.map((m: { name: string }) => m.name)).toEqual(missing);
    for (const name of missing) expect(body.detail).toContain(name);
    expect(body.errors.map((e: { code: string }) => e.code)).toEqual(missing.map(() => 'CASES.MATERIAL_MISSING'));
    expect(
      (await sql<{ status: string }>`SELECT status FROM cases."case" WHERE id = ${caseId}`.execute(t.db)).rows[0]!
        .status,
    ).toBe('submitted');

    // One material short is still short.
    await completeMaterials(applicant, caseId, [missing.at(-1)]);
    const oneShort = await post(clerk, `/api/cases/${caseId}/accept`);
    expect(oneShort.json().missing.map((m: { name: string }) => m.name)).toEqual([missing.at(-1)]);
    await completeMaterials(applicant, caseId);
    expect((await post(clerk, `/api/cases/${caseId}/accept`)).statusCode).toBe(204);
  });
});

describe('the decision', () => {
  it('refuses 准予 while a required material is missing, and allows 不予许可', async () => {
    const caseId = await apply(change.code, 'complete-decide-01');
    await completeMaterials(applicant, caseId);
    const clerk = (await t.staff(['window_clerk'], change.regionCode)).authorization;
    expect((await post(clerk, `/api/cases/${caseId}/accept`)).statusCode).toBe(204);
    // A case accepted before the rule existed: one of its files is gone from the bag.
    const lost = (
      await sql<{
        id: string;
        name: string;
      }>`SELECT id, name FROM cases.material WHERE case_id = ${caseId} ORDER BY material_index LIMIT 1`.execute(t.db)
    ).rows[0]!;
    await sql`UPDATE cases.material SET superseded_at = now() WHERE id = ${lost.id}`.execute(t.db);
    const approver = (await t.staff(['approver'], change.regionCode)).authorization;
    const task = await openTask(approver, caseId);
    const refused = await post(approver, `/api/tasks/${task.id}/approve`, { version: task.version, opinion: '同意' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'CASES.MATERIALS_MISSING',
      missing: [{ name: lost.name, reason: 'missing' }],
    });
    expect((await openTask(approver, caseId)).id).toBe(task.id);
    const no = await post(approver, `/api/tasks/${task.id}/refuse`, {
      version: task.version,
      opinion: '材料不全',
      legalBasis: '《行政许可法》第三十八条第二款',
    });
    expect(no.statusCode, no.body).toBe(204);
  });
});

describe('容缺受理', () => {
  it('dates the promise at acceptance, refuses 准予 while it is open, and takes the material afterwards from its applicant only', async () => {
    const caseId = await apply(hygiene.code, 'complete-promise-01');
    const bag = await bagOf(applicant, caseId);
    const deferred = bag.materials.find((m: { necessity: string }) => m.necessity === 'deferrable');
    await completeMaterials(applicant, caseId, [deferred.name]);
    const clerk = (await t.staff(['window_clerk'], hygiene.regionCode)).authorization;
    expect(
      (await post(clerk, `/api/cases/${caseId}/accept`)).json().missing.map((m: { name: string }) => m.name),
    ).toEqual([deferred.name]);
    expect(
      (
        await applicant.call('POST', `/api/cases/${caseId}/materials/${deferred.index}/promise`, {
          promise: '检测报告已委托第三方，十日内补交',
        })
      ).statusCode,
    ).toBe(201);
    expect((await post(clerk, `/api/cases/${caseId}/accept`)).statusCode).toBe(204);

    const acceptedOn = (
      await sql<{
        acceptedOn: string;
      }>`SELECT accepted_on::text AS "acceptedOn" FROM cases."case" WHERE id = ${caseId}`.execute(t.db)
    ).rows[0]!.acceptedOn;
    const dueOn = (await new CalendarService(t.db).calendar()).addWorkingDays(acceptedOn, 5).due;
    const promised = (await bagOf(applicant, caseId)).materials[deferred.index].provided;
    expect(promised).toMatchObject({
      kind: 'promise',
      dueOn,
      overdue: false,
      promise: '检测报告已委托第三方，十日内补交',
    });
    expect((await bagOf(applicant, caseId)).openPromises).toEqual([
      { index: deferred.index, name: deferred.name, reason: 'promised', dueOn },
    ]);

    const approver = (await t.staff(['approver'], hygiene.regionCode)).authorization;
    const task = await openTask(approver, caseId);
    const refused = await post(approver, `/api/tasks/${task.id}/approve`, { version: task.version, opinion: '同意' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'CASES.MATERIALS_MISSING',
      missing: [{ name: deferred.name, reason: 'promised', dueOn }],
      errors: [{ code: 'CASES.PROMISE_OPEN' }],
    });

    // Only the promised material may still come in, and only from the applicant.
    const other = bag.materials.find(
      (m: { necessity: string; index: number }) => m.necessity === 'required' && m.index !== deferred.index,
    );
    expect((await upload(applicant, caseId, other.index)).json().code).toBe('CASES.MATERIALS_CLOSED');
    expect((await upload(stranger, caseId, deferred.index)).statusCode).toBe(404);
    expect(
      (
        await t.app.inject({
          method: 'PUT',
          url: `/api/cases/${caseId}/materials/${deferred.index}`,
          headers: { ...as(clerk), 'content-type': 'application/pdf' },
          payload: tinyPdf(),
        })
      ).statusCode,
    ).toBe(404);
    const brought = await upload(applicant, caseId, deferred.index);
    expect(brought.statusCode, brought.body).toBe(201);
    const after = await bagOf(applicant, caseId);
    expect(after.openPromises).toEqual([]);
    expect(after.materials[deferred.index].provided).toMatchObject({ kind: 'upload' });
    // The promise is kept as history, fulfilled.
    expect(after.materials[deferred.index].history).toEqual([
      expect.objectContaining({ kind: 'promise', supersededAt: expect.any(String) }),
    ]);
    const events = (await applicant.call('GET', `/api/cases/${caseId}`))
      .json()
      .events.map((e: { type: string }) => e.type);
    expect(events).toContain('promise-fulfilled');

    expect(
      (await post(approver, `/api/tasks/${task.id}/approve`, { version: task.version, opinion: '同意' })).statusCode,
    ).toBe(204);
    expect((await applicant.call('GET', `/api/cases/${caseId}`)).json().status).toBe('approved');
    // A decided case takes nothing more.
    expect((await upload(applicant, caseId, deferred.index)).json().code).toBe('CASES.MATERIALS_CLOSED');
  });

  it('refuses the material after the due date and shows the overdue promise to the department head', async () => {
    const caseId = await apply(hygiene.code, 'complete-promise-02');
    const deferred = (await bagOf(applicant, caseId)).materials.find(
      (m: { necessity: string }) => m.necessity === 'deferrable',
    );
    await completeMaterials(applicant, caseId, [deferred.name]);
    await applicant.call('POST', `/api/cases/${caseId}/materials/${deferred.index}/promise`, { promise: '十日内补交' });
    const clerk = (await t.staff(['window_clerk'], hygiene.regionCode)).authorization;
    expect((await post(clerk, `/api/cases/${caseId}/accept`)).statusCode).toBe(204);
    const head = (await t.staff(['department_head'], hygiene.regionCode)).authorization;
    const listed = async (overdue: boolean) =>
      (await t.app.inject({ method: 'GET', url: `/api/promises?overdue=${overdue}`, headers: as(head) }))
        .json()
        .items.filter((p: { caseId: string }) => p.caseId === caseId);
    expect(await listed(true)).toEqual([]);
    expect(await listed(false)).toHaveLength(1);
    // Time passes: the due date was yesterday.
    await sql`UPDATE cases.material SET due_on = (now() AT TIME ZONE 'Asia/Shanghai')::date - 1 WHERE case_id = ${caseId} AND kind = 'promise'`.execute(
      t.db,
    );
    const late = await upload(applicant, caseId, deferred.index);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('CASES.PROMISE_OVERDUE');
    expect(await listed(true)).toEqual([
      expect.objectContaining({ name: deferred.name, overdue: true, trackingCode: expect.any(String) }),
    ]);
    expect((await bagOf(applicant, caseId)).materials[deferred.index].provided).toMatchObject({
      kind: 'promise',
      overdue: true,
    });
    // Another county's head does not see it; a clerk has no such list.
    const farHead = (await t.staff(['department_head'], hygiene.regionCode === '520102' ? '520103' : '520102'))
      .authorization;
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/promises?overdue=true', headers: as(farHead) }))
        .json()
        .items.filter((p: { caseId: string }) => p.caseId === caseId),
    ).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: '/api/promises', headers: as(clerk) })).statusCode).toBe(403);
  });
});

describe('一次性告知 and 补正', () => {
  it('takes files during 补正, shows the note and the new files to the window, and needs a head for a second notice', async () => {
    const caseId = await apply(change.code, 'complete-notice-01');
    const bag = await bagOf(applicant, caseId);
    const [first, ...rest] = bag.materials.filter((m: { necessity: string }) => m.necessity !== 'optional');
    expect((await upload(applicant, caseId, first.index)).statusCode).toBe(201);
    const clerk = await t.staff(['window_clerk'], change.regionCode);
    const notice = { items: rest.map((m: { name: string }) => m.name), note: '请补交所列材料' };
    expect((await post(clerk.authorization, `/api/cases/${caseId}/request-supplement`, notice)).statusCode).toBe(204);

    // While awaiting 补正 the applicant uploads the missing files and replaces the first one.
    for (const m of rest) expect((await upload(applicant, caseId, m.index)).statusCode).toBe(201);
    expect((await upload(applicant, caseId, first.index)).statusCode).toBe(201);
    expect(
      (
        await applicant.call('POST', `/api/cases/${caseId}/supplement`, {
          note: '已按告知补齐材料，营业执照换为最新版本',
        })
      ).statusCode,
    ).toBe(204);

    const seen = await bagFor(clerk.authorization, caseId);
    expect(seen.supplement).toMatchObject({
      notices: 1,
      items: notice.items,
      note: notice.note,
      reply: { note: '已按告知补齐材料，营业执照换为最新版本' },
      anotherNotice: null,
    });
    for (const m of [first, ...rest]) expect(seen.materials[m.index].provided.isNew).toBe(true);
    // The replaced file is kept, not lost.
    expect(seen.materials[first.index].history).toEqual([expect.objectContaining({ kind: 'upload' })]);
    const oldFile = await t.app.inject({
      method: 'GET',
      url: `/api/cases/${caseId}/materials/${seen.materials[first.index].history[0].id}/file`,
      headers: as(clerk.authorization),
    });
    expect(oldFile.statusCode).toBe(200);

    // A second notice: not by the clerk alone.
    const again = await post(clerk.authorization, `/api/cases/${caseId}/request-supplement`, {
      items: ['营业执照'],
      note: '再补',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('CASES.NOTICE_ALREADY_GIVEN');
    expect(
      (await post(clerk.authorization, `/api/cases/${caseId}/another-notice`, { reason: '我想再告知' })).statusCode,
    ).toBe(403);
    const farHead = (await t.staff(['department_head'], change.regionCode === '520102' ? '520103' : '520102'))
      .authorization;
    expect((await post(farHead, `/api/cases/${caseId}/another-notice`, { reason: '越权' })).statusCode).toBe(404);
    const head = (await t.staff(['department_head'], change.regionCode)).authorization;
    expect((await post(head, `/api/cases/${caseId}/another-notice`, { reason: '' })).statusCode).toBe(400);
    expect(
      (await post(head, `/api/cases/${caseId}/another-notice`, { reason: '补交的营业执照已被吊销，须重新提供' }))
        .statusCode,
    ).toBe(204);
    expect((await post(head, `/api/cases/${caseId}/another-notice`, { reason: '再批一次' })).json().code).toBe(
      'CASES.NOTICE_ALREADY_APPROVED',
    );
    expect(
      (
        await post(clerk.authorization, `/api/cases/${caseId}/request-supplement`, {
          items: ['营业执照'],
          note: '请重新提供',
        })
      ).statusCode,
    ).toBe(204);
    const log = (await applicant.call('GET', `/api/cases/${caseId}`)).json().events;
    expect(log.find((e: { type: string }) => e.type === 'another-notice-approved').detail).toMatchObject({
      reason: '补交的营业执照已被吊销，须重新提供',
    });
    expect(log.filter((e: { type: string }) => e.type === 'supplement-requested').at(-1).detail).toMatchObject({
      approvedReason: '补交的营业执照已被吊销，须重新提供',
    });
    // A third needs its own approval.
    await applicant.call('POST', `/api/cases/${caseId}/supplement`, { note: '已重新提供' });
    expect(
      (
        await post(clerk.authorization, `/api/cases/${caseId}/request-supplement`, {
          items: ['营业执照'],
          note: '三次',
        })
      ).json().code,
    ).toBe('CASES.NOTICE_ALREADY_GIVEN');
  });
});
