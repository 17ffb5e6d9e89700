/**
 * The application is visible, and no page shows a raw code (issue 10, findings 3 and 4): an
 * enterprise applies for 食品经营许可（新办） with a PDF and an image among its materials; the
 * county's window clerk opens the case in the workbench and sees the form labelled by the item's
 * fields (identifiers masked), each material's source and an inline preview of the PDF's pages
 * (drawn in the page: headless Chromium has no PDF plug-in) and of the image; once decided, the
 * 办理记录 in words and the licence the case produced — on the applicant's page too. The visible
 * text of the case pages, 我的办件, the audit log, the staff list and the departments is scanned in
 * Chinese and in English for kebab-case keys and UUIDs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { generateSync } from 'otplib';
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import type { TestApp } from '../server/src/test/harness.js';
import {
  GENEROUS_LIMITS,
  register,
  registryPersons,
  type Client,
  type RegistryPerson,
} from '../server/src/test/people.js';
import { actForEnterprise, approveCase, foodLicenceForm, foodLicenceItem } from '../server/src/test/cases.js';
import { keepFailureScreenshots, screenshot, startPortal, type Portal } from './browser.js';
import { signIn, STAFF_PASSWORD, staffWithPassword } from './journey.js';
import { rawCodes, setLanguage } from './visible-text.js';

let portal: Portal;
let t: TestApp;
let base: string;
let rep: RegistryPerson;
let applicant: Client;
let enterpriseId: string;
let caseId: string;
let item: { code: string; regionCode: string };
const PASSWORD = 'Tongban2026';

/** A one-page PDF with a dark band and a title: ink a preview must show. */
async function samplePdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawRectangle({ x: 50, y: 650, width: 495, height: 120, color: rgb(0.1, 0.2, 0.5) });
  page.drawText('Floor plan', { x: 60, y: 600, size: 36, font: await doc.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await doc.save());
}

async function upload(index: number, body: Buffer, contentType: string): Promise<void> {
  const res = await applicant.call('PUT', `/api/cases/${caseId}/materials/${index}`, body, {
    headers: { 'content-type': contentType },
  });
  expect(res.statusCode, res.body).toBe(201);
}

/** Whether a canvas of the preview has dark pixels (a drawn page, not a blank box). */
const previewHasInk = (page: Page) =>
  page
    .locator('canvas.tb-preview__page')
    .first()
    .evaluate((c: HTMLCanvasElement) => {
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! + data[i + 1]! + data[i + 2]! < 200) dark++;
      return dark;
    });

beforeAll(async () => {
  portal = await startPortal({ env: GENEROUS_LIMITS });
  ({ t, base } = portal);
  [rep] = (await registryPersons(t, 'legal-representative', 1)) as [RegistryPerson];
  ({ c: applicant } = await register(t, rep, PASSWORD));
  await t.app.outbox.drain();
  let creditCode: string;
  ({ enterpriseId, creditCode } = await actForEnterprise(t, applicant, rep.id));
  item = await foodLicenceItem(t);
  const applied = await applicant.call(
    'POST',
    '/api/cases',
    { itemCode: item.code, form: foodLicenceForm(creditCode), reuseConsent: true },
    { headers: { 'idempotency-key': 'e2e-visible-0001' } },
  );
  expect(applied.statusCode, applied.body).toBe(201);
  caseId = applied.json().caseId;
  const shot = await portal.newPage({ width: 320, height: 200 });
  await shot.setContent(
    '<body style="margin:0;background:#a8161c"><h1 style="color:#fff;font:48px sans-serif;margin:40px">规章制度</h1></body>',
  );
  const png = await shot.screenshot({ type: 'png' });
  await shot.context().close();
  await upload(3, await samplePdf(), 'application/pdf');
  await upload(4, png, 'image/png');
});
afterAll(async () => portal?.close());
keepFailureScreenshots(() => portal);

