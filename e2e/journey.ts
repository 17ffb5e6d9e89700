/** Steps many journeys share: signing in through the page, staff who can, and the phone-width check. */
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { TestApp } from '../server/src/test/harness.js';
import { hashPassword } from '../server/src/modules/identity/index.js';

export const STAFF_PASSWORD = 'Chuangkou2026x';

/** Signs in on the sign-in page and waits to be taken back to `returnTo`. */
export async function signIn(page: Page, base: string, account: string, password: string, returnTo: string): Promise<void> {
  await page.goto(`${base}/login?returnTo=${encodeURIComponent(returnTo)}`);
  await page.getByLabel('账号', { exact: true }).fill(account);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL(`${base}${returnTo}`);
}

/** Staff made by the harness have an API token only; give them {@link STAFF_PASSWORD} to sign in through the page. */
export async function staffWithPassword(t: TestApp, roles: Parameters<TestApp['staff']>[0], regionCode: string): Promise<{ username: string; authorization: string }> {
  const { id, authorization } = await t.staff(roles, regionCode);
  await sql`UPDATE identity.staff SET password_hash = ${await hashPassword(STAFF_PASSWORD)} WHERE id = ${id}`.execute(t.db);
  return { username: (await sql<{ username: string }>`SELECT username FROM identity.staff WHERE id = ${id}`.execute(t.db)).rows[0]!.username, authorization };
}

/** No horizontal scrolling on a 390-pixel-wide phone. */
export const fitsPhone = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
