/**
 * 主动服务 followed to its end, through HTTP against the real database. 政策找人: an offer counts as
 * applied when its beneficiary files the policy's item (accepting is not applying), as granted when
 * that case is approved and as refused when it is refused; a case of another item or of another
 * person links to nothing; redelivered case events link once; a batch of cases (offered, not offered,
 * linked already) links and decides as the same cases one by one. 免申即享 for enterprises: an automatic
 * grant opens a case the system decides, filed for the enterprise (its legal representative the
 * person on it), seen acting for it, not by anyone else; judging twice grants once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { GENEROUS_LIMITS, register, registryPersons, type Client, type RegistryPerson } from '../../test/people.js';
import { acceptCase, approveCase, formlessCountyItem, sampleForm, submitCase } from '../../test/cases.js';
import { testCipher } from '../../test/keys.js';
import { call } from '../exchange/exchange.test-kit.js';
import type { Db } from '../../platform/db/index.js';
import { followApplication, followApplications } from './applications.js';

const cipher = testCipher();
const NOW = new Date('2026-11-02T04:00:00Z');
const SKILLS = 'skills-subsidy';

let t: TestApp;
let officer: { authorization: string };
/** Offered 技能提升补贴: one applies and is approved, one is refused, one only accepts. */
let applicant: RegistryPerson & { c: Client };
let refused: RegistryPerson & { c: Client };
let clicker: RegistryPerson & { c: Client };

async function setFacts(personId: string, patch: Record<string, unknown>): Promise<void> {
  const row = await sql<{
    personalEnc: string;
  }>`SELECT personal_enc FROM exchange.person WHERE id = ${personId}`.execute(t.db);
  const personal = { ...JSON.parse(cipher.decrypt(row.rows[0]!.personalEnc)), ...patch };
  await sql`UPDATE exchange.person SET personal_enc = ${cipher.encrypt(JSON.stringify(personal))} WHERE id = ${personId}`.execute(
    t.db,
  );
}

interface OfferView {
  id: string;
  policy: { zh: string };
  status: string;
  item: { code: string; name: string } | null;
  application: { caseId: string; trackingCode: string; decision: string | null } | null;
}

const skillsOffer = async (c: Client): Promise<OfferView> => {
  const res = await c.call('GET', '/api/me/offers');
  expect(res.statusCode, res.body).toBe(200);
  const offer = (res.json().offers as OfferView[]).find((o) => o.policy.zh === '技能提升补贴');
  expect(offer, res.body).toBeDefined();
  return offer!;
};

