/**
 * Identity journeys in real Chromium against the real server: a person from the population
 * registry registers through the page (the SMS code read from the outbox), sees 我的账号 with the
 * masked ID number, signs out and in again; a wrong password, a wait and the second factor are explained in the
 * reader's language; the sign-in page in English and on a phone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { sql } from 'kysely';
import type { TestApp } from '../server/src/test/harness.js';
import {
  client,
  GENEROUS_LIMITS,
  lastSmsCode,
  newPhone,
  register,
  registryPersons,
  type RegistryPerson,
} from '../server/src/test/people.js';
import { screenshot, keepFailureScreenshots, startPortal, type Portal } from './browser.js';

let portal: Portal;
let t: TestApp;
let base: string;
const PASSWORD = 'Qiaoliang2026';

beforeAll(async () => {
  portal = await startPortal({ env: GENEROUS_LIMITS });
  ({ t, base } = portal);
});
afterAll(async () => portal?.close());
keepFailureScreenshots(() => portal);

const newPage = (viewport?: { width: number; height: number }): Promise<Page> => portal.newPage(viewport);

const masked = (idNumber: string) => `${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`;

async function signInWithPassword(page: Page, account: string, password: string): Promise<void> {
  await page.getByLabel('账号', { exact: true }).fill(account);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

describe('identity', () => {
  let person: RegistryPerson;
  let personPhone: string;

  it('registers a registry person through the page, shows 我的账号 masked, signs out and in again', async () => {
    [person] = (await registryPersons(t, 'any', 1)) as [RegistryPerson];
    const phone = newPhone();
    personPhone = phone;
    const page = await newPage();
    await page.goto(base);
    await page.getByRole('link', { name: '注册', exact: true }).click();
    await page.waitForURL(/\/register/);
    await page.getByRole('heading', { level: 1, name: '个人实名注册' }).waitFor();

    // A malformed ID number is caught before anything is sent.
    await page.getByLabel('身份证号').fill('12345');
    await page.getByLabel('姓名').click();
    await page.getByText('身份证号应为 18 位').waitFor();

    await page.getByLabel('姓名').fill(person.name);
    await page.getByLabel('身份证号').fill(person.idNumber);
    await page.getByLabel('手机号').fill(phone);
    await page.getByRole('button', { name: '获取验证码' }).click();
    await page.getByText(/验证码已发送至 \d{3}\*{4}\d{4}/).waitFor();
    expect(await page.getByRole('button', { name: /秒后可重新获取/ }).isDisabled()).toBe(true);
    await page.getByLabel('短信验证码').fill(await lastSmsCode(t));
    await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
    await page.getByLabel('确认密码').fill(PASSWORD);
    await page.getByRole('checkbox').check();
    await screenshot(page, 'identity-register');
    await page.getByRole('button', { name: '注册并登录' }).click();

    await page.waitForURL(/\/me$/);
    await page.getByRole('heading', { level: 1, name: '我的账号' }).waitFor();
    const main = await page.locator('main').innerText();
    expect(main).toContain(person.name);
    expect(main).toContain(masked(person.idNumber));
    expect(main).not.toContain(person.idNumber);
    expect(main).toContain(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
    expect(main).toContain('L2');
    // The header knows who is signed in.
    await page
      .locator('header')
      .getByRole('button', { name: new RegExp(person.name) })
      .waitFor();
    await screenshot(page, 'identity-me');

    await page.locator('main').getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(/\/login/);
    await page.locator('header').getByRole('link', { name: '登录', exact: true }).waitFor();
    expect((await page.context().cookies()).some((c) => c.name === 'tb_session')).toBe(false);

    await signInWithPassword(page, person.idNumber, PASSWORD);
    await page.waitForURL(/\/me$/);
    await page.getByRole('heading', { level: 1, name: '我的账号' }).waitFor();
    expect(await page.locator('main').innerText()).toContain(masked(person.idNumber));
    await page.context().close();
  });

  it('goes back to a same-origin returnTo after sign-in, never to another site', async () => {
    const page = await newPage();
    await page.goto(`${base}/login?returnTo=${encodeURIComponent('//evil.example/steal')}`);
    await signInWithPassword(page, person.idNumber, PASSWORD);
    await page.waitForURL(`${base}/me`);
    await page.context().close();

    const again = await newPage();
    await again.goto(`${base}/login?returnTo=${encodeURIComponent('/lists/power')}`);
    await signInWithPassword(again, person.idNumber, PASSWORD);
    await again.waitForURL(`${base}/lists/power`);
    await again.context().close();
  });

  it('signs in with an SMS code', async () => {
    // One code a minute per phone: the registration code was sent moments ago.
    await sql`UPDATE identity.sms_code SET created_at = created_at - interval '2 minutes'`.execute(t.db);
    const page = await newPage();
    await page.goto(`${base}/login`);
    await page.getByRole('tab', { name: '短信登录' }).click();
    await page.getByLabel('手机号').fill(personPhone);
    await page.getByRole('button', { name: '获取验证码' }).click();
    await page.getByText('验证码已发送至').waitFor();
    await page.getByLabel('短信验证码').fill(await lastSmsCode(t));
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL(`${base}/me`);
    await page.getByRole('heading', { level: 1, name: '我的账号' }).waitFor();
    await page.context().close();
  });

  it('explains a wrong password in Chinese and, after the English switch, in English', async () => {
    const page = await newPage();
    await page.goto(`${base}/login`);
    await signInWithPassword(page, person.idNumber, 'not-the-password-1');
    const alert = page.locator('main').getByRole('alert');
    await alert.getByText('账号或密码错误').waitFor();
    await screenshot(page, 'identity-login-error-zh');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    // The message shown follows the switch, and a new attempt answers in English.
    await alert.getByText('Wrong account or password').waitFor();
    await page.getByLabel('Password', { exact: true }).fill('still-not-it-2');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await alert.getByText('Wrong account or password').waitFor();
    await page.getByRole('tab', { name: 'SMS sign-in' }).click();
    await page.getByRole('button', { name: 'Get code' }).waitFor();
    await page.getByRole('tab', { name: 'Password sign-in' }).click();
    await screenshot(page, 'identity-login-en');
    await page.getByRole('button', { name: '中文' }).click();
    await page.context().close();
  });

  it('never locks an account: after failures it asks to wait a moment, then for the SMS code sent to the account’s phone', async () => {
    const [other] = (await registryPersons(t, 'any', 1)) as [RegistryPerson];
    await register(t, other);
    // Five wrong passwords from several addresses make a second factor due; then, as after more failures, a wait (held a minute: the machine may be slow).
    for (let i = 0; i < 5; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: `198.51.100.${i + 1}`,
        payload: { method: 'password', account: other.idNumber, password: `wrong-${i}-x` },
      });
      expect(res.statusCode).toBe(401);
    }
    await sql`UPDATE identity.sign_in_throttle SET wait_until = now() + interval '1 minute' WHERE key LIKE 'account:%'`.execute(
      t.db,
    );
    const page = await newPage();
    await page.goto(`${base}/login`);
    await signInWithPassword(page, other.idNumber, 'Tongban2026');
    const alert = page.locator('main').getByRole('alert');
    await alert.getByText('登录尝试过于频繁').waitFor();
    expect(await alert.innerText()).toMatch(/请在 \d+ 秒后再试。账号不会被锁定/);
    await screenshot(page, 'identity-login-throttled');

    // The moment passes; the password alone is no longer enough.
    await sql`UPDATE identity.sign_in_throttle SET wait_until = NULL`.execute(t.db);
    await sql`UPDATE identity.sms_code SET created_at = created_at - interval '2 minutes'`.execute(t.db);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByText('请完成第二重验证').waitFor();
    await page.getByRole('button', { name: '获取验证码' }).click();
    await page.getByText('如该账号存在，验证码已发送至其绑定手机').waitFor();
    await screenshot(page, 'identity-login-step-up');
    await page.getByLabel('短信验证码（发送至绑定手机）').fill(await lastSmsCode(t));
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    expect((await page.evaluate(() => fetch('/api/me').then((r) => r.json()))).name).toBe(other.name);
    await page.context().close();
  });

  it('lets a legal representative open the enterprise account, authorise and revoke an agent, and act for it', async () => {
    const [rep] = (await registryPersons(t, 'legal-representative', 1)) as [RegistryPerson];
    const [agent] = (await registryPersons(t, 'any', 1)) as [RegistryPerson];
    await register(t, rep);
    await register(t, agent);
    const { creditCode, name: enterprise } = (
      await sql<{
        creditCode: string;
        name: string;
      }>`SELECT credit_code, name FROM exchange.legal_entity WHERE legal_representative_id = ${rep.id} AND status = 'active' ORDER BY credit_code LIMIT 1`.execute(
        t.db,
      )
    ).rows[0]!;

    const page = await newPage();
    await page.goto(`${base}/me`);
    await page.waitForURL(/\/login\?returnTo=%2Fme/);
    await signInWithPassword(page, rep.idNumber, 'Tongban2026');
    await page.getByRole('heading', { level: 1, name: '我的账号' }).waitFor();

    await page.getByText('开通企业账号（法定代表人）').click();
    await page.getByLabel('统一社会信用代码').fill(creditCode);
    await page.getByRole('button', { name: '开通', exact: true }).click();
    await page.getByText(`已开通企业账号：${enterprise}`).waitFor();
    const agents = page.getByRole('region', { name: `经办人管理 · ${enterprise}` });
    await agents.waitFor();

    const expiry = new Date(Date.now() + 180 * 86_400_000).toISOString().slice(0, 10);
    await agents.getByLabel('姓名').fill(agent.name);
    await agents.getByLabel('身份证号').fill(agent.idNumber);
    await agents.getByRole('checkbox', { name: '使用证照' }).check();
    await agents.getByLabel('授权截止日期').fill(expiry);
    await agents.getByRole('button', { name: '授权', exact: true }).click();
    const row = agents.getByRole('list', { name: '经办人列表' }).getByRole('listitem').filter({ hasText: '经办人' });
    await row.getByText('申报、查询办件、使用证照').waitFor();
    expect(await row.innerText()).toContain(`${[...agent.name][0]}*`);
    await screenshot(page, 'identity-me-agents');
    await row.getByRole('button', { name: /撤销授权/ }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '撤销授权' }).click();
    await row.getByText('已失效').waitFor();

    await page.getByRole('radio', { name: new RegExp(enterprise) }).check();
    await page.getByText(`当前身份：代 ${enterprise} 办事`).waitFor();
    await page
      .locator('header')
      .getByRole('button', { name: new RegExp(`代 ${enterprise}`) })
      .click();
    await page.locator('header').getByRole('link', { name: '我的账号' }).waitFor();
    await screenshot(page, 'identity-acting-for');
    await page.locator('header').getByRole('button', { name: '退出登录' }).click();
    await page.locator('header').getByRole('link', { name: '登录', exact: true }).waitFor();
    await page.context().close();
  });

  it('fits a phone screen (390×844), also in 长者模式', async () => {
    const page = await newPage({ width: 390, height: 844 });
    await page.goto(`${base}/login`);
    await page.getByRole('heading', { level: 1, name: '登录' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'identity-mobile-login');
    await page.getByRole('tab', { name: '短信登录' }).click();
    await page.getByRole('button', { name: '获取验证码' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByRole('button', { name: '长者模式' }).click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'identity-mobile-login-elder');
    await page.goto(`${base}/register`);
    await page.getByRole('heading', { level: 1, name: '个人实名注册' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'identity-mobile-register-elder');
    await page.context().close();
  });
});
