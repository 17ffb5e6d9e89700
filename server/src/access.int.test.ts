/**
 * Who may act: staff act for the departments they belong to — without any, for none — and a life
 * event is recorded only by a registrar of the competent department, for subjects of its region.
 * A walk through every state-changing route of the OpenAPI document with each staff role (of the
 * right region, without departments) changes none of a resident's case tasks or registry entry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from './test/harness.js';
import { GENEROUS_LIMITS, register, registryPersons, type RegistryPerson } from './test/people.js';
import { formlessCountyItem, submitCase } from './test/cases.js';
import { STAFF_ROLES } from './modules/identity/index.js';

let t: TestApp;
let victim: RegistryPerson & { personId: string };
let caseId: string;
let item: { code: string; regionCode: string };

const inject = (authorization: string, method: string, url: string, payload?: object) =>
  t.app.inject({
    method: method as 'POST',
    url,
    headers: { authorization },
    ...(payload === undefined ? {} : { payload }),
  });
const openTasks = async () =>
  (
    await sql<{
      id: string;
      version: number;
      departmentId: string;
    }>`SELECT id, version, department_id AS "departmentId" FROM cases.task WHERE case_id = ${caseId} AND status = 'open' ORDER BY id`.execute(
      t.db,
    )
  ).rows;
const departmentOf = async (regionCode: string, category: string) =>
  (
    await sql<{
      id: string;
    }>`SELECT id FROM catalog.department WHERE region_code = ${regionCode} AND category = ${category}`.execute(t.db)
  ).rows[0]!.id;
const countyOf = (p: RegistryPerson) => p.regionCode.slice(0, 6);
const otherCounty = (county: string) => (county === '520102' ? '520103' : '520102');
const deathOf = (p: RegistryPerson, departmentId: string, reference: string) => ({
  departmentId,
  event: { type: 'death', idNumber: p.idNumber, occurredOn: '2026-11-20', reference },
});

/** What no one outside the competent departments may change: the case's tasks and the resident's registry entry. */
async function victimState(): Promise<string> {
  const rows = await sql`
    SELECT (SELECT json_agg(json_build_object('s', k.status, 'v', k.version, 'a', k.assignee_id, 'o', k.opinion, 'd', k.due_on) ORDER BY k.id) FROM cases.task k WHERE k.case_id = ${caseId}) AS tasks,
      (SELECT json_build_object('s', c.status, 'd', c.due_on, 'i', c.stage_index) FROM cases."case" c WHERE c.id = ${caseId}) AS kase,
      (SELECT json_build_object('a', p.alive, 'm', p.personal_enc, 'r', p.region_code, 'h', p.household_status) FROM exchange.person p WHERE p.id = ${victim.id}) AS person,
      (SELECT count(*) FROM exchange.life_event) AS life_events`.execute(t.db);
  return JSON.stringify(rows.rows);
}

beforeAll(async () => {
  t = await createTestApp({ env: GENEROUS_LIMITS });
  const p = (await registryPersons(t, 'any', 1, '520103'))[0]!;
  const { c, personId } = await register(t, p);
  victim = { ...p, personId };
  item = await formlessCountyItem(t);
  caseId = await submitCase(c, item.code, 'access-walk-0001');
  const clerk = (await t.staff(['window_clerk'], item.regionCode)).authorization;
  expect((await inject(clerk, 'POST', `/api/cases/${caseId}/accept`, {})).statusCode).toBe(204);
  expect((await openTasks()).length).toBeGreaterThan(0);
});
afterAll(async () => t?.close());

describe('staff without departments act for none', () => {
  it('refuses a city approver with no departments, or other departments, the tasks of a district department', async () => {
    const [task] = await openTasks();
    const nobody = await t.staff(['approver', 'department_head'], '5201', []);
    const elsewhere = (
      await sql<{
        id: string;
      }>`SELECT id FROM catalog.department WHERE region_code LIKE '5201%' AND id <> ${task!.departmentId} ORDER BY id LIMIT 3`.execute(
        t.db,
      )
    ).rows.map((d) => d.id);
    const others = await t.staff(['approver', 'department_head'], '5201', elsewhere);
    for (const who of [nobody, others]) {
      const queue = await inject(who.authorization, 'GET', '/api/tasks?queue=tasks');
      expect(queue.statusCode).toBe(200);
      expect(queue.json().items.map((k: { id: string }) => k.id)).not.toContain(task!.id);
      expect((await inject(who.authorization, 'GET', `/api/cases/${caseId}`)).statusCode).toBe(404);
      for (const step of ['claim', 'approve']) {
        const res = await inject(who.authorization, 'POST', `/api/tasks/${task!.id}/${step}`, {
          version: task!.version,
          opinion: '同意',
        });
        expect(res.statusCode, `${step}: ${res.body}`).toBe(404);
      }
    }
    // The department's own approver finds it: the ids were live.
    const own = await t.staff(['approver'], '5201', [task!.departmentId]);
    expect(
      (await inject(own.authorization, 'GET', '/api/tasks?queue=tasks')).json().items.map((k: { id: string }) => k.id),
    ).toContain(task!.id);
    expect((await inject(own.authorization, 'GET', `/api/cases/${caseId}`)).statusCode).toBe(200);
  });
});

