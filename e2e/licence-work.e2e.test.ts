/**
 * 证照管理 in real Chromium: a county disabled persons' federation officer issues a 残疾人证 to a
 * registered resident, finds it by its number, suspends it and then revokes it; verification then
 * reports it revoked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { TestApp } from '../server/src/test/harness.js';
import { GENEROUS_LIMITS, register, registryPersons, type RegistryPerson } from '../server/src/test/people.js';
import { axeViolations } from './axe.js';
import { screenshot, keepFailureScreenshots, startPortal, type Portal } from './browser.js';
import { signIn, staffWithPassword, STAFF_PASSWORD } from './journey.js';

let portal: Portal;
let t: TestApp;
let base: string;
let resident: RegistryPerson;

beforeAll(async () => {
  portal = await startPortal({ env: GENEROUS_LIMITS });
  ({ t, base } = portal);
  [resident] = (await registryPersons(t, 'any', 1)) as [RegistryPerson];
  await register(t, resident);
});
afterAll(async () => portal?.close());
keepFailureScreenshots(() => portal);

describe('证照管理', () => {
  it('issues a licence, then suspends and revokes it', async () => {
    const officer = await staffWithPassword(t, ['approver'], '520103');
    await sql`UPDATE identity.staff SET department_ids = ARRAY(SELECT id FROM catalog.department WHERE region_code = '520103' AND category = 'disabled') WHERE username = ${officer.username}`.execute(
      t.db,
    );
    const page = await portal.newPage();
    await signIn(page, base, officer.username, STAFF_PASSWORD, '/workbench?tab=licences');
    const issue = page.getByRole('region', { name: '直接签发证照' });
    // Ant Design selects: open, then pick the visible item.
    await issue.getByLabel('证照类型').click();
    await page.locator('.ant-select-item-option', { hasText: '残疾人证' }).click();
    await issue.getByLabel('签发部门').click();
    await page.locator('.ant-select-item-option', { hasText: '残疾人联合会' }).click();
    await issue.getByLabel(/持证人证件号码/).fill(resident.idNumber);
    await issue.getByLabel('持证人名称').fill(resident.name);
    await issue.getByLabel('残疾类别').fill('肢体残疾');
    await issue.getByLabel('残疾等级').fill('三级');
    expect(await axeViolations(page)).toEqual([]);
    await issue.getByRole('button', { name: '签发' }).click();
    const issued = page.getByRole('status').filter({ hasText: /已签发：/ });
    await issued.waitFor();
    const number = (await issued.innerText()).replace(/^.*已签发：/, '').trim();
    await screenshot(page, 'licence-work-issued');

    const manage = page.getByRole('region', { name: '注销、中止或恢复' });
    await manage.getByLabel('证照编号').fill(number);
    await manage.getByRole('button', { name: '查找' }).click();
    await manage.getByText('残疾人证').waitFor();
    await manage.getByLabel('理由').fill('复核期间暂停使用');
    await manage.getByRole('button', { name: '中止' }).click();
    await page.getByRole('status').filter({ hasText: '现为：已暂停' }).waitFor();
    await manage.getByLabel('理由').fill('经复核，不符合评定标准');
    await manage.getByRole('button', { name: '注销' }).click();
    await page.getByRole('status').filter({ hasText: '现为：已吊销' }).waitFor();
    await screenshot(page, 'licence-work-revoked');
    await page.context().close();

    const verified = await t.app.inject({
      method: 'GET',
      url: `/api/licenses/verify?number=${encodeURIComponent(number)}`,
    });
    expect(verified.json()).toMatchObject({ proof: 'number', result: 'invalid' });
  });
});
