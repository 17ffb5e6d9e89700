/**
 * The brief's last paragraph, end to end in real Chromium: a restaurant owner types "我要开饭店",
 * opens the guide of 食品经营许可（新办）, signs in, applies for their enterprise with the e-licences
 * the platform already holds attached (免提交), gets a tracking code; the county window accepts;
 * the market regulator and urban management check in parallel (并联审批) and the regulator decides;
 * the 食品经营许可证 is issued as an e-licence, which the owner finds in 我的证照 before rating the
 * case 非常满意.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { TestApp } from '../server/src/test/harness.js';
import { GENEROUS_LIMITS, register, registryPersons, type RegistryPerson } from '../server/src/test/people.js';
import { makeIdNumber } from '../server/src/platform/validators/index.js';
import { seedDemoProcesses } from '../server/src/modules/cases/index.js';
import { screenshot, keepFailureScreenshots, startPortal, type Portal } from './browser.js';
import { signIn, staffWithPassword, STAFF_PASSWORD } from './journey.js';

let portal: Portal;
let t: TestApp;
let base: string;
let owner: RegistryPerson;
let company: { creditCode: string; name: string };
const PASSWORD = 'Tongban2026';
const FOOD = '食品经营许可（新办）';
const PDF = {
  name: '布局图.pdf',
  mimeType: 'application/pdf',
  buffer: Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1'),
};

/** A member of staff with a password, limited to one department of the county. */
async function departmentOfficer(
  roles: Parameters<TestApp['staff']>[0],
  regionCode: string,
  category: string,
): Promise<string> {
  const { username } = await staffWithPassword(t, roles, regionCode);
  await sql`UPDATE identity.staff SET department_ids = ARRAY(SELECT id FROM catalog.department WHERE region_code = ${regionCode} AND category = ${category}) WHERE username = ${username}`.execute(
    t.db,
  );
  return username;
}

beforeAll(async () => {
  portal = await startPortal({ env: GENEROUS_LIMITS });
  ({ t, base } = portal);
  await seedDemoProcesses(t.db, '52'); // as on first start: the parallel checks of a restaurant licence
  [owner] = (await registryPersons(t, 'legal-representative', 1)) as [RegistryPerson];
  const { c } = await register(t, owner, PASSWORD);
  await t.app.outbox.drain(); // the owner's 居民身份证 e-licence
  company = (
    await sql<{
      creditCode: string;
      name: string;
    }>`SELECT credit_code, name FROM exchange.legal_entity WHERE legal_representative_id = ${owner.id} AND status = 'active' ORDER BY credit_code LIMIT 1`.execute(
      t.db,
    )
  ).rows[0]!;
  expect((await c.call('POST', '/api/enterprises', { creditCode: company.creditCode })).statusCode).toBe(201);
});
afterAll(async () => portal?.close());
keepFailureScreenshots(() => portal);

