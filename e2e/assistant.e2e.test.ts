/**
 * 智能客服 in Chromium: asked on the home page, it answers with the materials card and its source,
 * then the follow-up "那要多少钱？" about the same item; on a phone in 长者模式 it fills the screen;
 * a guide page's quick question asks about that item.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { keepFailureScreenshots, screenshot, SCREENSHOTS, startPortal, type Portal } from './browser.js';
import { fitsPhone, signIn, STAFF_PASSWORD, staffWithPassword } from './journey.js';

let portal: Portal;

beforeAll(async () => {
  portal = await startPortal();
});
afterAll(async () => portal?.close());
keepFailureScreenshots(() => portal);

/** Opens the assistant on the home page and asks; answers the panel and the card of the nth answer. */
async function askOnHome(page: Page, question: string) {
  await page.goto(portal.base);
  await page.getByRole('button', { name: '智能客服' }).click();
  const panel = page.getByRole('dialog', { name: '智能客服' });
  return { panel, card: await askIn(panel, question, 0) };
}

async function askIn(panel: Locator, question: string, nth: number) {
  await panel.getByRole('textbox', { name: '请输入您的问题' }).fill(question);
  await panel.getByRole('button', { name: '发送' }).click();
  return panel.locator('.tb-assistant__card').nth(nth);
}

describe('the service assistant', () => {
  it('answers materials with the source on the home page, then the fee of the same item', async () => {
    const page = await portal.newPage();
    const { panel, card: first } = await askOnHome(page, '开饭店要带什么材料？');
    await first.getByText('办理「食品经营许可（新办）」需要准备以下材料：').waitFor();
    await expect(first.locator('.tb-assistant__lines li').first().innerText()).resolves.toContain('食品经营许可申请书');
    await first.getByRole('link', { name: '《食品经营许可（新办）》办事指南 · 申请材料' }).waitFor();
    await first.getByRole('link', { name: '查看办事指南' }).waitFor();

    const second = await askIn(panel, '那要多少钱？', 1);
    await second.getByText('办理「食品经营许可（新办）」不收费。').waitFor();
    await second.getByRole('link', { name: '《食品经营许可（新办）》办事指南 · 收费' }).waitFor();
    await screenshot(page, 'assistant-follow-up');
    await page.context().close();
  });

  it('fills a phone screen in 长者模式 and asks a guide page quick question about its item', async () => {
    const page = await portal.newPage({ width: 390, height: 844 });
    await page.goto(portal.base);
    await page.evaluate(() => localStorage.setItem('tongban.elder', '1'));
    await page.goto(`${portal.base}/search?q=${encodeURIComponent('换身份证')}`);
    await page.locator('.tb-hits .tb-hit__name a').first().click();
    await page.getByRole('button', { name: '要多久？' }).click();
    const panel = page.getByRole('dialog', { name: '智能客服' });
    await panel.getByText('「居民身份证换领」法定办结时限').waitFor();
    await fitsPhone(page);
    const box = await panel.boundingBox();
    expect(box?.width).toBe(390);
    // What the phone shows (the panel covers the screen), not the whole page behind it.
    await page.screenshot({ path: path.join(SCREENSHOTS, 'assistant-phone-elder.png') });
    await page.context().close();
  });

  it('declines what no guide answers, and lists it for the catalogue team, who map it to an item', async () => {
    const page = await portal.newPage();
    const { card } = await askOnHome(page, '开个烧烤摊要带什么材料？');
    await card.getByText('已发布的办事指南中没有能回答这个问题的内容').waitFor();
    await card.getByRole('link', { name: '拨打热线 12345' }).waitFor();
    await card.getByRole('link', { name: '投诉建议' }).waitFor();
    await screenshot(page, 'assistant-declined');

    const admin = await staffWithPassword(portal.t, ['catalog_admin'], '52');
    await signIn(page, portal.base, admin.username, STAFF_PASSWORD, '/admin/assistant');
    const row = page.getByRole('row').filter({ hasText: '开个烧烤摊要带什么材料？' });
    await row.getByText('未能回答').waitFor();
    await row.getByRole('combobox', { name: '映射到事项（输入名称搜索）' }).click();
    await page.keyboard.type('食品经营许可');
    await page.locator('.ant-select-item-option').filter({ hasText: '食品经营许可（新办）' }).first().click();
    await page.getByText('暂无待处理的问题。').waitFor();
    await screenshot(page, 'assistant-questions-mapped');
    await page.context().close();
  });
});
