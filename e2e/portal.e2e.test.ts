/**
 * The first portal journeys in real Chromium against the real server and database: search as
 * people ask, read the full guide, themes, the English switch, elderly mode and the phone layout.
 * Screenshots of each page go to artifacts/screenshots.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, keepFailureScreenshots, startPortal, type Portal } from './browser.js';

let portal: Portal;
let base: string;

beforeAll(async () => {
  portal = await startPortal();
  ({ base } = portal);
});
afterAll(async () => portal?.close());
keepFailureScreenshots(() => portal);

const newPage = (viewport?: { width: number; height: number }): Promise<Page> => portal.newPage(viewport);

describe('portal', () => {
  it('finds 食品经营许可 from "我要开饭店" and shows its full guide', async () => {
    const page = await newPage();
    await page.goto(base);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('一网通办');
    await screenshot(page, 'home-zh');
    const box = page
      .getByRole('search')
      .first()
      .getByRole('combobox')
      .or(page.getByRole('search').first().getByRole('searchbox'))
      .or(page.getByRole('search').first().locator('input'))
      .first();
    await box.fill('我要开饭店');
    await box.press('Enter');
    await page.waitForURL(/\/search\?/);
    const first = page.locator('.tb-hits .tb-hit__name a').first();
    await expect(first.textContent()).resolves.toContain('食品经营许可');
    await screenshot(page, 'search-results');
    await first.click();
    await page.waitForURL(/\/items\//);
    await page.getByRole('heading', { name: '申请材料' }).waitFor();
    const text = await page.locator('main').innerText();
    for (const element of ['设定依据', '受理条件', '办理流程', '法定时限', '承诺时限', '咨询电话'])
      expect(text).toContain(element);
    await screenshot(page, 'item-guide');
    await page.context().close();
  });

  it('opens a theme from the home page and lists its steps in order', async () => {
    const page = await newPage();
    await page.goto(base);
    const card = page.locator('a[href^="/themes/"]').first();
    const title = (await card.innerText()).split('\n')[0]!;
    await card.click();
    await page.waitForURL(/\/themes\//);
    await page.locator('main a[href^="/items/"]').first().waitFor();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain(title.trim());
    expect(await page.locator('main a[href^="/items/"]').count()).toBeGreaterThan(1);
    await screenshot(page, 'theme');
    await page.context().close();
  });

  it('switches to English and back, and remembers elderly mode', async () => {
    const page = await newPage();
    await page.goto(base);
    await page.getByRole('button', { name: 'English' }).click();
    // The light home page comes again in English (a reload): wait for it rather than read the first heading seen.
    await page.getByRole('heading', { level: 1, name: /One portal/ }).waitFor();
    await screenshot(page, 'home-en');
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('button', { name: '长者模式' }).click();
    expect(await page.evaluate(() => document.documentElement.classList.contains('elder-mode'))).toBe(true);
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.classList.contains('elder-mode'))).toBe(true);
    const size = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    expect(size).toBeGreaterThanOrEqual(18);
    await screenshot(page, 'home-elder');
    await page.context().close();
  });

  it('fits a phone screen (390×844) without horizontal scrolling', async () => {
    const page = await newPage({ width: 390, height: 844 });
    await page.goto(`${base}/search?q=${encodeURIComponent('营业执照')}`);
    await page.locator('.tb-hits .tb-hit__name a').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'mobile-search');
    await page.locator('.tb-hits .tb-hit__name a').first().click();
    await page.getByRole('heading', { name: '申请材料' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'mobile-guide');
    await page.context().close();
  });

  it('shows the power list grouped by item type', async () => {
    const page = await newPage();
    await page.goto(`${base}/lists/power`);
    await page.getByText('行政许可').first().waitFor();
    await page.getByText('行政处罚').first().waitFor();
    await screenshot(page, 'power-list');
    await page.context().close();
  });
});
