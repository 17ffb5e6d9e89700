/**
 * Case journeys in real Chromium against the real server: a person applies (through the API) and
 * follows the case in 我的办件; the window clerk of the county signs in through the page and
 * accepts it from the 综合窗口 tab (and, for a second application, writes a one-time supplement
 * notice); an approver of the county finds the task in 我的任务, claims and approves it; the person
 * sees 准予许可; 全程一码 shows the progress and the QR code to anyone, without the person's name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { sql } from 'kysely';
import type { TestApp } from '../server/src/test/harness.js';
import {
  GENEROUS_LIMITS,
  register,
  registryPersons,
  type Client,
  type RegistryPerson,
} from '../server/src/test/people.js';
import { completeMaterials } from '../server/src/test/cases.js';
import { screenshot, keepFailureScreenshots, startPortal, type Portal } from './browser.js';
import { fitsPhone, signIn as signInAt, STAFF_PASSWORD, staffWithPassword as staffAt } from './journey.js';

let portal: Portal;
let t: TestApp;
let base: string;
let person: RegistryPerson;
let applicant: Client;
let item: { code: string; regionCode: string; name: string };
const PERSON_PASSWORD = 'Tongban2026';

async function apply(key: string): Promise<{ caseId: string; trackingCode: string }> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: {
      cookie: [...applicant.jar].map(([k, v]) => `${k}=${v}`).join('; '),
      'x-csrf-token': applicant.jar.get('tb_csrf')!,
      'idempotency-key': key,
    },
    payload: { itemCode: item.code, form: { remarks: '新办' } },
  });
  expect(res.statusCode, res.body).toBe(201);
  await completeMaterials(applicant, res.json().caseId);
  return res.json();
}

const staffWithPassword = async (roles: Parameters<TestApp['staff']>[0]) =>
  (await staffAt(t, roles, item.regionCode)).username;
const signIn = (page: Page, account: string, password: string, returnTo: string) =>
  signInAt(page, base, account, password, returnTo);

beforeAll(async () => {
  portal = await startPortal({ env: GENEROUS_LIMITS });
  ({ t, base } = portal);
  [person] = (await registryPersons(t, 'any', 1)) as [RegistryPerson];
  ({ c: applicant } = await register(t, person, PERSON_PASSWORD));
  // A published county-level item whose guide has no application form (as cases.int.test.ts picks one).
  const row = await sql<{ code: string; regionCode: string; name: string }>`
    SELECT i.code, i.region_code, v.name FROM catalog.item i
    JOIN catalog.item_version v ON v.item_id = i.id AND v.version = i.published_version
    WHERE length(i.region_code) = 6 AND jsonb_array_length(COALESCE(v.guide->'form', '[]'::jsonb)) = 0
    ORDER BY i.code LIMIT 1`.execute(t.db);
  item = row.rows[0]!;
});
afterAll(async () => portal?.close());
keepFailureScreenshots(() => portal);

describe('cases', () => {
  let first: { caseId: string; trackingCode: string };
  let second: { caseId: string; trackingCode: string };

  it('shows the person their application in 我的办件 and on its own page', async () => {
    first = await apply('e2e-case-0001');
    second = await apply('e2e-case-0002');
    const page = await portal.newPage();
    await signIn(page, person.idNumber, PERSON_PASSWORD, '/me/cases');
    await page.getByRole('heading', { level: 1, name: '我的办件' }).waitFor();
    const list = page.getByRole('list', { name: '我的办件列表' });
    const card = list.getByRole('listitem').filter({ hasText: first.trackingCode });
    await card.getByText('待受理').waitFor();
    expect(await card.innerText()).toContain(item.name);
    // The account menu leads here too.
    await page
      .locator('header')
      .getByRole('button', { name: /账号菜单/ })
      .click();
    await page.locator('header').getByRole('link', { name: '我的办件' }).waitFor();
    await page
      .locator('header')
      .getByRole('button', { name: /账号菜单/ })
      .click();
    await screenshot(page, 'cases-my-cases');

    await card.getByRole('link', { name: item.name }).click();
    await page.waitForURL(`${base}/me/cases/${first.caseId}`);
    await page.getByRole('heading', { level: 1, name: item.name }).waitFor();
    await page.getByRole('list', { name: '办理进度' }).waitFor();
    await page.getByRole('heading', { name: '申办一袋（材料）' }).waitFor();
    await page.getByRole('button', { name: '撤回申请' }).waitFor();
    await screenshot(page, 'cases-my-case');
    await page.context().close();
  });

  it('lets the county window clerk accept one case and write a one-time notice for another', async () => {
    const clerk = await staffWithPassword(['window_clerk']);
    const page = await portal.newPage();
    await signIn(page, clerk, STAFF_PASSWORD, '/me');
    await page.getByRole('heading', { level: 1, name: '我的账号' }).waitFor();
    await page
      .locator('header')
      .getByRole('button', { name: /账号菜单/ })
      .click();
    await page.locator('header').getByRole('link', { name: '工作台' }).click();
    await page.waitForURL(`${base}/workbench`);
    await page.getByRole('tab', { name: '综合窗口', selected: true }).waitFor();
    const queue = page.getByRole('list', { name: '待受理办件' });
    const firstCard = queue.getByRole('listitem').filter({ hasText: first.trackingCode });
    expect(await firstCard.innerText()).toContain(person.name);
    await screenshot(page, 'cases-workbench-window');

    await firstCard.getByRole('button', { name: new RegExp(`^受理.*${first.trackingCode}`) }).click();
    await firstCard.getByRole('form').getByRole('button', { name: '受理', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `已受理：${first.trackingCode}` })
      .waitFor();
    await queue.getByRole('listitem').filter({ hasText: first.trackingCode }).waitFor({ state: 'detached' });

    const secondCard = queue.getByRole('listitem').filter({ hasText: second.trackingCode });
    await secondCard.getByRole('button', { name: new RegExp(`^一次性告知补正.*${second.trackingCode}`) }).click();
    await secondCard.getByRole('textbox', { name: '第 1 项' }).fill('身份证复印件（正反面）');
    await secondCard.getByRole('button', { name: '增加一项' }).click();
    await secondCard.getByRole('textbox', { name: '第 2 项' }).fill('申请表缺少申请人签字');
    await secondCard.getByRole('form').getByRole('button', { name: '一次性告知补正', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `已发出一次性告知：${second.trackingCode}` })
      .waitFor();
    const notice = secondCard.getByTestId('one-time-notice');
    await notice.waitFor();
    const text = await notice.innerText();
    expect(text).toContain('1. 身份证复印件（正反面）');
    expect(text).toContain('2. 申请表缺少申请人签字');
    expect(text).toContain(second.trackingCode);
    await secondCard.getByText('待补正').waitFor();
    await secondCard.getByRole('button', { name: '打印告知书' }).waitFor();
    await screenshot(page, 'cases-workbench-notice');
    await page.context().close();
  });

  it('lets the county approver claim and approve the task from 我的任务', async () => {
    const approver = await staffWithPassword(['approver']);
    const page = await portal.newPage();
    await signIn(page, approver, STAFF_PASSWORD, '/workbench');
    await page.getByRole('tab', { name: '我的任务', selected: true }).waitFor();
    const task = page
      .getByRole('list', { name: '我的任务列表' })
      .getByRole('listitem')
      .filter({ hasText: first.trackingCode });
    await task.getByText(/剩 \d+ 个工作日|今日到期/).waitFor();
    await screenshot(page, 'cases-workbench-tasks');

    await task.getByRole('link', { name: item.name }).click();
    await page.waitForURL(`${base}/workbench/cases/${first.caseId}`);
    await page.getByRole('heading', { level: 1, name: item.name }).waitFor();
    await page.getByRole('heading', { name: '办理记录' }).waitFor();
    await page.getByRole('button', { name: /^认领/ }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /已办理：认领/ })
      .waitFor();
    await page.getByText('认领任务').waitFor();
    await page.getByLabel('意见内容').fill('材料齐全，符合法定条件，同意。');
    await page.getByRole('form').getByRole('button', { name: '同意', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /已办理：同意/ })
      .waitFor();
    await page.locator('main').getByText('准予许可').first().waitFor();
    await screenshot(page, 'cases-workbench-case');
    await page.context().close();
  });

  it('answers a stale task step with 已被他人处理，请刷新', async () => {
    // A third case, accepted through the API; the approver's page then loses a race to a colleague.
    const third = await apply('e2e-case-0003');
    const { authorization } = await t.staff(['window_clerk'], item.regionCode);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/cases/${third.caseId}/accept`,
          headers: { authorization },
          payload: {},
        })
      ).statusCode,
    ).toBe(204);
    const approver = await staffWithPassword(['approver']);
    const page = await portal.newPage();
    await signIn(page, approver, STAFF_PASSWORD, `/workbench/cases/${third.caseId}`);
    await page.getByRole('button', { name: /^认领/ }).waitFor();
    const colleague = await t.staff(['approver'], item.regionCode);
    const detail = (
      await t.app.inject({
        method: 'GET',
        url: `/api/cases/${third.caseId}`,
        headers: { authorization: colleague.authorization },
      })
    ).json();
    const open = detail.tasks.find((x: { status: string }) => x.status === 'open');
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/tasks/${open.id}/claim`,
          headers: { authorization: colleague.authorization },
          payload: { version: open.version },
        })
      ).statusCode,
    ).toBe(204);
    await page.getByLabel('意见内容').fill('同意。');
    await page.getByRole('form').getByRole('button', { name: '同意', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: '已被他人处理，请刷新' }).waitFor();
    await screenshot(page, 'cases-workbench-conflict');
    await page.context().close();
  });

  it('shows the person 准予许可, and 全程一码 to anyone without their name', async () => {
    const page = await portal.newPage();
    await signIn(page, person.idNumber, PERSON_PASSWORD, `/me/cases/${first.caseId}`);
    await page.getByRole('heading', { level: 1, name: item.name }).waitFor();
    await page.locator('main').getByText('准予许可').first().waitFor();
    await page.getByText('当前状态下没有需要您办理的事项。').waitFor();
    await screenshot(page, 'cases-my-case-approved');

    // The supplement asked of the second case is the person's to answer.
    await page.goto(`${base}/me/cases/${second.caseId}`);
    await page.getByRole('heading', { name: '补正', exact: true }).waitFor();
    // The window's one-time notice, item by item.
    await page.getByText('申请表缺少申请人签字').first().waitFor();
    await page.getByLabel('补正说明').fill('已补齐身份证复印件并签字。');
    await page.getByRole('button', { name: '提交补正' }).click();
    await page.getByRole('status').filter({ hasText: '已提交补正' }).waitFor();
    await page.context().close();

    const visitor = await portal.newPage();
    await visitor.goto(`${base}/track`);
    await visitor.getByRole('heading', { level: 1, name: '全程一码' }).waitFor();
    await visitor.getByLabel('办件编码').fill(first.trackingCode.toLowerCase());
    await visitor.getByRole('button', { name: '查询', exact: true }).click();
    await visitor.waitForURL(`${base}/track/${first.trackingCode}`);
    await visitor.getByRole('heading', { name: '办理进度' }).waitFor();
    await visitor.getByText('已受理').first().waitFor();
    const qr = visitor.getByRole('img', { name: new RegExp(`办件 ${first.trackingCode} 的二维码`) });
    await qr.waitFor();
    await visitor.waitForFunction(() => {
      const img = document.querySelector('.tb-track-qr img') as HTMLImageElement | null;
      return Boolean(img?.complete && img.naturalWidth > 0);
    });
    const main = await visitor.locator('main').innerText();
    expect(main).toContain('准予许可');
    expect(main).not.toContain(person.name);
    await screenshot(visitor, 'cases-track');

    await visitor.goto(`${base}/track/000000-XXXXXX`);
    await visitor.getByText('未找到该办件编码，请核对。').waitFor();
    await visitor.context().close();
  });

  it('fits a phone screen (390×844)', async () => {
    const page = await portal.newPage({ width: 390, height: 844 });
    await signIn(page, person.idNumber, PERSON_PASSWORD, '/me/cases');
    await page.getByRole('heading', { level: 1, name: '我的办件' }).waitFor();
    await page.getByRole('list', { name: '我的办件列表' }).waitFor();
    await fitsPhone(page);
    await screenshot(page, 'cases-mobile-my-cases');
    await page.goto(`${base}/me/cases/${first.caseId}`);
    await page.getByRole('heading', { level: 1, name: item.name }).waitFor();
    await fitsPhone(page);
    await screenshot(page, 'cases-mobile-my-case');
    await page.goto(`${base}/track/${first.trackingCode}`);
    await page.getByRole('heading', { name: '办理进度' }).waitFor();
    await fitsPhone(page);
    await screenshot(page, 'cases-mobile-track');
    await page.context().close();

    const clerk = await staffWithPassword(['window_clerk', 'approver']);
    const staffPage = await portal.newPage({ width: 390, height: 844 });
    await signIn(staffPage, clerk, STAFF_PASSWORD, '/workbench');
    await staffPage.getByRole('tab', { name: '综合窗口' }).waitFor();
    await staffPage.getByRole('list', { name: '待受理办件' }).waitFor();
    await fitsPhone(staffPage);
    await screenshot(staffPage, 'cases-mobile-workbench');
    await staffPage.context().close();
  });
});
