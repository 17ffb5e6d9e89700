/**
 * The 数据驾驶舱 and the open-data pages in real Chromium: a supervisor of the county sees the
 * month trend and the department chart drawn (pixels on the canvas) with their table views; anyone
 * reads the open-data list and a dataset's preview, with a withheld cell shown as withheld.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestApp } from '../server/src/test/harness.js';
import { GENEROUS_LIMITS, register, registryPersons } from '../server/src/test/people.js';
import { approveCase, formlessCountyItem, submitCase } from '../server/src/test/cases.js';
import { screenshot, keepFailureScreenshots, startPortal, type Portal } from './browser.js';
import { signIn, staffWithPassword, STAFF_PASSWORD } from './journey.js';

let portal: Portal;
let t: TestApp;
let base: string;
let item: { code: string; regionCode: string };

beforeAll(async () => {
  portal = await startPortal({ env: GENEROUS_LIMITS });
  ({ t, base } = portal);
  item = await formlessCountyItem(t);
  const clerk = (await t.staff(['window_clerk'], item.regionCode)).authorization;
  const approver = (await t.staff(['approver'], item.regionCode)).authorization;
  for (const [i, p] of (await registryPersons(t, 'any', 3)).entries()) {
    const { c } = await register(t, p);
    const caseId = await submitCase(c, item.code, `e2e-analytics-${i}`);
    if (i < 2) await approveCase(t, caseId, clerk, approver);
    if (i === 0) expect((await c.call('POST', `/api/cases/${caseId}/rating`, { level: 5 })).statusCode).toBe(201);
  }
  await t.app.outbox.drain();
});
afterAll(async () => portal?.close());
keepFailureScreenshots(() => portal);

/** Pixels of a figure's chart canvas that are not background: a drawn chart has many. */
const inkOf = (page: Page, caption: string) =>
  page
    .getByRole('figure', { name: caption })
    .locator('canvas')
    .first()
    .evaluate((canvas: HTMLCanvasElement) => {
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      let ink = 0;
      for (let i = 0; i < data.length; i += 4)
        if (data[i + 3]! > 0 && data[i]! + data[i + 1]! + data[i + 2]! < 600) ink++;
      return ink;
    });

describe('数据驾驶舱', () => {
  it('draws the trend and the department chart for a supervisor of the county, each with its table', async () => {
    const supervisor = await staffWithPassword(t, ['supervisor'], item.regionCode);
    const page = await portal.newPage();
    await signIn(page, base, supervisor.username, STAFF_PASSWORD, '/analytics');
    await page.getByRole('heading', { level: 1, name: '数据驾驶舱' }).waitFor();
    await page.getByText('工作人员视图').waitFor();
    const accepted = page.locator('.tb-an-figure').filter({ hasText: '受理件数' });
    expect(await accepted.locator('dd').textContent()).toBe('2');
    await page.getByRole('figure', { name: '受理与办结趋势（按月）' }).locator('canvas').first().waitFor();
    expect(await inkOf(page, '受理与办结趋势（按月）')).toBeGreaterThan(500);
    expect(await inkOf(page, '各部门按时办结率与好评率')).toBeGreaterThan(500);
    const departments = page.getByRole('figure', { name: '各部门按时办结率与好评率' });
    await departments.getByText('表格查看').click();
    const row = departments.getByRole('row').nth(1);
    expect(await row.locator('td').first().textContent()).toBe('100');
    await page.getByRole('heading', { level: 2, name: '指标口径' }).waitFor();
    await screenshot(page, 'analytics-dashboard');
    await page.context().close();
  });
});

describe('开放数据', () => {
  it('lists the datasets and previews one, a small cell shown as withheld', async () => {
    const page = await portal.newPage();
    await page.goto(`${base}/opendata`);
    await page.getByRole('heading', { level: 1, name: '开放数据' }).waitFor();
    await page.getByRole('link', { name: '政务服务事项办理绩效（按事项）' }).click();
    await page.getByRole('heading', { level: 1, name: '政务服务事项办理绩效（按事项）' }).waitFor();
    await page.getByRole('heading', { level: 2, name: '数据预览' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: item.code });
    await row.getByText('不予公布').first().waitFor();
    await page.getByRole('link', { name: 'CSV' }).waitFor();
    await screenshot(page, 'opendata-dataset');
    await page.context().close();
  });
});
