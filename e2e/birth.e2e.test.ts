/**
 * A birth, told once, in real Chromium: the hospital's registrar records the birth through 数据通's
 * life-event path; the insured mother, signed in, finds in 我的待遇 the 生育津贴 granted without an
 * application (免申即享: with why and its tracking code) and an offer of the 育儿补贴, accepts it,
 * lets the platform fill the application from the registries (the read listed in 谁用了我的数据:
 * her own facts and the newborn's), submits it and follows it in 我的办件; the 生育津贴's case says why
 * the system granted it and asks her for nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { TestApp } from '../server/src/test/harness.js';
import { GENEROUS_LIMITS, register, registryPersons, type RegistryPerson } from '../server/src/test/people.js';
import { testCipher } from '../server/src/test/keys.js';
import { makeIdNumber } from '../server/src/platform/validators/index.js';
import { birthFacts } from '../server/src/modules/exchange/index.js';
import { call, departmentStaff } from '../server/src/modules/exchange/exchange.test-kit.js';
import { screenshot, keepFailureScreenshots, startPortal, type Portal } from './browser.js';
import { fitsPhone, signIn, staffWithPassword, STAFF_PASSWORD, uploadRequired } from './journey.js';

const NOW = new Date('2026-11-02T04:00:00Z');
const BIRTH = '2026-10-28';
const PASSWORD = 'Tongban2026';
const cipher = testCipher();
let portal: Portal;
let t: TestApp;
let base: string;
let mother: RegistryPerson;
let child: string;

beforeAll(async () => {
  portal = await startPortal({ env: GENEROUS_LIMITS, now: () => NOW });
  ({ t, base } = portal);
  // A woman of 22–45 in 南明区, insured as an employee, her household's 配偶 (a parent of its children).
  mother = (await registryPersons(t, 'any', 200, '520102')).find((p) => {
    const { sex, birthDate } = birthFacts(p.idNumber);
    return sex === 'female' && birthDate > '1980-12-31' && birthDate < '2004-01-01';
  })!;
  const row = await sql<{
    personalEnc: string;
  }>`SELECT personal_enc FROM exchange.person WHERE id = ${mother.id}`.execute(t.db);
  const personal = {
    ...JSON.parse(cipher.decrypt(row.rows[0]!.personalEnc)),
    insured: 'employee',
    disabilityLevel: null,
  };
  await sql`UPDATE exchange.person SET personal_enc = ${cipher.encrypt(JSON.stringify(personal))}, household_role = '配偶' WHERE id = ${mother.id}`.execute(
    t.db,
  );
  await register(t, mother, PASSWORD);
  // The hospital's registrar records the birth (出生医学证明): the one notice the platform acts on.
  const registrar = await departmentStaff(t, 'gz-health', ['registrar']);
  child = makeIdNumber(mother.regionCode.slice(0, 6), BIRTH, 514);
  const born = await call(t, registrar.authorization, 'POST', '/api/exchange/life-events', {
    departmentId: registrar.departmentId,
    event: {
      type: 'birth',
      reference: '出生医学证明-E2E',
      occurredOn: BIRTH,
      motherIdNumber: mother.idNumber,
      child: { idNumber: child, name: '王小满' },
    },
  });
  expect(born.statusCode, born.body).toBe(201);
  await t.app.outbox.drain();
});
afterAll(async () => portal?.close());
keepFailureScreenshots(() => portal);

describe('a birth, told once', () => {
  it('the mother finds the 生育津贴 granted and the 育儿补贴 offered, applies prefilled, and follows it', async () => {
    const page = await portal.newPage();
    await signIn(page, base, mother.idNumber, PASSWORD, '/me');
    await page.getByRole('link', { name: '我的待遇' }).click();
    await page.getByRole('heading', { level: 1, name: '我的待遇与可享政策' }).waitFor();

    // 免申即享: granted without an application, with the amount, the tracking code and why.
    const granted = page.getByRole('list', { name: '已为您办理的待遇' }).getByRole('listitem');
    const allowance = granted.filter({ hasText: '生育津贴' });
    await allowance.getByText('金额：15,680 元').waitFor();
    const grant = (
      await sql<{
        code: string;
        caseId: string;
      }>`SELECT c.tracking_code AS code, c.id AS case_id FROM proactive."grant" g
        JOIN cases."case" c ON c.id = g.case_id WHERE g.policy_code = 'maternity-allowance' AND g.subject_key = ${mother.id}`.execute(
        t.db,
      )
    ).rows[0]!;
    await allowance.getByText(`办件编号：${grant.code}`).waitFor();
    await allowance.getByText(/判断依据/).click();
    await allowance.getByText('参加职工社会保险').waitFor();
    await allowance.getByText('一年内生育').waitFor();

    // 政策找人: the 育儿补贴, with its amount and why.
    const offer = page
      .getByRole('list', { name: '您可以申请的政策' })
      .getByRole('listitem')
      .filter({ hasText: '育儿补贴' });
    await offer.getByText('金额：3,600 元').waitFor();
    await offer.getByText('在线申请：育儿补贴申领').waitFor();
    expect(await page.getByText(/[0-9a-f]{8}-[0-9a-f]{4}-/).count()).toBe(0);
    await screenshot(page, 'birth-benefits');
    await page.setViewportSize({ width: 390, height: 844 });
    await fitsPhone(page);
    await screenshot(page, 'birth-benefits-phone');
    await page.setViewportSize({ width: 1280, height: 900 });

    // Accepting opens the application; the registries fill what they know, with consent.
    await offer.getByRole('button', { name: '去申请' }).click();
    await page.waitForURL(/\/items\/\w+051350011000\d\/apply$/);
    await page.getByRole('checkbox', { name: '我同意平台读取上述信息用于本次申请' }).check();
    await page.getByRole('button', { name: '预填', exact: true }).click();
    // Her name, ID number and address, and the newborn's name, ID number and date of birth: six facts.
    await page.getByText('已预填 6 项，读取记录已计入“谁用了我的数据”。').waitFor();
    await page.getByText('2026-10-28').first().waitFor();
    await page.getByLabel('联系电话').fill('13812345678');
    await page.getByLabel('开户银行').fill('中国工商银行贵阳中华北路支行');
    await page.getByLabel('收款银行账号').fill('6222021234567890123');
    await screenshot(page, 'birth-apply-form');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('heading', { level: 2, name: '申请材料' }).waitFor();
    await uploadRequired(page);
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('button', { name: '确认提交' }).click();
    const trackingCode = (await page.locator('.tb-apply-done__tracking').innerText()).trim();
    expect(trackingCode).toMatch(/^\d{6}-[0-9A-Z]{6}$/);
    await screenshot(page, 'birth-submitted');

    // Followed in 我的办件; the registry read is on record in 谁用了我的数据.
    await page.goto(`${base}/me/cases`);
    await page.getByText(trackingCode).first().waitFor();
    await page.getByText('育儿补贴申领').first().waitFor();
    // The offer now says she applied, with the application's tracking code (触达统计 counts it).
    await t.app.outbox.drain();
    await page.goto(`${base}/me/benefits`);
    await offer.getByText('申请中').waitFor();
    await offer.getByText(trackingCode).waitFor();
    expect(await offer.getByRole('button', { name: '去申请' }).count()).toBe(0);
    await screenshot(page, 'birth-offer-applied');
    await page.goto(`${base}/me/data-uses`);
    // (The server's clock is fixed at the day of the journey; the browser's runs on: show every read.)
    await page.getByLabel('时间范围').selectOption({ label: '全部' });
    const reads = page.getByRole('region', { name: /我的数据被哪些部门读取/ });
    await reads
      .getByText(/本人授权/)
      .first()
      .waitFor();
    await screenshot(page, 'birth-data-uses');

    // The 生育津贴's case says why the system granted it, condition by condition.
    await page.goto(`${base}/me/cases/${grant.caseId}`);
    const why = page.getByRole('region', { name: '自动准予的判断依据' });
    await why.getByText('参加职工社会保险').waitFor();
    await why.getByText('一年内生育').waitFor();
    await why.getByText(/您无需填写申请表，也无需提交材料/).waitFor();
    // Nothing asks her for a form or a material the system never needed.
    expect(await page.getByText('尚缺必需材料').count()).toBe(0);
    expect(await page.getByRole('heading', { name: '申请表' }).count()).toBe(0);
    await screenshot(page, 'birth-grant-case');
    await page.context().close();

    // The county's window sees the same case in the workbench: the reasons, and no form or
    // material list the system never needed.
    const region = (
      await sql<{
        regionCode: string;
      }>`SELECT region_code AS "regionCode" FROM cases."case" WHERE id = ${grant.caseId}`.execute(t.db)
    ).rows[0]!.regionCode;
    const clerk = await staffWithPassword(t, ['window_clerk'], region);
    const work = await portal.newPage({ width: 1280, height: 900 });
    await signIn(work, base, clerk.username, STAFF_PASSWORD, `/workbench/cases/${grant.caseId}`);
    const reasons = work.getByRole('region', { name: '自动准予的判断依据' });
    await reasons.getByText('参加职工社会保险').waitFor();
    await reasons.getByText('申请人未填写申请表，也无需提交材料').waitFor();
    expect(await work.getByText('尚缺必需材料').count()).toBe(0);
    expect(await work.getByRole('heading', { name: '申请表' }).count()).toBe(0);
    expect(await work.getByRole('heading', { name: '申办一袋（材料）' }).count()).toBe(0);
    await screenshot(work, 'birth-grant-case-workbench');
    await work.setViewportSize({ width: 390, height: 844 });
    await fitsPhone(work);
    await screenshot(work, 'birth-grant-case-workbench-390');
    await work.setViewportSize({ width: 1280, height: 900 });
    await work.getByRole('button', { name: 'English', exact: true }).click();
    await work.getByText(/the applicant filled in no form and owes no material/).waitFor();
    await work.setViewportSize({ width: 390, height: 844 });
    await fitsPhone(work);
    await screenshot(work, 'birth-grant-case-workbench-390-en');
    await work.context().close();
  });
});
