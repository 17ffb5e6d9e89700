/**
 * 预填 with consent: nothing is read without it; with it the consent is recorded, the form is
 * filled from the registries and each read appears in 谁用了我的数据.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { GENEROUS_LIMITS, register, registryPersons, type Client, type RegistryPerson } from '../../../test/people.js';
import { actForEnterprise, sampleForm } from '../../../test/cases.js';
import { testCipher } from '../../../test/keys.js';

let t: TestApp;
let person: RegistryPerson;
let resident: Client;
let dibao: { code: string; department: string };

const itemNamed = async (name: string) =>
  (
    await sql<{ code: string; department: string }>`
    SELECT i.code, d.name AS department FROM catalog.item i
    JOIN catalog.item_version v ON v.item_id = i.id AND v.version = i.published_version
    JOIN catalog.department d ON d.id = i.department_id
    WHERE v.name = ${name} AND length(i.region_code) = 6 ORDER BY i.code LIMIT 1`.execute(t.db)
  ).rows[0]!;
const logged = async () =>
  (
    await sql<{ n: number }>`SELECT count(*)::int AS n FROM exchange.access_log WHERE officer_kind = 'person'`.execute(
      t.db,
    )
  ).rows[0]!.n;
const consents = async () =>
  (await sql<{ n: number }>`SELECT count(*)::int AS n FROM exchange.prefill_consent`.execute(t.db)).rows[0]!.n;

beforeAll(async () => {
  t = await createTestApp({ env: GENEROUS_LIMITS });
  person = (await registryPersons(t, 'any', 1))[0]!;
  ({ c: resident } = await register(t, person));
  dibao = await itemNamed('最低生活保障审批');
});
afterAll(async () => t?.close());

describe('prefill from the registries', () => {
  it('reads nothing without consent, and refuses an anonymous caller', async () => {
    const refused = await resident.call('POST', '/api/me/prefill', { itemCode: dibao.code, consent: false });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'EXCHANGE.CONSENT_REQUIRED' });
    expect(await logged()).toBe(0);
    expect(await consents()).toBe(0);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/me/prefill',
      payload: { itemCode: dibao.code, consent: true },
    });
    expect([401, 403]).toContain(anonymous.statusCode);
    expect(await logged()).toBe(0);
  });

  it('fills name, ID number and household address with consent, records it, and shows the read in 谁用了我的数据', async () => {
    const res = await resident.call('POST', '/api/me/prefill', { itemCode: dibao.code, consent: true });
    expect(res.statusCode, res.body).toBe(200);
    const { values } = res.json();
    expect(values.applicantName).toBe(person.name);
    expect(values.idNumber).toBe(person.idNumber);
    expect(typeof values.householdAddress).toBe('string');
    expect(Object.keys(values).sort()).toEqual(['applicantName', 'householdAddress', 'idNumber']);
    expect(await consents()).toBe(1);

    const uses = (await resident.call('GET', '/api/me/data-uses')).json().uses as {
      via: string;
      officer: string;
      department: string;
      purpose: string;
      resource: { name: string };
      fields: { name: string }[];
    }[];
    const prefill = uses.find((u) => u.via === 'person');
    expect(prefill).toMatchObject({
      officer: '本人授权',
      department: dibao.department,
      resource: { name: '人口基础信息' },
    });
    expect(prefill!.purpose).toContain('最低生活保障审批');
    expect(prefill!.fields.map((f) => f.name).sort()).toEqual(['公民身份号码', '姓名', '户籍地址'].sort());

    // The prefilled form is one the server accepts.
    const form = { ...(await sampleForm(t, dibao.code)), ...values };
    const submitted = await resident.call(
      'POST',
      '/api/cases',
      { itemCode: dibao.code, form },
      { headers: { 'idempotency-key': 'prefill-submit-0001' } },
    );
    expect(submitted.statusCode, submitted.body).toBe(201);
  });

  it('fills an enterprise’s registered facts for its legal representative acting for it', async () => {
    const [rep] = await registryPersons(t, 'legal-representative', 1);
    const { c } = await register(t, rep!);
    const { creditCode } = await actForEnterprise(t, c, rep!.id);
    const change = await itemNamed('企业变更登记（公司）');
    const res = await c.call('POST', '/api/me/prefill', { itemCode: change.code, consent: true });
    expect(res.statusCode, res.body).toBe(200);
    const { values } = res.json();
    expect(values.creditCode).toBe(creditCode);
    expect(values.legalRepName).toBe(rep!.name);
    expect(values.companyName).toBeTruthy();
    const uses = (await c.call('GET', '/api/me/data-uses')).json().uses as {
      via: string;
      resource: { name: string };
    }[];
    expect(uses.filter((u) => u.via === 'person').map((u) => u.resource.name)).toContain('法人基础信息');
  });

  it('fills the child a parent applies about: the household’s youngest, logged as a read of the child’s record', async () => {
    const cipher = testCipher();
    // A parent (户主 or 配偶) without an account whose household has living children.
    const parent = (
      await sql<{
        id: string;
        householdId: string;
        regionCode: string;
        idNumberEnc: string;
        personalEnc: string;
      }>`SELECT p.id, p.household_id, p.region_code, p.id_number_enc, p.personal_enc FROM exchange.person p
        WHERE p.alive AND p.household_role IN ('户主', '配偶')
          AND NOT EXISTS (SELECT 1 FROM identity.person_account a WHERE a.registry_person_id = p.id)
          AND EXISTS (SELECT 1 FROM exchange.person c WHERE c.household_id = p.household_id AND c.household_role = '子女' AND c.alive)
        ORDER BY p.id LIMIT 1`.execute(t.db)
    ).rows[0]!;
    const children = (
      await sql<{ id: string; idNumberEnc: string }>`SELECT id, id_number_enc FROM exchange.person
        WHERE household_id = ${parent.householdId} AND household_role = '子女' AND alive`.execute(t.db)
    ).rows.map((r) => ({ id: r.id, idNumber: cipher.decrypt(r.idNumberEnc) }));
    const youngest = children.sort((a, b) => b.idNumber.slice(6, 14).localeCompare(a.idNumber.slice(6, 14)))[0]!;
    const me = {
      id: parent.id,
      name: (JSON.parse(cipher.decrypt(parent.personalEnc)) as { name: string }).name,
      idNumber: cipher.decrypt(parent.idNumberEnc),
      regionCode: parent.regionCode,
    };
    const { c } = await register(t, me);
    const subsidy = await itemNamed('育儿补贴申领');
    const res = await c.call('POST', '/api/me/prefill', { itemCode: subsidy.code, consent: true });
    expect(res.statusCode, res.body).toBe(200);
    const { values } = res.json();
    expect(values).toMatchObject({
      applicantName: me.name,
      childIdNumber: youngest.idNumber,
      childBirthDate: `${youngest.idNumber.slice(6, 10)}-${youngest.idNumber.slice(10, 12)}-${youngest.idNumber.slice(12, 14)}`,
    });
    expect(typeof values.childName).toBe('string');
    const read = await sql<{ fields: string[] }>`SELECT fields FROM exchange.access_log
      WHERE officer_kind = 'person' AND subject_key = ${youngest.id}`.execute(t.db);
    expect(read.rows.map((r) => [...r.fields].sort())).toEqual([['birthDate', 'idNumber', 'name']]);
  });
});
