/**
 * Case handling through the HTTP API and the services: idempotent submission, tracking, the window,
 * a three-department parallel stage where one department returns the case, concurrent approvals,
 * and a special procedure across the National Day holiday that moves the due date.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Actor } from '../../platform/context.js';
import { CalendarService } from '../../platform/calendar/calendar.service.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { GENEROUS_LIMITS, register, registryPersons, type Client } from '../../test/people.js';
import { completeMaterials, themeForm } from '../../test/cases.js';
import type { ProcessDefinition } from '../../../../contracts/cases.js';
import { submitApplication } from './handling/submit.service.js';
import { acceptCase } from './handling/window.service.js';
import { resumeCase, suspendCase } from './handling/tasks.service.js';
import { getCase } from './handling/read.service.js';
import { ItemProcesses } from './process/item-processes.js';
import { createFileStore } from '../../platform/storage/index.js';
import { TEST_DATA_KEY, testCipher } from '../../test/keys.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

let t: TestApp;
let applicant: Client;
let applicantId: string;
let applicantPerson: { idNumber: string; name: string };
let item: { code: string; regionCode: string; departmentId: string };
let departments: string[];

const staffHeader = async (roles: Parameters<TestApp['staff']>[0], region: string) =>
  (await t.staff(roles, region)).authorization;

async function submit(c: Client, key: string, form: Record<string, unknown> = { remarks: '新办' }) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: {
      cookie: [...c.jar].map(([k, v]) => `${k}=${v}`).join('; '),
      'x-csrf-token': c.jar.get('tb_csrf')!,
      'idempotency-key': key,
    },
    payload: { itemCode: item.code, form },
  });
  return res;
}

beforeAll(async () => {
  t = await createTestApp({ env: GENEROUS_LIMITS });
  const [p] = await registryPersons(t, 'any', 1);
  ({ c: applicant, personId: applicantId } = await register(t, p!));
  applicantPerson = p!;
  // A published county-level licensing item and three departments of the same county.
  const row = await sql<{ code: string; regionCode: string; departmentId: string }>`
    SELECT i.code, i.region_code, i.department_id FROM catalog.item i
    JOIN catalog.item_version v ON v.item_id = i.id AND v.version = i.published_version
    WHERE length(i.region_code) = 6 AND jsonb_array_length(COALESCE(v.guide->'form', '[]'::jsonb)) = 0
      AND (SELECT count(*) FROM catalog.department d WHERE d.region_code = i.region_code) >= 3
    ORDER BY i.code LIMIT 1`.execute(t.db);
  item = row.rows[0]!;
  const depts = await sql<{
    id: string;
  }>`SELECT id FROM catalog.department WHERE region_code = ${item.regionCode} AND id <> ${item.departmentId} ORDER BY id LIMIT 2`.execute(
    t.db,
  );
  departments = [item.departmentId, ...depts.rows.map((d) => d.id)];
});
afterAll(async () => t?.close());

describe('submission and tracking', () => {
  it('makes one case of a retried submission and refuses the key for a different one', async () => {
    const first = await submit(applicant, 'retry-key-0001');
    expect(first.statusCode, first.body).toBe(201);
    const again = await submit(applicant, 'retry-key-0001');
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    const other = await submit(applicant, 'retry-key-0001', { remarks: '变更' });
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('CASES.IDEMPOTENCY_KEY_REUSED');
    // Two at once with one key: one case.
    const [a, b] = await Promise.all([submit(applicant, 'twin-key-0001'), submit(applicant, 'twin-key-0001')]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect(a.json().caseId).toBe(b.json().caseId);
    const n = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM cases."case" WHERE id = ${a.json().caseId}`.execute(t.db);
    expect(n.rows[0]!.n).toBe(1);
  });

  it('shows progress to anyone with the code, without personal data, and the case to its applicant', async () => {
    const { trackingCode, caseId } = (await submit(applicant, 'track-key-0001')).json();
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/track/${trackingCode.toLowerCase()}` });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toMatchObject({ trackingCode, status: 'submitted', caseId: null });
    const name = (
      await sql<{ name: string }>`SELECT name FROM identity.person_account WHERE id = ${applicantId}`.execute(t.db)
    ).rows[0]!.name;
    expect(anonymous.body).not.toContain(name);
    expect((await applicant.call('GET', `/api/track/${trackingCode}`)).json().caseId).toBe(caseId);
    const qr = await t.app.inject({ method: 'GET', url: `/api/track/${trackingCode}/qr.svg` });
    expect(qr.headers['content-type']).toMatch(/image\/svg\+xml/);
    expect(qr.body).toContain('<svg');
  });
});

describe('application forms and drafts', () => {
  it('keeps a draft, refuses a form with every problem named, and submits a good one', async () => {
    const food = (
      await sql<{
        code: string;
      }>`SELECT i.code FROM catalog.item i JOIN catalog.item_version v ON v.item_id = i.id AND v.version = i.published_version WHERE v.name = '食品经营许可（新办）' AND length(i.region_code) = 6 ORDER BY i.code LIMIT 1`.execute(
        t.db,
      )
    ).rows[0]!.code;
    const schema = await t.app.inject({ method: 'GET', url: `/api/catalog/items/${food}/form-schema` });
    expect(schema.headers['content-type']).toMatch(/application\/schema\+json/);
    expect(schema.json()).toMatchObject({
      type: 'object',
      additionalProperties: false,
      required: expect.arrayContaining(['operatorName', 'creditCode', 'phone']),
    });

    expect(
      (await applicant.call('PUT', `/api/drafts/${food}`, { form: { operatorName: '黔味小吃' } })).statusCode,
    ).toBe(200);
    expect((await applicant.call('GET', `/api/drafts/${food}`)).json().form).toEqual({ operatorName: '黔味小吃' });
    const creditCode = (
      await sql<{
        creditCode: string;
      }>`SELECT credit_code FROM exchange.legal_entity ORDER BY credit_code LIMIT 1`.execute(t.db)
    ).rows[0]!.creditCode;
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
    const post = (key: string, f: Record<string, unknown>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/cases',
        headers: {
          cookie: [...applicant.jar].map(([k, v]) => `${k}=${v}`).join('; '),
          'x-csrf-token': applicant.jar.get('tb_csrf')!,
          'idempotency-key': key,
        },
        payload: { itemCode: food, form: f },
      });
    const bad = await post('food-form-bad-1', {
      ...form,
      area: 0,
      format: '酒吧',
      safetyManagerId: '110105194912310021',
      phone: undefined,
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe('CASES.FORM_INVALID');
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['form.area', 'form.format', 'form.phone', 'form.safetyManagerId']);
    const good = await post('food-form-good-1', form);
    expect(good.statusCode, good.body).toBe(201);
    expect((await applicant.call('GET', `/api/drafts/${food}`)).statusCode).toBe(404);
  });
});

describe('walk-in applications', () => {
  it('lets a window file for a registered resident and accept at once; the case is the resident’s', async () => {
    await sql`UPDATE cases.process_definition SET active = false WHERE item_code = ${item.code}`.execute(t.db);
    const clerk = await t.staff(['window_clerk'], item.regionCode);
    const file = (key: string, body: object) =>
      t.app.inject({
        method: 'POST',
        url: '/api/window/applications',
        headers: { authorization: clerk.authorization, 'idempotency-key': key },
        payload: body,
      });
    const wrongName = await file('walk-in-key-001', {
      idNumber: applicantPerson.idNumber,
      name: '冒名者',
      itemCode: item.code,
      form: { remarks: '窗口代录' },
    });
    expect(wrongName.statusCode).toBe(422);
    // Accepted at once means complete at once: without the originals nothing is filed.
    const casesBefore = (
      await sql<{ n: number }>`SELECT count(*)::int AS n FROM cases."case" WHERE filed_by = ${clerk.id}`.execute(t.db)
    ).rows[0]!.n;
    const incomplete = await file('walk-in-key-003', {
      idNumber: applicantPerson.idNumber,
      name: applicantPerson.name,
      itemCode: item.code,
      form: { remarks: '窗口代录' },
    });
    expect(incomplete.statusCode).toBe(409);
    expect(incomplete.json().code).toBe('CASES.MATERIALS_MISSING');
    expect(
      (await sql<{ n: number }>`SELECT count(*)::int AS n FROM cases."case" WHERE filed_by = ${clerk.id}`.execute(t.db))
        .rows[0]!.n,
    ).toBe(casesBefore);
    // The resident hands the originals over at the counter.
    const guide = (await t.app.inject({ method: 'GET', url: `/api/catalog/items/${item.code}` })).json();
    const received: number[] = guide.materials.flatMap((m: { necessity: string }, i: number) =>
      m.necessity === 'optional' ? [] : [i],
    );
    const res = await file('walk-in-key-002', {
      idNumber: applicantPerson.idNumber,
      name: applicantPerson.name,
      itemCode: item.code,
      form: { remarks: '窗口代录' },
      received,
    });
    expect(res.statusCode, res.body).toBe(201);
    const bag = (await applicant.call('GET', `/api/cases/${res.json().caseId}/materials`)).json();
    expect(bag.missingRequired).toEqual([]);
    expect(
      bag.materials.filter((m: { provided: { kind: string } | null }) => m.provided?.kind === 'paper'),
    ).toHaveLength(received.length);
    expect(res.json().status).toBe('in_progress');
    const mine = (await applicant.call('GET', '/api/cases')).json().cases.map((k: { id: string }) => k.id);
    expect(mine).toContain(res.json().caseId);
    const detail = (await applicant.call('GET', `/api/cases/${res.json().caseId}`)).json();
    expect(detail).toMatchObject({ channel: 'window', status: 'in_progress' });
    const looked = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM platform.audit_log WHERE action = 'cases.resident-looked-up' AND actor_id = ${clerk.id}`.execute(
      t.db,
    );
    // Every look-up is audited, the one refused for missing materials too.
    expect(looked.rows[0]!.n).toBe(3);
  });
});

describe('the materials bag', () => {
  it('takes files checked by their bytes, lists what is missing, and audits staff reads', async () => {
    const { caseId } = (await submit(applicant, 'materials-key-01')).json();
    const headers = {
      cookie: [...applicant.jar].map(([k, v]) => `${k}=${v}`).join('; '),
      'x-csrf-token': applicant.jar.get('tb_csrf')!,
    };
    const bag = async (who: Record<string, string>) =>
      (await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}/materials`, headers: who })).json();
    const before = await bag(headers);
    expect(before.materials.length).toBeGreaterThan(0);
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x20), Buffer.from('\n%%EOF\n')]);
    const up = await t.app.inject({
      method: 'PUT',
      url: `/api/cases/${caseId}/materials/0`,
      headers: { ...headers, 'content-type': 'application/pdf' },
      payload: pdf,
    });
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json()).toMatchObject({ contentType: 'application/pdf', size: pdf.length });
    const fake = await t.app.inject({
      method: 'PUT',
      url: `/api/cases/${caseId}/materials/0`,
      headers: { ...headers, 'content-type': 'application/pdf' },
      payload: Buffer.from('MZ this is not a pdf'),
    });
    expect(fake.statusCode).toBe(400);
    expect(fake.json().code).toMatch(/^STORAGE\./);
    const after = await bag(headers);
    expect(after.materials[0].provided).toMatchObject({ kind: 'upload', contentType: 'application/pdf' });
    expect(after.missingRequired).not.toContain(after.materials[0].name);

    const clerk = await t.staff(['window_clerk'], item.regionCode);
    const file = await t.app.inject({
      method: 'GET',
      url: `/api/cases/${caseId}/materials/${up.json().materialId}/file`,
      headers: { authorization: clerk.authorization },
    });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(pdf)).toBe(true);
    const audited = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM platform.audit_log WHERE action = 'cases.material-read' AND actor_id = ${clerk.id} AND target_id = ${caseId}`.execute(
      t.db,
    );
    expect(audited.rows[0]!.n).toBe(1);
    const otherCounty = item.regionCode === '520102' ? '520103' : '520102';
    const far = await t.staff(['window_clerk'], otherCounty);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/cases/${caseId}/materials/${up.json().materialId}/file`,
          headers: { authorization: far.authorization },
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe('the window and parallel approval', () => {
  it('runs a three-department stage where one department returns the case, then approves it', async () => {
    const admin = await staffHeader(['catalog_admin'], item.regionCode);
    const definition: ProcessDefinition = {
      promisedLimitDays: 8,
      stages: [
        {
          key: 'review',
          name: '受理审查',
          when: [],
          tasks: [{ key: 'check', name: '材料审查', departmentId: departments[0]!, role: 'approver', limitDays: 3 }],
        },
        {
          key: 'joint',
          name: '并联审批',
          when: [],
          tasks: departments.map((d, i) => ({
            key: `dept${i}`,
            name: `部门${i + 1}审查`,
            departmentId: d,
            role: 'approver' as const,
            limitDays: 5,
          })),
        },
      ],
    };
    const saved = await t.app.inject({
      method: 'PUT',
      url: `/api/admin/cases/definitions/${item.code}`,
      headers: { authorization: admin },
      payload: definition,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const bpmn = await t.app.inject({
      method: 'GET',
      url: `/api/admin/cases/definitions/${item.code}/bpmn`,
      headers: { authorization: admin },
    });
    expect(bpmn.body).toContain('bpmn:parallelGateway');

    const { caseId } = (await submit(applicant, 'parallel-key-01')).json();
    await completeMaterials(applicant, caseId);
    const clerk = await staffHeader(['window_clerk'], item.regionCode);
    const otherCounty = item.regionCode === '520102' ? '520103' : '520102';
    const farClerk = await staffHeader(['window_clerk'], otherCounty);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/cases/${caseId}/accept`,
          headers: { authorization: farClerk },
          payload: {},
        })
      ).statusCode,
    ).toBe(404);
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
    const twice = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/accept`,
      headers: { authorization: clerk },
      payload: {},
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'CASES.ILLEGAL_TRANSITION', status: 409 });

    // One approver per department, each limited to it.
    const approvers: string[] = [];
    for (const d of departments) {
      const { id, authorization } = await t.staff(['approver'], item.regionCode);
      await sql`UPDATE identity.staff SET department_ids = ARRAY[${d}]::uuid[] WHERE id = ${id}`.execute(t.db);
      approvers.push(authorization);
    }
    const detail = async () =>
      (await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: { authorization: clerk } })).json();
    const openTasks = async () => (await detail()).tasks.filter((k: { status: string }) => k.status === 'open');
    const act = (who: string, task: { id: string; version: number }, step: 'approve' | 'return') =>
      t.app.inject({
        method: 'POST',
        url: `/api/tasks/${task.id}/${step}`,
        headers: { authorization: who },
        payload: { version: task.version, opinion: step === 'approve' ? '同意' : '材料与现场不符，退回复核' },
      });
    const queueOf = async (who: string) =>
      (await t.app.inject({ method: 'GET', url: '/api/tasks', headers: { authorization: who } })).json().items;

    // Stage 1: one task of the lead department.
    let open = await openTasks();
    expect(open).toHaveLength(1);
    expect((await queueOf(approvers[1]!)).map((q: { caseId: string }) => q.caseId)).not.toContain(caseId);
    expect((await act(approvers[0]!, open[0], 'approve')).statusCode).toBe(204);
    // Stage 2: three departments in parallel, each sees its own task.
    open = await openTasks();
    expect(open).toHaveLength(3);
    for (const who of approvers)
      expect((await queueOf(who)).filter((q: { caseId: string }) => q.caseId === caseId)).toHaveLength(1);
    const parallel = open;
    const taskOf = (i: number) => parallel.find((k: { name: string }) => k.name === `部门${i + 1}审查`);
    expect((await act(approvers[0]!, taskOf(0), 'approve')).statusCode).toBe(204);
    expect((await act(approvers[1]!, taskOf(1), 'return')).statusCode).toBe(204);
    // Back to stage 1; the third department's task ended with the return.
    open = await openTasks();
    expect(open.map((k: { name: string }) => k.name)).toEqual(['材料审查']);
    expect((await act(approvers[2]!, taskOf(2), 'approve')).statusCode).toBe(409);
    await act(approvers[0]!, open[0], 'approve');
    open = await openTasks();
    expect(open).toHaveLength(3);
    for (const [i, who] of approvers.entries())
      expect(
        (
          await act(
            who,
            open.find((k: { name: string }) => k.name === `部门${i + 1}审查`),
            'approve',
          )
        ).statusCode,
      ).toBe(204);
    const done = await detail();
    expect(done.status).toBe('approved');
    expect(done.decisionNo).toMatch(/^许〔\d{4}〕\d{6}号$/);
    // The licence module hears of it through the outbox.
    const decided = await sql<{
      payload: unknown;
    }>`SELECT payload FROM platform.outbox WHERE topic = 'cases.case-decided' AND aggregate_id = ${caseId}`.execute(
      t.db,
    );
    expect(decided.rows).toHaveLength(1);
    const payload = decided.rows[0]!.payload;
    expect(typeof payload === 'string' ? JSON.parse(payload) : payload).toMatchObject({
      decision: 'approved',
      itemCode: item.code,
      applicantPersonId: applicantId,
      decisionNo: done.decisionNo,
    });
    expect(
      done.events.map((e: { type: string }) => e.type).filter((type: string) => type !== 'material-added'),
    ).toEqual([
      'submitted',
      'accepted',
      'stage-opened',
      'task-approved',
      'stage-opened',
      'task-approved',
      'returned',
      'stage-opened',
      'task-approved',
      'stage-opened',
      'task-approved',
      'task-approved',
      'task-approved',
      'approved',
    ]);
    // Approving a decided case is refused with its state.
    const late = await act(approvers[0]!, { id: open[0].id, version: open[0].version }, 'approve');
    expect(late.statusCode).toBe(409);
  });

  it('accepts a case once when two clerks accept it at the same moment', async () => {
    const { caseId } = (await submit(applicant, 'double-accept-1')).json();
    await completeMaterials(applicant, caseId);
    const clerks = await Promise.all([1, 2].map(() => staffHeader(['window_clerk'], item.regionCode)));
    const results = await Promise.all(
      clerks.map((who) =>
        t.app.inject({
          method: 'POST',
          url: `/api/cases/${caseId}/accept`,
          headers: { authorization: who },
          payload: {},
        }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([204, 409]);
    const counts = await sql<{ tasks: number; accepted: number }>`
      SELECT (SELECT count(*)::int FROM cases.task WHERE case_id = ${caseId}) AS tasks,
             (SELECT count(*)::int FROM cases.event WHERE case_id = ${caseId} AND type = 'accepted') AS accepted`.execute(
      t.db,
    );
    expect(counts.rows[0]!.accepted).toBe(1);
    expect(counts.rows[0]!.tasks).toBeGreaterThan(0);
  });

  it('lets only one of two concurrent approvals decide a task', async () => {
    const { caseId } = (await submit(applicant, 'concurrent-key-1')).json();
    await completeMaterials(applicant, caseId);
    const clerk = await staffHeader(['window_clerk'], item.regionCode);
    await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/accept`,
      headers: { authorization: clerk },
      payload: {},
    });
    const head = await staffHeader(['department_head'], item.regionCode);
    const [task] = (
      await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: { authorization: clerk } })
    ).json().tasks;
    const results = await Promise.all(
      [1, 2].map(() =>
        t.app.inject({
          method: 'POST',
          url: `/api/tasks/${task.id}/approve`,
          headers: { authorization: head },
          payload: { version: task.version, opinion: '同意' },
        }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([204, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().code).toBe('CASES.TASK_CHANGED');
    const events = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM cases.event WHERE case_id = ${caseId} AND type = 'task-approved'`.execute(t.db);
    expect(events.rows[0]!.n).toBe(1);
  });
});

describe('working on a task', () => {
  it('claims, hands over, notes an opinion and extends the deadline once with a department head’s approval', async () => {
    await sql`UPDATE cases.process_definition SET active = false WHERE item_code = ${item.code}`.execute(t.db);
    await t.app.inject({
      method: 'PUT',
      url: `/api/admin/cases/definitions/${item.code}`,
      headers: { authorization: await staffHeader(['catalog_admin'], item.regionCode) },
      payload: {
        promisedLimitDays: 5,
        stages: [
          {
            key: 'decide',
            name: '审查决定',
            tasks: [{ key: 'review', name: '审查', departmentId: item.departmentId, limitDays: 5 }],
          },
        ],
      },
    });
    const { caseId } = (await submit(applicant, 'task-work-key-1')).json();
    await completeMaterials(applicant, caseId);
    const clerk = await staffHeader(['window_clerk'], item.regionCode);
    await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/accept`,
      headers: { authorization: clerk },
      payload: {},
    });
    const a = await t.staff(['approver'], item.regionCode);
    const b = await t.staff(['approver'], item.regionCode);
    const head = await t.staff(['department_head'], item.regionCode);
    const caseNow = async () =>
      (await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: { authorization: clerk } })).json();
    const post = (who: string, url: string, payload: object) =>
      t.app.inject({ method: 'POST', url, headers: { authorization: who }, payload });
    let task = (await caseNow()).tasks[0];
    expect((await post(a.authorization, `/api/tasks/${task.id}/claim`, { version: task.version })).statusCode).toBe(
      204,
    );
    // The task is still open, but not as the approver saw it: a decision on the old version is refused.
    const stale = await post(a.authorization, `/api/tasks/${task.id}/approve`, {
      version: task.version,
      opinion: '同意',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'CASES.TASK_CHANGED', version: task.version + 1 });
    task = (await caseNow()).tasks[0];
    expect(task.status).toBe('open');
    expect((await post(b.authorization, `/api/tasks/${task.id}/claim`, { version: task.version })).json().code).toBe(
      'CASES.TASK_CLAIMED',
    );
    expect(
      (await post(head.authorization, `/api/tasks/${task.id}/reassign`, { version: task.version, assigneeId: b.id }))
        .statusCode,
    ).toBe(204);
    expect((await post(b.authorization, `/api/tasks/${task.id}/opinions`, { text: '需补充现场照片' })).statusCode).toBe(
      204,
    );

    const before = await caseNow();
    const asked = await post(b.authorization, `/api/tasks/${task.id}/extend`, { days: 5, reason: '需组织专家论证' });
    expect(asked.statusCode, asked.body).toBe(201);
    expect((await post(b.authorization, `/api/tasks/${task.id}/extend`, { days: 3, reason: '再延' })).json().code).toBe(
      'CASES.ALREADY_EXTENDED',
    );
    expect((await post(b.authorization, `/api/tasks/${task.id}/extend`, { days: 20, reason: '太长' })).statusCode).toBe(
      400,
    );
    expect((await post(b.authorization, `/api/extensions/${asked.json().extensionId}/approve`, {})).statusCode).toBe(
      403,
    );
    const approved = await post(head.authorization, `/api/extensions/${asked.json().extensionId}/approve`, {});
    expect(approved.statusCode).toBe(200);
    const after = await caseNow();
    const cal = await new CalendarService(t.db).calendar();
    expect(after.dueOn).toBe(cal.addWorkingDays(before.dueOn, 5).due);
    expect(after.tasks[0].dueOn).toBe(cal.addWorkingDays(before.tasks[0].dueOn, 5).due);
    expect(after.events.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining([
        'task-claimed',
        'task-reassigned',
        'opinion',
        'extension-requested',
        'extension-approved',
      ]),
    );
  });
});

describe('deadlines', () => {
  it('moves the due date by the working days a suspension across the National Day holiday took', async () => {
    let now = new Date('2026-09-22T02:00:00Z'); // Tuesday 10:00 in Beijing
    const deps = {
      db: t.db,
      calendar: new CalendarService(t.db),
      now: () => now,
      publicUrl: 'http://localhost',
      processes: new ItemProcesses(t.db, 0),
      files: createFileStore({ kind: 'local', dir: fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-files-')) }),
      uploadMaxBytes: 1 << 20,
      toleranceDays: 5,
      auditKey: Buffer.from(TEST_DATA_KEY, 'hex'),
      cipher: testCipher(),
      findResident: async () => undefined,
    };
    const person: Actor = { id: applicantId, kind: 'person', roles: [] };
    await sql`UPDATE cases.process_definition SET active = false WHERE item_code = ${item.code}`.execute(t.db);
    const { caseId } = await submitApplication(deps, person, {
      itemCode: item.code,
      form: {},
      idempotencyKey: 'holiday-key-01',
    });
    // The default process: one stage within the promised limit; set it to 10 working days.
    await sql`UPDATE cases."case" SET promised_days = 10 WHERE id = ${caseId}`.execute(t.db);
    await completeMaterials(applicant, caseId);
    const ids = await Promise.all([t.staff(['window_clerk'], item.regionCode), t.staff(['approver'], item.regionCode)]);
    const clerk: Actor = {
      id: ids[0].id,
      kind: 'staff',
      roles: ['window_clerk'],
      regionScope: item.regionCode,
      departmentIds: [],
    };
    const approver: Actor = {
      id: ids[1].id,
      kind: 'staff',
      roles: ['approver'],
      regionScope: item.regionCode,
      departmentIds: [item.departmentId],
    };
    await acceptCase(deps, clerk, { caseId, note: '' });
    // 10 working days after 09-22, skipping 中秋 (09-25) and 国庆 (10-01…10-07), with 10-10 worked.
    expect((await getCase(deps, person, { caseId })).dueOn).toBe('2026-10-13');
    const [task] = (await getCase(deps, person, { caseId })).tasks;
    now = new Date('2026-09-29T02:00:00Z');
    await suspendCase(deps, approver, {
      taskId: task!.id,
      input: { version: task!.version, kind: 'expert_review', reason: '专家评审' },
    });
    expect((await getCase(deps, person, { caseId })).status).toBe('suspended');
    now = new Date('2026-10-12T02:00:00Z');
    // (09-29, 10-12] holds 5 working days: 09-30, 10-08, 10-09, 10-10, 10-12.
    expect(await resumeCase(deps, approver, caseId)).toEqual({ dueOn: '2026-10-20' });
    const after = await getCase(deps, person, { caseId });
    expect(after.status).toBe('in_progress');
    expect(after.remainingWorkingDays).toBe(6);
    // The open task's deadline moves by the same 5 working days.
    const cal = await deps.calendar.calendar();
    expect(after.tasks[0]!.dueOn).toBe(cal.addWorkingDays(task!.dueOn, 5).due);
    expect(after.tasks[0]!.dueOn).not.toBe(task!.dueOn);
  });
});

describe('秒批 and 一件事', () => {
  it('decides an item with auto-approval rules inside the submit request, from registry data only', async () => {
    const admin = await staffHeader(['catalog_admin'], item.regionCode);
    const define = (minAge: number) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/admin/cases/definitions/${item.code}`,
        headers: { authorization: admin },
        payload: {
          promisedLimitDays: 5,
          stages: [
            {
              key: 'decide',
              name: '审查决定',
              tasks: [{ key: 'review', name: '审查', departmentId: item.departmentId, limitDays: 5 }],
            },
          ],
          autoApproval: {
            rules: [
              { field: 'applicant.age', op: 'gte', value: minAge },
              { field: 'applicant.alive', op: 'truthy' },
            ],
          },
        },
      });
    expect((await define(18)).statusCode).toBe(200);
    // 秒批 rules name registry facts the rule engine knows, with values they can take.
    const unknown = await t.app.inject({
      method: 'PUT',
      url: `/api/admin/cases/definitions/${item.code}`,
      headers: { authorization: admin },
      payload: {
        promisedLimitDays: 5,
        stages: [
          {
            key: 'decide',
            name: '审查决定',
            tasks: [{ key: 'review', name: '审查', departmentId: item.departmentId, limitDays: 5 }],
          },
        ],
        autoApproval: {
          rules: [
            { field: 'applicant.creditScore', op: 'gte', value: 700 },
            { field: 'applicant.sex', op: 'eq', value: '女' },
          ],
        },
      },
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors.map((e: { field: string; code: string }) => `${e.field} ${e.code}`)).toEqual([
      'autoApproval.rules.0.field CASES.UNKNOWN_RULE_FIELD',
      'autoApproval.rules.1.value CASES.RULE_VALUE_UNFIT',
    ]);
    // Rules that hold, but materials missing: no 准予; the case goes to the window.
    const incomplete = await submit(applicant, 'auto-approve-00', { remarks: '本人今年10岁' });
    expect(incomplete.statusCode, incomplete.body).toBe(201);
    expect(incomplete.json().status).toBe('submitted');
    // An item whose only material is the 居民身份证, taken with consent from the e-licence issued at registration.
    await t.app.outbox.drain();
    const idOnly = (
      await sql<{
        code: string;
      }>`SELECT i.code FROM catalog.item i JOIN catalog.item_version v ON v.item_id = i.id AND v.version = i.published_version WHERE v.name = '就业困难人员认定' AND i.region_code = ${item.regionCode}`.execute(
        t.db,
      )
    ).rows[0]!.code;
    const defineOn = (code: string) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/admin/cases/definitions/${code}`,
        headers: { authorization: admin },
        payload: {
          promisedLimitDays: 5,
          stages: [
            {
              key: 'decide',
              name: '审查决定',
              tasks: [{ key: 'review', name: '审查', departmentId: item.departmentId, limitDays: 5 }],
            },
          ],
          autoApproval: {
            rules: [
              { field: 'applicant.age', op: 'gte', value: 18 },
              { field: 'applicant.alive', op: 'truthy' },
            ],
          },
        },
      });
    const definedOn = await defineOn(idOnly);
    expect(definedOn.statusCode, definedOn.body).toBe(200);
    // The form claims whatever it likes; only verified data counts.
    const claims = {
      applicantName: applicantPerson.name,
      idNumber: applicantPerson.idNumber,
      phone: '13812345678',
      householdAddress: '贵阳市南明区',
      category: '残疾人',
    };
    const quick = await applicant.call(
      'POST',
      '/api/cases',
      { itemCode: idOnly, form: claims, reuseConsent: true },
      { headers: { 'idempotency-key': 'auto-approve-01' } },
    );
    expect(quick.statusCode, quick.body).toBe(201);
    expect(quick.json().status).toBe('approved');
    const c = await applicant.call('GET', `/api/cases/${quick.json().caseId}`);
    // 秒批 decides at once, but the person applied: the case was not filed by the system.
    expect(c.json()).toMatchObject({
      status: 'approved',
      decisionNote: expect.stringContaining('秒批'),
      filedBySystem: false,
    });
    // Why, from the rule engine: each rule in words with the registry value it read.
    expect(c.json().autoDecision).toMatchObject({
      eligible: true,
      conditions: [
        { condition: { zh: '年龄 ≥ 18', en: 'age ≥ 18' }, held: true, value: { zh: expect.stringMatching(/^\d+岁$/) } },
        { condition: { zh: '本人在世', en: 'alive' }, held: true, value: { zh: '在世', en: 'alive' } },
      ],
    });
    expect(c.json().events.map((e: { type: string; by: string }) => `${e.type}:${e.by}`)).toEqual([
      'submitted:person',
      'materials-reused:person',
      'accepted:system',
      'approved:system',
    ]);
    // Rules that do not hold: the case goes to the window as usual.
    expect((await define(200)).statusCode).toBe(200);
    const slow = await submit(applicant, 'auto-approve-02', { remarks: '本人今年300岁' });
    expect(slow.json().status).toBe('submitted');
  });

  it('turns one 新生儿出生 application into linked cases that start as their prerequisites finish', async () => {
    const form = await themeForm(t, 'newborn', '520103', { babyName: '小明', babyBirthDate: '2026-11-20' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/bundles',
      headers: {
        cookie: [...applicant.jar].map(([k, v]) => `${k}=${v}`).join('; '),
        'x-csrf-token': applicant.jar.get('tb_csrf')!,
        'idempotency-key': 'newborn-bundle-1',
      },
      payload: { theme: 'newborn', region: '520103', form },
    });
    expect(res.statusCode, res.body).toBe(201);
    const { bundleId, cases } = res.json();
    expect(cases).toHaveLength(4);
    const byName = (part: string) => cases.find((k: { itemName: string }) => k.itemName.includes(part));
    const birth = byName('出生医学证明');
    expect(birth.status).toBe('submitted');
    expect(cases.filter((k: { status: string }) => k.status === 'waiting')).toHaveLength(3);

    // The birth certificate is accepted and approved: 户口登记 and 参保登记 start; 社保卡 still waits for both.
    const region = (
      await sql<{ regionCode: string }>`SELECT region_code FROM cases."case" WHERE id = ${birth.caseId}`.execute(t.db)
    ).rows[0]!.regionCode;
    const clerk = await staffHeader(['window_clerk'], region);
    const approver = await staffHeader(['approver'], region);
    await completeMaterials(applicant, birth.caseId);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/cases/${birth.caseId}/accept`,
          headers: { authorization: clerk },
          payload: {},
        })
      ).statusCode,
    ).toBe(204);
    const [task] = (
      await t.app.inject({ method: 'GET', url: `/api/cases/${birth.caseId}`, headers: { authorization: clerk } })
    ).json().tasks;
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/tasks/${task.id}/approve`,
          headers: { authorization: approver },
          payload: { version: task.version, opinion: '同意签发' },
        })
      ).statusCode,
    ).toBe(204);
    const progress = (await applicant.call('GET', `/api/bundles/${bundleId}`)).json();
    expect(progress.progress).toEqual({ done: 1, total: 4 });
    const status = (part: string) => progress.cases.find((k: { itemName: string }) => k.itemName.includes(part)).status;
    expect(status('户口')).toBe('submitted');
    expect(status('参保')).toBe('submitted');
    expect(status('社会保障卡')).toBe('waiting');
    // The same application again is the same bundle.
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/bundles',
      headers: {
        cookie: [...applicant.jar].map(([k, v]) => `${k}=${v}`).join('; '),
        'x-csrf-token': applicant.jar.get('tb_csrf')!,
        'idempotency-key': 'newborn-bundle-1',
      },
      payload: { theme: 'newborn', region: '520103', form },
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().bundleId).toBe(bundleId);
  });
});
