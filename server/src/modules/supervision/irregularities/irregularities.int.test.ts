/**
 * 异常监察 rules through the API on a test clock, each shown firing and not firing on a normal
 * case: a hearing longer than its basis allows, a case withdrawn just before its deadline, and one
 * account deciding in bulk out of hours; a staff member deciding a case of someone sharing their
 * surname and address in the population registry (亲属回避).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { GENEROUS_LIMITS, register, registryPersons, type Client } from '../../../test/people.js';
import { approveCase, formlessCountyItem, submitCase } from '../../../test/cases.js';
import { sql } from 'kysely';
import { makeIdNumber } from '../../../platform/validators/index.js';
import { insertPersons } from '../../exchange/exchange.repository.js';
import { testCipher } from '../../../test/keys.js';
import { staffDecisionBurst } from '../../cases/index.js';

let t: TestApp;
let resident: Client;
let item: { code: string; regionCode: string };
let clerk: string;
let supervisor: string;
/** Tuesday 2026-09-22, 10:00 in Beijing. */
let now = new Date('2026-09-22T02:00:00Z');
const on = (date: string, hour = 10, minute = 0) =>
  new Date(`${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`);
let serial = 0;

beforeAll(async () => {
  t = await createTestApp({
    env: { ...GENEROUS_LIMITS, SUPERVISION_BULK_DECISIONS: '3', SUPERVISION_BULK_MINUTES: '30' },
    now: () => now,
  });
  const [p] = await registryPersons(t, 'any', 1);
  ({ c: resident } = await register(t, p!));
  item = await formlessCountyItem(t);
  clerk = (await t.staff(['window_clerk'], item.regionCode)).authorization;
  supervisor = (await t.staff(['supervisor'], item.regionCode.slice(0, 4))).authorization;
});
afterAll(async () => t?.close());

const as = (authorization: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { authorization }, ...(payload ? { payload } : {}) });

async function acceptedCase() {
  const caseId = await submitCase(resident, item.code, `supervision-rules-${++serial}`);
  expect((await as(clerk, 'POST', `/api/cases/${caseId}/accept`, {})).statusCode).toBe(204);
  return (await as(clerk, 'GET', `/api/cases/${caseId}`)).json() as {
    id: string;
    trackingCode: string;
    dueOn: string;
    tasks: { id: string; version: number }[];
  };
}

async function findings(rule: string) {
  await t.app.outbox.drain();
  const r = await as(supervisor, 'GET', `/api/supervision/irregularities?region=${item.regionCode}`);
  expect(r.statusCode, r.body).toBe(200);
  return (
    r.json().irregularities as {
      id: string;
      rule: string;
      reference: string;
      explanation: { zh: string; en: string };
    }[]
  ).filter((f) => f.rule === rule);
}

async function suspendAndResume(approver: string, c: Awaited<ReturnType<typeof acceptedCase>>, resumeOn: Date) {
  const task = c.tasks[0]!;
  const s = await as(approver, 'POST', `/api/tasks/${task.id}/suspend`, {
    version: task.version,
    kind: 'hearing',
    reason: '依申请举行听证',
  });
  expect(s.statusCode, s.body).toBe(204);
  const before = now;
  now = resumeOn;
  expect((await as(approver, 'POST', `/api/cases/${c.id}/resume`)).statusCode).toBe(200);
  now = before;
}

