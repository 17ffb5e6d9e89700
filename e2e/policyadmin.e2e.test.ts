/**
 * 政策管理 in real Chromium: a policy officer drafts version 3 of 高龄津贴 with a higher amount for
 * 贵阳 from next month and submits it (its examples pass); another officer approves it; the console
 * shows it published from its date, and in force once that day comes. Screenshots at 1280 and 390,
 * in Chinese and English.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { sql } from 'kysely';
import type { TestApp } from '../server/src/test/harness.js';
import { actForEnterprise } from '../server/src/test/cases.js';
import { register, registryPersons } from '../server/src/test/people.js';
import { screenshot, keepFailureScreenshots, startPortal, type Portal } from './browser.js';
import { fitsPhone, signIn, STAFF_PASSWORD, staffWithPassword } from './journey.js';

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
});
