/**
 * 在线申报 in real Chromium against the real server: a legal representative finds 食品经营许可（新办）
 * from "我要开饭店", presses 立即申请, signs in, applies for their enterprise (name and credit code
 * pre-filled), has a typo caught before sending, saves and restores a draft, uploads a PDF for every
 * material that needs one, reviews and submits — once, though the first answer is lost and the retry
 * is a double click; the tracking code and its QR code are shown, the materials are in the case, and
 * the case is in 我的办件. With consent, the e-licences the platform holds stand in for materials
 * (免提交); without the plan (404) everything is uploaded. Then the wizard on a phone and in English.
 * Every step is checked with axe (WCAG 2.1 AA) and saved as a screenshot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { sql } from 'kysely';
import type { TestApp } from '../server/src/test/harness.js';
import { GENEROUS_LIMITS, register, registryPersons, type RegistryPerson } from '../server/src/test/people.js';
import { makeIdNumber } from '../server/src/platform/validators/index.js';
import { axeViolations } from './axe.js';
import { screenshot, keepFailureScreenshots, startPortal, type Portal } from './browser.js';
import { uploadRequired } from './journey.js';

let portal: Portal;
let t: TestApp;
let base: string;
let rep: RegistryPerson;
let enterprise: { creditCode: string; name: string };
const PASSWORD = 'Tongban2026';
const FOOD = '食品经营许可（新办）';

const fitsPhone = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

async function signIn(page: Page): Promise<void> {
  await page.getByLabel('账号', { exact: true }).fill(rep.idNumber);
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

/** Fills the food-licence form's own fields (the enterprise's name and credit code are pre-filled or given). */
async function fillFoodForm(
  page: Page,
  f: {
    premises: string;
    area: string;
    format: string;
    items: string;
    manager: string;
    managerId: string;
    phone: string;
  },
): Promise<void> {
  await page.getByLabel('经营场所', { exact: true }).fill(f.premises);
  await page.getByLabel('经营场所面积（平方米）').fill(f.area);
  await page.getByRole('radio', { name: f.format }).check();
  await page.getByLabel('经营项目').fill(f.items);
  await page.getByLabel('食品安全管理人员姓名').fill(f.manager);
  await page.getByLabel('食品安全管理人员身份证号码').fill(f.managerId);
  await page.getByLabel('联系电话').fill(f.phone);
}

/** A county item of 食品经营许可（新办） (the one search ranks first may be any county's). */
async function foodItemCode(): Promise<string> {
  const row = await sql<{
    code: string;
  }>`SELECT i.code FROM catalog.item i JOIN catalog.item_version v ON v.item_id = i.id AND v.version = i.published_version WHERE v.name = ${FOOD} AND length(i.region_code) = 6 ORDER BY i.code LIMIT 1`.execute(
    t.db,
  );
  return row.rows[0]!.code;
}

beforeAll(async () => {
  portal = await startPortal({ env: GENEROUS_LIMITS });
  ({ t, base } = portal);
  [rep] = (await registryPersons(t, 'legal-representative', 1)) as [RegistryPerson];
  const { c } = await register(t, rep, PASSWORD);
  enterprise = (
    await sql<{
      creditCode: string;
      name: string;
    }>`SELECT credit_code, name FROM exchange.legal_entity WHERE legal_representative_id = ${rep.id} AND status = 'active' ORDER BY credit_code LIMIT 1`.execute(
      t.db,
    )
  ).rows[0]!;
  const opened = await c.call('POST', '/api/enterprises', { creditCode: enterprise.creditCode });
  expect(opened.statusCode, opened.body).toBe(201);
});
afterAll(async () => portal?.close());
keepFailureScreenshots(() => portal);

