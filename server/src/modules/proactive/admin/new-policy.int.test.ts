/**
 * 新政策 through HTTP against the real database: a policy officer makes a policy in the console (no
 * programmer): its conditions over the registry facts are checked field by field, its examples run
 * on save, the draft is dry-run per county, submitted, published by a provincial officer only, and
 * a birth then grants by it, the explanation naming its conditions, the message its English name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { GENEROUS_LIMITS, register, registryPersons, type Client, type RegistryPerson } from '../../../test/people.js';
import { makeIdNumber } from '../../../platform/validators/index.js';
import { birthFacts } from '../../exchange/index.js';
import { call, departmentStaff } from '../../exchange/exchange.test-kit.js';

const NOW = new Date('2026-11-02T04:00:00Z');
const BASE = '/api/admin/proactive/policies';
const MOTHER = { alive: true, householdRole: '配偶', childBirthDate: '2026-10-28', regionCode: '520102001001' };

let t: TestApp;
let drafter: { id: string; authorization: string };
let reviewer: { id: string; authorization: string };
let mother: RegistryPerson & { c: Client };
let code: string;

/** 新生儿营养补贴: parents of a child born within 30 days, 800 yuan in 贵阳, 500 elsewhere in the province. */
const newPolicy = (patch: Record<string, unknown> = {}) => ({
  name: { zh: '新生儿营养补贴', en: 'newborn nutrition subsidy' },
  summary: { zh: '新生儿父母自动获得一次性营养补贴。', en: 'Parents of a newborn receive a one-off subsidy.' },
  subject: 'person',
  mode: 'automatic',
  period: 'once',
  triggers: ['birth'],
  version: {
    effectiveFrom: '2026-11-02',
    legalBasis: '《贵州省新生儿营养补贴试行办法》',
    when: [
      { fact: 'alive', op: 'in', values: ['yes'] },
      { fact: 'householdRole', op: 'in', values: ['户主', '配偶'] },
      { fact: 'daysSinceChildBirth', op: 'lte', value: 30 },
      { fact: 'region', op: 'within', regions: ['52'], label: { zh: '户籍在贵州省', en: 'registered in Guizhou' } },
    ],
    params: { grant: { '52': 500, '5201': 800 } },
    amount: 'grant',
    examples: [
      { name: '贵阳的母亲', on: '2026-11-02', facts: MOTHER, expect: { eligible: true, amount: 800 } },
      {
        name: '两个月前生育',
        on: '2026-11-02',
        facts: { ...MOTHER, childBirthDate: '2026-09-01' },
        expect: { eligible: false, failing: ['最小子女出生距今天数不超过30天'] },
      },
    ],
    ...patch,
  },
});

beforeAll(async () => {
  t = await createTestApp({ env: GENEROUS_LIMITS, now: () => NOW });
  drafter = await t.staff(['catalog_admin'], '52');
  reviewer = await t.staff(['system_admin'], '52');
  // A woman of 22–45 in 南明区 or 云岩区, her household's 配偶 (a parent of its children).
  const m = (await registryPersons(t, 'any', 300, '52010')).find((p) => {
    const { sex, birthDate } = birthFacts(p.idNumber);
    return sex === 'female' && birthDate > '1980-12-31' && birthDate < '2004-01-01';
  })!;
  await sql`UPDATE exchange.person SET household_role = '配偶' WHERE id = ${m.id}`.execute(t.db);
  mother = { ...m, c: (await register(t, m)).c };
});
afterAll(async () => t?.close());

