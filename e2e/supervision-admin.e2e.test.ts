/**
 * 电子监察 console additions in real Chromium: a supervisor marks a yellow warning seen (the clock
 * shows who saw it) and reads the thresholds; a system administrator changes an item type's
 * threshold and is told how many open clocks followed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../server/src/test/harness.js';
import { GENEROUS_LIMITS, register, registryPersons } from '../server/src/test/people.js';
import { formlessCountyItem, submitCase } from '../server/src/test/cases.js';
import { screenshot, keepFailureScreenshots, startPortal, type Portal } from './browser.js';
import { signIn, staffWithPassword, STAFF_PASSWORD } from './journey.js';

let portal: Portal;
let t: TestApp;
let base: string;
let item: { code: string; regionCode: string };
let trackingCode: string;
/** Monday 2026-11-09, 10:00 in Beijing; the task's 3 working days leave one on Wed Nov 11. */
let now = new Date('2026-11-09T10:00:00+08:00');

beforeAll(async () => {
  portal = await startPortal({ env: GENEROUS_LIMITS, now: () => now });
  ({ t, base } = portal);
  const [p] = await registryPersons(t, 'any', 1);
  const { c } = await register(t, p!);
  item = await formlessCountyItem(t);
  const caseId = await submitCase(c, item.code, 'e2e-supervision-admin-0001');
  const clerk = (await t.staff(['window_clerk'], item.regionCode)).authorization;
  const accepted = await t.app.inject({
    method: 'POST',
    url: `/api/cases/${caseId}/accept`,
    headers: { authorization: clerk },
    payload: {},
  });
  expect(accepted.statusCode).toBe(204);
  trackingCode = (
    await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: { authorization: clerk } })
  ).json().trackingCode;
  await t.app.outbox.drain();
  now = new Date('2026-11-11T10:00:00+08:00');
  await t.app.supervisionSweep();
});
afterAll(async () => portal?.close());
keepFailureScreenshots(() => portal);

describe('电子监察 warnings and thresholds', () => {
  it('lets a supervisor mark a yellow warning seen and read the thresholds', async () => {
    const supervisor = await staffWithPassword(t, ['supervisor'], item.regionCode.slice(0, 4));
    const page = await portal.newPage();
    await signIn(
      page,
      base,
      supervisor.username,
      STAFF_PASSWORD,
      `/supervision?region=${item.regionCode}&state=yellow`,
    );
    const row = page
      .getByRole('table', { name: '黄牌明细' })
      .getByRole('row')
      .filter({ hasText: trackingCode })
      .filter({ hasText: '审批环节' });
    await row.getByText('尚无人查阅').waitFor();
    await row.getByRole('button', { name: `标记已阅 ${trackingCode}` }).click();
    await row.getByText(/1 人已阅：/).waitFor();
    const thresholds = page.getByRole('table', { name: '预警阈值' });
    await thresholds.getByRole('row').filter({ hasText: '行政许可' }).getByText('沿用默认').waitFor();
    expect(await thresholds.getByRole('spinbutton').count()).toBe(0);
    await screenshot(page, 'supervision-seen-thresholds');
    await page.context().close();
  });

  it('lets a system administrator change an item type’s threshold', async () => {
    const admin = await staffWithPassword(t, ['system_admin'], '52');
    const page = await portal.newPage();
    await signIn(page, base, admin.username, STAFF_PASSWORD, '/supervision');
    await page.getByLabel('行政许可 剩余工作日').fill('2');
    await page.getByRole('button', { name: '保存阈值' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /阈值已保存/ })
      .waitFor();
    await page
      .getByRole('table', { name: '预警阈值' })
      .getByRole('row')
      .filter({ hasText: '行政许可' })
      .getByText('本类型设置')
      .waitFor();
    await screenshot(page, 'supervision-thresholds-admin');
    await page.context().close();
  });
});
