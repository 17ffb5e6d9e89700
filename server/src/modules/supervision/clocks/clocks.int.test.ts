/**
 * 电子监察 through the API on a test clock: a task paused over a special procedure and the 国庆
 * holiday turns yellow and red on the right working days, and so does its case's legal limit; two nodes sweeping at once raise each
 * warning once; the console counts it for the supervisor of the region, not for another.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { GENEROUS_LIMITS, register, registryPersons, type Client } from '../../../test/people.js';
import { acceptCase, approveCase, formlessCountyItem, submitCase } from '../../../test/cases.js';
import { call, departmentStaff } from '../../exchange/exchange.test-kit.js';
import { stateAt } from './console.service.js';
import { syncCaseClocks, syncCasesClocks } from './case-feed.subscriber.js';
import { testCipher } from '../../../test/keys.js';
import { CalendarService } from '../../../platform/calendar/calendar.service.js';
import type { Db } from '../../../platform/db/index.js';
import type { SupervisionDeps } from '../supervision.deps.js';

let t: TestApp;
let resident: Client;
let item: { code: string; regionCode: string };
/** The platform's clock (Beijing time is UTC+8): Tuesday 2026-09-22, 10:00 in Beijing. */
let now = new Date('2026-09-22T02:00:00Z');
const on = (date: string, hour = 10) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`);

beforeAll(async () => {
  t = await createTestApp({ env: GENEROUS_LIMITS, now: () => now });
  const [p] = await registryPersons(t, 'any', 1);
  ({ c: resident } = await register(t, p!));
  item = await formlessCountyItem(t);
});
afterAll(async () => t?.close());

const as = (authorization: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { authorization }, ...(payload ? { payload } : {}) });

/** The task's clock as the console reads it at `at` (the last sweep's moment; the sweep writes no clock). */
async function taskClock(taskId: string, at = now) {
  await t.app.outbox.drain();
  return (
    await sql<{ state: string; dueOn: string; pausedSince: string | null }>`
      SELECT ${stateAt(at)} AS state, to_char(due_on, 'YYYY-MM-DD') AS "dueOn",
             to_char(paused_since, 'YYYY-MM-DD') AS "pausedSince"
        FROM supervision.clock c WHERE kind = 'task' AND subject_id = ${taskId}`.execute(t.db)
  ).rows[0];
}

const warningsOf = async (taskId: string) =>
  (
    await sql<{ level: string; raisedOn: string; cleared: boolean; escalatedTo: string | null }>`
      SELECT w.level, to_char(w.raised_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "raisedOn",
             w.cleared_at IS NOT NULL AS cleared, w.escalated_to_region AS "escalatedTo"
        FROM supervision.warning w JOIN supervision.clock c ON c.id = w.clock_id
       WHERE c.kind = 'task' AND c.subject_id = ${taskId} ORDER BY w.raised_at`.execute(t.db)
  ).rows;

describe('电子监察 clocks', () => {
  let taskId: string;
  let caseId: string;
  let supervisor: string;

  it('pauses a task over a hearing and 国庆, then turns it yellow and red on the right working days', async () => {
    const clerk = (await t.staff(['window_clerk'], item.regionCode)).authorization;
    const approver = (await t.staff(['approver'], item.regionCode)).authorization;
    supervisor = (await t.staff(['supervisor'], item.regionCode.slice(0, 4))).authorization;
    caseId = await submitCase(resident, item.code, 'supervision-clock-0001');
    expect((await as(clerk, 'POST', `/api/cases/${caseId}/accept`, {})).statusCode).toBe(204);
    const task = (await as(clerk, 'GET', `/api/cases/${caseId}`)).json().tasks[0];
    taskId = task.id;
    // Accepted Tue Sep 22; the day of acceptance does not count. Its limit in working days:
    // Accepted Tue Sep 22 with a limit of 3 working days; the day of acceptance does not count:
    // Sep 23 (1), 24 (2), [25–27 中秋], Mon 28 (3) — due Mon Sep 28.
    expect(task.dueOn).toBe('2026-09-28');
    expect(await taskClock(taskId)).toEqual({ state: 'running', dueOn: '2026-09-28', pausedSince: null });

    // The same day a hearing (听证) stops the clock.
    const suspended = await as(approver, 'POST', `/api/tasks/${taskId}/suspend`, {
      version: task.version,
      kind: 'hearing',
      reason: '依申请举行听证',
    });
    expect(suspended.statusCode, suspended.body).toBe(204);
    expect(await taskClock(taskId)).toEqual({ state: 'paused', dueOn: '2026-09-28', pausedSince: '2026-09-22' });
    // Far past the old due date while paused: no card.
    await t.app.supervisionSweep(on('2026-10-09'));
    expect(await warningsOf(taskId)).toEqual([]);

    // The hearing ends Fri Oct 9. Working days in (Sep 22, Oct 9]: Sep 23, 24, 28, 29, 30, [Oct 1–7 国庆], Oct 8, 9
    // = 7; the due date moves 7 working days past Sep 28: Sep 29 (1), 30 (2), Oct 8 (3), 9 (4),
    // Sat Oct 10 调休上班 (5), Mon 12 (6), Tue 13 (7).
    now = on('2026-10-09');
    const resumed = await as(approver, 'POST', `/api/cases/${caseId}/resume`);
    expect(resumed.json()).toEqual({ dueOn: '2026-10-13' });
    expect((await taskClock(taskId))?.dueOn).toBe('2026-10-13');

    // Yellow at ≤ 1 working day left (3 days × 20 % < 1): from Mon Oct 12 only Oct 13 is left; on Sat Oct 10
    // (a working day) Oct 12 and 13 are left — so yellow on Oct 12, not before.
    expect(await t.app.supervisionSweep(on('2026-10-11', 23))).toMatchObject({ yellow: 0, red: 0 });
    expect((await taskClock(taskId, on('2026-10-11', 23)))?.state).toBe('running');
    await t.app.supervisionSweep(on('2026-10-12', 0));
    expect((await taskClock(taskId, on('2026-10-12', 0)))?.state).toBe('yellow');
    // Still yellow on the due date itself; red from 00:00 Beijing time on Wed Oct 14.
    await t.app.supervisionSweep(on('2026-10-13', 23));
    expect((await taskClock(taskId, on('2026-10-13', 23)))?.state).toBe('yellow');
    await t.app.supervisionSweep(on('2026-10-14', 0));
    expect((await taskClock(taskId, on('2026-10-14', 0)))?.state).toBe('red');
    expect(await warningsOf(taskId)).toEqual([
      { level: 'yellow', raisedOn: '2026-10-12', cleared: false, escalatedTo: null },
      // The red card goes up to the supervising unit of the city above the county.
      { level: 'red', raisedOn: '2026-10-14', cleared: false, escalatedTo: item.regionCode.slice(0, 4) },
    ]);
    const trackingCode = (await as(clerk, 'GET', `/api/cases/${caseId}`)).json().trackingCode;
    const published = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM platform.outbox o, jsonb_array_elements(o.payload->'warnings') w
       WHERE o.topic = 'supervision.warning-raised' AND w->>'clockKind' = 'task' AND w->>'reference' = ${trackingCode}`.execute(
      t.db,
    );
    expect(published.rows[0]!.n).toBe(2);
  });

  it("runs the case's legal limit (法定时限) beside its promised one, paused over the same hearing", async () => {
    const clocks = (
      await sql<{ kind: string; startedOn: string; limitDays: number; dueOn: string; redOn: string }>`
        SELECT kind, to_char(started_on, 'YYYY-MM-DD') AS "startedOn", limit_days AS "limitDays",
               to_char(due_on, 'YYYY-MM-DD') AS "dueOn", to_char(red_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "redOn"
          FROM supervision.clock WHERE case_id = ${caseId} AND kind IN ('case_promised', 'case_legal') ORDER BY kind`.execute(
        t.db,
      )
    ).rows;
    // The item's legal limit is 10 working days, the promised one 3; both start at acceptance (Tue Sep 22).
    // Unpaused the legal one would end Tue Oct 13: Sep 23, 24, 28, 29, 30, Oct 8, 9, Sat 10 (调休), 12, 13.
    // The hearing took 7 working days out of both: Oct 14, 15, 16, 19, 20, 21, 22 — due Thu Oct 22.
    expect(clocks).toEqual([
      { kind: 'case_legal', startedOn: '2026-09-22', limitDays: 10, dueOn: '2026-10-22', redOn: '2026-10-23' },
      { kind: 'case_promised', startedOn: '2026-09-22', limitDays: 3, dueOn: '2026-10-13', redOn: '2026-10-14' },
    ]);
    const legalWarnings = async () =>
      (
        await sql<{ level: string; raisedOn: string }>`
          SELECT w.level, to_char(w.raised_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "raisedOn"
            FROM supervision.warning w JOIN supervision.clock c ON c.id = w.clock_id
           WHERE c.kind = 'case_legal' AND c.case_id = ${caseId} ORDER BY w.raised_at`.execute(t.db)
      ).rows;
    // Yellow at ≤ 20 % of 10 = 2 working days left: on Mon Oct 19 three are left (20, 21, 22), from Tue Oct 20 two.
    await t.app.supervisionSweep(on('2026-10-19', 23));
    expect(await legalWarnings()).toEqual([]);
    await t.app.supervisionSweep(on('2026-10-20', 0));
    await t.app.supervisionSweep(on('2026-10-22', 23));
    expect(await legalWarnings()).toEqual([{ level: 'yellow', raisedOn: '2026-10-20' }]);
    await t.app.supervisionSweep(on('2026-10-23', 0));
    expect(await legalWarnings()).toEqual([
      { level: 'yellow', raisedOn: '2026-10-20' },
      { level: 'red', raisedOn: '2026-10-23' },
    ]);
  });

  it('shows the red task to the supervisor of the city, by county and department, and to nobody outside', async () => {
    now = on('2026-10-14');
    const city = item.regionCode.slice(0, 4);
    const overview = await as(supervisor, 'GET', `/api/supervision/overview?region=${city}`);
    expect(overview.statusCode, overview.body).toBe(200);
    const o = overview.json();
    expect(o.totals.red).toBeGreaterThanOrEqual(1);
    const county = o.children.find((c: { code: string }) => c.code === item.regionCode);
    expect(county).toMatchObject({ red: expect.any(Number) });
    expect(county.red).toBeGreaterThanOrEqual(1);
    expect(o.trend.find((d: { day: string }) => d.day === '2026-10-14').red).toBeGreaterThanOrEqual(1);
    const red = await as(supervisor, 'GET', `/api/supervision/clocks?state=red&region=${item.regionCode}`);
    const mine = red.json().clocks.find((c: { kind: string; title: string }) => c.kind === 'task');
    expect(mine).toMatchObject({ state: 'red', dueOn: '2026-10-13', workingDaysLeft: -1 });
    expect(JSON.stringify(red.json())).not.toMatch(/\d{17}[\dX]/); // no ID number in sight

    const elsewhere = (await t.staff(['supervisor'], item.regionCode.startsWith('5201') ? '5202' : '5201'))
      .authorization;
    expect((await as(elsewhere, 'GET', `/api/supervision/overview?region=${city}`)).json().code).toBe(
      'SUPERVISION.NO_REGION',
    );
    const clerk = (await t.staff(['window_clerk'], item.regionCode)).authorization;
    expect((await as(clerk, 'GET', '/api/supervision/overview')).statusCode).toBe(403);
    expect((await as(supervisor, 'GET', '/api/supervision/clocks?state=purple')).statusCode).toBe(400);
  });

  it('raises each warning once when two nodes sweep at once', async () => {
    // Forty complaints' answer clocks (15 working days) all run out together.
    now = on('2026-11-02');
    const department = (
      await sql<{
        id: string;
      }>`SELECT id FROM catalog.department WHERE region_code = ${item.regionCode} LIMIT 1`.execute(t.db)
    ).rows[0]!.id;
    for (let i = 0; i < 40; i++) {
      const r = await resident.call('POST', '/api/complaints', {
        kind: 'suggestion',
        subject: `建议 ${i}`,
        content: '……',
        departmentId: department,
      });
      expect(r.statusCode).toBe(201);
    }
    const before = await sql<{ n: number }>`SELECT count(*)::int AS n FROM supervision.warning`.execute(t.db);
    const at = on('2026-12-31');
    const [a, b] = await Promise.all([t.app.supervisionSweep(at), t.app.supervisionSweep(at)]);
    expect(a.red + b.red).toBeGreaterThanOrEqual(40);
    const after = await sql<{ n: number; distinct: number }>`
      SELECT count(*)::int AS n, count(DISTINCT (clock_id, level, due_on))::int AS distinct FROM supervision.warning`.execute(
      t.db,
    );
    expect(after.rows[0]!.n).toBe(after.rows[0]!.distinct);
    expect(after.rows[0]!.n - before.rows[0]!.n).toBe(a.red + b.red + a.yellow + b.yellow);
    const events = await sql<{ n: number; distinct: number }>`
      SELECT count(*)::int AS n, count(DISTINCT w->>'warningId')::int AS distinct
        FROM platform.outbox o, jsonb_array_elements(o.payload->'warnings') w
       WHERE o.topic = 'supervision.warning-raised'`.execute(t.db);
    expect(events.rows[0]!.n).toBe(events.rows[0]!.distinct);
    // A sweep after them finds nothing more.
    expect(await t.app.supervisionSweep(at)).toEqual({ red: 0, yellow: 0 });
  });
});

