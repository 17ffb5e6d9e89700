/** 投诉举报 through the API: filing about a case or a department, the answer by the right people only, closing. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { GENEROUS_LIMITS, register, registryPersons, type Client } from '../../test/people.js';
import { formlessCountyItem, submitCase } from '../../test/cases.js';

let t: TestApp;
let resident: Client;
let residentName: string;
let item: { code: string; regionCode: string };

beforeAll(async () => {
  t = await createTestApp({ env: GENEROUS_LIMITS });
  const [p] = await registryPersons(t, 'any', 1);
  ({ c: resident } = await register(t, p!));
  residentName = p!.name;
  item = await formlessCountyItem(t);
});
afterAll(async () => t?.close());

describe('投诉举报', () => {
  it('takes a complaint about the resident’s own case, encrypted, answered by the county head, closed by the resident', async () => {
    const caseId = await submitCase(resident, item.code, 'complaint-case-0001');
    const filed = await resident.call('POST', '/api/complaints', {
      kind: 'complaint',
      subject: '窗口要求重复提交材料',
      content: '已在网上提交的营业执照，窗口又要求提供复印件。',
      caseId,
    });
    expect(filed.statusCode, filed.body).toBe(201);
    expect(filed.json().reference).toMatch(/^TS\d{6}-[0-9A-Z]{6}$/);
    const stored = await sql<{
      c: string;
    }>`SELECT content_enc AS c FROM supervision.complaint WHERE id = ${filed.json().id}`.execute(t.db);
    expect(stored.rows[0]!.c).not.toContain('营业执照');

    const head = (await t.staff(['department_head'], item.regionCode)).authorization;
    const outsider = (
      await t.staff(['department_head', 'supervisor'], item.regionCode === '520102' ? '520103' : '520102')
    ).authorization;
    const queue = async (who: string) =>
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/supervision/complaints?status=open',
          headers: { authorization: who },
        })
      ).json().complaints;
    const mine = (await queue(head)).find((c: { id: string }) => c.id === filed.json().id);
    expect(mine).toMatchObject({
      subject: '窗口要求重复提交材料',
      content: expect.stringContaining('营业执照'),
      overdue: false,
      version: 1,
    });
    expect(mine.complainant).not.toBe(residentName); // masked
    expect((await queue(outsider)).some((c: { id: string }) => c.id === filed.json().id)).toBe(false);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/supervision/complaints/${filed.json().id}/answer`,
          headers: { authorization: outsider },
          payload: { version: 1, reply: '已核实' },
        })
      ).statusCode,
    ).toBe(404);
    const clerk = (await t.staff(['window_clerk'], item.regionCode)).authorization;
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/supervision/complaints', headers: { authorization: clerk } }))
        .statusCode,
    ).toBe(403);

    expect(
      (await resident.call('POST', `/api/me/complaints/${filed.json().id}/close`, { satisfaction: 5 })).statusCode,
    ).toBe(409); // not answered yet
    const answer = (version: number) =>
      t.app.inject({
        method: 'POST',
        url: `/api/supervision/complaints/${filed.json().id}/answer`,
        headers: { authorization: head },
        payload: { version, reply: '经核实，已纠正窗口做法：电子证照已关联的材料不再要求提供复印件。' },
      });
    expect((await answer(1)).statusCode).toBe(204);
    expect((await answer(1)).json().code).toBe('SUPERVISION.COMPLAINT_CHANGED');
    const read = (await resident.call('GET', '/api/me/complaints')).json().complaints[0];
    expect(read).toMatchObject({ status: 'answered', reply: expect.stringContaining('已纠正') });
    expect(
      (await resident.call('POST', `/api/me/complaints/${filed.json().id}/close`, { satisfaction: 4 })).statusCode,
    ).toBe(204);
    expect((await resident.call('GET', '/api/me/complaints')).json().complaints[0]).toMatchObject({
      status: 'closed',
      satisfaction: 4,
    });
  });

  it('hides a reporter from the department, refuses someone else’s case, and asks which department', async () => {
    const department = (
      await sql<{
        id: string;
      }>`SELECT id FROM catalog.department WHERE region_code = ${item.regionCode} AND category = 'market'`.execute(t.db)
    ).rows[0]!.id;
    const report = await resident.call('POST', '/api/complaints', {
      kind: 'report',
      subject: '工作人员索要好处费',
      content: '办理时被暗示需要另行付费。',
      departmentId: department,
      hideIdentity: true,
    });
    expect(report.statusCode, report.body).toBe(201);
    const supervisor = (await t.staff(['supervisor'], item.regionCode)).authorization;
    const seen = (
      await t.app.inject({ method: 'GET', url: '/api/supervision/complaints', headers: { authorization: supervisor } })
    )
      .json()
      .complaints.find((c: { id: string }) => c.id === report.json().id);
    expect(seen.complainant).toBeNull();

    const [other] = await registryPersons(t, 'any', 1);
    const { c: stranger } = await register(t, other!);
    const someoneElses = await submitCase(stranger, item.code, 'complaint-case-0002');
    expect(
      (
        await resident.call('POST', '/api/complaints', {
          kind: 'complaint',
          subject: '他人的办件',
          content: '……',
          caseId: someoneElses,
        })
      ).statusCode,
    ).toBe(404);
    const nowhere = await resident.call('POST', '/api/complaints', {
      kind: 'suggestion',
      subject: '建议',
      content: '建议延长周六服务时间。',
    });
    expect(nowhere.statusCode).toBe(422);
    expect(nowhere.json().errors[0].field).toBe('body.departmentId');
  });
});