const reach = async () => {
  const res = await call(t, officer.authorization, 'GET', `/api/admin/proactive/policies/${SKILLS}/reach`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().total as { told: number; applied: number; granted: number; refused: number };
};

/** Files the offered item's application as the person (with every material), answering the case. */
async function applyFor(p: { c: Client }, key: string): Promise<string> {
  const { item } = await skillsOffer(p.c);
  return submitCase(p.c, item!.code, key, await sampleForm(t, item!.code));
}

const staffFor = async (itemCode: string) => {
  const region = (
    await sql<{ regionCode: string }>`SELECT region_code FROM catalog.item WHERE code = ${itemCode}`.execute(t.db)
  ).rows[0]!.regionCode;
  return {
    clerk: (await t.staff(['window_clerk'], region)).authorization,
    approver: (await t.staff(['approver'], region)).authorization,
  };
};

beforeAll(async () => {
  t = await createTestApp({ env: GENEROUS_LIMITS, now: () => NOW });
  officer = await t.staff(['catalog_admin'], '52');
  const [a, b, c] = (await registryPersons(t, 'any', 200, '52010')).filter((p) => {
    const born = p.idNumber.slice(6, 10);
    return born > '1970' && born < '2000';
  });
  for (const p of [a!, b!, c!]) await setFacts(p.id, { insured: 'employee', incomeBand: 'ordinary' });
  applicant = { ...a!, c: (await register(t, a!)).c };
  refused = { ...b!, c: (await register(t, b!)).c };
  clicker = { ...c!, c: (await register(t, c!)).c };
  // Two small active enterprises, registered (a fixture) in 云岩区: the first one's representative
  // opens its account before the engine runs, the second one's after.
  const firms = (
    await sql<{ creditCode: string; rep: string }>`
      SELECT DISTINCT ON (e.legal_representative_id) e.credit_code, e.legal_representative_id AS rep
      FROM exchange.legal_entity e JOIN exchange.person p ON p.id = e.legal_representative_id
      WHERE e.status = 'active' AND p.alive
        AND NOT EXISTS (SELECT 1 FROM identity.person_account a WHERE a.registry_person_id = p.id)
      ORDER BY e.legal_representative_id, e.credit_code LIMIT 2`.execute(t.db)
  ).rows;
  expect(firms).toHaveLength(2);
  const reps = await registryPersons(t, 'legal-representative', 5000);
  for (const [i, f] of firms.entries()) {
    await sql`UPDATE exchange.legal_entity SET employees = 12,
      region_code = (SELECT region_code FROM exchange.person WHERE region_code LIKE '520103%' ORDER BY id LIMIT 1)
      WHERE credit_code = ${f.creditCode}`.execute(t.db);
    const person = reps.find((p) => p.id === f.rep)!;
    firm[i] = { ...person, c: (await register(t, person)).c, creditCode: f.creditCode, enterpriseId: '' };
  }
  await claim(firm[0]!);
  await t.app.proactiveRecheck(NOW);
});
afterAll(async () => t?.close());

interface Firm extends RegistryPerson {
  c: Client;
  creditCode: string;
  enterpriseId: string;
}
const firm: Firm[] = [];

/** The representative opens the enterprise's account and acts for it. */
async function claim(f: Firm): Promise<void> {
  const claimed = await f.c.call('POST', '/api/enterprises', { creditCode: f.creditCode });
  expect(claimed.statusCode, claimed.body).toBe(201);
  f.enterpriseId = claimed.json().enterpriseId;
  expect((await f.c.call('PUT', '/api/me/acting-for', { enterpriseId: f.enterpriseId })).statusCode).toBe(200);
}

describe('政策找人: reach follows the applications', () => {
  let caseId: string;

  it('does not count an accepted offer as applied', async () => {
    const before = await reach();
    expect(before.told).toBeGreaterThanOrEqual(3);
    const offer = await skillsOffer(clicker.c);
    const res = await clicker.c.call('POST', `/api/me/offers/${offer.id}/accept`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'accepted', application: null });
    expect(await reach()).toEqual(before);
  });

  it('links nothing for a case of another item, nor for another person’s application', async () => {
    const before = await reach();
    const other = await formlessCountyItem(t);
    await submitCase(clicker.c, other.code, 'other-item');
    await applyFor(refused, 'refused-applies');
    await t.app.outbox.drain();
    expect((await skillsOffer(clicker.c)).application).toBeNull();
    expect((await skillsOffer(applicant.c)).application).toBeNull();
    // Only the other person's own offer counts.
    expect((await skillsOffer(refused.c)).application).toMatchObject({ decision: null });
    expect(await reach()).toEqual({ ...before, applied: before.applied + 1 });
  });

  it('counts the offer as applied once its beneficiary files the item, and shows 申请中 with the tracking code', async () => {
    const before = await reach();
    caseId = await applyFor(applicant, 'applicant-applies');
    await t.app.outbox.drain();
    const offer = await skillsOffer(applicant.c);
    expect(offer.status).toBe('open');
    const theCase = (await applicant.c.call('GET', `/api/cases/${caseId}`)).json();
    expect(offer.application).toEqual({ caseId, trackingCode: theCase.trackingCode, decision: null });
    expect(await reach()).toEqual({ ...before, applied: before.applied + 1 });
  });

  it('counts it as granted when the case is approved, and refused when another is refused', async () => {
    const before = await reach();
    const { item } = await skillsOffer(applicant.c);
    const { clerk, approver } = await staffFor(item!.code);
    await approveCase(t, caseId, clerk, approver);
    await t.app.outbox.drain();
    expect((await skillsOffer(applicant.c)).application).toMatchObject({ caseId, decision: 'approved' });
    expect(await reach()).toEqual({ ...before, granted: before.granted + 1 });

    const theirs = await skillsOffer(refused.c);
    const refusedCase = theirs.application!.caseId;
    const window = await staffFor(theirs.item!.code);
    await acceptCase(t, refusedCase, window.clerk);
    const task = (
      await t.app.inject({ method: 'GET', url: `/api/cases/${refusedCase}`, headers: { authorization: window.clerk } })
    )
      .json()
      .tasks.find((k: { status: string }) => k.status === 'open');
    const no = await t.app.inject({
      method: 'POST',
      url: `/api/tasks/${task.id}/refuse`,
      headers: { authorization: window.approver },
      payload: { version: task.version, opinion: '证书不属于补贴目录', legalBasis: '人社部发〔2017〕40号' },
    });
    expect(no.statusCode, no.body).toBe(204);
    await t.app.outbox.drain();
    expect((await skillsOffer(refused.c)).application).toMatchObject({ decision: 'refused' });
    expect(await reach()).toEqual({ ...before, granted: before.granted + 1, refused: before.refused + 1 });
  });

  it('links once when the case events are delivered again', async () => {
    const before = await reach();
    await sql`INSERT INTO platform.outbox (topic, aggregate_type, aggregate_id, payload, actor_id)
      SELECT topic, aggregate_type, aggregate_id, payload, actor_id FROM platform.outbox
      WHERE topic IN ('cases.case-submitted', 'cases.case-decided')`.execute(t.db);
    await t.app.outbox.drain();
    expect(await reach()).toEqual(before);
    const linked = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM proactive.offer WHERE case_id = ${caseId}`.execute(t.db);
    expect(linked.rows[0]!.n).toBe(1);
  });

  it('follows a batch of cases as it follows them one by one, and the outbox delivers them so', async () => {
    // The clicker (offered, not applied) files the item and is approved before anything is delivered;
    // a person offered nothing files it too; the applicant's case, linked already, comes again.
    const { item } = await skillsOffer(clicker.c);
    const clickerCase = await applyFor(clicker, 'clicker-applies');
    const { clerk, approver } = await staffFor(item!.code);
    await approveCase(t, clickerCase, clerk, approver);
    const unoffered = (
      await sql<{ id: string }>`
        SELECT p.id FROM exchange.person p WHERE p.alive AND p.region_code LIKE '52010%'
          AND NOT EXISTS (SELECT 1 FROM identity.person_account a WHERE a.registry_person_id = p.id)
          AND NOT EXISTS (SELECT 1 FROM proactive.offer o WHERE o.beneficiary_person_id = p.id)
        ORDER BY p.id LIMIT 1`.execute(t.db)
    ).rows[0]!.id;
    const nobody = (await registryPersons(t, 'any', 5000, '52010')).find((p) => p.id === unoffered)!;
    const nobodyCase = await submitCase(
      (await register(t, nobody)).c,
      item!.code,
      'nobody-applies',
      await sampleForm(t, item!.code),
    );
    const caseIds = [clickerCase, nobodyCase, caseId, clickerCase];

    const offers = async (db: Db) =>
      (
        await sql<Record<string, unknown>>`
          SELECT id, case_id, tracking_code, applied_at, case_decision FROM proactive.offer ORDER BY id`.execute(db)
      ).rows;
    const rolledBack = new Error('rolled back');
    const followedIn = async (work: (trx: Db) => Promise<void>) => {
      let after: Record<string, unknown>[] = [];
      await t.db
        .transaction()
        .execute(async (trx) => {
          await work(trx);
          after = await offers(trx);
          throw rolledBack;
        })
        .catch((e: unknown) => {
          if (e !== rolledBack) throw e;
        });
      return after;
    };
    const before = await offers(t.db);
    const oneByOne = await followedIn(async (trx) => {
      for (const id of caseIds) await followApplication(trx, id);
    });
    const batched = await followedIn((trx) => followApplications(trx, caseIds));
    expect(batched).toEqual(oneByOne);
    expect(batched.filter((o) => o.caseId === clickerCase)).toEqual([
      expect.objectContaining({ caseDecision: 'approved' }),
    ]);
    expect(batched.filter((o) => !before.some((b) => JSON.stringify(b) === JSON.stringify(o)))).toHaveLength(1);

    await t.app.outbox.drain();
    expect(await offers(t.db)).toEqual(batched);
  });
});

describe('免申即享 for an enterprise', () => {
  const RELIEF = '小微企业“六税两费”减半征收';
  let grant: { caseId: string; trackingCode: string };

  const reliefOf = async (f: Firm) => {
    const res = await f.c.call('GET', '/api/me/entitlements');
    expect(res.statusCode, res.body).toBe(200);
    const relief = (
      res.json().entitlements as { policy: { zh: string }; trackingCode: string | null; caseId: string | null }[]
    ).find((g) => g.policy.zh === RELIEF);
    expect(relief, res.body).toBeDefined();
    return relief!;
  };
  const reliefCases = async (f: Firm) =>
    (
      await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM cases."case" WHERE applicant_enterprise_id = ${f.enterpriseId}
          AND basic_code = '101500011000'`.execute(t.db)
    ).rows[0]!.n;

  it('opens a case the system decided, with a tracking code, under 惠企政策 and in the enterprise’s 我的办件', async () => {
    const f = firm[0]!;
    const relief = await reliefOf(f);
    expect(relief.trackingCode).toMatch(/^\d{6}-[0-9A-Z]{6}$/);
    grant = { caseId: relief.caseId!, trackingCode: relief.trackingCode! };

    const theCase = await f.c.call('GET', `/api/cases/${grant.caseId}`);
    expect(theCase.statusCode, theCase.body).toBe(200);
    expect(theCase.json()).toMatchObject({
      status: 'approved',
      trackingCode: grant.trackingCode,
      itemName: RELIEF,
      filedBySystem: true,
    });
    // Filed by the system from the registries: nothing is missing.
    const bag = await f.c.call('GET', `/api/cases/${grant.caseId}/materials`);
    expect(bag.statusCode, bag.body).toBe(200);
    expect(bag.json()).toMatchObject({ missingRequired: [], openPromises: [] });
    const mine = await f.c.call('GET', '/api/cases');
    expect((mine.json().cases as { id: string }[]).map((c) => c.id)).toContain(grant.caseId);
    const decided = await sql<{ applicantEnterpriseId: string; decisionNo: string | null }>`
      SELECT applicant_enterprise_id, decision_no FROM cases."case" WHERE id = ${grant.caseId}`.execute(t.db);
    expect(decided.rows[0]).toMatchObject({ applicantEnterpriseId: f.enterpriseId, decisionNo: expect.any(String) });
  });

  it('is the enterprise’s: not its representative’s own, not an unrelated person’s', async () => {
    const f = firm[0]!;
    expect((await f.c.call('PUT', '/api/me/acting-for', { enterpriseId: null })).statusCode).toBe(200);
    expect((await f.c.call('GET', `/api/cases/${grant.caseId}`)).statusCode).toBe(404);
    expect((await clicker.c.call('GET', `/api/cases/${grant.caseId}`)).statusCode).toBe(404);
    expect((await firm[1]!.c.call('GET', `/api/cases/${grant.caseId}`)).statusCode).toBe(404);
    expect((await f.c.call('PUT', '/api/me/acting-for', { enterpriseId: f.enterpriseId })).statusCode).toBe(200);
  });

  it('opens the case of a grant made before the enterprise had an account at the next run', async () => {
    const f = firm[1]!;
    await claim(f);
    expect(await reliefOf(f)).toMatchObject({ caseId: null, trackingCode: null });
    await t.app.proactiveRecheck(NOW);
    const relief = await reliefOf(f);
    expect(relief.trackingCode).toMatch(/^\d{6}-[0-9A-Z]{6}$/);
    expect((await f.c.call('GET', `/api/cases/${relief.caseId}`)).json()).toMatchObject({ status: 'approved' });
  });

  it('grants once when judged twice', async () => {
    await t.app.proactiveRecheck(NOW);
    for (const f of firm) {
      const grants = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM proactive."grant" WHERE policy_code = 'small-business-tax-relief'
          AND credit_code = ${f.creditCode}`.execute(t.db);
      expect(grants.rows[0]!.n).toBe(1);
      expect(await reliefCases(f)).toBe(1);
    }
  });
});
