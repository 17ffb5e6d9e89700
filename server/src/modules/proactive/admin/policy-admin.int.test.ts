/**
 * 政策管理 through HTTP against the real database: a policy officer drafts a version of 高龄津贴
 * with a higher amount for 贵阳 from next month, its examples run on submit (a failing one keeps it
 * a draft, named in the 409), another officer approves it (never its drafter), and the engine
 * judges it from its date only; reach per county after a run, within the caller's region.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { call } from '../../exchange/exchange.test-kit.js';

// March 2027: version 2 (贵阳 1,800) is in force; the draft is for next month.
const NOW = new Date('2027-03-02T04:00:00Z');
const URL = '/api/admin/proactive/policies/longevity-allowance';
const GUIYANG_85 = { alive: true, birthDate: '1941-01-01', regionCode: '520102001001' };

let t: TestApp;
let drafter: { id: string; authorization: string };
let reviewer: { id: string; authorization: string };

/** Version 3: 贵阳 2,000 a year from 2027-04-01, with an example expecting `expected` there. */
const draft = (expected: number) => ({
  effectiveFrom: '2027-04-01',
  legalBasis: '《贵州省老年人权益保障条例》第三十三条；贵阳市高龄津贴标准调整（2027年4月起）',
  when: [
    { fact: 'alive', op: 'in', values: ['yes'], label: { zh: '本人在世', en: 'alive' } },
    { fact: 'region', op: 'within', regions: ['52'], label: { zh: '贵州省户籍', en: 'registered in Guizhou' } },
    { fact: 'age', op: 'gte', value: 80 },
  ],
  params: { yearly: { '5201': 2_000, '52': 600 } },
  amount: 'yearly',
  examples: [
    { name: '85 in 南明区, April', on: '2027-04-15', facts: GUIYANG_85, expect: { eligible: true, amount: expected } },
  ],
});