describe('a policy made in the console', () => {
  it('is refused field by field: an unknown fact, an operator its fact cannot take, an amount missing for a region', async () => {
    const bad = newPolicy({
      when: [
        { fact: 'wealth', op: 'gte', value: 1 },
        { fact: 'age', op: 'in', values: ['old'] },
        {
          fact: 'region',
          op: 'within',
          regions: ['522631'],
          label: { zh: '户籍在黎平县', en: 'registered in Liping' },
        },
      ],
      params: { grant: { '5201': 800 } },
    });
    const res = await call(t, drafter.authorization, 'POST', BASE, bad);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json().code).toBe('PROACTIVE.RULE_INVALID');
    const errors = res.json().errors as { field: string; code: string; message: string }[];
    expect(errors.map((e) => e.field)).toEqual(['when.0.fact', 'when.1.op', 'params.grant']);
    // Admitted in 黎平县 (黔东南), paid only in 贵阳: its people would get nothing.
    expect(errors[2]).toMatchObject({ code: 'PROACTIVE.AMOUNT_NOT_COVERED' });
    expect(errors[2]!.message).toContain('黎平县');

    const clerk = await t.staff(['window_clerk'], '52');
    expect((await call(t, clerk.authorization, 'POST', BASE, newPolicy())).statusCode).toBe(403);
    expect((await call(t, clerk.authorization, 'GET', '/api/admin/proactive/facts')).statusCode).toBe(403);
    const nothing = await sql<{ n: number }>`SELECT count(*)::int AS n FROM proactive.policy`.execute(t.db);
    expect(nothing.rows[0]!.n).toBe(0);
  });

  it('is written over the fact catalogue: each fact in words, with its values and the key an example gives', async () => {
    const res = await call(t, drafter.authorization, 'GET', '/api/admin/proactive/facts');
    expect(res.statusCode, res.body).toBe(200);
    const age = (res.json().person as { fact: string }[]).find((f) => f.fact === 'age');
    expect(age).toEqual({
      fact: 'age',
      label: { zh: '年龄', en: 'age' },
      kind: 'years',
      values: [],
      source: 'birthDate',
    });
    const rating = (res.json().enterprise as { fact: string; values: { value: string }[] }[]).find(
      (f) => f.fact === 'taxCreditRating',
    );
    expect(rating!.values.map((v) => v.value)).toEqual(['A', 'B', 'M', 'C', 'D']);
  });

  it('is saved as a draft with its examples run, listed for officers, not yet public', async () => {
    const res = await call(t, drafter.authorization, 'POST', BASE, newPolicy());
    expect(res.statusCode, res.body).toBe(201);
    code = res.json().code;
    expect(code).toMatch(/^policy-[0-9a-f]{10}$/);
    expect(res.json()).toMatchObject({ version: 1, status: 'draft' });
    expect((res.json().examples as { name: string; passed: boolean }[]).map((e) => [e.name, e.passed])).toEqual([
      ['贵阳的母亲', true],
      ['两个月前生育', true],
    ]);
    const twice = await call(t, drafter.authorization, 'POST', BASE, newPolicy());
    expect([twice.statusCode, twice.json().code]).toEqual([409, 'PROACTIVE.POLICY_EXISTS']);

    const list = await call(t, drafter.authorization, 'GET', BASE);
    const row = (list.json().policies as { code: string }[]).find((p) => p.code === code);
    expect(row).toMatchObject({
      name: { zh: '新生儿营养补贴' },
      mode: 'automatic',
      versionInForce: null,
      pending: { version: 1, status: 'draft' },
    });
    const page = await call(t, drafter.authorization, 'GET', `${BASE}/${code}`);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json().versions[0]).toMatchObject({ version: 1, source: 'console', status: 'draft' });
    expect(page.json().versions[0].conditions.map((c: { zh: string }) => c.zh)).toEqual([
      '生存状态为在世',
      '户内关系为户主或配偶',
      '最小子女出生距今天数不超过30天',
      '户籍在贵州省',
    ]);
    const open = await t.app.inject({ method: 'GET', url: '/api/proactive/policies?on=2026-11-02' });
    expect((open.json().policies as { code: string }[]).map((p) => p.code)).not.toContain(code);
  });

  it('is dry-run as drafted, per county, before anyone publishes it', async () => {
    const asIs = await call(t, drafter.authorization, 'POST', `${BASE}/${code}/dry-run`, {});
    expect([asIs.statusCode, asIs.json().code]).toEqual([404, 'PROACTIVE.NO_VERSION_IN_FORCE']);
    const dry = await call(t, drafter.authorization, 'POST', `${BASE}/${code}/dry-run`, { version: 1 });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ policy: { zh: '新生儿营养补贴' }, version: 1, on: '2026-11-02' });
    expect(dry.json().evaluated).toBeGreaterThan(0);
    const granted = await sql<{ n: number }>`SELECT count(*)::int AS n FROM proactive."grant"`.execute(t.db);
    expect(granted.rows[0]!.n).toBe(0);
    const none = await call(t, drafter.authorization, 'POST', `${BASE}/${code}/dry-run`, { version: 9 });
    expect([none.statusCode, none.json().code]).toEqual([404, 'PROACTIVE.VERSION_NOT_FOUND']);
  });

  it('is published by a provincial policy officer only, then listed for everyone', async () => {
    const submit = await call(t, drafter.authorization, 'POST', `${BASE}/${code}/versions/1/submit`);
    expect(submit.statusCode, submit.body).toBe(200);
    const county = await t.staff(['catalog_admin'], '520102');
    const refused = await call(t, county.authorization, 'POST', `${BASE}/${code}/versions/1/approve`, {});
    expect([refused.statusCode, refused.json().code]).toEqual([403, 'PROACTIVE.NOT_PROVINCIAL']);
    const ok = await call(t, reviewer.authorization, 'POST', `${BASE}/${code}/versions/1/approve`, { comment: '同意' });
    expect(ok.statusCode, ok.body).toBe(200);

    const open = await t.app.inject({ method: 'GET', url: '/api/proactive/policies?on=2026-11-02' });
    const listed = (open.json().policies as { code: string; name: { zh: string }; amounts: unknown[] }[]).find(
      (p) => p.code === code,
    );
    expect(listed).toMatchObject({ name: { zh: '新生儿营养补贴' }, version: 1 });
    const audited = await sql<{ action: string }>`
      SELECT action FROM platform.audit_log WHERE target_id = ${code} ORDER BY seq`.execute(t.db);
    expect(audited.rows.map((r) => r.action)).toEqual([
      'proactive.policy-created',
      'proactive.policy-submitted',
      'proactive.policy-published',
    ]);
  });

  it('grants on a birth, the explanation naming its conditions with the values read', async () => {
    // She reads the platform in English: her message names the policy by its English name.
    expect((await mother.c.call('PATCH', '/api/me', { language: 'en' })).statusCode).toBe(200);
    const registrar = await departmentStaff(t, 'gz-health', ['registrar']);
    const res = await call(t, registrar.authorization, 'POST', '/api/exchange/life-events', {
      departmentId: registrar.departmentId,
      event: {
        type: 'birth',
        reference: '出生医学证明-N1',
        occurredOn: '2026-10-28',
        motherIdNumber: mother.idNumber,
        child: { idNumber: makeIdNumber(mother.regionCode.slice(0, 6), '2026-10-28', 514), name: '王小禾' },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    await t.app.outbox.drain();

    const me = await mother.c.call('GET', '/api/me/entitlements');
    expect(me.statusCode, me.body).toBe(200);
    const grant = (
      me.json().entitlements as {
        policy: { zh: string };
        amount: number;
        explanation: {
          eligible: boolean;
          conditions: { condition: { zh: string }; held: boolean; value: { zh: string } }[];
        };
      }[]
    ).find((g) => g.policy.zh === '新生儿营养补贴');
    expect(grant, me.body).toBeDefined();
    expect(grant!.amount).toBe(800);
    expect(grant!.explanation.eligible).toBe(true);
    expect(grant!.explanation.conditions.map((c) => [c.condition.zh, c.held, c.value.zh])).toEqual([
      ['生存状态为在世', true, '在世'],
      ['户内关系为户主或配偶', true, '配偶'],
      ['最小子女出生距今天数不超过30天', true, '5天'],
      ['户籍在贵州省', true, expect.any(String)],
    ]);
    await t.app.notify.drain();
    const inbox = await mother.c.call('GET', '/api/me/inbox?pageSize=50');
    expect(inbox.statusCode, inbox.body).toBe(200);
    const titles = (inbox.json().messages as { kind: string; title: string }[])
      .filter((m) => m.kind === 'benefit-granted')
      .map((m) => m.title);
    expect(titles).toContain('Benefit granted: newborn nutrition subsidy');
  });
});
