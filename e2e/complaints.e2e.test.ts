/**
 * 投诉举报 in real Chromium: a resident complains about a case of theirs from the case page; the
 * county's department head answers in the workbench; the resident reads the answer and closes the
 * complaint with a rating.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../server/src/test/harness.js';
import { GENEROUS_LIMITS, register, registryPersons, type RegistryPerson } from '../server/src/test/people.js';
import { formlessCountyItem, submitCase } from '../server/src/test/cases.js';
import { axeViolations } from './axe.js';
import { screenshot, keepFailureScreenshots, startPortal, type Portal } from './browser.js';
import { signIn, staffWithPassword, STAFF_PASSWORD } from './journey.js';

let portal: Portal;
let t: TestApp;
let base: string;
let resident: RegistryPerson;
let caseId: string;
let regionCode: string;
const PASSWORD = 'Tongban2026';

beforeAll(async () => {
  portal = await startPortal({ env: GENEROUS_LIMITS });
  ({ t, base } = portal);
  [resident] = (await registryPersons(t, 'any', 1)) as [RegistryPerson];
  const { c } = await register(t, resident, PASSWORD);
  const item = await formlessCountyItem(t);
  regionCode = item.regionCode;
  caseId = await submitCase(c, item.code, 'e2e-complaint-0001');
});
afterAll(async () => portal?.close());
keepFailureScreenshots(() => portal);

describe('投诉举报', () => {
  it('takes a complaint from the case page', async () => {
    const page = await portal.newPage();
    await signIn(page, base, resident.idNumber, PASSWORD, `/me/cases/${caseId}`);
    await page.getByRole('link', { name: '投诉' }).click();
    await page.getByRole('heading', { level: 1, name: '投诉举报' }).waitFor();
    await page.getByText(/针对办件：/).waitFor();
    await page.getByLabel('标题').fill('窗口要求重复提交材料');
    await page.getByLabel('具体内容').fill('已在网上提交的材料，窗口又要求提供复印件。');
    await page.getByRole('button', { name: '提交' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /已提交，编号 TS\d{6}-/ })
      .waitFor();
    // `.first()`: a retry after a slow screenshot finds the first attempt's complaint too.
    await page.getByRole('list', { name: '我的投诉' }).getByText('待答复').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'complaints-filed');
    await page.context().close();
  });

  it('lets the county department head answer it in the workbench', async () => {
    const head = await staffWithPassword(t, ['department_head'], regionCode);
    const page = await portal.newPage();
    await signIn(page, base, head.username, STAFF_PASSWORD, '/workbench');
    await page.getByRole('tab', { name: '投诉处理' }).click();
    const card = page
      .getByRole('list', { name: '待处理投诉列表' })
      .getByRole('listitem')
      .filter({ hasText: '窗口要求重复提交材料' })
      .first();
    await card.getByLabel('答复内容').fill('经核实，已纠正窗口做法，网上已提交的材料不再要求复印件。');
    await card.getByRole('button', { name: '答复' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /已答复：TS/ })
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'complaints-answered');
    await page.context().close();
  });

  it('shows the resident the answer and closes it with a rating', async () => {
    const page = await portal.newPage();
    await signIn(page, base, resident.idNumber, PASSWORD, '/me/complaints');
    const card = page
      .getByRole('list', { name: '我的投诉' })
      .getByRole('listitem')
      .filter({ hasText: /已纠正窗口做法/ })
      .first();
    await card.getByText(/已纠正窗口做法/).waitFor();
    await card.getByRole('radio', { name: '满意', exact: true }).check();
    await card.getByRole('button', { name: '评价并办结' }).click();
    await page.getByRole('status').filter({ hasText: '已办结' }).waitFor();
    await card.getByText('已办结').waitFor();
    await page.context().close();
  });
});