describe('the sweep watermark', () => {
  it('raises once the warning of a clock saved with a moment the sweep has already passed', async () => {
    // The sweeps above looked up to Dec 31; a complaint filed on Nov 20 runs out on a date before that.
    now = on('2026-11-20');
    const department = (
      await sql<{
        id: string;
      }>`SELECT id FROM catalog.department WHERE region_code = ${item.regionCode} LIMIT 1`.execute(t.db)
    ).rows[0]!.id;
    const filed = await resident.call('POST', '/api/complaints', {
      kind: 'suggestion',
      subject: '迟到的建议',
      content: '……',
      departmentId: department,
    });
    expect(filed.statusCode).toBe(201);
    const clock = await sql<{ recheck: boolean }>`
      SELECT recheck FROM supervision.clock WHERE kind = 'complaint' AND subject_id = ${filed.json().id}`.execute(t.db);
    expect(clock.rows[0]!.recheck).toBe(true);
    // Before its moments nothing is raised and the clock stays marked; after them, its red card once.
    expect(await t.app.supervisionSweep(on('2026-11-21'))).toEqual({ red: 0, yellow: 0 });
    expect(await t.app.supervisionSweep(on('2026-12-30'))).toEqual({ red: 1, yellow: 0 });
    expect(await t.app.supervisionSweep(on('2026-12-30'))).toEqual({ red: 0, yellow: 0 });
    const after = await sql<{ recheck: boolean }>`
      SELECT recheck FROM supervision.clock WHERE kind = 'complaint' AND subject_id = ${filed.json().id}`.execute(t.db);
    expect(after.rows[0]!.recheck).toBe(false);
  });
});

