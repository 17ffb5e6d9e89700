/**
 * Results, 好差评, 我的证照 and 谁用了我的数据 in real Chromium against the real server. A person
 * whose case is decided chooses delivery by post; the county window sees the address masked,
 * prints the label (the full address, audited) and posts the result; the person sees the tracking
 * number and rates the case 不满意; the department head finds the bad review in 差评整改, calls
 * back and resolves it; the person reads the result and rates the fix. A registered person finds
 * their 居民身份证 e-licence in 我的证照, shows it (亮证) and a visitor opens the share code: 有效.
 * After an application with 免提交, 谁用了我的数据 lists the use of the licence. Each new page is
 * checked with axe (WCAG 2.1 AA), normal and in 长者模式, and saved as a screenshot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { sql } from 'kysely';
import type { TestApp } from '../server/src/test/harness.js';
import {
  GENEROUS_LIMITS,
  register,
  registryPersons,
  type Client,
  type RegistryPerson,
} from '../server/src/test/people.js';
import { maskIdNumber } from '../server/src/platform/privacy/index.js';
import { completeMaterials } from '../server/src/test/cases.js';
import { axeViolations } from './axe.js';
import { screenshot, keepFailureScreenshots, startPortal, type Portal } from './browser.js';
import { fitsPhone, signIn as signInAt, STAFF_PASSWORD, staffWithPassword } from './journey.js';

let portal: Portal;
let t: TestApp;
let base: string;
let person: RegistryPerson;
let applicant: Client;
let item: { code: string; regionCode: string; name: string };
let caseId: string;
let trackingCode: string;
const PASSWORD = 'Tongban2026';
const ADDRESS = '中华北路 88 号 3 单元 402';
const TRACKING = 'EMS1234567890';

const cookieOf = (c: Client) => [...c.jar].map(([k, v]) => `${k}=${v}`).join('; ');
const signIn = (page: Page, account: string, password: string, returnTo: string) =>
  signInAt(page, base, account, password, returnTo);

/** axe in the normal view and in 长者模式 (switched on and off with the header's button). */
async function checkBothModes(page: Page, name: string): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, name);
  await page.getByRole('button', { name: '长者模式' }).click();
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, `${name}-elder`);
  await page.getByRole('button', { name: '长者模式' }).click();
}

/** Accepts the case and approves every open task through the API (as results.int.test.ts does). */
async function decide(id: string, clerk: string, head: string): Promise<void> {
  expect(
    (
      await t.app.inject({
        method: 'POST',
        url: `/api/cases/${id}/accept`,
        headers: { authorization: clerk },
        payload: {},
      })
    ).statusCode,
  ).toBe(204);
  for (;;) {
    const detail = (
      await t.app.inject({ method: 'GET', url: `/api/cases/${id}`, headers: { authorization: clerk } })
    ).json();
    const open = detail.tasks.filter((k: { status: string }) => k.status === 'open');
    if (open.length === 0) return;
    for (const task of open) {
      const r = await t.app.inject({
        method: 'POST',
        url: `/api/tasks/${task.id}/approve`,
        headers: { authorization: head },
        payload: { version: task.version, opinion: '同意' },
      });
      expect(r.statusCode, r.body).toBe(204);
    }
  }
}

beforeAll(async () => {
  portal = await startPortal({ env: GENEROUS_LIMITS });
  ({ t, base } = portal);
  [person] = (await registryPersons(t, 'any', 1)) as [RegistryPerson];
  ({ c: applicant } = await register(t, person, PASSWORD));
  // A county item without an application form whose guide offers delivery by post and at the window.
  item = (
    await sql<{ code: string; regionCode: string; name: string }>`
    SELECT i.code, i.region_code, v.name FROM catalog.item i
    JOIN catalog.item_version v ON v.item_id = i.id AND v.version = i.published_version
    WHERE length(i.region_code) = 6 AND jsonb_array_length(COALESCE(v.guide->'form', '[]'::jsonb)) = 0
      AND v.guide->'deliveryMethods' ? 'post' AND v.guide->'deliveryMethods' ? 'pickup'
    ORDER BY i.code LIMIT 1`.execute(t.db)
  ).rows[0]!;
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: {
      cookie: cookieOf(applicant),
      'x-csrf-token': applicant.jar.get('tb_csrf')!,
      'idempotency-key': 'e2e-results-0001',
    },
    payload: { itemCode: item.code, form: { remarks: '新办' } },
  });
  expect(res.statusCode, res.body).toBe(201);
  ({ caseId, trackingCode } = res.json());
  await completeMaterials(applicant, caseId);
  await decide(
    caseId,
    (await t.staff(['window_clerk'], item.regionCode)).authorization,
    (await t.staff(['department_head'], item.regionCode)).authorization,
  );
});
afterAll(async () => portal?.close());
keepFailureScreenshots(() => portal);

