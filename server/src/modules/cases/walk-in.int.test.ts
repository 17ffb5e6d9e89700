/**
 * 窗口代录 and 全省通办: a window files an application for a resident at its counter — also for an
 * item handled in another county — and accepts it in the same transaction. The filing window
 * (收件地) keeps read access to the case and hands over the result; the handling place (办理地)
 * decides.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { GENEROUS_LIMITS, register, registryPersons, type Client, type RegistryPerson } from '../../test/people.js';

let t: TestApp;
let resident: RegistryPerson;
let applicant: Client;
/** A 全省通办 item without an application form, handled in 云岩 (520103). */
let item: { code: string; regionCode: string; materials: number };
let nanmingClerk: { id: string; authorization: string };

const file = (authorization: string, key: string, extra: object = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/api/window/applications',
    headers: { authorization, 'idempotency-key': key },
    payload: {
      idNumber: resident.idNumber,
      name: resident.name,
      itemCode: item.code,
      form: { remarks: '窗口代录' },
      received: [...Array(item.materials).keys()],
      ...extra,
    },
  });
const get = (authorization: string, url: string) => t.app.inject({ method: 'GET', url, headers: { authorization } });
const count = async (where: ReturnType<typeof sql>) =>
  (await sql<{ n: number }>`SELECT count(*)::int AS n FROM cases."case" WHERE ${where}`.execute(t.db)).rows[0]!.n;

beforeAll(async () => {
  t = await createTestApp({ env: GENEROUS_LIMITS });
  [resident] = (await registryPersons(t, 'any', 1)) as [RegistryPerson];
  ({ c: applicant } = await register(t, resident));
  const row = await sql<{ code: string; regionCode: string; materials: number }>`
    SELECT i.code, i.region_code, jsonb_array_length(COALESCE(v.guide->'materials', '[]'::jsonb))::int AS materials FROM catalog.item i JOIN catalog.item_version v ON v.item_id = i.id AND v.version = i.published_version
    WHERE i.region_code = '520103' AND (v.guide->>'provinceWide')::boolean AND jsonb_array_length(COALESCE(v.guide->'form', '[]'::jsonb)) = 0
      AND v.guide->'deliveryMethods' ? 'pickup'
    ORDER BY i.code LIMIT 1`.execute(t.db);
  item = row.rows[0]!;
  nanmingClerk = await t.staff(['window_clerk'], '520102');
});
afterAll(async () => t?.close());

