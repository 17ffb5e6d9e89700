/**
 * 消息通知 in real Chromium on a test clock: an applicant keeps only 站内信 in 消息设置, sees the
 * 受理 message in 我的消息 and the header's unread badge go away after reading it; a task turns
 * yellow, then red, and the department head finds the escalation in the workbench's inbox; a
 * supervisor's 督办 order reaches the head's inbox, the head answers it, and the supervisor is told.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestApp } from '../server/src/test/harness.js';
import { GENEROUS_LIMITS, register, registryPersons, type RegistryPerson } from '../server/src/test/people.js';
import { acceptCase, formlessCountyItem, submitCase } from '../server/src/test/cases.js';
import { axeViolations } from './axe.js';
import { screenshot, keepFailureScreenshots, startPortal, type Portal } from './browser.js';
import { chooseOption, fitsPhone, signIn, staffWithPassword, STAFF_PASSWORD } from './journey.js';

const PASSWORD = 'Tongban2026';
let portal: Portal;
let t: TestApp;
let base: string;
let applicant: RegistryPerson;
let item: { code: string; regionCode: string };
let caseId: string;
let head: { username: string; authorization: string };
/** Beijing time on the platform's clock: Monday 2026-11-09, 10:00. */
let now = new Date('2026-11-09T10:00:00+08:00');
const at = (date: string) => new Date(`${date}T10:00:00+08:00`);

beforeAll(async () => {
  portal = await startPortal({ env: GENEROUS_LIMITS, now: () => now });
  ({ t, base } = portal);
  [applicant] = (await registryPersons(t, 'any', 1)) as [RegistryPerson];
  const { c } = await register(t, applicant, PASSWORD);
  item = await formlessCountyItem(t);
  caseId = await submitCase(c, item.code, 'e2e-notify-0001');
  head = await staffWithPassword(t, ['department_head'], item.regionCode);
  await deliver();
});
afterAll(async () => portal?.close());
keepFailureScreenshots(() => portal);

async function deliver() {
  await t.app.outbox.drain();
  await t.app.notify.drain();
}

/** The header's 我的消息 link, named with the unread count. */
const badge = (page: Page, unread: number) =>
  page.getByRole('link', { name: unread ? `我的消息，${unread} 条未读` : '我的消息，没有未读消息' });

/** The message titled `title` in the inbox list. */
const message = (page: Page, title: string) =>
  page
    .getByRole('list', { name: '消息列表' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: title }) });

/** The page at 1280 wide and on a 390×844 phone (which must not scroll sideways), in Chinese and in English. */
async function shots(page: Page, name: string) {
  for (const [language, other] of [
    ['zh', 'English'],
    ['en', '中文'],
  ] as const) {
    await screenshot(page, `${name}-${language}-1280`);
    await page.setViewportSize({ width: 390, height: 844 });
    await fitsPhone(page);
    await screenshot(page, `${name}-${language}-390`);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('button', { name: other, exact: true }).click();
    await page.waitForFunction((lang) => document.documentElement.lang === lang, language === 'zh' ? 'en' : 'zh-CN');
  }
}