describe('results, delivery and 好差评', () => {
  it('lets the person choose delivery by post on the decided case', async () => {
    const page = await portal.newPage();
    await signIn(page, person.idNumber, PASSWORD, `/me/cases/${caseId}`);
    await page.getByRole('heading', { level: 2, name: '办理结果、收费与送达' }).waitFor();
    await page.getByRole('link', { name: /查看决定书（PDF）/ }).waitFor();
    await page.getByText('本办件无需缴费。').waitFor();
    await page.getByRole('radio', { name: /邮寄送达/ }).check();
    await page.getByLabel('收件人姓名').fill('张三');
    await page.getByLabel('收件人手机号码').fill('13900001111');
    const region = page.getByRole('group', { name: '收件地区（选到区县）' });
    await region.getByLabel('省份').selectOption('52');
    await region.getByLabel('市（州）').selectOption(item.regionCode.slice(0, 4));
    await region.getByLabel('区（县）').selectOption(item.regionCode);
    await page.getByLabel('详细地址').fill(ADDRESS);
    await page.getByRole('button', { name: '保存送达方式' }).click();
    await page.getByRole('status').filter({ hasText: '已保存送达方式' }).waitFor();
    await page.getByText('待送达').waitFor();
    expect(await page.getByTestId('delivery-address').innerText()).toBe(ADDRESS);
    await page.getByRole('heading', { level: 2, name: '好差评' }).waitFor();
    await checkBothModes(page, 'results-my-case-delivery');
    await page.context().close();
  });

  it('shows the window the address masked, prints the label and posts the result', async () => {
    const clerk = await staffWithPassword(t, ['window_clerk'], item.regionCode);
    const page = await portal.newPage();
    await signIn(page, clerk.username, STAFF_PASSWORD, `/workbench/cases/${caseId}`);
    await page.getByRole('heading', { level: 2, name: '办理结果、收费与送达' }).waitFor();
    const masked = await page.getByTestId('delivery-address').innerText();
    expect(masked).not.toContain('88 号');
    expect(masked).toContain('****');
    await page.getByRole('link', { name: /查看决定书（PDF）/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '打印邮寄面单' }).click();
    await page.getByTestId('delivery-label').getByText(ADDRESS).waitFor();
    const audited = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM platform.audit_log WHERE action = 'cases.delivery-address-read' AND target_id = ${caseId}`.execute(
      t.db,
    );
    expect(audited.rows[0]!.n).toBe(1);
    await page.getByLabel('快递单号').fill(TRACKING);
    await page.getByRole('form', { name: '寄出' }).getByRole('button', { name: '寄出' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `已寄出，快递单号 ${TRACKING}` })
      .waitFor();
    await page.getByText('已寄出', { exact: true }).first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'results-workbench-delivery');
    await page.context().close();
  });

  it('shows the person the tracking number and takes a bad review', async () => {
    const page = await portal.newPage();
    await signIn(page, person.idNumber, PASSWORD, `/me/cases/${caseId}`);
    await page.getByText(TRACKING).waitFor();
    await page.getByRole('radio', { name: '不满意', exact: true }).check();
    await page.getByLabel('评价内容（选填）').fill('窗口让我多跑了一趟。');
    await page.getByRole('button', { name: '提交评价' }).click();
    await page.getByRole('status').filter({ hasText: '感谢您的评价。' }).waitFor();
    await page.getByRole('heading', { name: '差评整改' }).waitFor();
    await page.getByText('待回访').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'results-my-case-rated');
    await page.context().close();
  });

  it('lets the department head call back and resolve the bad review', async () => {
    const head = await staffWithPassword(t, ['department_head'], item.regionCode);
    const page = await portal.newPage();
    await signIn(page, head.username, STAFF_PASSWORD, '/workbench');
    await page.getByRole('tab', { name: '差评整改' }).click();
    const card = page
      .getByRole('list', { name: '差评整改台账' })
      .getByRole('listitem')
      .filter({ hasText: trackingCode });
    await card.getByText('窗口让我多跑了一趟。').waitFor();
    await card.getByText('不满意').waitFor();
    await checkBothModes(page, 'results-workbench-rectifications');
    await card.getByLabel('回访记录').fill('已电话回访，向申请人致歉。');
    await card.getByRole('button', { name: '回访' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `已办理：回访 · ${trackingCode}` })
      .waitFor();
    await card.getByText('已回访，整改中').waitFor();
    await card.getByRole('radio', { name: '立行立改' }).check();
    await card.getByLabel('整改情况').fill('已调整窗口流程，材料一次告知。');
    await card.getByRole('button', { name: '整改' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `已办理：整改 · ${trackingCode}` })
      .waitFor();
    await card.getByText('已整改').waitFor();
    await screenshot(page, 'results-workbench-rectified');
    await page.context().close();
  });

  it('shows the person the rectification and takes the rating of the fix', async () => {
    const page = await portal.newPage();
    await signIn(page, person.idNumber, PASSWORD, `/me/cases/${caseId}`);
    await page.getByText('已调整窗口流程，材料一次告知。').waitFor();
    await page.getByText('立行立改').waitFor();
    const followUp = page.getByRole('form', { name: '对整改结果的评价' });
    await followUp.getByRole('radio', { name: '满意', exact: true }).check();
    await followUp.getByRole('button', { name: '提交整改评价' }).click();
    await page.getByRole('status').filter({ hasText: '感谢您对整改结果的评价。' }).waitFor();
    await followUp.waitFor({ state: 'detached' });
    await checkBothModes(page, 'results-my-case-follow-up');
    await page.context().close();
  });
});

describe('我的证照 and 谁用了我的数据', () => {
  let holder: RegistryPerson;

  it('shows a registered person their 居民身份证 e-licence, and 亮证 to a visitor', async () => {
    [holder] = (await registryPersons(t, 'legal-representative', 1)) as [RegistryPerson];
    const { c } = await register(t, holder, PASSWORD);
    await t.app.outbox.drain(); // the 居民身份证 e-licence is issued through the outbox at registration
    const page = await portal.newPage();
    await signIn(page, holder.idNumber, PASSWORD, '/me');
    await page.getByRole('link', { name: '我的证照' }).first().click();
    await page.waitForURL(`${base}/me/licenses`);
    const card = page
      .getByRole('list', { name: '电子证照列表' })
      .getByRole('listitem')
      .filter({ hasText: '居民身份证电子证照' });
    await card.getByText('有效', { exact: true }).waitFor();
    expect(await card.innerText()).toContain(holder.name);
    // The holder's ID number masked, as 我的账号 shows it.
    expect(await card.innerText()).not.toContain(holder.idNumber);
    expect(await card.innerText()).toContain(maskIdNumber(holder.idNumber));
    await card.getByText('证照历史').click();
    await card.getByText(/签发 · 第 1 版/).waitFor();
    await checkBothModes(page, 'licenses-wallet');

    await card.getByRole('button', { name: /^亮证/ }).click();
    const dialog = page.getByRole('dialog');
    const code = (await dialog.locator('.tb-share__code').innerText()).trim();
    expect(code).toMatch(/^[0-9A-Z]{10}$/);
    await dialog.getByText(/有效期剩余 [45]:\d\d/).waitFor();
    await page.waitForFunction(() =>
      Boolean((document.querySelector('.tb-share__qr') as HTMLImageElement | null)?.naturalWidth),
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'licenses-share');

    const visitor = await portal.newPage();
    await visitor.goto(`${base}/licenses/shared/${code}`);
    await visitor.getByRole('heading', { level: 2, name: '有效' }).waitFor();
    const face = await visitor.locator('main').innerText();
    expect(face).toContain('居民身份证电子证照');
    expect(face).not.toContain(holder.idNumber);
    await checkBothModes(visitor, 'licenses-shared');

    // The QR code's verification link, opened on this server.
    const licence = (await c.call('GET', '/api/me/licenses')).json().licenses[0];
    const link = new URL(licence.verificationUrl);
    await visitor.goto(`${base}${link.pathname}${link.search}`);
    await visitor.getByRole('heading', { level: 2, name: '有效' }).waitFor();
    expect(await visitor.locator('main').innerText()).not.toContain(holder.name);
    expect(await axeViolations(visitor)).toEqual([]);
    await screenshot(visitor, 'licenses-verify');
    // The number alone: valid or not, type and issuer — nothing of the holder.
    await visitor.goto(`${base}/licenses/verify?number=${encodeURIComponent(licence.number)}`);
    await visitor.getByRole('heading', { level: 2, name: '该编号的证照有效' }).waitFor();
    const byNumber = await visitor.locator('main').innerText();
    expect(byNumber).toContain(licence.issuer.name);
    expect(byNumber).not.toContain(holder.name);
    expect(byNumber).not.toContain('持证主体');
    expect(await axeViolations(visitor)).toEqual([]);
    await screenshot(visitor, 'licenses-verify-number');
    await visitor.goto(`${base}/licenses/shared/ZZZZZZZZZZ`);
    await visitor.getByText('亮证码无效或已过期').waitFor();
    await visitor.context().close();
    await page.context().close();
  });

  it('fits the wallet on a phone (390×844), also in 长者模式', async () => {
    const page = await portal.newPage({ width: 390, height: 844 });
    await signIn(page, holder.idNumber, PASSWORD, '/me/licenses');
    await page.getByText('居民身份证电子证照').first().waitFor();
    await fitsPhone(page);
    await screenshot(page, 'licenses-wallet-mobile');
    await page.getByRole('button', { name: '长者模式' }).click();
    await fitsPhone(page);
    await screenshot(page, 'licenses-wallet-mobile-elder');
    await page.getByRole('button', { name: /^亮证/ }).first().click();
    await page.getByRole('dialog').locator('.tb-share__code').waitFor();
    await fitsPhone(page);
    await screenshot(page, 'licenses-share-mobile-elder');
    await page.context().close();
  });

  it('lists the use of a licence after an application with 免提交, and revokes a consent', async () => {
    const [rep] = (await registryPersons(t, 'legal-representative', 1)) as [RegistryPerson];
    const { c } = await register(t, rep, PASSWORD);
    await t.app.outbox.drain();
    const creditCode = (
      await sql<{
        creditCode: string;
      }>`SELECT credit_code FROM exchange.legal_entity WHERE legal_representative_id = ${rep.id} AND status = 'active' ORDER BY credit_code LIMIT 1`.execute(
        t.db,
      )
    ).rows[0]!.creditCode;
    const enterpriseId = (await c.call('POST', '/api/enterprises', { creditCode })).json().enterpriseId;
    expect((await c.call('PUT', '/api/me/acting-for', { enterpriseId })).statusCode).toBe(200);
    const food = (
      await sql<{
        code: string;
      }>`SELECT i.code FROM catalog.item i JOIN catalog.item_version v ON v.item_id = i.id AND v.version = i.published_version WHERE v.name = '食品经营许可（新办）' AND length(i.region_code) = 6 ORDER BY i.code LIMIT 1`.execute(
        t.db,
      )
    ).rows[0]!.code;
    const form = {
      operatorName: '黔味小吃',
      creditCode,
      premises: '贵阳市云岩区中华北路 1 号',
      area: 60,
      format: '餐饮服务经营者',
      items: '热食类食品制售',
      safetyManager: '王芳',
      safetyManagerId: '11010519491231002X',
      phone: '13812345678',
    };
    const applied = await c.call(
      'POST',
      '/api/cases',
      { itemCode: food, form, reuseConsent: true },
      { headers: { 'idempotency-key': 'e2e-uses-0001' } },
    );
    expect(applied.statusCode, applied.body).toBe(201);
    expect((await c.call('PUT', '/api/me/acting-for', { enterpriseId: null })).statusCode).toBe(200);
    const department = (
      await sql<{
        id: string;
        name: string;
      }>`SELECT id, name FROM catalog.department WHERE region_code = '52' ORDER BY name LIMIT 1`.execute(t.db)
    ).rows[0]!;
    const granted = await c.call('POST', '/api/me/license-consents', {
      departmentId: department.id,
      typeCodes: ['ID_CARD'],
      purpose: '办理社保业务',
      expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    });
    expect(granted.statusCode, granted.body).toBe(201);

    const page = await portal.newPage();
    await signIn(page, rep.idNumber, PASSWORD, '/me/data-uses');
    await page.getByRole('heading', { level: 1, name: '谁用了我的数据' }).waitFor();
    await page.getByText(/^查询我的数据被谁使用/).waitFor();
    const use = page
      .getByRole('list', { name: '我的证照被谁使用' })
      .getByRole('listitem')
      .filter({ hasText: '居民身份证电子证照' });
    await use.getByText(/办理「食品经营许可（新办）」/).waitFor();
    await use.getByRole('link', { name: '查看办件' }).waitFor();
    await page.getByRole('heading', { level: 2, name: /我的数据被哪些部门读取/ }).waitFor();
    const consent = page
      .getByRole('list', { name: '我的用证授权' })
      .getByRole('listitem')
      .filter({ hasText: '办理社保业务' });
    await consent.locator('strong', { hasText: department.name }).waitFor();
    await checkBothModes(page, 'licenses-data-uses');
    await consent.getByRole('button', { name: /撤销授权/ }).click();
    await page.getByRole('button', { name: '撤销授权', exact: true }).last().click();
    await page
      .getByRole('status')
      .filter({ hasText: `已撤销对 ${department.name} 的授权` })
      .waitFor();
    await consent.getByText('已撤销').waitFor();
    await fitsPhoneAfter(page);
    await page.context().close();
  });
});

/** The data-use page on a phone too. */
async function fitsPhoneAfter(page: Page): Promise<void> {
  await page.setViewportSize({ width: 390, height: 844 });
  await fitsPhone(page);
  await screenshot(page, 'licenses-data-uses-mobile');
}
