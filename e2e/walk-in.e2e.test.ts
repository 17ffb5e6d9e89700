/**
 * 窗口代录 in real Chromium: a county window clerk enters a walk-in resident's application (found by
 * ID number and name) and it is accepted at once; a clerk of the neighbouring county can neither see
 * it in a queue nor open it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { TestApp } from '../server/src/test/harness.js';
import { GENEROUS_LIMITS, register, registryPersons, type RegistryPerson } from '../server/src/test/people.js';
import { formlessCountyItem } from '../server/src/test/cases.js';
import { axeViolations } from './axe.js';
import { screenshot, keepFailureScreenshots, startPortal, type Portal } from './browser.js';
import { signIn, staffWithPassword, STAFF_PASSWORD } from './journey.js';

let portal: Portal;
let t: TestApp;
let base: string;
let resident: RegistryPerson;
let item: { code: string; regionCode: string; name: string };

beforeAll(async () => {
  portal = await startPortal({ env: GENEROUS_LIMITS });
  ({ t, base } = portal);
  [resident] = (await registryPersons(t, 'any', 1)) as [RegistryPerson];
  await register(t, resident);
  const formless = await formlessCountyItem(t);
  const name = (
    await sql<{
      name: string;
    }>`SELECT v.name FROM catalog.item i JOIN catalog.item_version v ON v.item_id = i.id AND v.version = i.published_version WHERE i.code = ${formless.code}`.execute(
      t.db,
    )
  ).rows[0]!.name;
  item = { ...formless, name };
});
afterAll(async () => portal?.close());
keepFailureScreenshots(() => portal);

describe('窗口代录', () => {
  let caseId: string;

  it('files and accepts a walk-in resident’s application from the window', async () => {
    const clerk = await staffWithPassword(t, ['window_clerk'], item.regionCode);
    const page = await portal.newPage();
    await signIn(page, base, clerk.username, STAFF_PASSWORD, '/workbench');
    const panel = page.getByRole('region', { name: '窗口代录' });
    await panel.getByRole('textbox', { name: '查找事项' }).fill(item.name);
    await panel.getByRole('button', { name: '查找', exact: true }).click();
    await panel
      .getByRole('radio', { name: new RegExp(item.name) })
      .first()
      .check();
    const form = panel.getByRole('form', { name: '代录申请表' });
    await form.getByLabel('申请人公民身份号码').fill(resident.idNumber);
    await form.getByLabel('申请人姓名').fill(resident.name);
    // Accepted at once needs every required original: the clerk ticks what the resident handed over.
    const received = form.locator('.tb-walk-in__received label').filter({ hasNotText: '非必需' });
    for (let i = 0; i < (await received.count()); i++) await received.nth(i).click();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'walk-in-form');
    await form.getByRole('button', { name: '代录并受理' }).click();
    const done = panel.getByRole('status');
    await done.getByText(/已代录并受理：\d{6}-[0-9A-Z]{6}/).waitFor();
    const trackingCode = /(\d{6}-[0-9A-Z]{6})/.exec(await done.innerText())![1]!;
    const row = await sql<{
      id: string;
      status: string;
      channel: string;
    }>`SELECT id, status, channel FROM cases."case" WHERE tracking_code = ${trackingCode}`.execute(t.db);
    expect(row.rows[0]).toMatchObject({ status: 'in_progress', channel: 'window' });
    caseId = row.rows[0]!.id;
    await screenshot(page, 'walk-in-filed');
    await page.context().close();
  });

  it('keeps the case from a clerk of another county', async () => {
    const other = await staffWithPassword(
      t,
      ['window_clerk', 'approver'],
      item.regionCode === '520102' ? '520103' : '520102',
    );
    const page = await portal.newPage();
    await signIn(page, base, other.username, STAFF_PASSWORD, `/workbench/cases/${caseId}`);
    await page.getByText('办件不存在或无权查看').waitFor();
    await page.goto(`${base}/workbench?tab=tasks`);
    await page.getByRole('tab', { name: '我的任务', selected: true }).waitFor();
    expect(await page.locator('main').innerText()).not.toContain(resident.name);
    await screenshot(page, 'walk-in-other-county');
    await page.context().close();
  });
});