describe('the application is visible', () => {
  let clerkPage: Page;

  it('shows the window clerk the form, the materials with their source and a preview of each file', async () => {
    const clerk = await staffWithPassword(t, ['window_clerk'], item.regionCode);
    clerkPage = await portal.newPage();
    await signIn(clerkPage, base, clerk.username, STAFF_PASSWORD, `/workbench/cases/${caseId}`);
    const form = clerkPage.getByRole('region', { name: '申请表' });
    await form.getByText('黔味小吃').waitFor();
    expect(await form.innerText()).toMatch(/经营场所面积（平方米）\s*60/);
    // Identifiers masked for staff, as the API gives them.
    await form.getByText('110105********002X').waitFor();
    expect(await clerkPage.evaluate(() => document.body.innerText)).not.toContain('11010519491231002X');

    const materials = clerkPage.getByRole('region', { name: '申办一袋（材料）' });
    await materials.getByText('来源：上传').first().waitFor();
    await materials.getByText('来源：电子证照').first().waitFor();
    await materials.getByText(/^预览：与食品经营相适应/).click();
    await clerkPage.locator('canvas.tb-preview__page').first().waitFor();
    expect(await previewHasInk(clerkPage)).toBeGreaterThan(1000);
    await materials.getByText(/^预览：食品安全自查/).click();
    const image = materials.getByRole('img', { name: /^食品安全自查/ });
    await image.waitFor();
    expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(320);
    await clerkPage.getByRole('region', { name: '办理记录' }).getByText('免提交材料已关联').waitFor();
    await screenshot(clerkPage, 'visible-workbench-case-zh');
    expect(await rawCodes(clerkPage)).toEqual([]);
  });

  it('names the steps, stages and the licence once decided, for staff and the applicant, in both languages', async () => {
    const approver = await t.staff(['approver', 'department_head'], item.regionCode);
    const clerkToken = (await t.staff(['window_clerk'], item.regionCode)).authorization;
    const state = (
      await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: { authorization: clerkToken } })
    ).json().status;
    // A retried journey finds the case decided already.
    if (state === 'submitted') await approveCase(t, caseId, clerkToken, approver.authorization);
    await t.app.outbox.drain();

    await setLanguage(clerkPage, 'zh-CN');
    const results = clerkPage.getByRole('region', { name: '办理结果、收费与送达' });
    await results.getByText(/食品经营许可证 · 有效/).waitFor();
    const history = clerkPage.getByRole('region', { name: '办理记录' });
    await history.getByText('进入审查环节').first().waitFor();
    await history.getByText('上传材料').first().waitFor();
    await clerkPage.getByRole('region', { name: '任务' }).getByRole('heading', { level: 3 }).first().waitFor();
    expect(await rawCodes(clerkPage)).toEqual([]);
    await screenshot(clerkPage, 'visible-workbench-case-decided-zh');
    await setLanguage(clerkPage, 'en');
    await clerkPage.getByRole('region', { name: 'Application form' }).getByText('黔味小吃').waitFor();
    await clerkPage.getByRole('region', { name: 'History' }).getByText('Material uploaded').first().waitFor();
    expect(await rawCodes(clerkPage)).toEqual([]);
    await screenshot(clerkPage, 'visible-workbench-case-en');

    const page = await portal.newPage();
    await signIn(page, base, rep.idNumber, PASSWORD, '/me');
    // The case is the enterprise's: act for it, as 我的账号 would.
    const csrf = (await page.context().cookies()).find((c) => c.name === 'tb_csrf')!.value;
    expect(
      (
        await page.request.put(`${base}/api/me/acting-for`, {
          data: { enterpriseId },
          headers: { 'x-csrf-token': csrf },
        })
      ).status(),
    ).toBe(200);
    await page.goto(`${base}/me/cases/${caseId}`);
    await page.getByRole('region', { name: '申请表' }).getByText('11010519491231002X').waitFor();
    await page.getByRole('link', { name: '在我的证照中查看' }).waitFor();
    await page.getByRole('region', { name: '办理记录' }).getByText('办结：准予').waitFor();
    expect(await rawCodes(page)).toEqual([]);
    await screenshot(page, 'visible-my-case-zh');
    await page.goto(`${base}/me/cases`);
    await page.getByRole('heading', { level: 1, name: '我的办件' }).waitFor();
    expect(await rawCodes(page)).toEqual([]);
    await setLanguage(page, 'en');
    await page.getByRole('heading', { level: 1, name: 'My cases' }).waitFor();
    expect(await rawCodes(page)).toEqual([]);
    await page.goto(`${base}/me/cases/${caseId}`);
    await page.getByRole('region', { name: 'Application form' }).waitFor();
    await page.getByRole('region', { name: 'History' }).getByText('Decided: granted').waitFor();
    expect(await rawCodes(page)).toEqual([]);
    await screenshot(page, 'visible-my-case-en');
  });

  it('shows the audit log, staff and departments by name, without keys or ids', async () => {
    const root = (await t.staff(['system_admin'], '52')).authorization;
    const username = `visible.admin${Date.now() % 100_000}`;
    const made = await t.app.inject({
      method: 'POST',
      url: '/api/admin/staff',
      headers: { authorization: root },
      payload: {
        username,
        displayName: '省级系统管理员 吴昊',
        regionCode: '52',
        roles: ['system_admin'],
        password: STAFF_PASSWORD,
      },
    });
    expect(made.statusCode, made.body).toBe(201);
    const secret = new URL(made.json().totpUri).searchParams.get('secret')!;
    const page = await portal.newPage();
    await page.goto(`${base}/login?returnTo=${encodeURIComponent('/admin/audit')}`);
    await page.getByLabel('账号', { exact: true }).fill(username);
    await page.getByLabel('密码', { exact: true }).fill(STAFF_PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByLabel('动态口令', { exact: true }).fill(generateSync({ secret }));
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL(`${base}/admin/audit`);

    const checks: [string, (p: Page) => Promise<unknown>][] = [
      ['audit', (p) => p.getByRole('cell', { name: '查阅申请材料' }).first().waitFor()],
      ['staff', (p) => p.getByRole('cell', { name: '贵州省' }).first().waitFor()],
      ['departments', (p) => p.getByRole('cell', { name: '税务' }).first().waitFor()],
    ];
    for (const [path, ready] of checks) {
      await page.goto(`${base}/admin/${path}`);
      await ready(page);
      expect(await rawCodes(page), path).toEqual([]);
      await screenshot(page, `visible-admin-${path}-zh`);
    }
    await setLanguage(page, 'en');
    const english: [string, (p: Page) => Promise<unknown>][] = [
      ['audit', (p) => p.getByRole('cell', { name: 'Application material read' }).first().waitFor()],
      ['staff', (p) => p.getByRole('cell', { name: '贵州省' }).first().waitFor()],
      ['departments', (p) => p.getByRole('cell', { name: 'Taxation' }).first().waitFor()],
    ];
    for (const [path, ready] of english) {
      await page.goto(`${base}/admin/${path}`);
      await ready(page);
      expect(await rawCodes(page), path).toEqual([]);
      await screenshot(page, `visible-admin-${path}-en`);
    }
  });
});