describe('全省通办: the filing window and the handling place', () => {
  it('lets the 南明 window read the 云岩 case it filed and hand over the result, which 云岩 decides', async () => {
    const filed = await file(nanmingClerk.authorization, 'province-wide-0001');
    expect(filed.statusCode, filed.body).toBe(201);
    const caseId = filed.json().caseId as string;

    // The filing window, and its colleagues at the same window, read the case; the place is recorded.
    const read = await get(nanmingClerk.authorization, `/api/cases/${caseId}`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({
      regionCode: '520103',
      filingRegionCode: '520102',
      channel: 'window',
      status: 'in_progress',
    });
    const colleague = await t.staff(['window_clerk'], '520102');
    expect((await get(colleague.authorization, `/api/cases/${caseId}`)).statusCode).toBe(200);
    expect((await get(colleague.authorization, `/api/cases/${caseId}/materials`)).statusCode).toBe(200);
    // A window of a third county sees nothing of it.
    const stranger = await t.staff(['window_clerk'], '520111');
    expect((await get(stranger.authorization, `/api/cases/${caseId}`)).statusCode).toBe(404);
    expect((await get(stranger.authorization, `/api/cases/${caseId}/materials`)).statusCode).toBe(404);

    // 南明 does not decide: its approvers have no 云岩 task; 云岩's departments do.
    const tasks = (read.json().tasks as { id: string; version: number; status: string; departmentId: string }[]).filter(
      (k) => k.status === 'open',
    );
    expect(tasks.length).toBeGreaterThan(0);
    const nanmingApprover = await t.staff(['approver', 'department_head'], '520102');
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/tasks/${tasks[0]!.id}/approve`,
      headers: { authorization: nanmingApprover.authorization },
      payload: { version: tasks[0]!.version, opinion: '同意' },
    });
    expect(refused.statusCode).toBe(404);
    for (let round = 0; round < 10; round++) {
      const open = (await get(nanmingClerk.authorization, `/api/cases/${caseId}`))
        .json()
        .tasks.filter((k: { status: string }) => k.status === 'open');
      if (open.length === 0) break;
      for (const task of open) {
        const approver = await t.staff(['approver'], '520103', [task.departmentId]);
        const r = await t.app.inject({
          method: 'POST',
          url: `/api/tasks/${task.id}/approve`,
          headers: { authorization: approver.authorization },
          payload: { version: task.version, opinion: '同意' },
        });
        expect(r.statusCode, r.body).toBe(204);
      }
    }
    expect((await get(nanmingClerk.authorization, `/api/cases/${caseId}`)).json().status).toBe('approved');

    // The resident picks the result up where they filed it.
    expect((await applicant.call('PUT', `/api/cases/${caseId}/delivery`, { method: 'pickup' })).statusCode).toBe(204);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/cases/${caseId}/delivery/collected`,
          headers: { authorization: stranger.authorization },
        })
      ).statusCode,
    ).toBe(404);
    const handed = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/delivery/collected`,
      headers: { authorization: colleague.authorization },
    });
    expect(handed.statusCode, handed.body).toBe(204);
    expect((await get(nanmingClerk.authorization, `/api/cases/${caseId}/delivery`)).json().delivery.status).toBe(
      'collected',
    );
  });
});

describe('filing and acceptance are one transaction', () => {
  it('ends accepted exactly once, one case, when a retry follows a failed acceptance', async () => {
    // The first acceptance fails inside the database (a sequence is not rolled back, so only once).
    await sql`CREATE SEQUENCE public.walk_in_fail_once`.execute(t.db);
    await sql`CREATE FUNCTION public.walk_in_fail() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.type = 'accepted' AND nextval('public.walk_in_fail_once') = 1 THEN RAISE EXCEPTION 'forced failure of the acceptance'; END IF;
        RETURN NEW;
      END $$`.execute(t.db);
    await sql`CREATE TRIGGER walk_in_fail BEFORE INSERT ON cases.event FOR EACH ROW EXECUTE FUNCTION public.walk_in_fail()`.execute(
      t.db,
    );
    try {
      const before = await count(
        sql`applicant_person_id = (SELECT id FROM identity.person_account WHERE registry_person_id = ${resident.id})`,
      );
      const failed = await file(nanmingClerk.authorization, 'walk-in-fails-01');
      expect(failed.statusCode).toBeGreaterThanOrEqual(500);
      // Nothing of the failed attempt survives.
      expect(
        await count(
          sql`applicant_person_id = (SELECT id FROM identity.person_account WHERE registry_person_id = ${resident.id})`,
        ),
      ).toBe(before);

      const retried = await file(nanmingClerk.authorization, 'walk-in-fails-01');
      expect(retried.statusCode, retried.body).toBe(201);
      expect(retried.json().status).toBe('in_progress');
      const again = await file(nanmingClerk.authorization, 'walk-in-fails-01');
      expect(again.statusCode).toBe(200);
      expect(again.json()).toEqual(retried.json());
      expect(
        await count(
          sql`applicant_person_id = (SELECT id FROM identity.person_account WHERE registry_person_id = ${resident.id})`,
        ),
      ).toBe(before + 1);
      const accepted = await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM cases.event WHERE case_id = ${retried.json().caseId} AND type = 'accepted'`.execute(
        t.db,
      );
      expect(accepted.rows[0]!.n).toBe(1);
    } finally {
      await sql`DROP TRIGGER walk_in_fail ON cases.event`.execute(t.db);
    }
  });

  it('answers a retried filing with the same case and never makes a second one', async () => {
    const where = sql`filed_by = ${nanmingClerk.id}`;
    const before = await count(where);
    const [a, b] = await Promise.all([
      file(nanmingClerk.authorization, 'walk-in-twice-01'),
      file(nanmingClerk.authorization, 'walk-in-twice-01'),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect(a.json()).toEqual(b.json());
    expect((await file(nanmingClerk.authorization, 'walk-in-twice-01')).json()).toEqual(a.json());
    expect(await count(where)).toBe(before + 1);
    // The same key for another request (here: not accepting at once) is refused.
    const other = await file(nanmingClerk.authorization, 'walk-in-twice-01', { acceptNow: false });
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('CASES.IDEMPOTENCY_KEY_REUSED');
  });
});