describe('life events are recorded by the competent registrar', () => {
  it('refuses a window clerk, a registrar of another county and one without the department; the county’s registrar records', async () => {
    const county = countyOf(victim);
    const civil = await departmentOf(county, 'civil');
    const before = await victimState();
    // A window clerk of the resident's county, even listed under its 民政局: not a registrar.
    const clerk = await t.staff(['window_clerk'], county, [civil]);
    const byClerk = await inject(
      clerk.authorization,
      'POST',
      '/api/exchange/life-events',
      deathOf(victim, civil, '死亡登记 W-0001'),
    );
    expect(byClerk.statusCode).toBe(403);
    // A registrar of another county's 民政局: the resident is not registered in its region.
    const farCivil = await departmentOf(otherCounty(county), 'civil');
    const far = await t.staff(['registrar'], otherCounty(county), [farCivil]);
    const byFar = await inject(
      far.authorization,
      'POST',
      '/api/exchange/life-events',
      deathOf(victim, farCivil, '死亡登记 F-0001'),
    );
    expect(byFar.statusCode).toBe(403);
    expect(byFar.json().code).toBe('EXCHANGE.NOT_IN_REGION');
    // A registrar of the county without departments may not name the county's 民政局.
    const unattached = await t.staff(['registrar'], county, []);
    const byUnattached = await inject(
      unattached.authorization,
      'POST',
      '/api/exchange/life-events',
      deathOf(victim, civil, '死亡登记 U-0001'),
    );
    expect(byUnattached.statusCode).toBe(403);
    expect(byUnattached.json().code).toBe('EXCHANGE.NOT_YOUR_DEPARTMENT');
    expect(await victimState()).toBe(before);

    // The county's own registrar records a death of a resident of the county.
    const [neighbour] = (await registryPersons(t, 'any', 1, county)).filter((p) => p.id !== victim.id);
    const registrar = await t.staff(['registrar'], county, [civil]);
    const recorded = await inject(
      registrar.authorization,
      'POST',
      '/api/exchange/life-events',
      deathOf(neighbour!, civil, '死亡登记 R-0001'),
    );
    expect(recorded.statusCode, recorded.body).toBe(201);
    const alive = await sql<{ alive: boolean }>`SELECT alive FROM exchange.person WHERE id = ${neighbour!.id}`.execute(
      t.db,
    );
    expect(alive.rows[0]!.alive).toBe(false);
  });
});

describe('every state-changing route, with each staff role', () => {
  interface Operation {
    method: string;
    path: string;
  }
  const operations = (): Operation[] => {
    const spec = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    return Object.entries(spec.paths)
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => ({ method: m.toUpperCase(), path })))
      .filter((o) => o.method !== 'GET' && o.method !== 'HEAD' && o.method !== 'OPTIONS');
  };

  it('changes none of the resident’s tasks or registry entry for staff of the region without departments', async () => {
    const tasks = await openTasks();
    const county = countyOf(victim);
    const civil = await departmentOf(county, 'civil');
    const ids = [caseId, victim.personId, civil, tasks[0]!.id];
    // One body that fits many routes (unknown keys are dropped by each route's schema).
    const body = {
      version: tasks[0]!.version,
      opinion: '同意',
      note: '越权测试',
      reason: '越权测试',
      text: '越权测试',
      legalBasis: '越权测试',
      explanation: '越权测试',
      days: 1,
      ...deathOf(victim, civil, '越权测试 0001'),
    };
    const before = await victimState();
    const walked = new Set<string>();
    for (const role of [...STAFF_ROLES]) {
      const { authorization } = await t.staff([role], '5201', []);
      for (const op of operations()) {
        if (op.path.startsWith('/api/auth/logout')) continue;
        const names = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
        let urls = [op.path];
        for (const name of names) urls = urls.flatMap((u) => ids.map((id) => u.replace(`{${name}}`, id)));
        for (const url of urls) {
          await inject(authorization, op.method, url, op.method === 'DELETE' ? undefined : body);
          walked.add(`${op.method} ${op.path}`);
        }
        expect(await victimState(), `${role}: ${op.method} ${op.path}`).toBe(before);
      }
    }
    // The same request from the department's own approver goes through: the ids and the body were live.
    const own = await t.staff(['approver'], '5201', [tasks[0]!.departmentId]);
    const approved = await inject(own.authorization, 'POST', `/api/tasks/${tasks[0]!.id}/approve`, body);
    expect(approved.statusCode, approved.body).toBe(204);
    expect(walked).toContain('POST /api/tasks/{id}/approve');
    expect(walked).toContain('POST /api/exchange/life-events');
    expect(walked).toContain('POST /api/tasks/{id}/suspend');
  }, 600_000); // thousands of requests: on a loaded machine this takes minutes
});
