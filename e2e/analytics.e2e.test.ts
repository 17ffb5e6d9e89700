/**
 * The 数据驾驶舱 and the open-data pages in real Chromium: a supervisor of the county sees the
 * month trend and the department chart drawn (pixels on the canvas) with their table views; anyone
 * reads the open-data list and a dataset's preview, with a withheld cell shown as withheld. A
 * search that found nothing and a result opened from the search page reach 需求分析, where a
 * provincial catalogue administrator makes the query a synonym; 能力指数 draws its sub-scores.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestApp } from '../server/src/test/harness.js';
import { GENEROUS_LIMITS, register, registryPersons } from '../server/src/test/people.js';
import { approveCase, formlessCountyItem, submitCase } from '../server/src/test/cases.js';
import { screenshot, keepFailureScreenshots, startPortal, type Portal } from './browser.js';
import { fitsPhone, signIn, staffWithPassword, STAFF_PASSWORD } from './journey.js';

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

const ZERO = '外星人';
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

    // Filtered by department, then by another county: the choices stay in the address.
    const department = page.getByLabel('部门', { exact: true });
    const name = (await departments.getByRole('row').nth(1).locator('th, td').first().textContent()) ?? '';
    const options = await department.locator('option').allTextContents();
    expect(options[0]).toBe('全部部门');
    const named = options.find((o) => o !== '全部部门')!;
    expect(named).not.toMatch(/^[0-9a-f-]{36}$/);
    await department.selectOption({ label: named });
    await page.waitForURL(/department=/);
    await page.getByRole('figure', { name: '受理与办结趋势（按月）' }).locator('canvas').first().waitFor();
    expect(await accepted.locator('dd').textContent()).toBe(named === name ? '2' : '0');
    await screenshot(page, 'analytics-dashboard-department');
    await department.selectOption({ label: '全部部门' });
    await page.waitForURL((url) => !url.searchParams.has('department'));
    expect(await accepted.locator('dd').textContent()).toBe('2');
    await page.context().close();
  });
});

describe('数据驾驶舱 for the public', () => {
  it('says there is no data for a county without cases, rather than that its figures are withheld', async () => {
    const page = await portal.newPage();
    const county = item.regionCode === '520402' ? '520102' : '520402';
    await page.goto(`${base}/analytics?region=${county}`);
    await page.getByText('公众视图').waitFor();
    const accepted = page.locator('.tb-an-figure').filter({ hasText: '受理件数' });
    expect(await accepted.locator('dd').textContent()).toBe('暂无数据');
    expect(await page.locator('.tb-an-figures').getByText('不予公布').count()).toBe(0);
    await page.context().close();
  });
});

describe('数据驾驶舱: map, process graph and heat map', () => {
  const MAP = '各地区受理件数（示意瓦片图）';
  const GRAPH = '直接跟随图（实线：既定流程；红色虚线：偏离）';
  const HEAT = '各环节平均办理工作日（按月）';
  const tableOf = async (page: Page, caption: string) => {
    const figure = page.getByRole('figure', { name: caption });
    await figure.locator('summary').click();
    return figure.getByRole('table');
  };

  it('shows the public the cities of the province on the map (withheld when few), not one cell for the whole province', async () => {
    const page = await portal.newPage({ width: 1280, height: 900 });
    await page.goto(`${base}/analytics`);
    await page.getByText('公众视图').waitFor();
    const city = item.regionCode.startsWith('5201') ? '贵阳市' : '黔东南苗族侗族自治州';
    const map = await tableOf(page, MAP);
    await map.getByRole('row', { name: new RegExp(city) }).waitFor();
    expect(
      await map
        .getByRole('row', { name: new RegExp(city) })
        .locator('td')
        .textContent(),
    ).toBe('不予公布');
    await page.context().close();
  });

  it('draws the tile map, the directly-follows graph and the step heat map for the province, named not coded', async () => {
    const supervisor = await staffWithPassword(t, ['supervisor'], '52');
    const page = await portal.newPage({ width: 1280, height: 900 });
    await signIn(page, base, supervisor.username, STAFF_PASSWORD, '/analytics');
    await page.getByRole('heading', { level: 2, name: '各地区分布 · 贵州省' }).waitFor();
    for (const caption of [MAP, GRAPH, HEAT]) {
      await page.getByRole('figure', { name: caption }).locator('canvas').first().waitFor();
      expect(await inkOf(page, caption), caption).toBeGreaterThan(500);
    }
    const map = await tableOf(page, MAP);
    const [city, cityEn] = item.regionCode.startsWith('5201')
      ? ['贵阳市', 'Guiyang']
      : ['黔东南苗族侗族自治州', 'Qiandongnan Miao and Dong Autonomous Prefecture'];
    expect(
      await map
        .getByRole('row', { name: new RegExp(city) })
        .locator('td')
        .textContent(),
    ).toBe('2');
    const graph = await tableOf(page, GRAPH);
    const first = graph.getByRole('row', { name: /提交申请 已受理/ });
    expect(await first.locator('td').allTextContents()).toEqual(['已受理', '是', '2', expect.any(String), '0']);
    const heat = await tableOf(page, HEAT);
    expect(await heat.getByRole('row').count()).toBeGreaterThan(1);
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-|task-approved|stage-opened|\b5201\b/);
    await screenshot(page, 'analytics-process');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByRole('figure', { name: GRAPH }).locator('canvas').first().waitFor();
    expect(await inkOf(page, GRAPH)).toBeGreaterThan(500);
    await fitsPhone(page);
    await screenshot(page, 'analytics-process-phone');

    await page.evaluate(() => localStorage.setItem('tongban.lang', 'en'));
    await page.reload();
    const mapEn = 'Accepted by region (schematic tile map)';
    await page.getByRole('figure', { name: mapEn }).locator('canvas').first().waitFor();
    expect(await inkOf(page, mapEn)).toBeGreaterThan(500);
    await (await tableOf(page, mapEn)).getByRole('row', { name: new RegExp(`${cityEn} 2`) }).waitFor();
    // The region filter names regions in English too (pinyin and the kind of division).
    await page.locator('.tb-region select').first().selectOption({ label: 'Guizhou Province' });
    await page
      .locator('.tb-region select')
      .nth(1)
      .locator('option', { hasText: 'Qiannan Bouyei and Miao Autonomous Prefecture' })
      .waitFor({ state: 'attached' });
    await page
      .getByText(/ · Guizhou Province$/)
      .first()
      .waitFor();
    const graphEn = 'Directly-follows graph (solid: the defined process; red dashes: deviations)';
    await (await tableOf(page, graphEn)).getByRole('row', { name: /Application submitted Accepted/ }).waitFor();
    await fitsPhone(page);
    await screenshot(page, 'analytics-process-phone-en');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.reload();
    await page.getByRole('figure', { name: graphEn }).locator('canvas').first().waitFor();
    await screenshot(page, 'analytics-process-en');
    await page.context().close();
  });
});

describe('需求分析 and 能力指数', () => {
  it('counts a search and the result opened, turns a zero-result query into a synonym, and scores the county', async () => {
    const name: string = (await t.app.inject({ method: 'GET', url: `/api/catalog/items/${item.code}` })).json().name;
    const resident = await portal.newPage();
    await resident.goto(`${base}/search?q=${encodeURIComponent(ZERO)}&region=${item.regionCode}`);
    await resident.getByText(`没有找到与“${ZERO}”相关的服务`).waitFor();
    await resident.goto(`${base}/search?q=${encodeURIComponent(name)}&region=${item.regionCode}`);
    const opened = resident.waitForResponse((r) => r.url().endsWith('/api/catalog/search/clicks'));
    await resident.getByRole('link', { name, exact: true }).first().click();
    expect((await opened).status()).toBe(204);
    await resident.context().close();
    expect((await t.app.inject({ method: 'GET', url: '/api/catalog/search/hot' })).statusCode).toBe(200);
    await t.app.outbox.drain();

    const admin = await staffWithPassword(t, ['supervisor', 'catalog_admin'], '52');
    const page = await portal.newPage({ width: 1280, height: 900 });
    await signIn(page, base, admin.username, STAFF_PASSWORD, '/analytics/demand');
    await page.getByRole('heading', { level: 1, name: '需求分析' }).waitFor();
    await page
      .getByRole('region', { name: '浏览多、网上申请少的事项' })
      .getByRole('row', { name: new RegExp(name) })
      .waitFor();
    const zero = page.getByRole('region', { name: '零结果搜索（未满足的需求）' });
    const row = zero.getByRole('row', { name: new RegExp(ZERO) });
    await screenshot(page, 'analytics-demand');
    await row.getByRole('button', { name: '设为同义词' }).click();
    await row.getByLabel(`“${ZERO}”的标准说法`).fill(name);
    await row.getByRole('button', { name: '保存' }).click();
    await row.getByText(`已将“${ZERO}”设为“${name}”的同义词`).waitFor();

    await page.getByRole('link', { name: '能力指数' }).click();
    await page.getByRole('heading', { level: 1, name: '一体化政务服务能力指数' }).waitFor();
    await page.getByText('服务事项覆盖度 · 得分').waitFor();
    await page
      .getByRole('figure', { name: /分项得分/ })
      .locator('canvas')
      .first()
      .waitFor();
    expect(await inkOf(page, '分项得分 · 贵州省')).toBeGreaterThan(500);
    expect(await page.locator('main').innerText()).toMatch(/输入：本地区可办事项数 \d+；/);
    expect(await page.locator('main').innerText()).not.toMatch(/：：/);
    await screenshot(page, 'analytics-capability');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page
      .getByRole('figure', { name: /分项得分/ })
      .locator('canvas')
      .first()
      .waitFor();
    await fitsPhone(page);
    await screenshot(page, 'analytics-capability-phone');
    await page.evaluate(() => localStorage.setItem('tongban.lang', 'en'));
    await page.goto(`${base}/analytics/demand`);
    await page.getByRole('heading', { level: 1, name: 'Demand analysis' }).waitFor();
    await page.getByRole('region', { name: 'Zero-result searches (unmet demand)' }).waitFor();
    await fitsPhone(page);
    await screenshot(page, 'analytics-demand-phone-en');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${base}/analytics/capability`);
    await page.getByText('Service coverage · Score').waitFor();
    // Punctuation of the interface's language: no full-width colon or semicolon in English.
    expect(await page.locator('main').innerText()).not.toMatch(/[：；]/);
    await screenshot(page, 'analytics-capability-en');
    await page.context().close();

    const found = await t.app.inject({
      method: 'GET',
      url: `/api/catalog/search?q=${encodeURIComponent(ZERO)}&region=${item.regionCode}`,
    });
    expect((found.json().items as { code: string }[]).map((h) => h.code)).toContain(item.code);
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