describe('我要开饭店, from search to a licence in the wallet', () => {
  let trackingCode: string;
  let caseId: string;
  let regionCode: string;

  it('finds the licence from a colloquial search and applies with the licences the platform holds', async () => {
    const page = await portal.newPage();
    await page.goto(base);
    await page.getByRole('searchbox').first().fill('我要开饭店');
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: FOOD }).first().click();
    await page.getByRole('heading', { level: 1, name: FOOD }).waitFor();
    const code = page.url().split('/items/')[1]!.split(/[?#]/)[0]!;
    regionCode = (
      await sql<{ r: string }>`SELECT region_code AS r FROM catalog.item WHERE code = ${code}`.execute(t.db)
    ).rows[0]!.r;
    await screenshot(page, 'brief-guide');
    await page
      .getByRole('link', { name: /立即申请/ })
      .first()
      .click();

    await page.getByLabel('账号', { exact: true }).fill(owner.idNumber);
    await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('radio', { name: `代 ${company.name} 申报` }).check();
    await expect.poll(() => page.getByLabel('统一社会信用代码').inputValue()).toBe(company.creditCode);
    await page.getByLabel('经营场所', { exact: true }).fill('贵阳市云岩区中华北路 18 号');
    await page.getByLabel('经营场所面积（平方米）').fill('85');
    await page.getByRole('radio', { name: '餐饮服务经营者' }).check();
    await page.getByLabel('经营项目').fill('热食类食品制售');
    await page.getByLabel('食品安全管理人员姓名').fill('李娜');
    await page.getByLabel('食品安全管理人员身份证号码').fill(makeIdNumber('520103', '1990-05-06', 42));
    await page.getByLabel('联系电话').fill('13698765432');
    await page.getByRole('button', { name: '下一步' }).click();

    await page.getByRole('heading', { level: 2, name: '申请材料' }).waitFor();
    await page.getByRole('checkbox', { name: /我授权本平台调取/ }).check();
    const rows = page.getByRole('list', { name: '申请材料清单' }).getByRole('listitem');
    await rows.filter({ hasText: '营业执照' }).first().getByText('已由电子证照自动关联，免提交').waitFor();
    for (let i = 0; i < (await rows.count()); i++) {
      const row = rows.nth(i);
      if (!(await row.getByText('必要', { exact: true }).count()) || !(await row.locator('input[type=file]').count()))
        continue;
      await row.locator('input[type=file]').setInputFiles(PDF);
      await row.getByText(PDF.name).waitFor();
    }
    await screenshot(page, 'brief-materials');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('button', { name: '确认提交' }).click();
    await page.getByText('申请材料已全部上传。').waitFor();
    trackingCode = (await page.locator('.tb-apply-done__tracking').innerText()).trim();
    expect(trackingCode).toMatch(/^\d{6}-[0-9A-Z]{6}$/);
    caseId = (
      await sql<{ id: string }>`SELECT id FROM cases."case" WHERE tracking_code = ${trackingCode}`.execute(t.db)
    ).rows[0]!.id;
    await screenshot(page, 'brief-submitted');
    await page.context().close();
  });

  it('is accepted at the window and checked by two departments in parallel, then decided', async () => {
    const clerk = await staffWithPassword(t, ['window_clerk'], regionCode);
    const window = await portal.newPage();
    await signIn(window, base, clerk.username, STAFF_PASSWORD, '/workbench');
    const card = window
      .getByRole('list', { name: '待受理办件' })
      .getByRole('listitem')
      .filter({ hasText: trackingCode });
    await card.getByRole('button', { name: new RegExp(`^受理.*${trackingCode}`) }).click();
    await card.getByRole('form').getByRole('button', { name: '受理', exact: true }).click();
    await window
      .getByRole('status')
      .filter({ hasText: `已受理：${trackingCode}` })
      .waitFor();
    await window.context().close();

    // Both checks are open at once, each in its own department's queue.
    const open = await sql<{
      name: string;
    }>`SELECT name FROM cases.task WHERE case_id = ${caseId} AND status = 'open' ORDER BY name`.execute(t.db);
    expect(open.rows.map((r) => r.name).sort()).toEqual(['经营场所现场核查', '门头招牌与油烟排放核查'].sort());

    const approve = async (username: string, taskName: string) => {
      const page = await portal.newPage();
      await signIn(page, base, username, STAFF_PASSWORD, `/workbench/cases/${caseId}`);
      const form = page.getByRole('form', { name: `办理操作 ${taskName}` });
      await form.getByLabel('意见内容').fill('经核查，符合要求，同意。');
      await form.getByRole('button', { name: '同意', exact: true }).click();
      await page
        .getByRole('status')
        .filter({ hasText: new RegExp(`已办理：同意 · ${taskName}`) })
        .waitFor();
      await screenshot(page, `brief-${taskName}`);
      await page.context().close();
    };
    const market = await departmentOfficer(['approver'], regionCode, 'market');
    const urban = await departmentOfficer(['approver'], regionCode, 'urban');
    await approve(urban, '门头招牌与油烟排放核查');
    await approve(market, '经营场所现场核查');
    await approve(market, '作出许可决定');
    expect(
      (await sql<{ status: string }>`SELECT status FROM cases."case" WHERE id = ${caseId}`.execute(t.db)).rows[0]!
        .status,
    ).toBe('approved');
  });

  it('issues the 食品经营许可证 into the wallet, and the owner rates the case', async () => {
    await t.app.outbox.drain(); // the licence module reacts to the decision
    const page = await portal.newPage();
    await signIn(page, base, owner.idNumber, PASSWORD, '/me');
    // The licence belongs to the enterprise: the owner acts for it (办事身份), then opens 我的证照.
    await page.getByRole('radio', { name: new RegExp(company.name) }).check();
    await page.getByRole('status').filter({ hasText: company.name }).waitFor();
    // Signed in and acting for the enterprise, the guide marks what the government already holds.
    await page.goto(
      `${base}/items/${(await sql<{ code: string }>`SELECT item_code AS code FROM cases."case" WHERE id = ${caseId}`.execute(t.db)).rows[0]!.code}`,
    );
    await page.getByText('您的电子证照：营业执照，申报时授权调取即可').first().waitFor();
    await page.goto(`${base}/me/licenses`);
    const card = page
      .getByRole('list', { name: '电子证照列表' })
      .getByRole('listitem')
      .filter({ hasText: '食品经营许可证' });
    await card.getByText('有效', { exact: true }).waitFor();
    expect(await card.innerText()).toContain(company.name);
    await screenshot(page, 'brief-wallet');

    await page.goto(`${base}/me/cases/${caseId}`);
    await page.getByText('准予许可').first().waitFor();
    await page.getByRole('radio', { name: '非常满意', exact: true }).check();
    await page.getByRole('button', { name: '提交评价' }).click();
    await page.getByRole('status').filter({ hasText: '感谢您的评价。' }).waitFor();
    await screenshot(page, 'brief-rated');
    await page.context().close();
    const rating = await sql<{ level: number }>`SELECT level FROM evaluation.rating WHERE case_id = ${caseId}`.execute(
      t.db,
    );
    expect(rating.rows[0]!.level).toBe(5);
  });
});
