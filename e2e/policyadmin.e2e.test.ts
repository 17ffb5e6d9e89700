/**
 * 政策管理 in real Chromium: a policy officer drafts version 3 of 高龄津贴 with a higher amount for
 * 贵阳 from next month and submits it (its examples pass); another officer approves it; the console
 * shows it published from its date, and in force once that day comes. A new policy made on the page
 * (conditions from the fact catalogue, amounts by region, a test case run on save, a dry run of the
 * draft), submitted and published. Screenshots at 1280 and 390, in Chinese and English.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { sql } from 'kysely';
import type { TestApp } from '../server/src/test/harness.js';
import { actForEnterprise } from '../server/src/test/cases.js';
import { register, registryPersons } from '../server/src/test/people.js';
import { screenshot, keepFailureScreenshots, startPortal, type Portal } from './browser.js';
import { chooseOption, fitsPhone, signIn, STAFF_PASSWORD, staffWithPassword } from './journey.js';

let clock = new Date('2027-03-02T04:00:00Z');
let portal: Portal;
let t: TestApp;
let base: string;
const PAGE = '/admin/policies/longevity-allowance';

beforeAll(async () => {
  portal = await startPortal({ now: () => clock });
  ({ t, base } = portal);
});
afterAll(async () => portal?.close());
keepFailureScreenshots(() => portal);

const versionRow = (page: Page, n: number) =>
  page
    .getByRole('region', { name: '版本' })
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: `第${n}版`, exact: true }) });

describe('政策管理', () => {
  it('a new amount for 贵阳: drafted and submitted by one officer, approved by another, in force from its date', async () => {
    const drafter = await staffWithPassword(t, ['catalog_admin'], '52');
    const page = await portal.newPage({ width: 1280, height: 900 });
    await signIn(page, base, drafter.username, STAFF_PASSWORD, '/admin');
    await page.getByRole('navigation', { name: '管理后台菜单' }).getByRole('link', { name: '政策管理' }).click();
    await page.getByRole('heading', { level: 1, name: '政策管理' }).waitFor();
    await page.getByRole('link', { name: '高龄津贴', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '高龄津贴' }).waitFor();
    await versionRow(page, 2).getByText('现行有效').waitFor();

    const draft = page.getByRole('region', { name: '起草新版本' });
    await draft.getByLabel('生效日期').fill('2027-04-01');
    await draft.getByLabel('贵阳市金额（元）').fill('2000');
    await draft.getByRole('button', { name: '保存草稿' }).click();
    await page.getByText('第3版草稿已保存。').waitFor();
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.getByText('第3版已提交审核，测试用例全部通过。').waitFor();
    await versionRow(page, 3).getByText('审核中').waitFor();
    expect(await page.getByText(/[0-9a-f]{8}-[0-9a-f]{4}-/).count()).toBe(0);
    await page.getByRole('button', { name: '审核通过' }).click();
    await page.getByText('不能审核自己起草的版本').waitFor();
    await page.getByRole('button', { name: '试运行' }).click();
    await page.getByText(/按第2版研判\d+个对象/).waitFor();
    await screenshot(page, 'policyadmin-1280');
    await page.context().close();

    const reviewer = await staffWithPassword(t, ['system_admin'], '52');
    const second = await portal.newPage({ width: 1280, height: 900 });
    await signIn(second, base, reviewer.username, STAFF_PASSWORD, PAGE);
    await second.getByRole('button', { name: '审核通过' }).click();
    await second.getByText('第3版已发布，自生效日期起适用。').waitFor();
    const v3 = versionRow(second, 3);
    await v3.getByText('2027-04-01起').waitFor();
    await v3.getByText('已发布').waitFor();
    await v3.getByText('贵阳市 2000').waitFor();
    await versionRow(second, 2).getByText('2027-01-01至2027-03-31').waitFor();
    expect(await v3.getByText('现行有效').count()).toBe(0);

    // The day comes: version 3 is the one in force.
    clock = new Date('2027-04-01T02:00:00Z');
    await second.reload();
    await versionRow(second, 3).getByText('现行有效').waitFor();
    await second.context().close();
  });

  it('shows reach after a run; reads on a phone and in English', async () => {
    await t.app.proactiveRecheck(clock);
    const officer = await staffWithPassword(t, ['catalog_admin'], '52');
    const page = await portal.newPage({ width: 390, height: 844 });
    await signIn(page, base, officer.username, STAFF_PASSWORD, '/admin/policies');
    await page.getByRole('heading', { level: 1, name: '政策管理' }).waitFor();
    await page.getByRole('row').filter({ hasText: '高龄津贴' }).getByText('第3版').waitFor();
    await fitsPhone(page);
    await screenshot(page, 'policyadmin-list-390');
    await page.getByRole('link', { name: '高龄津贴', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '高龄津贴' }).waitFor();
    const reach = page.getByRole('region', { name: '触达统计' });
    await reach.getByText('最近一次全量研判（2027-04-01）').waitFor();
    await reach.getByRole('row').filter({ hasText: '合计' }).waitFor();
    await fitsPhone(page);
    await screenshot(page, 'policyadmin-390');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'longevity allowance' }).waitFor();
    await page.getByRole('heading', { name: 'Reach' }).waitFor();
    await fitsPhone(page);
    await screenshot(page, 'policyadmin-390-en');
    await page.setViewportSize({ width: 1280, height: 900 });
    await screenshot(page, 'policyadmin-1280-en');
    await page.context().close();
  });

  it('惠企政策: acting for an enterprise, the benefits page shows the enterprise’s', async () => {
    // After the re-check: a legal representative whose enterprise was offered or granted something.
    const told = await sql<{ id: string }>`
      SELECT e.legal_representative_id AS id FROM exchange.legal_entity e
      WHERE e.status = 'active' AND e.credit_code IN (
        SELECT credit_code FROM proactive.offer UNION SELECT credit_code FROM proactive."grant")`.execute(t.db);
    const reps = await registryPersons(t, 'legal-representative', 500);
    const rep = reps.find((p) => told.rows.some((r) => r.id === p.id))!;
    const { c } = await register(t, rep, 'Tongban2026');
    const { enterpriseId } = await actForEnterprise(t, c, rep.id);
    const page = await portal.newPage({ width: 1280, height: 900 });
    await signIn(page, base, rep.idNumber, 'Tongban2026', '/me');
    const csrf = (await page.context().cookies()).find((k) => k.name === 'tb_csrf')!.value;
    const put = await page.request.put(`${base}/api/me/acting-for`, {
      data: { enterpriseId },
      headers: { 'x-csrf-token': csrf },
    });
    expect(put.status()).toBe(200);
    await page.goto(`${base}/me/benefits`);
    await page.getByRole('heading', { level: 1, name: '惠企政策' }).waitFor();
    await page.getByRole('heading', { name: '已为本企业兑现的政策' }).waitFor();
    await page.getByRole('heading', { name: '本企业可以申请的政策' }).waitFor();
    expect(await page.getByText('为您办理').count()).toBe(0);
    await screenshot(page, 'benefits-enterprise-1280');
    await page.context().close();
  });

  it('a new policy made on the page: conditions, amounts and a test case, dry-run, submitted and published', async () => {
    const officer = await staffWithPassword(t, ['catalog_admin'], '52');
    const page = await portal.newPage({ width: 1280, height: 900 });
    await signIn(page, base, officer.username, STAFF_PASSWORD, '/admin/policies');
    await page.getByRole('link', { name: '新建政策' }).click();
    await page.getByRole('heading', { level: 1, name: '新建政策' }).waitFor();
    await page.getByLabel('政策名称（中文）').fill('高龄老人营养补贴');
    await page.getByLabel('政策名称（英文）').fill('nutrition subsidy for the very old');
    await page.getByLabel('政策简介（中文）').fill('年满90周岁的贵州户籍老年人自动获得营养补贴。');
    await page.getByLabel('政策简介（英文）').fill('Residents of 90 and over receive a nutrition subsidy.');

    const condition = async (n: number, fact: string, op: string, value: (group: Locator) => Promise<void>) => {
      if (n > 1) await page.getByRole('button', { name: '添加条件' }).click();
      const group = page.getByRole('group', { name: `条件${n}` });
      await chooseOption(page, group.getByLabel('登记事实'), fact);
      await chooseOption(page, group.getByLabel('比较'), op);
      await value(group);
    };
    await condition(1, '生存状态', '属于', async (g) => {
      // Several values may be chosen: the typed one is picked with Enter.
      await g.getByLabel('取值').click();
      await page.keyboard.type('在世');
      await page.keyboard.press('Enter');
      await g.getByTitle('在世').waitFor();
    });
    await condition(2, '年龄', '不低于', (g) => g.getByLabel('取值').fill('90'));
    await condition(3, '户籍地', '位于', (g) => chooseOption(page, g.getByLabel('取值'), '贵州省'));
    await page.getByLabel('贵州省金额（元）').fill('300');
    await page.getByLabel('贵阳市金额（元）').fill('500');
    await page.getByLabel('生效日期').fill('2027-04-01');
    await page.getByLabel('政策依据').fill('《贵州省老年人权益保障条例》；高龄老人营养补贴试行办法');
    await page.getByRole('button', { name: '添加测试用例' }).click();
    const example = page.getByRole('group', { name: '用例1' });
    await example.getByLabel('用例名称').fill('南明区92岁老人');
    await example.getByLabel('参考日期').fill('2027-04-15');
    await chooseOption(page, example.getByLabel('所在地'), '贵阳市南明区');
    await chooseOption(page, example.getByLabel('生存状态'), '在世');
    await example.getByLabel('年龄（日期）').fill('1935-01-01');
    await chooseOption(page, example.getByLabel('预期结果'), '符合');
    await example.getByLabel('预期金额（元）').fill('500');
    await page.getByRole('button', { name: '保存草稿' }).click();

    await page.getByText('“高龄老人营养补贴”已保存为第1版草稿。').waitFor();
    const results = page.getByRole('region', { name: '测试用例运行结果' });
    await results.getByText('南明区92岁老人：通过').waitFor();
    await results.getByRole('button', { name: '试运行草稿' }).click();
    await results.getByText(/按草稿第1版于2027-04-01研判\d+个对象，\d+个符合条件。/).waitFor();
    expect(await page.getByText(/policy-[0-9a-f]{10}/).count()).toBe(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'policynew-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    await fitsPhone(page);
    await screenshot(page, 'policynew-390');
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'New policy' }).waitFor();
    await page.getByRole('region', { name: 'Test case results' }).getByText('南明区92岁老人: passed').waitFor();
    await fitsPhone(page);
    await screenshot(page, 'policynew-390-en');
    await page.setViewportSize({ width: 1280, height: 900 });
    await screenshot(page, 'policynew-1280-en');
    await page.getByRole('button', { name: '中文', exact: true }).click();

    await page.getByRole('link', { name: '前往政策页面提交审核' }).click();
    await page.getByRole('heading', { level: 1, name: '高龄老人营养补贴' }).waitFor();
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.getByText('第1版已提交审核，测试用例全部通过。').waitFor();
    const url = page.url();
    await page.context().close();

    const reviewer = await staffWithPassword(t, ['system_admin'], '52');
    const second = await portal.newPage({ width: 1280, height: 900 });
    await signIn(second, base, reviewer.username, STAFF_PASSWORD, new URL(url).pathname);
    await second.getByRole('button', { name: '审核通过' }).click();
    await second.getByText('第1版已发布，自生效日期起适用。').waitFor();
    await versionRow(second, 1).getByText('现行有效').waitFor();
    await second.getByText('年龄不低于90岁').waitFor();
    await second.context().close();
  });
});
