/**
 * 主动服务 through HTTP against the real database: a birth recorded by 数据通 grants the insured
 * mother her 生育津贴 through a case the system decides (免申即享) and offers the parents 育儿补贴;
 * the same event delivered twice grants once; offers are accepted, declined, switched off; a
 * registry correction flags a past grant for review and stops new ones; policies are listed in
 * words and dry-run per county by policy officers only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { GENEROUS_LIMITS, register, registryPersons, type Client, type RegistryPerson } from '../../test/people.js';
import { testCipher } from '../../test/keys.js';
import { makeIdNumber } from '../../platform/validators/index.js';
import { birthFacts } from '../exchange/index.js';
import { call, departmentStaff } from '../exchange/exchange.test-kit.js';

const cipher = testCipher();
const NOW = new Date('2026-11-02T04:00:00Z');

let t: TestApp;
let mother: RegistryPerson & { c: Client };
let neighbour: RegistryPerson & { c: Client };
let disabled: RegistryPerson & { c: Client };

/** A registry correction (or a fixture): changes facts sealed in the person's record. */
async function setFacts(personId: string, patch: Record<string, unknown>): Promise<void> {
  const row = await sql<{
    personalEnc: string;
  }>`SELECT personal_enc FROM exchange.person WHERE id = ${personId}`.execute(t.db);
  const personal = { ...JSON.parse(cipher.decrypt(row.rows[0]!.personalEnc)), ...patch };
  await sql`UPDATE exchange.person SET personal_enc = ${cipher.encrypt(JSON.stringify(personal))} WHERE id = ${personId}`.execute(
    t.db,
  );
}

const grantsOf = async (subjectKey: string) =>
  (
    await sql<{
      policyCode: string;
      status: string;
      reviewReason: { conditions: { condition: { zh: string }; held: boolean }[] } | null;
    }>`SELECT policy_code, status, review_reason FROM proactive."grant" WHERE subject_key = ${subjectKey} ORDER BY policy_code`.execute(
      t.db,
    )
  ).rows;

beforeAll(async () => {
  t = await createTestApp({ env: GENEROUS_LIMITS, now: () => NOW });
  // A woman of 22–45 in 南明区 or 云岩区 (made her household's 配偶: a parent of its children).
  const candidates = await registryPersons(t, 'any', 300, '52010');
  const roles = await sql<{
    id: string;
    householdRole: string;
  }>`SELECT id, household_role FROM exchange.person`.execute(t.db);
  const role = new Map(roles.rows.map((r) => [r.id, r.householdRole]));
  const women = candidates.filter((p) => {
    const { sex, birthDate } = birthFacts(p.idNumber);
    return sex === 'female' && birthDate > '1980-12-31' && birthDate < '2004-01-01';
  });
  const m = women[0]!;
  await setFacts(m.id, { insured: 'employee', incomeBand: 'ordinary', disabilityLevel: null });
  await sql`UPDATE exchange.person SET household_role = '配偶' WHERE id = ${m.id}`.execute(t.db);
  mother = { ...m, c: (await register(t, m)).c };
  const n = candidates.find((p) => p.id !== m.id && role.get(p.id) !== '子女')!;
  await setFacts(n.id, { insured: 'employee', incomeBand: 'ordinary', disabilityLevel: null });
  neighbour = { ...n, c: (await register(t, n)).c };
  const d = candidates.find((p) => p.id !== m.id && p.id !== n.id)!;
  await setFacts(d.id, { disabilityLevel: 1 });
  disabled = { ...d, c: (await register(t, d)).c };
});
afterAll(async () => t?.close());