describe('消息通知', () => {
  it('tells the applicant of acceptance in 我的消息 only, and the unread badge goes once it is read', async () => {
    const page = await portal.newPage({ width: 1280, height: 900 });
    await signIn(page, base, applicant.idNumber, PASSWORD, '/me/notifications');
    await page.getByRole('heading', { level: 1, name: '消息设置' }).waitFor();
    await page.getByRole('checkbox', { name: '短信' }).uncheck();
    await page.getByRole('combobox', { name: '缴费通知' }).waitFor();
    await page.getByRole('button', { name: '保存设置' }).click();
    await page.getByRole('status').filter({ hasText: '消息设置已保存。' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await shots(page, 'notify-preferences');

    await acceptCase(t, caseId, (await t.staff(['window_clerk'], item.regionCode)).authorization);
    await deliver();

    await page.goto(`${base}/me`);
    await badge(page, 1).click();
    await page.getByRole('heading', { level: 1, name: '我的消息' }).waitFor();
    const accepted = message(page, '办件已受理');
    await accepted.getByText(/您申请的“.+”已受理，办件编号 \S+。/).waitFor();
    await accepted.getByText('未读').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await shots(page, 'notify-inbox');

    await accepted.getByRole('button', { name: '标为已读' }).click();
    await page.getByRole('status').filter({ hasText: '已标为已读。' }).waitFor();
    await badge(page, 0).waitFor();
    // The list is fetched again after the header's count: wait for it rather than read it at once.
    await accepted.getByText('未读').waitFor({ state: 'detached' });
    await page.context().close();
  });

  it('escalates a task gone red to the department head, who finds it in the workbench inbox', async () => {
    now = at('2026-11-11');
    await t.app.supervisionSweep();
    now = at('2026-11-13');
    await t.app.supervisionSweep();
    await deliver();
    const page = await portal.newPage({ width: 1280, height: 900 });
    await signIn(page, base, head.username, STAFF_PASSWORD, '/workbench?tab=inbox');
    const red = message(page, '红牌警告');
    await red.getByText(/已超期（2026-11-12 到期），已上报督办。/).waitFor();
    await badge(page, 1).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await shots(page, 'notify-workbench-inbox');
    await red.getByRole('link', { name: '查看详情' }).click();
    await page.waitForURL(`**/workbench/cases/${caseId}`);
    await badge(page, 0).waitFor();
    await page.context().close();
  });

  it('brings a 督办 order to the head’s inbox, and its answer to the supervisor’s', async () => {
    const supervisor = await staffWithPassword(t, ['supervisor'], item.regionCode.slice(0, 4));
    const issued = await t.app.inject({
      method: 'POST',
      url: '/api/supervision/orders',
      headers: { authorization: supervisor.authorization },
      payload: { subjectType: 'case', subjectId: caseId, instruction: '该件已超期，请说明原因。', respondDays: 3 },
    });
    expect(issued.statusCode, issued.body).toBe(201);
    await deliver();

    const page = await portal.newPage({ width: 1280, height: 900 });
    await signIn(page, base, head.username, STAFF_PASSWORD, '/workbench?tab=inbox');
    const order = message(page, '督办通知');
    await order.getByText(/您收到一份督办：“.+”，请于 \S+ 前答复。/).waitFor();
    await order.getByRole('link', { name: '查看详情' }).click();
    const orders = page.getByRole('list', { name: '督办事项' });
    await orders.getByLabel('答复内容').fill('已核实延误原因，今日已办结。');
    await orders.getByRole('button', { name: '答复' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /已答复督办事项 DB/ })
      .waitFor();
    await page.context().close();
    await deliver();

    const back = await portal.newPage({ width: 1280, height: 900 });
    await signIn(back, base, supervisor.username, STAFF_PASSWORD, '/workbench?tab=inbox');
    const answered = message(back, '督办已答复');
    await answered.getByText(/您发出的督办（DB\S+）已有答复，请查看。/).waitFor();
    await answered.getByRole('link', { name: '查看详情' }).click();
    const card = back.getByRole('list', { name: '督办事项' }).getByRole('listitem').first();
    await card.getByText('已答复').waitFor();
    await back.context().close();
  });

  it('lets a system administrator edit a template with its variables, preview it, and see a wrong variable at its field', async () => {
    const admin = await staffWithPassword(t, ['system_admin'], '52');
    const page = await portal.newPage({ width: 1280, height: 900 });
    await signIn(page, base, admin.username, STAFF_PASSWORD, '/admin/notify-templates');
    await page.getByRole('heading', { level: 1, name: '消息模板' }).waitFor();
    await chooseOption(page, page.getByRole('combobox', { name: '按消息筛选' }), '投诉已答复');
    await page.getByRole('button', { name: '修改 投诉已答复 站内信 中文' }).click();
    const editor = page.getByRole('region', { name: /修改模板：投诉已答复/ });
    const body = editor.getByLabel('正文');
    await body.fill('您的投诉 {{reference}} 已于 {{decisionNo}} 答复。');
    await editor.getByText('没有这个变量：decisionNo（只能使用下面列出的变量）').waitFor();
    await body.fill('您的投诉 {{reference}} 已答复，请登录查看。');
    await editor.getByText('您的投诉 TS261203-ABC123 已答复，请登录查看。').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await shots(page, 'notify-templates');
    await editor.getByRole('button', { name: '保存' }).click();
    await page.getByRole('status').filter({ hasText: '模板已保存。' }).waitFor();
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('button', { name: '修改 投诉已答复 站内信 中文' }) });
    await row.getByText('已修改').waitFor();
    await page.context().close();
  });
});
