/**
 * WCAG 2.1 A/AA checks (axe-core) of the portal's core pages in real Chromium, in the normal view
 * and in 长者模式: home, search results, an item guide, sign-in, the application wizard, 我的办件,
 * 全程一码 and the workbench. The wizard's later steps are checked along its journey
 * (apply.e2e.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { sql } from 'kysely';
import type { TestApp } from '../server/src/test/harness.js';
import {
  GENEROUS_LIMITS,
  register,
  registryPersons,
  type Client,
  type RegistryPerson,
} from '../server/src/test/people.js';
import { axeViolations } from './axe.js';
import { screenshot, keepFailureScreenshots, startPortal, type Portal } from './browser.js';
import { signIn as signInAt, staffWithPassword, STAFF_PASSWORD } from './journey.js';

let portal: Portal;
let t: TestApp;
let base: string;
let person: RegistryPerson;
let applicant: Client;
let item: { code: string; regionCode: string };
let food: string;
let trackingCode: string;
const PASSWORD = 'Tongban2026';

beforeAll(async () => {
  portal = await startPortal({ env: GENEROUS_LIMITS });
  ({ t, base } = portal);
  [person] = (await registryPersons(t, 'any', 1)) as [RegistryPerson];
  ({ c: applicant } = await register(t, person, PASSWORD));
  const published = (name?: string) =>
    sql<{ code: string; regionCode: string }>`
    SELECT i.code, i.region_code FROM catalog.item i JOIN catalog.item_version v ON v.item_id = i.id AND v.version = i.published_version
    WHERE length(i.region_code) = 6 AND (${name ?? null}::text IS NULL AND jsonb_array_length(COALESCE(v.guide->'form', '[]'::jsonb)) = 0 OR v.name = ${name ?? null}::text)
    ORDER BY i.code LIMIT 1`.execute(t.db);
  item = (await published()).rows[0]!;
  food = (await published('食品经营许可（新办）')).rows[0]!.code;
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: {
      cookie: [...applicant.jar].map(([k, v]) => `${k}=${v}`).join('; '),
      'x-csrf-token': applicant.jar.get('tb_csrf')!,
      'idempotency-key': 'a11y-case-0001',
    },
    payload: { itemCode: item.code, form: {} },
  });
  expect(res.statusCode, res.body).toBe(201);
  trackingCode = res.json().trackingCode;
});
afterAll(async () => portal?.close());
keepFailureScreenshots(() => portal);

const MODES = [
  { name: 'normal', elder: false },
  { name: 'elder', elder: true },
] as const;

/** A page in a fresh context, in 长者模式 when asked (set before the app starts, as a returning visitor would have it). */
async function pageIn(elder: boolean): Promise<Page> {
  const page = await portal.newPage();
  if (elder) await page.context().addInitScript(() => localStorage.setItem('tongban.elder', '1'));
  return page;
}

const signIn = (page: Page, account: string, password: string, returnTo: string) =>
  signInAt(page, base, account, password, returnTo);

async function expectAccessible(page: Page, name: string, elder: boolean): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.classList.contains('elder-mode'))).toBe(elder);
  expect(await axeViolations(page), name).toEqual([]);
  await screenshot(page, `a11y-${name}${elder ? '-elder' : ''}`);
}

const close = (c: BrowserContext) => c.close();

describe.each(MODES)('accessibility ($name)', ({ elder }) => {
  it('home, search results, an item guide and sign-in', async () => {
    const page = await pageIn(elder);
    await page.goto(base);
    await page.locator('a[href^="/themes/"]').first().waitFor();
    await expectAccessible(page, 'home', elder);
    await page.goto(`${base}/search?q=${encodeURIComponent('我要开饭店')}`);
    await page.locator('.tb-hits .tb-hit__name a').first().waitFor();
    await expectAccessible(page, 'search', elder);
    await page.goto(`${base}/items/${food}`);
    await page.getByRole('heading', { name: '申请材料' }).waitFor();
    await expectAccessible(page, 'guide', elder);
    await page.goto(`${base}/login`);
    await page.getByRole('heading', { level: 1, name: '登录' }).waitFor();
    await expectAccessible(page, 'login', elder);
    await close(page.context());
  });

  it('the wizard, 我的办件 and 全程一码 of a signed-in person', async () => {
    const page = await pageIn(elder);
    await signIn(page, person.idNumber, PASSWORD, `/items/${food}/apply`);
    await page.getByRole('heading', { level: 2, name: '填写表单' }).waitFor();
    await expectAccessible(page, 'apply-form', elder);
    await page.goto(`${base}/me/cases`);
    await page.getByRole('list', { name: '我的办件列表' }).getByText(trackingCode).waitFor();
    await expectAccessible(page, 'my-cases', elder);
    await page.goto(`${base}/track/${trackingCode}`);
    await page.getByRole('heading', { name: '办理进度' }).waitFor();
    await expectAccessible(page, 'track', elder);
    await close(page.context());
  });

  it('the workbench of a window clerk', async () => {
    const { username } = await staffWithPassword(t, ['window_clerk', 'approver'], item.regionCode);
    const page = await pageIn(elder);
    await signIn(page, username, STAFF_PASSWORD, '/workbench');
    await page.getByRole('tab', { name: '综合窗口' }).click();
    await page
      .getByRole('list', { name: '待受理办件' })
      .getByRole('listitem')
      .filter({ hasText: trackingCode })
      .waitFor();
    await expectAccessible(page, 'workbench', elder);
    await close(page.context());
  });
});