describe('data-sharing requests (共享申请)', () => {
  it("runs the owner's 10 working days to decide over 元旦, red when late, stopped by the decision", async () => {
    now = on('2026-12-23'); // Wednesday
    const police = await departmentStaff(t, 'gz-police', ['data_admin']);
    const hrss = await departmentStaff(t, 'gz-hrss', ['data_admin']);
    const ask = (resourceCode: string, fields: string[]) =>
      call(t, hrss.authorization, 'POST', '/api/exchange/grants', {
        resourceCode,
        consumerDepartmentId: hrss.departmentId,
        fields,
        purpose: '养老保险待遇资格认证',
        legalBasis: '《社会保险法》第七十五条',
        expiresAt: new Date(now.getTime() + 30 * 86_400_000).toISOString(),
      });
    const asked = await ask('population.person', ['name', 'alive']);
    expect(asked.statusCode, asked.body).toBe(201);
    const grantId: string = asked.json().id;
    const clock = async () => {
      await t.app.outbox.drain();
      return (
        await sql<{ state: string; dueOn: string; departmentId: string; openWarnings: string[] }>`
          SELECT c.state, to_char(c.due_on, 'YYYY-MM-DD') AS "dueOn", c.department_id AS "departmentId",
                 coalesce(array_agg(w.level) FILTER (WHERE w.id IS NOT NULL AND w.cleared_at IS NULL), '{}') AS "openWarnings"
            FROM supervision.clock c LEFT JOIN supervision.warning w ON w.clock_id = c.id
           WHERE c.kind = 'sharing_request' AND c.subject_id = ${grantId} GROUP BY c.id`.execute(t.db)
      ).rows;
    };
    // Asked Wed Dec 23: Dec 24 (1), 25 (2), 28 (3), 29 (4), 30 (5), 31 (6), [Jan 1 元旦, 2–3 weekend],
    // Jan 4 (7), 5 (8), 6 (9), 7 (10) — the police (the owner) must answer by Thu Jan 7, 2027.
    expect(await clock()).toEqual([
      { state: 'running', dueOn: '2027-01-07', departmentId: police.departmentId, openWarnings: [] },
    ]);
    await t.app.supervisionSweep(on('2027-01-08', 0));
    expect((await clock())[0]?.openWarnings).toEqual(['red']);
    now = on('2027-01-08');
    const approved = await call(t, police.authorization, 'POST', `/api/exchange/grants/${grantId}/approve`, {
      note: '同意共享',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(await clock()).toEqual([
      { state: 'stopped', dueOn: '2027-01-07', departmentId: police.departmentId, openWarnings: [] },
    ]);
    // An unconditionally shared resource is granted at once: nothing waits, no clock.
    const automatic = await ask('legal_entity.basic', ['name']);
    expect(automatic.json().status).toBe('approved');
    await t.app.outbox.drain();
    const none = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM supervision.clock WHERE subject_id = ${automatic.json().id as string}`.execute(
      t.db,
    );
    expect(none.rows[0]!.n).toBe(0);
  });
});

describe('a batch of case events', () => {
  it('leaves the clocks and cards of its cases as syncing them one after another would, and the outbox does so', async () => {
    now = on('2027-02-01');
    const clerk = (await t.staff(['window_clerk'], item.regionCode)).authorization;
    const approver = (await t.staff(['approver'], item.regionCode)).authorization;
    // Three filings delivered, then their acceptance clocks carded; then one case accepted and one
    // decided before anything more is delivered, the third left waiting.
    const [waiting, accepted, decided] = [
      await submitCase(resident, item.code, 'batch-clock-waiting'),
      await submitCase(resident, item.code, 'batch-clock-accepted'),
      await submitCase(resident, item.code, 'batch-clock-decided'),
    ];
    await t.app.outbox.drain();
    await t.app.supervisionSweep(on('2027-03-01'));
    await acceptCase(t, accepted, clerk);
    await approveCase(t, decided, clerk, approver);
    const ids = [waiting, accepted, decided];

    const clocksOf = async (db: Db) =>
      (
        await sql<Record<string, unknown>>`
          SELECT c.case_id, c.kind, c.subject_id, c.state, c.due_on::text, c.yellow_at, c.red_at, c.recheck,
                 c.paused_since::text, c.limit_days, c.started_on::text,
                 coalesce(array_agg(w.level || ':' || (w.cleared_at IS NOT NULL)) FILTER (WHERE w.id IS NOT NULL), '{}') AS cards
            FROM supervision.clock c LEFT JOIN supervision.warning w ON w.clock_id = c.id
           WHERE c.case_id = ANY(${ids}::uuid[]) GROUP BY c.id ORDER BY c.case_id, c.kind, c.subject_id`.execute(db)
      ).rows;
    const deps = {
      db: t.db,
      calendar: new CalendarService(t.db),
      cipher: testCipher(),
      now: () => now,
      ...t.config.supervision,
    } as unknown as SupervisionDeps;
    const rolledBack = new Error('rolled back');
    const syncedIn = async (work: (trx: Db) => Promise<void>) => {
      let after: Record<string, unknown>[] = [];
      await t.db
        .transaction()
        .execute(async (trx) => {
          await work(trx);
          after = await clocksOf(trx);
          throw rolledBack;
        })
        .catch((e: unknown) => {
          if (e !== rolledBack) throw e;
        });
      return after;
    };
    const events = [accepted, decided, waiting, accepted];
    const oneByOne = await syncedIn(async (trx) => {
      for (const id of events) await syncCaseClocks(deps, trx, id);
    });
    const batched = await syncedIn((trx) => syncCasesClocks(deps, trx, events));
    expect(batched).toEqual(oneByOne);
    const summary = batched.map((c) => [ids.indexOf(c.caseId as string), c.kind, c.state, c.cards]);
    expect(summary).toEqual(
      expect.arrayContaining([
        [0, 'acceptance', 'running', ['red:false']],
        [1, 'acceptance', 'stopped', ['red:true']],
        [1, 'task', 'running', []],
        [2, 'acceptance', 'stopped', ['red:true']],
      ]),
    );
    expect(summary.filter(([i, , state]) => i === 2 && state !== 'stopped')).toEqual([]);

    // The outbox has events of the accepted and the decided case only (the waiting one's were delivered).
    await t.app.outbox.drain();
    const moved = (rows: Record<string, unknown>[]) => rows.filter((c) => c.caseId !== waiting);
    expect(moved(await clocksOf(t.db))).toEqual(moved(batched));
  });
});
