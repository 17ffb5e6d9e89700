/**
 * The portal on a phone (390×844), for an elder and on a hall kiosk (1080×1920), in real Chromium:
 * a resident finds and applies for an item through the bottom tab bar; 我的空间 shows the 补正 the
 * window asked for; 长者模式 reads the page aloud (speech synthesis, stubbed to listen) and files a
 * 请给我回电 the window clerk then sees masked; the kiosk signs in with the simulated ID card reader,
 * prints the receipt and 一次性告知, and after idling wipes the screen. axe is clean in every mode.
 */
import path from 'node:path';
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitCase } from '../server/src/test/cases.js';
import type { TestApp } from '../server/src/test/harness.js';
import {
  GENEROUS_LIMITS,
  register,
  registryPersons,
  type Client,
  type RegistryPerson,
} from '../server/src/test/people.js';
import { axeViolations } from './axe.js';
import { keepFailureScreenshots, screenshot, SCREENSHOTS, startPortal, type Portal } from './browser.js';
import { fitsPhone, signIn, staffWithPassword, STAFF_PASSWORD, uploadRequired } from './journey.js';

const PHONE = { width: 390, height: 844 };
const KIOSK = { width: 1080, height: 1920 };
const PASSWORD = 'Tongban2026';

let portal: Portal;
let t: TestApp;
let base: string;
let person: RegistryPerson;
let applicant: Client;
let item: { code: string; regionCode: string; name: string };
/** A case of the person's for which the window asked for 补正. */
let asked: string;

const tab = (page: Page, name: string) =>
  page.getByRole('navigation', { name: /^(底部导航|Bottom navigation)$/ }).getByRole('link', { name, exact: true });

/** What the screen shows (a phone's first view), beside the full-page screenshot. */
const firstView = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}-view.png`) });

async function signInHere(page: Page): Promise<void> {
  await page.getByLabel('账号', { exact: true }).fill(person.idNumber);
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

beforeAll(async () => {
  portal = await startPortal({ env: GENEROUS_LIMITS });
  ({ t, base } = portal);
  [person] = (await registryPersons(t, 'any', 1)) as [RegistryPerson];
  ({ c: applicant } = await register(t, person, PASSWORD));
  // A county item for residents with no form of its own: the journey is the bottom bar, not the form.
  const found = await sql<typeof item>`
    SELECT i.code, i.region_code AS "regionCode", v.name FROM catalog.item i
      JOIN catalog.item_version v ON v.item_id = i.id AND v.version = i.published_version
     WHERE length(i.region_code) = 6 AND jsonb_array_length(COALESCE(v.guide->'form', '[]'::jsonb)) = 0
       AND v.guide->'serviceObjects' ? '1' AND NOT v.guide->'serviceObjects' ? '2'
     ORDER BY i.code LIMIT 1`.execute(t.db);
  item = found.rows[0]!;
  asked = await submitCase(applicant, item.code, 'e2e-mobile-0001');
  const clerk = await t.staff(['window_clerk'], item.regionCode);
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/cases/${asked}/request-supplement`,
    headers: { authorization: clerk.authorization },
    payload: { items: ['户口簿首页及本人页复印件'], note: '请携带原件核对' },
  });
  expect(res.statusCode, res.body).toBe(204);
});
afterAll(async () => portal?.close());
keepFailureScreenshots(() => portal);

