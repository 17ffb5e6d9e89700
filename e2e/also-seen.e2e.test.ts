/**
 * What issue 10 saw on the way, in the browser: staff land on the workbench after signing in; the
 * sign-in page leads to 忘记密码 and the reset works; two parallel tasks of one case each have their
 * own opinion box (unique ids, each label on its own box) under their stage's name; an item only
 * for enterprises starts with the person's enterprise, not 本人; typing 八十 in a number field asks
 * for a number.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { TestApp } from '../server/src/test/harness.js';
import {
  GENEROUS_LIMITS,
  lastSmsCode,
  register,
  registryPersons,
  type Client,
  type RegistryPerson,
} from '../server/src/test/people.js';
import { actForEnterprise, completeMaterials, foodLicenceForm, foodLicenceItem } from '../server/src/test/cases.js';
import { seedDemoProcesses } from '../server/src/modules/cases/index.js';
import { keepFailureScreenshots, screenshot, startPortal, type Portal } from './browser.js';
import { signIn, STAFF_PASSWORD, staffWithPassword } from './journey.js';
import { totpCode } from '../server/src/test/staff.js';
import { rawCodes, setLanguage } from './visible-text.js';

let portal: Portal;
let t: TestApp;
let base: string;
let rep: RegistryPerson;
let applicant: Client;
let phone: string;
let caseId: string;
let item: { code: string; regionCode: string };
const PASSWORD = 'Tongban2026';

beforeAll(async () => {
  portal = await startPortal({ env: GENEROUS_LIMITS });
  ({ t, base } = portal);
  await seedDemoProcesses(t.db, '52');
  [rep] = (await registryPersons(t, 'legal-representative', 1)) as [RegistryPerson];
  ({ c: applicant, phone } = await register(t, rep, PASSWORD));
  item = await foodLicenceItem(t);
  // Filed before the password reset below ends this client's session.
  const { creditCode } = await actForEnterprise(t, applicant, rep.id);
  const applied = await applicant.call(
    'POST',
    '/api/cases',
    { itemCode: item.code, form: foodLicenceForm(creditCode), reuseConsent: true },
    { headers: { 'idempotency-key': 'e2e-also-seen-0001' } },
  );
  expect(applied.statusCode, applied.body).toBe(201);
  caseId = applied.json().caseId as string;
  // 材料齐全: the window accepts only a complete application.
  await completeMaterials(applicant, caseId);
});
afterAll(async () => portal?.close());
keepFailureScreenshots(() => portal);

describe('also seen on the way', () => {
  it('takes staff who sign in to the workbench', async () => {
    const clerk = await staffWithPassword(t, ['window_clerk'], item.regionCode);
    const page = await portal.newPage();
    await page.goto(`${base}/login`);
    await page.getByLabel('账号', { exact: true }).fill(clerk.username);
    await page.getByLabel('密码', { exact: true }).fill(STAFF_PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    // Every staff role signs in with its authenticator code.
    const totp = page.getByLabel('动态口令', { exact: true });
    await totp.waitFor();
    await totp.fill(await totpCode(t, clerk.username));
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL(`${base}/workbench`);
    await page.context().close();
  });

  it('leads from the sign-in page to 忘记密码, and the new password signs in', async () => {
    // The registration's code was sent a moment ago: as if it were a few minutes back (one code a minute per phone).
    await sql`UPDATE identity.sms_code SET created_at = created_at - interval '5 minutes'`.execute(t.db);
    const page = await portal.newPage();
    await page.goto(`${base}/login`);
    await page.getByRole('link', { name: '忘记密码？' }).click();
    await page.waitForURL(`${base}/forgot-password`);
    await page.getByRole('heading', { level: 1, name: '找回密码' }).waitFor();
    await page.getByLabel('手机号', { exact: true }).fill(phone);
    await page.getByRole('button', { name: '获取验证码' }).click();
    await page.getByText(/验证码已发送至/).waitFor();
    await page.getByLabel('短信验证码', { exact: true }).fill(await lastSmsCode(t));
    await page.getByLabel('密码', { exact: true }).fill('Xinmima2027');
    await page.getByLabel('确认密码', { exact: true }).fill('Xinmima2027');
    await screenshot(page, 'also-seen-forgot-password-zh');
    await page.getByRole('button', { name: '设置新密码' }).click();
    await page.getByText('新密码已设置，请用新密码登录。').waitFor();
    expect(await rawCodes(page)).toEqual([]);
    await setLanguage(page, 'en');
    await page.getByRole('heading', { level: 1, name: 'Reset your password' }).waitFor();
    await screenshot(page, 'also-seen-forgot-password-en');
    await page.context().close();
    const again = await portal.newPage();
    await signIn(again, base, rep.idNumber, 'Xinmima2027', '/me');
    await again.context().close();
    // The old password no longer works.
    const old = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { method: 'password', account: rep.idNumber, password: PASSWORD },
    });
    expect(old.statusCode).toBe(401);
  });

  /** Set once the window has accepted the case: a retry of the journey below must not accept it again. */
  let accepted = false;
  it('gives each of two parallel tasks its own opinion box, under its stage’s name', async () => {
    if (!accepted) {
      const clerk = (await t.staff(['window_clerk'], item.regionCode)).authorization;
      expect(
        (
          await t.app.inject({
            method: 'POST',
            url: `/api/cases/${caseId}/accept`,
            headers: { authorization: clerk },
            payload: {},
          })
        ).statusCode,
      ).toBe(204);
      accepted = true;
    }

    const approver = await staffWithPassword(t, ['approver'], item.regionCode);
    const page = await portal.newPage();
    await signIn(page, base, approver.username, STAFF_PASSWORD, `/workbench/cases/${caseId}`);
    const tasks = page.locator('.tb-task-item.is-open');
    await tasks.nth(1).waitFor();
    expect(await tasks.count()).toBe(2);
    const boxes = await page.evaluate(() =>
      [...document.querySelectorAll('.tb-task-item.is-open')].map((li) => {
        const box = li.querySelector('textarea')!;
        const label = [...li.querySelectorAll('label')].find((l) => l.htmlFor === box.id);
        return {
          id: box.id,
          labelled: Boolean(label),
          sameIdCount: document.querySelectorAll(`[id="${box.id}"]`).length,
        };
      }),
    );
    expect(boxes).toHaveLength(2);
    expect(new Set(boxes.map((b) => b.id)).size).toBe(2);
    for (const b of boxes) expect(b).toMatchObject({ labelled: true, sameIdCount: 1 });
    const headings = await tasks.getByRole('heading', { level: 3 }).allInnerTexts();
    for (const h of headings) expect(h).not.toMatch(/[a-z]-[a-z]|（[a-z]/);
    expect(await rawCodes(page)).toEqual([]);
    await screenshot(page, 'also-seen-parallel-tasks');
    await page.context().close();
  });

  it('starts an enterprise-only item with the person’s enterprise, and asks for a number when 八十 is typed', async () => {
    // A new session acts for the person themselves; the item serves enterprises only.
    const page = await portal.newPage();
    await signIn(page, base, rep.idNumber, 'Xinmima2027', `/items/${item.code}/apply`);
    const who = page.getByRole('group', { name: '申报身份' });
    await who.getByRole('radio', { name: /^代 .+ 申报$/, checked: true }).waitFor();
    expect(await who.getByRole('radio', { name: /^本人/ }).count()).toBe(0);
    const area = page.getByLabel(/经营场所面积/);
    await area.fill('八十');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByText('「经营场所面积（平方米）」请填写数字（如 80）').waitFor();
    await screenshot(page, 'also-seen-enterprise-only-apply');
    await page.context().close();
  });
});