const amountsOn = async (on: string) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/proactive/policies?on=${on}` });
  const p = (res.json().policies as { code: string; version: number; amounts: { amount: number }[] }[]).find(
    (x) => x.code === 'longevity-allowance',
  )!;
  return [p.version, p.amounts[0]!.amount];
};

beforeAll(async () => {
  t = await createTestApp({ now: () => NOW });
  drafter = await t.staff(['catalog_admin'], '52');
  reviewer = await t.staff(['system_admin'], '52');
});
afterAll(async () => t?.close());

describe('a policy version, drafted → submitted → approved by another', () => {
  it('is refused field by field when its conditions do not fit the registry facts', async () => {
    const bad = draft(2_000);
    bad.when = [
      { fact: 'wealth', op: 'gte', value: 1 },
      { fact: 'age', op: 'in', values: ['old'] },
      { fact: 'sex', op: 'in', values: ['purple'] },
    ] as never;
    const res = await call(t, drafter.authorization, 'POST', `${URL}/versions`, bad);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json().code).toBe('PROACTIVE.RULE_INVALID');
    expect((res.json().errors as { field: string }[]).map((e) => e.field)).toEqual([
      'when.0.fact',
      'when.1.op',
      'when.2.values.0',
    ]);
  });

  it('cannot be submitted while an example fails, and says which and why', async () => {
    const res = await call(t, drafter.authorization, 'POST', `${URL}/versions`, draft(2_100));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ version: 3, status: 'draft' });
    // Its examples run on save: the one expecting 2,100 fails and says so before anyone submits.
    const onSave = res.json().examples as { name: string; passed: boolean }[];
    expect(onSave.filter((e) => !e.passed).map((e) => e.name)).toEqual(['85 in 南明区, April']);
    const again = await call(t, drafter.authorization, 'POST', `${URL}/versions`, draft(2_000));
    expect([again.statusCode, again.json().code]).toEqual([409, 'PROACTIVE.VERSION_OPEN']);

    const submit = await call(t, drafter.authorization, 'POST', `${URL}/versions/3/submit`);
    expect(submit.statusCode, submit.body).toBe(409);
    expect(submit.json().code).toBe('PROACTIVE.EXAMPLES_FAILED');
    expect(submit.json().detail).toContain('“85 in 南明区, April”应为符合，金额2100元，实为符合，第3版，金额2000元');
  });

  it('passes once the draft is corrected; its drafter cannot approve it, another officer can', async () => {
    const fix = await t.app.inject({
      method: 'PUT',
      url: `${URL}/versions/3`,
      headers: { authorization: drafter.authorization },
      payload: draft(2_000),
    });
    expect(fix.statusCode, fix.body).toBe(200);
    const submit = await call(t, drafter.authorization, 'POST', `${URL}/versions/3/submit`);
    expect(submit.statusCode, submit.body).toBe(200);
    const examples = submit.json().examples as { name: string; passed: boolean }[];
    // The policy's own examples (2026 at 1,200, January 2027 at 1,800) still hold with version 3 dated after them.
    expect(examples.length).toBe(5);
    expect(examples.every((e) => e.passed)).toBe(true);

    const self = await call(t, drafter.authorization, 'POST', `${URL}/versions/3/approve`, {});
    expect([self.statusCode, self.json().code]).toEqual([403, 'PROACTIVE.SELF_REVIEW']);
    const ok = await call(t, reviewer.authorization, 'POST', `${URL}/versions/3/approve`, { comment: '同意' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ version: 3, status: 'published' });
    const twice = await call(t, reviewer.authorization, 'POST', `${URL}/versions/3/approve`, {});
    expect([twice.statusCode, twice.json().code]).toEqual([409, 'PROACTIVE.VERSION_STATE']);

    const audited = await sql<{ action: string; actorId: string }>`
      SELECT action, actor_id FROM platform.audit_log WHERE target_id = 'longevity-allowance' ORDER BY seq`.execute(
      t.db,
    );
    expect(audited.rows.map((r) => [r.action, r.actorId])).toEqual([
      ['proactive.policy-drafted', drafter.id],
      ['proactive.policy-revised', drafter.id],
      ['proactive.policy-submitted', drafter.id],
      ['proactive.policy-published', reviewer.id],
    ]);
  });

  it('is judged from its date only: this month stays on version 2, April on version 3', async () => {
    expect(await amountsOn('2026-12-31')).toEqual([1, 1_200]);
    expect(await amountsOn('2027-03-31')).toEqual([2, 1_800]);
    expect(await amountsOn('2027-04-01')).toEqual([3, 2_000]);

    const run = await call(t, drafter.authorization, 'POST', `${URL}/run`, { on: '2027-03-02' });
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json().granted).toBeGreaterThan(0);
    // Version 2's amounts: 1,800 in 贵阳, 600 elsewhere — not next month's 2,000.
    const granted = await sql<{ policyVersion: number; guiyang: boolean; amount: string }>`
      SELECT DISTINCT policy_version, region_code LIKE '5201%' AS guiyang, amount FROM proactive."grant"
      WHERE policy_code = 'longevity-allowance'`.execute(t.db);
    expect(granted.rows.length).toBeGreaterThan(0);
    for (const g of granted.rows) expect([g.policyVersion, Number(g.amount)]).toEqual([2, g.guiyang ? 1_800 : 600]);

    const console = await call(t, drafter.authorization, 'GET', URL);
    expect(console.statusCode, console.body).toBe(200);
    const versions = console.json().versions as {
      version: number;
      status: string;
      inForce: boolean;
      effectiveTo: string | null;
      draftedBy: string | null;
    }[];
    expect(versions.map((v) => [v.version, v.status, v.inForce, v.effectiveTo])).toEqual([
      [3, 'published', false, null],
      [2, 'published', true, '2027-03-31'],
      [1, 'published', false, '2026-12-31'],
    ]);
    expect(versions[0]!.draftedBy).toMatch(/^测试人员/);
  });
});

describe('reach', () => {
  it('counts eligible, told and granted per county after a run, within the caller’s region', async () => {
    const province = await call(t, drafter.authorization, 'GET', `${URL}/reach`);
    expect(province.statusCode, province.body).toBe(200);
    const body = province.json();
    expect(body.judgedOn).toBe('2027-03-02');
    const granted = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM proactive."grant" WHERE policy_code = 'longevity-allowance'`.execute(t.db);
    expect(body.total).toEqual({
      eligible: granted.rows[0]!.n,
      told: granted.rows[0]!.n,
      applied: 0,
      granted: granted.rows[0]!.n,
      refused: 0,
      declined: 0,
      underReview: 0,
    });
    expect(body.byCounty.length).toBeGreaterThan(1);

    // An officer of one county with grants sees that county only, with the same figures.
    const { code: countyCode } = (
      await sql<{ code: string }>`
        SELECT substr(region_code, 1, 6) AS code FROM proactive."grant"
        WHERE policy_code = 'longevity-allowance' ORDER BY 1 LIMIT 1`.execute(t.db)
    ).rows[0]!;
    const officer = await t.staff(['catalog_admin'], countyCode);
    const county = await call(t, officer.authorization, 'GET', `${URL}/reach`);
    expect(county.statusCode, county.body).toBe(200);
    const mine = county.json();
    expect(mine.byCounty).toHaveLength(1);
    const [{ region, ...counts }] = mine.byCounty;
    expect(mine.region.zh).toBe(region.zh.slice(-mine.region.zh.length));
    // Named in English in English (its county, then its city), not in Chinese twice.
    expect(region.en).toMatch(/^[A-Z][A-Za-z' -]+(, [A-Z][A-Za-z' -]+)?$/);
    expect(region.en.startsWith(mine.region.en)).toBe(true);
    expect(counts).toEqual(mine.total);
    expect(body.byCounty).toContainEqual({ region, ...mine.total });
    const wider = await call(t, officer.authorization, 'GET', `${URL}/reach?region=${countyCode.slice(0, 4)}`);
    expect([wider.statusCode, wider.json().code]).toEqual([403, 'PROACTIVE.OUT_OF_SCOPE']);

    const list = await call(t, officer.authorization, 'GET', '/api/admin/proactive/policies');
    const row = (list.json().policies as { code: string; versionInForce: number; reach: unknown }[]).find(
      (p) => p.code === 'longevity-allowance',
    );
    expect(row).toEqual(expect.objectContaining({ versionInForce: 2, reach: mine.total }));
  });

  it('is for policy officers only', async () => {
    const clerk = await t.staff(['window_clerk'], '52');
    expect((await call(t, clerk.authorization, 'GET', `${URL}/reach`)).statusCode).toBe(403);
    expect((await call(t, clerk.authorization, 'POST', `${URL}/versions`, draft(2_000))).statusCode).toBe(403);
  });
});
