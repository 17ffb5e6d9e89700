/**
 * 一件事 in the portal, in real Chromium against the real server: from the theme page a resident
 * applies for the whole 驾车一件事 as one application — signs in, lets the platform fill their name,
 * ID number and household address from the population registry (consent first; the ID number
 * shown masked), adds the optional 车辆购置税申报, enters the shared fields once — and gets ONE
 * tracking code, which the tracking page answers with each item's case inside it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../server/src/test/harness.js';
import { GENEROUS_LIMITS, register, registryPersons, type RegistryPerson } from '../server/src/test/people.js';
import { keepFailureScreenshots, screenshot, startPortal, type Portal } from './browser.js';

let portal: Portal;
let t: TestApp;
let base: string;
let person: RegistryPerson;
const PASSWORD = 'Tongban2026';

beforeAll(async () => {
  portal = await startPortal({ env: GENEROUS_LIMITS });
  ({ t, base } = portal);
  person = (await registryPersons(t, 'any', 1))[0]!;
  await register(t, person, PASSWORD);
});
afterAll(async () => portal?.close());
keepFailureScreenshots(() => portal);

describe('一件事 in the portal', () => {
  it('applies for a whole theme from its page with one tracking code that the tracking page understands', async () => {
    const page = await portal.newPage();
    await page.goto(`${base}/themes/drive?region=520103`);
    await page.getByRole('link', { name: '一次申报整个主题' }).click();
    const apply = `/themes/drive/apply?region=520103`;
    await page.waitForURL(`${base}/login?returnTo=${encodeURIComponent(apply)}`);
    await page.getByLabel('账号', { exact: true }).fill(person.idNumber);
    await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL(`${base}${apply}`);
    await page.getByRole('heading', { level: 2, name: '共用信息（只填一次）' }).waitFor();

    // Prefill: nothing until consent; then the name and the masked ID number are shown.
    const fill = page.getByRole('button', { name: '预填', exact: true });
    expect(await fill.isDisabled()).toBe(true);
    await page.getByLabel('我同意平台读取上述信息用于本次申请').check();
    await fill.click();
    await page.getByText(/已预填 \d+ 项/).waitFor();
    const idShown = await page.locator('[data-field="idNumber"]').innerText();
    expect(idShown).toBe(`${person.idNumber.slice(0, 6)}********${person.idNumber.slice(-4)}`);
    expect(await page.locator('body').innerText()).not.toContain(person.idNumber);

    // The optional 车辆购置税申报 too: its own fields appear, shared ones are not asked twice.
    await page.getByRole('checkbox', { name: /车辆购置税申报/ }).check();
    await page.getByRole('heading', { level: 2, name: '车辆购置税申报 所需信息' }).waitFor();
    expect(await page.getByLabel('联系电话').count()).toBe(1);
    await page.getByLabel('联系电话').fill('13812345678');
    await page.getByLabel('号牌、证件邮寄地址').fill('贵阳市云岩区中华北路88号');
    await page.getByRole('radio', { name: 'C1（小型汽车）' }).check();
    await page.getByLabel('车辆识别代号（VIN）').fill('LSVNV2182N2123456');
    await page.getByLabel('购车价格（不含增值税）（元）').fill('132743');
    // Each item's materials, once.
    await page.getByRole('heading', { level: 2, name: '各事项所需材料' }).waitFor();
    await screenshot(page, 'bundle-apply-form');

    await page.getByRole('button', { name: '提交一件事申请' }).click();
    const code = (await page.locator('.tb-bundle-code').innerText()).trim();
    expect(code).toMatch(/^\d{6}-[0-9A-Z]{6}$/);
    await page.getByText('凭此编码可查询全部事项的办理进度。').waitFor();
    await screenshot(page, 'bundle-submitted');

    await page.getByRole('link', { name: '查询办理进度' }).click();
    await page.waitForURL(`${base}/track/${code}`);
    await page.getByRole('heading', { name: '一件事 · 驾车一件事' }).waitFor();
    const table = await page.locator('.tb-bundle-table').innerText();
    expect(table).toContain('机动车驾驶证初次申领');
    expect(table).toContain('车辆购置税申报');
    await page.getByText('已办结 0 / 2 项').waitFor();
    expect(await page.locator('.tb-track-result').innerText()).not.toContain(person.name);
    await screenshot(page, 'bundle-tracked');
  });
});