describe('在线申报', () => {
  it('takes a legal representative from "我要开饭店" to a submitted application with its tracking code', async () => {
    const page = await portal.newPage();
    await page.goto(base);
    const box = page.getByRole('search').first().locator('input').first();
    await box.fill('我要开饭店');
    await box.press('Enter');
    await page.waitForURL(/\/search\?/);
    await page.locator('.tb-hits .tb-hit__name a', { hasText: FOOD }).first().click();
    await page.waitForURL(/\/items\/[0-9A-Z]+$/);
    const itemPath = new URL(page.url()).pathname;
    await page.getByRole('link', { name: '立即申请' }).click();

    // Signed out: to the sign-in page, and back to the wizard afterwards.
    await page.waitForURL(`${base}/login?returnTo=${encodeURIComponent(`${itemPath}/apply`)}`);
    await signIn(page);
    await page.waitForURL(`${base}${itemPath}/apply`);
    await page.getByRole('heading', { level: 2, name: '填写表单' }).waitFor();

    // Acting for the enterprise: its name and credit code are filled in.
    await page.getByRole('radio', { name: `代 ${enterprise.name} 申报` }).check();
    await expect.poll(() => page.getByLabel('经营者名称（与营业执照一致）').inputValue()).toBe(enterprise.name);
    expect(await page.getByLabel('统一社会信用代码').inputValue()).toBe(enterprise.creditCode);

    // A wrong check digit is caught here, before anything is sent.
    const manager = makeIdNumber('520102', '1990-05-17', 123);
    const wrong = manager.slice(0, 17) + (manager.endsWith('1') ? '2' : '1');
    await fillFoodForm(page, {
      premises: '贵阳市云岩区中华北路 1 号',
      area: '60',
      format: '餐饮服务经营者',
      items: '热食类食品制售',
      manager: '王芳',
      managerId: wrong,
      phone: '13812345678',
    });
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByText('「食品安全管理人员身份证号码」应为 18 位有效身份证号码，请核对校验位').waitFor();
    await page.getByLabel('食品安全管理人员身份证号码').fill(manager);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'apply-1-form');

    // A saved draft comes back after a reload.
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByRole('status').filter({ hasText: '草稿已于' }).waitFor();
    await page.reload();
    await page.getByText(/已恢复您于 .+ 保存的草稿/).waitFor();
    expect(await page.getByLabel('食品安全管理人员身份证号码').inputValue()).toBe(manager);
    await page.getByRole('button', { name: '下一步' }).click();

    // 申办一袋: nothing yet, so the step says what is missing; then a PDF for each material that needs one.
    await page.getByRole('heading', { level: 2, name: '申请材料' }).waitFor();
    await page.getByRole('button', { name: '下一步' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /还有 \d+ 项材料未提供/ })
      .waitFor();
    const uploads = await uploadRequired(page);
    expect(uploads).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'apply-2-materials');
    await page.getByRole('button', { name: '下一步' }).click();

    await page.getByRole('heading', { level: 2, name: '确认提交' }).waitFor();
    const review = await page.locator('.tb-apply-review').innerText();
    for (const v of [
      enterprise.name,
      enterprise.creditCode,
      '餐饮服务经营者',
      manager,
      `${enterprise.name}（法定代表人：${rep.name}）`,
    ])
      expect(review).toContain(v);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'apply-3-review');
    // The answer to the first submission is lost on the way back: the server made the case, the page saw a network error.
    await page.route(
      `${base}/api/cases`,
      async (route) => {
        await route.fetch();
        await route.abort('connectionreset');
      },
      { times: 1 },
    );
    await page.getByRole('button', { name: '确认提交' }).click();
    await page.getByRole('alert').filter({ hasText: '网络连接失败' }).waitFor();
    // Trying again (with a double click) still makes one case: one Idempotency-Key per attempt, kept across retries.
    await page.getByRole('button', { name: '确认提交' }).dblclick();

    await page.getByRole('status').filter({ hasText: '申请已提交' }).waitFor();
    await page.getByText('申请材料已全部上传。').waitFor();
    const trackingCode = (await page.locator('.tb-apply-done__tracking').innerText()).trim();
    expect(trackingCode).toMatch(/^\d{6}-[0-9A-Z]{6}$/);
    await page.waitForFunction(() => {
      const img = document.querySelector('.tb-apply-done img') as HTMLImageElement | null;
      return Boolean(img?.complete && img.naturalWidth > 0);
    });
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'apply-4-done');

    const cases = await sql<{
      id: string;
      applicantEnterpriseId: string | null;
    }>`SELECT id, applicant_enterprise_id FROM cases.case WHERE tracking_code = ${trackingCode}`.execute(t.db);
    expect(cases.rows).toHaveLength(1);
    expect(cases.rows[0]!.applicantEnterpriseId).not.toBeNull();
    const all = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM cases.case WHERE applicant_enterprise_id = ${cases.rows[0]!.applicantEnterpriseId}`.execute(
      t.db,
    );
    expect(all.rows[0]!.n).toBe(1);
    // What stands for each material now (a file sent twice keeps the earlier one as history).
    const stored = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM cases.material WHERE case_id = ${cases.rows[0]!.id} AND kind = 'upload' AND superseded_at IS NULL`.execute(
      t.db,
    );
    expect(stored.rows[0]!.n).toBe(uploads);

    await page.getByRole('link', { name: '我的办件' }).last().click();
    await page.waitForURL(`${base}/me/cases`);
    const card = page
      .getByRole('list', { name: '我的办件列表' })
      .getByRole('listitem')
      .filter({ hasText: trackingCode });
    await card.getByText('待受理').waitFor();
    expect(await card.innerText()).toContain(FOOD);
    await screenshot(page, 'apply-5-my-cases');
    await page.context().close();
  });

  it('attaches the e-licences the platform holds (免提交) when the applicant consents', async () => {
    const [holder] = (await registryPersons(t, 'legal-representative', 1)) as [RegistryPerson];
    const { c } = await register(t, holder, PASSWORD);
    await t.app.outbox.drain(); // the 居民身份证 e-licence issued at registration
    const company = (
      await sql<{
        creditCode: string;
        name: string;
      }>`SELECT credit_code, name FROM exchange.legal_entity WHERE legal_representative_id = ${holder.id} AND status = 'active' ORDER BY credit_code LIMIT 1`.execute(
        t.db,
      )
    ).rows[0]!;
    expect((await c.call('POST', '/api/enterprises', { creditCode: company.creditCode })).statusCode).toBe(201);
    const code = await foodItemCode();
    const page = await portal.newPage();
    await page.goto(`${base}/login?returnTo=${encodeURIComponent(`/items/${code}/apply`)}`);
    await page.getByLabel('账号', { exact: true }).fill(holder.idNumber);
    await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('radio', { name: `代 ${company.name} 申报` }).check();
    await expect.poll(() => page.getByLabel('统一社会信用代码').inputValue()).toBe(company.creditCode);
    await fillFoodForm(page, {
      premises: '贵阳市观山湖区长岭北路 8 号',
      area: '120',
      format: '餐饮服务经营者',
      items: '热食类食品制售',
      manager: '张伟',
      managerId: makeIdNumber('520115', '1988-08-08', 21),
      phone: '13712345678',
    });
    await page.getByRole('button', { name: '下一步' }).click();

    await page.getByRole('heading', { level: 2, name: '申请材料' }).waitFor();
    const licence = page
      .getByRole('list', { name: '申请材料清单' })
      .getByRole('listitem')
      .filter({ hasText: '营业执照' })
      .first();
    await licence.locator('input[type=file]').waitFor({ state: 'attached' }); // without consent it is uploaded like any other
    await page.getByRole('checkbox', { name: /我授权本平台调取/ }).check();
    await licence.getByText('已由电子证照自动关联，免提交').waitFor();
    expect(await licence.locator('input[type=file]').count()).toBe(0);
    const uploads = await uploadRequired(page);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'apply-reuse-materials');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('heading', { level: 2, name: '确认提交' }).waitFor();
    expect(await page.locator('.tb-apply-review').innerText()).toContain('免提交（电子证照 / 共享数据）');
    await page.getByRole('button', { name: '确认提交' }).click();
    await page.getByText('申请材料已全部上传。').waitFor();

    const trackingCode = (await page.locator('.tb-apply-done__tracking').innerText()).trim();
    const kinds = await sql<{
      kind: string;
      n: number;
    }>`SELECT m.kind, count(*)::int AS n FROM cases.material m JOIN cases.case c ON c.id = m.case_id WHERE c.tracking_code = ${trackingCode} GROUP BY m.kind ORDER BY m.kind`.execute(
      t.db,
    );
    expect(kinds.rows).toEqual([
      { kind: 'license', n: 2 },
      { kind: 'upload', n: uploads },
    ]);
    await page.context().close();
  });

  it('fits a phone (390×844) at every step, also in 长者模式', async () => {
    const code = await foodItemCode();
    const page = await portal.newPage({ width: 390, height: 844 });
    // A server without the 免提交 plan yet (404): every material is uploaded, and the page says why.
    await page.route(`${base}/api/applications/**`, (route) =>
      route.fulfill({
        status: 404,
        contentType: 'application/problem+json',
        body: JSON.stringify({
          type: 'about:blank',
          title: 'Not Found',
          status: 404,
          detail: 'Not Found',
          code: 'NOT_FOUND',
        }),
      }),
    );
    await page.goto(`${base}/login?returnTo=${encodeURIComponent(`/items/${code}/apply`)}`);
    await signIn(page);
    await page.waitForURL(`${base}/items/${code}/apply`);
    await page.getByRole('heading', { level: 2, name: '填写表单' }).waitFor();
    await fitsPhone(page);
    await screenshot(page, 'apply-mobile-form');
    await page.getByRole('button', { name: '长者模式' }).click();
    await fitsPhone(page);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'apply-mobile-form-elder');
    await page.getByRole('button', { name: '长者模式' }).click();

    await page.getByLabel('经营者名称（与营业执照一致）').fill('黔味小吃店');
    await page.getByLabel('统一社会信用代码').fill(enterprise.creditCode);
    await fillFoodForm(page, {
      premises: '贵阳市南明区花果园 2 号',
      area: '30',
      format: '食品销售经营者',
      items: '预包装食品销售',
      manager: '李明',
      managerId: makeIdNumber('520102', '1985-01-02', 11),
      phone: '13912345678',
    });
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('heading', { level: 2, name: '申请材料' }).waitFor();
    await page.getByText('电子证照和共享数据的自动关联暂未开通，请上传各项材料。').waitFor();
    await fitsPhone(page);
    await screenshot(page, 'apply-mobile-materials');
    await page.context().close();
  });

  it('speaks English after the switch, its checks too', async () => {
    const code = await foodItemCode();
    const page = await portal.newPage();
    await page.goto(`${base}/login?returnTo=${encodeURIComponent(`/items/${code}/apply`)}`);
    await signIn(page);
    await page.waitForURL(`${base}/items/${code}/apply`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 2, name: 'Fill in the form' }).waitFor();
    await page.getByRole('list', { name: 'Application steps' }).waitFor();
    // Emptied in case an earlier journey left a draft with it filled in.
    await page.getByLabel('经营场所', { exact: true }).fill('');
    await page.getByLabel('食品安全管理人员身份证号码').fill('520102199005171231');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Please fill in “经营场所”').waitFor();
    await page
      .getByText('“食品安全管理人员身份证号码” must be a valid 18-character ID number; check the last character')
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'apply-en');
    await page.getByRole('button', { name: '中文' }).click();
    await page.context().close();
  });
});