describe('异常监察 rules', () => {
  it('flags a hearing longer than the 20 working days its basis allows, not a short one', async () => {
    const approver = (await t.staff(['approver'], item.regionCode)).authorization;
    now = on('2026-09-22');
    const short = await acceptedCase();
    // Sep 22 → Sep 29: 23, 24, 28, 29 = 4 working days.
    await suspendAndResume(approver, short, on('2026-09-29'));
    const long = await acceptedCase();
    // Sep 22 → Nov 3: 23, 24, 28, 29, 30, Oct 8, 9, 10 (调休), 12–16, 19–23, 26–30, Nov 2, 3 = 25 working days.
    await suspendAndResume(approver, long, on('2026-11-03'));
    const found = await findings('long-suspension');
    expect(found.map((f) => f.reference)).toEqual([long.trackingCode]);
    expect(found[0]!.explanation.zh).toContain('历时 25 个工作日，超过依据允许的 20 个工作日');
    expect(found[0]!.explanation.en).toContain('took 25 working days');
  });

  it('flags a hearing still running past its 20 working days at the sweep, before the case moves again', async () => {
    const approver = (await t.staff(['approver'], item.regionCode)).authorization;
    now = on('2026-09-22');
    const parked = await acceptedCase();
    const task = parked.tasks[0]!;
    const s = await as(approver, 'POST', `/api/tasks/${task.id}/suspend`, {
      version: task.version,
      kind: 'hearing',
      reason: '依申请举行听证',
    });
    expect(s.statusCode, s.body).toBe(204);
    await t.app.outbox.drain();
    const flagged = async () => (await findings('long-suspension')).filter((f) => f.reference === parked.trackingCode);
    // Oct 27 is the 20th working day after Sep 22 (the count above, then 21–23, 26, 27): allowed.
    await t.app.supervisionSweep(on('2026-10-27'));
    expect(await flagged()).toEqual([]);
    // Oct 28: the 21st, and nothing moved on the case.
    await t.app.supervisionSweep(on('2026-10-28'));
    const found = await flagged();
    expect(found).toHaveLength(1);
    expect(found[0]!.explanation.zh).toContain('至 2026-10-28（仍在进行）历时 21 个工作日');
    // A later sweep keeps the one finding.
    await t.app.supervisionSweep(on('2026-10-29'));
    expect(await flagged()).toHaveLength(1);
    now = on('2026-10-29');
    expect((await as(approver, 'POST', `/api/cases/${parked.id}/resume`)).statusCode).toBe(200);
    expect(await flagged()).toHaveLength(1);
  });

  it('flags a case withdrawn at the applicant’s request on its last working day, not one withdrawn early', async () => {
    now = on('2026-11-04');
    const early = await acceptedCase();
    expect((await resident.call('POST', `/api/cases/${early.id}/withdraw`, { reason: '不再需要' })).statusCode).toBe(
      204,
    );
    const late = await acceptedCase();
    expect(late.dueOn > '2026-11-06').toBe(true);
    now = on(late.dueOn, 16);
    expect(
      (await resident.call('POST', `/api/cases/${late.id}/withdraw`, { reason: '申请人要求撤回' })).statusCode,
    ).toBe(204);
    const found = await findings('withdrawn-before-deadline');
    expect(found.map((f) => f.reference)).toEqual([late.trackingCode]);
    expect(found[0]!.explanation.zh).toContain('疑似体外循环');
  });

  it('flags one account deciding three cases within 30 minutes at night, not the same in office hours', async () => {
    const day = '2026-11-25'; // a Wednesday
    now = on(day, 9);
    const daytime = (await t.staff(['approver'], item.regionCode)).authorization;
    const night = (await t.staff(['approver'], item.regionCode)).authorization;
    const cases: string[] = [];
    for (let i = 0; i < 9; i++) cases.push(await submitCase(resident, item.code, `supervision-rules-${++serial}`));
    for (let i = 0; i < 3; i++) {
      now = on(day, 10, i * 5);
      await approveCase(t, cases[i]!, clerk, daytime);
    }
    expect(await findings('bulk-off-hours')).toEqual([]);
    for (let i = 3; i < 9; i++) {
      now = on(day, 22, (i - 3) * 2);
      await approveCase(t, cases[i]!, clerk, night);
      // Two cases are two decisions, though each had its task approved first: under the three.
      if (i === 4) expect(await findings('bulk-off-hours')).toEqual([]);
    }
    const found = await findings('bulk-off-hours');
    expect(found).toHaveLength(1);
    expect(found[0]!.explanation.zh).toMatch(/非工作时间/);
    // The finding follows the account: the window up to its latest decision, six cases, the
    // first five named.
    expect(found[0]!.explanation.zh).toContain(`${day} 22:00–22:10`);
    expect(found[0]!.explanation.zh).toContain('作出 6 项审批决定');
    const codes = await Promise.all(
      cases.slice(3, 8).map(async (id) => (await as(clerk, 'GET', `/api/cases/${id}`)).json().trackingCode as string),
    );
    expect(found[0]!.explanation.zh).toContain(`（${codes.join('、')} 等）`);
    // An earlier case's events delivered again (at least once), or after a later case's in the
    // same batch, leave the finding telling the latest window.
    await sql`DELETE FROM platform.outbox_delivery WHERE subscriber = 'supervision.case-clocks'
                AND event_id IN (SELECT id FROM platform.outbox WHERE topic = 'cases.case-event' AND aggregate_id = ${cases[6]!})`.execute(
      t.db,
    );
    // (The dispatcher looks back over its late-commit window every 2 s: then it finds them again.)
    await new Promise((r) => setTimeout(r, 2_100));
    const again = await findings('bulk-off-hours');
    expect(again.map((f) => f.explanation.zh)).toEqual([found[0]!.explanation.zh]);
    // Dismissed with a reason, it stays dismissed on later deliveries.
    const r = await as(supervisor, 'POST', `/api/supervision/irregularities/${found[0]!.id}/dismiss`, {
      reason: '夜间集中审批系经批准的专项行动',
    });
    expect(r.statusCode, r.body).toBe(204);
  });

  it('counts the cases an account decided in a span, each once, without reading them all: the count, the first, the first codes in order', async () => {
    const staffId = `bulk-${crypto.randomUUID()}`;
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(await submitCase(resident, item.code, `supervision-rules-${++serial}`));
    const night = on('2026-11-26', 21).getTime();
    // 120 decisions a second apart over the three cases in turn (a case decided many times counts
    // once); one by day and one of another account, neither counted.
    const rows = Array.from({ length: 120 }, (_, i) => ({
      caseId: ids[(i + 1) % 3]!,
      at: new Date(night + i * 1000),
      actor: staffId,
    }));
    rows.push({ caseId: ids[0]!, at: on('2026-11-26', 11), actor: staffId });
    rows.push({ caseId: ids[0]!, at: new Date(night - 5000), actor: 'someone-else' });
    for (const r of rows)
      await sql`INSERT INTO cases.event (case_id, at, actor_id, actor_kind, type) VALUES (${r.caseId}, ${r.at}, ${r.actor}, 'staff', 'approved')`.execute(
        t.db,
      );
    const code = async (id: string) => (await as(clerk, 'GET', `/api/cases/${id}`)).json().trackingCode as string;
    const spans: [Date, Date][] = [
      [on('2026-11-26', 0), on('2026-11-26', 8, 30)],
      [on('2026-11-26', 18), on('2026-11-27', 0)],
    ];
    // In the order first decided: the second case, the third, then the first.
    expect(await staffDecisionBurst(t.db, staffId, spans, 2)).toEqual({
      decisions: 3,
      first: new Date(night),
      trackingCodes: [await code(ids[1]!), await code(ids[2]!)],
    });
    expect((await staffDecisionBurst(t.db, staffId, spans, 50)).trackingCodes).toHaveLength(3);
    expect(await staffDecisionBurst(t.db, staffId, [], 50)).toEqual({ decisions: 0, first: null, trackingCodes: [] });
  });
});