describe('phone, 长者模式 and kiosk', () => {
  it('finds and applies for an item with the bottom tab bar', async () => {
    const page = await portal.newPage(PHONE);
    await page.goto(base);
    // Phones get the bottom bar, not the red navigation; the header is one line.
    expect(await page.locator('.tb-header').evaluate((h) => h.getBoundingClientRect().height)).toBeLessThan(90);
    await tab(page, '办事').click();
    await page.waitForURL(`${base}/search`);
    await page.getByText('请输入要办理的事项').waitFor();
    const box = page.getByRole('search').first().locator('input').first();
    await box.fill(item.name);
    await box.press('Enter');
    await page.locator('.tb-hits .tb-hit__name a', { hasText: item.name }).first().click();
    await page.waitForURL(/\/items\/[0-9A-Z]+$/);
    // Search stays one tap away on inner pages.
    await page.getByRole('link', { name: '搜索事项' }).waitFor();
    await fitsPhone(page);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'mobile-guide-zh');
    await firstView(page, 'mobile-guide-zh');
    await page.getByRole('link', { name: '立即申请' }).click();
    await page.waitForURL(/\/login\?/);
    await signInHere(page);
    await page.getByRole('heading', { level: 2, name: '填写表单' }).waitFor();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('heading', { level: 2, name: '申请材料' }).waitFor();
    await uploadRequired(page);
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('heading', { level: 2, name: '确认提交' }).waitFor();
    await page.getByRole('button', { name: '确认提交' }).click();
    await page.getByRole('status').filter({ hasText: '申请已提交' }).waitFor();
    const trackingCode = (await page.locator('.tb-apply-done__tracking').innerText()).trim();
    await fitsPhone(page);
    await screenshot(page, 'mobile-applied');
    // 办件 is the tracking page, reachable without swiping.
    await tab(page, '办件').click();
    await page.waitForURL(`${base}/track`);
    await expect.poll(() => tab(page, '办件').getAttribute('aria-current')).toBe('page');
    const found = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM cases."case" WHERE tracking_code = ${trackingCode}`.execute(t.db);
    expect(found.rows[0]!.n).toBe(1);
    await page.context().close();
  });

  it('shows the 补正 the window asked for in 我的空间, in Chinese and English', async () => {
    const page = await portal.newPage(PHONE);
    await page.goto(base);
    await tab(page, '我的').click();
    await page.waitForURL(/\/login\?returnTo=%2Fme%2Fspace/);
    await signInHere(page);
    await page.waitForURL(`${base}/me/space`);
    const needs = page.getByRole('region', { name: '需要您处理' });
    const need = needs.getByRole('link').filter({ hasText: '需要补正材料' });
    await need.filter({ hasText: item.name }).first().waitFor();
    await page.getByText(`${person.name}，您好`).waitFor();
    await fitsPhone(page);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'mobile-space-zh');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('region', { name: 'Needs you' }).getByText('Materials to supplement').first().waitFor();
    await tab(page, 'Me').waitFor();
    await fitsPhone(page);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'mobile-space-en');
    await page.getByRole('button', { name: '中文' }).click();
    await needs.getByRole('link').filter({ hasText: '需要补正材料' }).first().click();
    await page.waitForURL(`${base}/me/cases/${asked}`);
    await page.context().close();
  });

  it('reads the page aloud in 长者模式 and files a 请给我回电 the window clerk sees masked', async () => {
    const page = await portal.newPage(PHONE);
    // Listen to what the page asks the speech synthesiser to say.
    await page.addInitScript(() => {
      const spoken: string[] = [];
      (window as unknown as { spoken: string[] }).spoken = spoken;
      window.speechSynthesis.speak = (u: SpeechSynthesisUtterance) => {
        spoken.push(u.text);
      };
    });
    await page.goto(`${base}/items/${item.code}`);
    const title = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
    await page.getByRole('button', { name: '长者模式' }).click();
    const helper = page.getByRole('region', { name: '长者助手' });
    // The light guide page starts the app in 长者模式: read aloud once the app has the guide again.
    await helper.waitFor();
    await page.locator('main .tb-guide-body').waitFor();
    await helper.getByRole('button', { name: '朗读本页' }).click();
    const spoken = await page.evaluate(() => (window as unknown as { spoken: string[] }).spoken);
    expect(spoken).toHaveLength(1);
    expect(spoken[0]).toContain(title);
    expect(spoken[0]).toContain('申请材料');
    expect(spoken[0]).not.toContain('朗读本页');
    await helper.getByRole('button', { name: '停止朗读' }).waitFor();
    await fitsPhone(page);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'mobile-elder-guide');
    await firstView(page, 'mobile-elder-guide');

    await helper.getByRole('button', { name: '请给我回电' }).click();
    const form = page.getByRole('form', { name: '请给我回电' });
    await form.getByLabel('手机号码或固定电话').fill('1398765');
    await form.getByRole('button', { name: '提交，等候回电' }).click();
    await form.getByText('请填写 11 位手机号码').waitFor();
    await form.getByLabel('手机号码或固定电话').fill('13987654321');
    await form.getByLabel('怎么称呼您（选填）').fill('王阿姨');
    await form.getByLabel('想咨询什么（选填）').fill('不会在网上交材料');
    expect(await axeViolations(page)).toEqual([]);
    await firstView(page, 'mobile-elder-callback');
    await form.getByRole('button', { name: '提交，等候回电' }).click();
    await helper.getByRole('status').filter({ hasText: '已收到您的回电请求' }).waitFor();
    await page.getByRole('button', { name: '长者模式' }).click();
    await page.context().close();

    const clerk = await staffWithPassword(t, ['window_clerk'], '52');
    const desk = await portal.newPage();
    await signIn(desk, base, clerk.username, STAFF_PASSWORD, '/workbench?tab=callbacks');
    const line = desk.getByRole('list', { name: '待回电请求' }).getByRole('listitem').first();
    await line.getByText('139****4321').waitFor();
    await line.getByText('不会在网上交材料').waitFor();
    expect(await desk.locator('main').innerText()).not.toContain('13987654321');
    expect(await axeViolations(desk)).toEqual([]);
    await screenshot(desk, 'workbench-callbacks');
    await line.getByRole('button', { name: '查看号码' }).click();
    await line.getByRole('link', { name: '13987654321' }).waitFor();
    await line.getByRole('button', { name: '已回电' }).click();
    await desk.getByText('暂无待回电的请求。').waitFor();
    await desk.context().close();
  });

  it('signs in on the kiosk with the simulated card reader, prints, and wipes the screen after idling', async () => {
    const page = await portal.newPage(KIOSK);
    await page.clock.install();
    await page.addInitScript(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed++;
      };
    });
    await page.goto(`${base}/kiosk?idle=60`);
    await page.getByRole('heading', { level: 1, name: '政务服务自助终端' }).waitFor();
    // No way out to the browser: no context menu, no new window.
    expect(
      await page.evaluate(() => !document.dispatchEvent(new MouseEvent('contextmenu', { cancelable: true }))),
    ).toBe(true);
    expect(await page.evaluate(() => window.open('https://example.com/'))).toBeNull();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'kiosk-home');

    await page.getByRole('main').getByRole('link', { name: '刷身份证登录' }).click();
    await page.getByRole('heading', { name: '请将身份证放在读卡区' }).waitFor();
    await page.getByLabel('身份证号码', { exact: true }).fill(person.idNumber);
    await page.getByLabel('姓名', { exact: true }).fill(person.name);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'kiosk-card');
    await page.getByRole('button', { name: '模拟刷卡' }).click();
    await page.getByRole('heading', { name: /请输入密码完成登录/ }).waitFor();
    expect(await page.getByRole('heading', { name: /请输入密码完成登录/ }).innerText()).not.toContain(person.name);
    await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL(`${base}/me/space`);
    await page.getByRole('link').filter({ hasText: '需要补正材料' }).first().click();
    await page.waitForURL(`${base}/me/cases/${asked}`);
    await page
      .getByRole('navigation', { name: '自助终端操作' })
      .getByRole('link', { name: '打印回执和一次性告知' })
      .click();
    await page.waitForURL(`${base}/me/cases/${asked}/print`);
    await page.getByRole('heading', { name: '一次性告知' }).waitFor();
    await page.getByText('户口簿首页及本人页复印件').waitFor();
    await page.getByRole('button', { name: '打印' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'kiosk-print');

    // Idle: a countdown first, then sign-out and a wiped screen.
    await page.clock.runFor(45_000);
    await page.getByRole('alert').filter({ hasText: '秒后将自动退出' }).waitFor();
    await screenshot(page, 'kiosk-idle-warning');
    await page.clock.runFor(20_000);
    await page.getByRole('status').filter({ hasText: '已自动退出，您的信息已从本机清除' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/kiosk');
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual(['tongban.kiosk']);
    expect(await page.evaluate(() => fetch('/api/me').then((r) => r.json()))).toEqual({ kind: 'anonymous' });
    await page.getByRole('main').getByRole('link', { name: '刷身份证登录' }).waitFor();
    await screenshot(page, 'kiosk-wiped');
    await page.goto(`${base}/kiosk?exit=1`);
    await page.waitForURL(`${base}/`);
    expect(await page.evaluate(() => document.documentElement.classList.contains('kiosk-mode'))).toBe(false);
    await page.context().close();
  });
});
