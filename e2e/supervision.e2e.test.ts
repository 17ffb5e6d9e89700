/**
 * 电子监察 in real Chromium on a test clock: a task crosses into yellow then red as the platform's
 * clock advances and the sweep runs; the city's supervisor drills down to the county, opens the red
 * list and issues a 督办 order; the county's department head answers it; the supervisor sees it answered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestApp } from '../server/src/test/harness.js';
import { GENEROUS_LIMITS, register, registryPersons } from '../server/src/test/people.js';
import { formlessCountyItem, submitCase } from '../server/src/test/cases.js';
import { axeViolations } from './axe.js';
import { screenshot, keepFailureScreenshots, startPortal, type Portal } from './browser.js';
import { signIn, staffWithPassword, STAFF_PASSWORD } from './journey.js';

let portal: Portal;
let t: TestApp;
let base: string;
let item: { code: string; regionCode: string };
let trackingCode: string;
/** Beijing time on the platform's clock: Monday 2026-11-09, 10:00. */
let now = new Date('2026-11-09T10:00:00+08:00');
const at = (date: string) => new Date(`${date}T10:00:00+08:00`);

beforeAll(async () => {
  portal = await startPortal({ env: GENEROUS_LIMITS, now: () => now });
  ({ t, base } = portal);
  const [p] = await registryPersons(t, 'any', 1);
  const { c } = await register(t, p!);
  item = await formlessCountyItem(t);
  const caseId = await submitCase(c, item.code, 'e2e-supervision-0001');
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
});
afterAll(async () => portal?.close());
keepFailureScreenshots(() => portal);

/** The console's figure link named by its number and label, e.g. "1 红牌". */
const figure = (page: Page, label: string, n: number) =>
  page.getByRole('navigation', { name: '电子监察' }).getByRole('link', { name: new RegExp(`^${n}\\s*${label}$`) });

describe('电子监察', () => {
  let supervisor: { username: string };

  it('shows a task turning yellow, then red, to the supervisor of the city, who issues a 督办 order', async () => {
    // The task's 3 working days run Nov 10, 11, 12: one day left on Wed Nov 11 (yellow), overdue from Fri Nov 13 (red).
    now = at('2026-11-11');
    expect(await t.app.supervisionSweep()).toMatchObject({ yellow: expect.any(Number) });
    supervisor = await staffWithPassword(t, ['supervisor'], item.regionCode.slice(0, 4));
    const page = await portal.newPage();
    await signIn(page, base, supervisor.username, STAFF_PASSWORD, '/supervision');
    await page.getByRole('heading', { level: 1, name: '电子监察' }).waitFor();
    // Drill down from the city to the county.
    const county = page.getByRole('table').getByRole('rowheader').getByRole('link').first();
    await county.click();
    await page.getByRole('heading', { level: 2, name: '部门' }).waitFor();
    // Two clocks turn yellow: the task's and the case's promised limit (also 3 working days).
    await figure(page, '黄牌', 2).waitFor();
    await figure(page, '红牌', 0).waitFor();
    await screenshot(page, 'supervision-yellow');

    now = at('2026-11-13');
    await t.app.supervisionSweep();
    await page.reload();
    await figure(page, '红牌', 2).click();
    const red = page.getByRole('table', { name: '红牌明细' });
    const row = red.getByRole('row').filter({ hasText: trackingCode }).filter({ hasText: '审批环节' });
    await row.getByText('超期 1 个工作日').waitFor();
    await row.getByText('红牌').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'supervision-red');

    await row.getByRole('button', { name: `督办 ${trackingCode}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('督办要求').fill('该件已超期，请说明原因并于期限内办结。');
    await dialog.getByRole('button', { name: '发出督办' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /已督办，编号 DB261113-/ })
      .waitFor();
    await page.getByRole('list', { name: '督办事项' }).getByText('待答复').waitFor();
    await page.context().close();
  });

  it('lets the county department head answer the order, and the supervisor sees it answered', async () => {
    const head = await staffWithPassword(t, ['department_head'], item.regionCode);
    const page = await portal.newPage();
    await signIn(page, base, head.username, STAFF_PASSWORD, '/supervision');
    const orders = page.getByRole('list', { name: '督办事项' });
    await orders.getByLabel('答复内容').fill('已核实：审查环节人员请假导致延误，今日已办结并加强 AB 岗。');
    await orders.getByRole('button', { name: '答复' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /已答复督办事项 DB/ })
      .waitFor();
    await page.context().close();

    const back = await portal.newPage();
    await signIn(back, base, supervisor.username, STAFF_PASSWORD, '/supervision');
    const card = back.getByRole('list', { name: '督办事项' }).getByRole('listitem').first();
    await card.getByText('已答复').waitFor();
    await card.getByText(/今日已办结/).waitFor();
    await screenshot(back, 'supervision-order-answered');
    await back.context().close();
  });
});
