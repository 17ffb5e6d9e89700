/**
 * A search a resident can trust, in Chromium: one card per service for the region chosen once
 * and remembered, the theme first, a suggestion when nothing matches, English names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, keepFailureScreenshots, startPortal, type Portal } from './browser.js';

let portal: Portal;
let base: string;

beforeAll(async () => {
  portal = await startPortal();
  ({ base } = portal);
});
afterAll(async () => portal?.close());
keepFailureScreenshots(() => portal);

const search = (q: string, extra = '') => `${base}/search?q=${encodeURIComponent(q)}${extra}`;

describe('search results', () => {
  it('shows 新生儿出生一件事 first for 生孩子, then each service once', async () => {
    const page = await portal.newPage();
    await page.goto(search('生孩子'));
    const themes = page.getByRole('region', { name: '相关主题服务（一件事）' });
    await expect(themes.locator('.tb-theme-card').first().innerText()).resolves.toContain('新生儿出生一件事');
    const names = await page.locator('.tb-hits .tb-hit__name a').allInnerTexts();
    expect(names.length).toBeGreaterThan(3);
    expect(new Set(names).size).toBe(names.length);
    await page.getByText('个地区可办理').first().waitFor();
    await screenshot(page, 'search-one-answer');
    await page.context().close();
  });

  it('remembers the region chosen once: a 三都 resident is offered the 全省通办 implementation', async () => {
    // 三都 has no implementations in the test catalogue (TEST_PLACES); 黎平 has its own.
    const page = await portal.newPage();
    await page.goto(search('社会保障卡申领', '&region=522732'));
    await page.getByText('按“三都水族自治县”显示办理部门。').waitFor();
    // A later search without the region in the link keeps it.
    await page.goto(search('社会保障卡申领'));
    await page.getByText('三都水族自治县暂无本地办理，可全省通办').first().waitFor();
    const county = page.getByRole('combobox', { name: '县' }).or(page.locator('select').nth(2));
    await expect(county.first().inputValue()).resolves.toBe('522732');
    await screenshot(page, 'search-region-remembered');
    await page.context().close();
  });

  it('answers nonsense with nothing, and a sound-alike with a suggestion', async () => {
    const page = await portal.newPage();
    await page.goto(search('xyzqwe不存在'));
    await page.getByText('没有找到与“xyzqwe不存在”相关的服务').waitFor();
    expect(await page.locator('.tb-hits').count()).toBe(0);
    await page.goto(search('营叶直照'));
    await page.getByText('您是不是要找：').waitFor();
    await page.getByRole('link', { name: '营业执照', exact: true }).click();
    await page.locator('.tb-hits .tb-hit__name a').first().waitFor();
    await screenshot(page, 'search-suggestion-followed');
    await page.context().close();
  });

  it('shows and finds English names in the English interface', async () => {
    const page = await portal.newPage();
    await page.goto(base);
    // As a person does: the header's language button, once; every page after comes in English.
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
    await page.goto(search('birth certificate'));
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(page.locator('.tb-hits .tb-hit__name a').first().innerText()).resolves.toBe(
      'Medical birth certificate',
    );
    await page.getByText('services found for “birth certificate”').waitFor();
    // Who serves it and where, in English too: the department's kind after its place, the region in pinyin.
    expect(await page.locator('.tb-hits .tb-hit__meta').first().innerText()).toMatch(
      /^[A-Z][A-Za-z ,'-]+ (Commission|Bureau|Administration|Department)\s*·\s*[A-Z][A-Za-z' ]+$/,
    );
    await screenshot(page, 'search-english');
    await page.context().close();
  });
});