describe('亲属回避', () => {
  const HOME = '贵州省贵阳市南明区花果园街道 3 栋 2 单元 1501 室';
  let seq = 900;
  async function registryPerson(name: string, address: string) {
    const village = (
      await sql<{ regionCode: string; householdId: string }>`
        SELECT region_code, household_id FROM exchange.person WHERE region_code LIKE ${`${item.regionCode}%`} LIMIT 1`.execute(
        t.db,
      )
    ).rows[0]!;
    const idNumber = makeIdNumber(item.regionCode, '1968-03-14', ++seq);
    await insertPersons(t.db, testCipher(), [
      {
        id: crypto.randomUUID(),
        idNumber,
        name,
        sex: 'male',
        birthDate: '1968-03-14',
        ethnicity: '汉族',
        regionCode: village.regionCode,
        address,
        householdId: village.householdId,
        householdRole: '其他',
        maritalStatus: 'married',
        alive: true,
        deathDate: null,
        disabilityLevel: null,
        phone: null,
      },
    ]);
    return { id: '', name, idNumber, regionCode: village.regionCode };
  }
  async function linkedApprover(name: string, address: string) {
    const p = await registryPerson(name, address);
    const staff = await t.staff(['approver'], item.regionCode);
    const admin = (await t.staff(['system_admin'], '52')).authorization;
    const r = await as(admin, 'PUT', `/api/admin/staff/${staff.id}/id-number`, { idNumber: p.idNumber });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({ idNumber: expect.stringMatching(/^\d{6}\*{8}\d{3}[\dX]$/), inRegistry: true });
    return staff;
  }

  it('flags a staff member deciding a case of someone of their surname and address, not another surname there nor their surname elsewhere', async () => {
    now = on('2026-12-02');
    const applicant = (await register(t, await registryPerson('张建国', HOME))).c;
    // The same address written with full-width digits and other spacing is the same address.
    const relative = await linkedApprover('张秀英', '贵州省贵阳市南明区花果园街道３栋２单元１５０１室');
    const neighbour = await linkedApprover('李明', HOME);
    const namesake = await linkedApprover('张伟', '贵州省贵阳市云岩区中华北路 8 号');
    const decided: Record<string, string> = {};
    for (const [who, staff] of Object.entries({ relative, neighbour, namesake })) {
      const caseId = await submitCase(applicant, item.code, `supervision-rules-${++serial}`);
      await approveCase(t, caseId, clerk, staff.authorization);
      decided[who] = ((await as(clerk, 'GET', `/api/cases/${caseId}`)).json() as { trackingCode: string }).trackingCode;
    }
    const found = await findings('relatives');
    expect(found.map((f) => f.reference)).toEqual([decided.relative]);
    const names = (
      await sql<{ displayName: string }>`SELECT display_name FROM identity.staff WHERE id = ${relative.id}`.execute(
        t.db,
      )
    ).rows[0]!;
    expect(found[0]!.explanation.zh).toContain(`工作人员 ${names.displayName} 对办件 ${decided.relative}`);
    expect(found[0]!.explanation.zh).toContain('同姓且同一住址');
    expect(found[0]!.explanation.en).toContain(`decided case ${decided.relative}`);
    expect(JSON.stringify(found[0])).not.toMatch(/花果园|南明区|张/);
    const r = await as(supervisor, 'POST', `/api/supervision/irregularities/${found[0]!.id}/dismiss`, {
      reason: '经核实二人无亲属关系',
    });
    expect(r.statusCode, r.body).toBe(204);
    const after = await as(supervisor, 'GET', `/api/supervision/irregularities?region=${item.regionCode}&status=open`);
    expect(after.json().irregularities.filter((f: { rule: string }) => f.rule === 'relatives')).toEqual([]);
  });
});
