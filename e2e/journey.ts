/** Steps many journeys share: signing in through the page, staff who can, and the phone-width check. */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { TestApp } from '../server/src/test/harness.js';
import { staffWithPassword as makeSigningStaff, totpCode, STAFF_PASSWORD } from '../server/src/test/staff.js';

export { STAFF_PASSWORD };

/** Staff made here, by user name: they sign in with a TOTP code (every staff role, 等保三级). */
const signingStaff = new Map<string, TestApp>();

/**
 * Signs in on the sign-in page and waits to be taken back to `returnTo`. Staff made by
 * {@link staffWithPassword} complete the second factor when the page asks for it.
 */
export async function signIn(
  page: Page,
  base: string,
  account: string,
  password: string,
  returnTo: string,
): Promise<void> {
  await page.goto(`${base}/login?returnTo=${encodeURIComponent(returnTo)}`);
  await page.getByLabel('账号', { exact: true }).fill(account);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  const app = signingStaff.get(account);
  if (app) {
    const totp = page.getByLabel('动态口令', { exact: true });
    await totp.waitFor();
    await totp.fill(await totpCode(app, account));
    await page.getByRole('button', { name: '登录', exact: true }).click();
  }
  await page.waitForURL(`${base}${returnTo}`);
}

/** A staff member with {@link STAFF_PASSWORD} and a TOTP secret, who signs in through the page with {@link signIn}. */
export async function staffWithPassword(
  t: TestApp,
  roles: Parameters<TestApp['staff']>[0],
  regionCode: string,
): Promise<{ username: string; authorization: string }> {
  const s = await makeSigningStaff(t, roles, regionCode);
  signingStaff.set(s.username, t);
  return { username: s.username, authorization: s.authorization };
}

/** No horizontal scrolling on a 390-pixel-wide phone. */
export async function fitsPhone(page: Page): Promise<void> {
  const { width, wide } = await page.evaluate(() => ({
    width: document.documentElement.scrollWidth,
    // What sticks out, named so that a failure says where to look.
    wide: [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > 390.5 && e.getClientRects().length > 0)
      .slice(0, 5)
      .map(
        (e) =>
          `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} → ${Math.round(e.getBoundingClientRect().right)}`,
      ),
  }));
  expect(width, `wider than the phone: ${wide.join('; ')}`).toBeLessThanOrEqual(390);
}

/**
 * Chooses `option` in the antd Select labelled `field` the way a person does: types to filter the
 * (long, virtual) list, clicks the option once it is drawn, and waits for the closed picker to show
 * it. Pressing Enter instead chose whatever was active when the key arrived, which on a loaded
 * machine was sometimes before the filter had run.
 */
export async function chooseOption(page: Page, field: Locator, option: string): Promise<void> {
  await field.click();
  await page.keyboard.type(option);
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: option })
    .first()
    .click();
  const select = field.locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " ant-select ")][1]');
  await select.locator(`.ant-select-content[title="${option}"]`).waitFor();
}

/** The smallest file the server recognises as a PDF by its bytes. */
export const PDF = {
  name: '材料.pdf',
  mimeType: 'application/pdf',
  buffer: Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1'),
};

/** In the wizard's 申请材料 step, uploads the PDF for every required material still asking for a file; returns how many. */
export async function uploadRequired(page: Page): Promise<number> {
  const rows = page.getByRole('list', { name: '申请材料清单' }).getByRole('listitem');
  let uploads = 0;
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    if (!(await row.getByText('必要', { exact: true }).count()) || !(await row.locator('input[type=file]').count()))
      continue;
    await row.locator('input[type=file]').setInputFiles(PDF);
    await row.getByText(PDF.name).waitFor();
    uploads++;
  }
  return uploads;
}