describe('a birth, told once (免申即享 and 政策找人)', () => {
  let grantId: string;

  it('grants the insured mother her 生育津贴 through a case the system decided', async () => {
    const registrar = await departmentStaff(t, 'gz-health', ['registrar']);
    const birthDate = '2026-10-28';
    const res = await call(t, registrar.authorization, 'POST', '/api/exchange/life-events', {
      departmentId: registrar.departmentId,
      event: {
        type: 'birth',
        reference: '出生医学证明-P1',
        occurredOn: birthDate,
        motherIdNumber: mother.idNumber,
        child: { idNumber: makeIdNumber(mother.regionCode.slice(0, 6), birthDate, 512), name: '李小满' },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    await t.app.outbox.drain();

    const me = await mother.c.call('GET', '/api/me/entitlements');
    expect(me.statusCode, me.body).toBe(200);
    const grants = me.json().entitlements as {
      id: string;
      policy: { zh: string };
      amount: number;
      status: string;
      trackingCode: string | null;
      caseId: string | null;
      explanation: {
        eligible: boolean;
        conditions: { condition: { zh: string }; held: boolean; value: { zh: string } }[];
      };
    }[];
    expect(grants.map((g) => g.policy.zh)).toEqual(['生育津贴']);
    const g = grants[0]!;
    grantId = g.id;
    expect(g).toMatchObject({ status: 'granted', amount: 15_680 });
    expect(g.explanation.eligible).toBe(true);
    expect(g.explanation.conditions.map((c) => [c.condition.zh, c.held, c.value.zh])).toEqual([
      ['女性', true, '女'],
      ['本人在世', true, '在世'],
      ['参加职工社会保险', true, '职工社会保险'],
      ['一年内生育', true, '5天'],
    ]);
    expect(g.trackingCode).toMatch(/^\d{6}-[0-9A-Z]{6}$/);
    const theCase = await mother.c.call('GET', `/api/cases/${g.caseId}`);
    expect(theCase.statusCode, theCase.body).toBe(200);
    expect(theCase.json()).toMatchObject({ status: 'approved', itemName: '生育津贴申领', filedBySystem: true });
    // The case keeps why (the same explanation), for the person and for staff.
    expect(theCase.json().autoDecision).toEqual(g.explanation);
    // Filed by the system from the registries: no material is owed, although the item lists some.
    const bag = await mother.c.call('GET', `/api/cases/${g.caseId}/materials`);
    expect(bag.statusCode, bag.body).toBe(200);
    expect(bag.json().materials.length).toBeGreaterThan(0);
    expect(bag.json()).toMatchObject({ missingRequired: [], openPromises: [] });
    // The person is told: the decision event (with its 好差评 invitation) and the grant event.
    const told = await sql<{
      topic: string;
    }>`SELECT topic FROM platform.outbox WHERE aggregate_id = ${g.id} OR aggregate_id = ${g.caseId!}`.execute(t.db);
    expect(told.rows.map((r) => r.topic)).toEqual(
      expect.arrayContaining(['proactive.benefit-granted', 'cases.case-decided']),
    );
  });

  it('tells her in 我的消息: the 生育津贴 granted with its amount, and the 育儿补贴 offer', async () => {
    await t.app.notify.drain();
    const inbox = await mother.c.call('GET', '/api/me/inbox?pageSize=50');
    expect(inbox.statusCode, inbox.body).toBe(200);
    const told = (inbox.json().messages as { kind: string; title: string; body: string; link: string }[]).filter(
      (m) => m.link === '/me/benefits',
    );
    expect(told).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'benefit-granted', title: '您已享受“生育津贴”' }),
        expect.objectContaining({ kind: 'offer-made', title: '您可申请“育儿补贴”' }),
      ]),
    );
    expect(told.find((m) => m.kind === 'benefit-granted')!.body).toContain('已为您免申即享（15,680 元）');
    expect(told.filter((m) => m.kind === 'benefit-granted')).toHaveLength(1);
  });

  it('offers the parents 育儿补贴 with the explanation', async () => {
    const res = await mother.c.call('GET', '/api/me/offers');
    expect(res.statusCode, res.body).toBe(200);
    const offers = res.json().offers as { policy: { zh: string }; explanation: { amount: number } }[];
    expect(offers.map((o) => o.policy.zh)).toEqual(['育儿补贴']);
    expect(offers[0]!.explanation.amount).toBe(3_600);
  });

  it('grants once when the same event is evaluated twice', async () => {
    await sql`INSERT INTO platform.outbox (topic, aggregate_type, aggregate_id, payload, actor_id)
      SELECT topic, aggregate_type, aggregate_id, payload, actor_id FROM platform.outbox WHERE topic = 'exchange.life-event-recorded'`.execute(
      t.db,
    );
    await t.app.outbox.drain();
    await t.app.proactiveRecheck(NOW);
    expect((await grantsOf(mother.id)).filter((g) => g.policyCode === 'maternity-allowance')).toHaveLength(1);
    const cases = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM cases."case" WHERE item_name = '生育津贴申领'`.execute(t.db);
    expect(cases.rows[0]!.n).toBe(1);
  });

  it('lets her decline the grant, and nobody else', async () => {
    expect((await neighbour.c.call('POST', `/api/me/entitlements/${grantId}/decline`)).statusCode).toBe(404);
    const res = await mother.c.call('POST', `/api/me/entitlements/${grantId}/decline`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('declined');
  });
});

describe('offers', () => {
  it('accepting names the item to apply for where the person lives; an answered offer stays answered', async () => {
    const offers = (await mother.c.call('GET', '/api/me/offers')).json().offers as {
      id: string;
      policy: { zh: string };
    }[];
    const skills = offers.find((o) => o.policy.zh === '技能提升补贴')!;
    expect(skills, JSON.stringify(offers)).toBeDefined();
    const res = await mother.c.call('POST', `/api/me/offers/${skills.id}/accept`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'accepted', item: { name: '技能提升补贴申领' } });
    expect(res.json().item.code).toMatch(/^\w{18}051120017000\d$/);
    const again = await mother.c.call('POST', `/api/me/offers/${skills.id}/decline`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('PROACTIVE.OFFER_ANSWERED');
    expect((await neighbour.c.call('POST', `/api/me/offers/${skills.id}/accept`)).statusCode).toBe(404);
  });

  it('are not made to a person who switched them off (grants still are)', async () => {
    await sql`DELETE FROM proactive.offer WHERE beneficiary_person_id = ${neighbour.id}`.execute(t.db);
    const off = await neighbour.c.call('PUT', '/api/me/offer-preference', { offersWanted: false });
    expect(off.statusCode, off.body).toBe(200);
    await t.app.proactiveRecheck(NOW);
    expect((await neighbour.c.call('GET', '/api/me/offers')).json()).toEqual({ offersWanted: false, offers: [] });
  });

  it('answer 401 without a session and 400 on a bad id', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/me/offers' })).statusCode).toBe(401);
    expect((await mother.c.call('POST', '/api/me/offers/not-a-uuid/accept')).statusCode).toBe(400);
  });
});

describe('a registry correction', () => {
  it('flags the past grant for review, never reverses it, and grants nothing new', async () => {
    expect(await grantsOf(disabled.id)).toEqual([
      expect.objectContaining({ policyCode: 'severe-disability-care', status: 'granted' }),
    ]);
    await setFacts(disabled.id, { disabilityLevel: null });
    const r = await t.app.proactiveRecheck(NOW);
    expect(r.flagged).toBe(1);
    const [g] = await grantsOf(disabled.id);
    expect(g).toMatchObject({ policyCode: 'severe-disability-care', status: 'review' });
    expect(g!.reviewReason!.conditions.filter((c) => !c.held).map((c) => c.condition.zh)).toEqual([
      '持有残疾人证',
      '残疾等级为一级或二级',
    ]);
    await t.app.proactiveRecheck(NOW);
    expect(await grantsOf(disabled.id)).toHaveLength(1);
    // Told at once (urgent), in 我的消息 too.
    await t.app.outbox.drain();
    await t.app.notify.drain();
    const inbox = (await disabled.c.call('GET', '/api/me/inbox?pageSize=50')).json();
    const review = (inbox.messages as { kind: string; title: string; link: string }[]).filter(
      (m) => m.kind === 'grant-under-review',
    );
    expect(review).toEqual([
      expect.objectContaining({ title: '“重度残疾人护理补贴”待遇复核中', link: '/me/benefits' }),
    ]);
  });
});

describe('policies', () => {
  it('are listed in words for anyone, with amounts by region', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/proactive/policies?on=2026-11-02' });
    expect(res.statusCode).toBe(200);
    const longevity = (res.json().policies as { code: string; amounts: unknown[]; version: number }[]).find(
      (p) => p.code === 'longevity-allowance',
    );
    expect(longevity).toMatchObject({
      version: 1,
      amounts: [
        { region: { zh: '贵阳市' }, amount: 1_200 },
        { region: { zh: '贵州省其他地区' }, amount: 600 },
      ],
    });
    const next = await t.app.inject({ method: 'GET', url: '/api/proactive/policies?on=2027-01-01' });
    expect(
      (next.json().policies as { code: string; version: number }[]).find((p) => p.code === 'longevity-allowance')!
        .version,
    ).toBe(2);
  });

  it('are dry-run per county by policy officers only, writing nothing', async () => {
    const officer = await t.staff(['catalog_admin'], '52');
    const before = await sql<{ n: number }>`SELECT count(*)::int AS n FROM proactive."grant"`.execute(t.db);
    const res = await call(t, officer.authorization, 'POST', '/api/admin/proactive/policies/senior-card/dry-run', {
      on: '2026-11-02',
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.eligible).toBeGreaterThan(0);
    expect(body.regions.reduce((s: number, r: { eligible: number }) => s + r.eligible, 0)).toBe(body.eligible);
    expect(body.regions[0].region.zh).toMatch(/[区县]$/);
    const after = await sql<{ n: number }>`SELECT count(*)::int AS n FROM proactive."grant"`.execute(t.db);
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);

    expect((await mother.c.call('POST', '/api/admin/proactive/policies/senior-card/dry-run', {})).statusCode).toBe(403);
    const unknown = await call(t, officer.authorization, 'POST', '/api/admin/proactive/policies/no-such/dry-run', {});
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'PROACTIVE.POLICY_NOT_FOUND']);
    const bad = await call(t, officer.authorization, 'POST', '/api/admin/proactive/policies/senior-card/dry-run', {
      on: '2.11.2026',
    });
    expect(bad.statusCode).toBe(400);
  });
});
