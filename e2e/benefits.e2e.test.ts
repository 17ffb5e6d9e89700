/**
 * 我的待遇与可享政策 in real Chromium: after the daily re-check a severely disabled resident on a low
 * income sees the 护理补贴 granted with the conditions it was decided on, and an offer of the 生活补贴
 * which, accepted, opens the item's application.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { TestApp } from '../server/src/test/harness.js';
import { GENEROUS_LIMITS, register, registryPersons, type RegistryPerson } from '../server/src/test/people.js';
import { testCipher } from '../server/src/test/keys.js';
import { axeViolations } from './axe.js';
import { screenshot, keepFailureScreenshots, startPortal, type Portal } from './browser.js';
import { signIn } from './journey.js';

const NOW = new Date('2026-11-02T04:00:00Z');
const PASSWORD = 'Tongban2026';
const cipher = testCipher();
let portal: Portal;
let t: TestApp;
let base: string;
let resident: RegistryPerson;

beforeAll(async () => {
  portal = await startPortal({ env: GENEROUS_LIMITS, now: () => NOW });
  ({ t, base } = portal);
  [resident] = (await registryPersons(t, 'any', 1, '520102')) as [RegistryPerson];
  const row = await sql<{
    personalEnc: string;
  }>`SELECT personal_enc FROM exchange.person WHERE id = ${resident.id}`.execute(t.db);
  const personal = { ...JSON.parse(cipher.decrypt(row.rows[0]!.personalEnc)), disabilityLevel: 1, incomeBand: 'low' };
  await sql`UPDATE exchange.person SET personal_enc = ${cipher.encrypt(JSON.stringify(personal))} WHERE id = ${resident.id}`.execute(
    t.db,
  );
  await register(t, resident, PASSWORD);
  await t.app.proactiveRecheck(NOW);
});
afterAll(async () => portal?.close());
keepFailureScreenshots(() => portal);

describe('我的待遇与可享政策', () => {
  it('shows the benefit granted, why, and an offer that opens the application', async () => {
    const page = await portal.newPage();
    await signIn(page, base, resident.idNumber, PASSWORD, '/me');
    await page.getByRole('link', { name: '我的待遇' }).click();
    await page.getByRole('heading', { level: 1, name: '我的待遇与可享政策' }).waitFor();
    const granted = page.getByRole('list', { name: '已为您办理的待遇' });
    await granted.getByText('重度残疾人护理补贴', { exact: true }).waitFor();
    await granted.getByText('金额：120 元').waitFor();
    await granted
      .getByText(/判断依据/)
      .first()
      .click();
    await granted.getByText('残疾等级为一级或二级').waitFor();
    const offered = page.getByRole('list', { name: '您可以申请的政策' });
    await offered.getByText('困难残疾人生活补贴', { exact: true }).waitFor();
    expect(await page.getByText(/[0-9a-f]{8}-[0-9a-f]{4}-/).count()).toBe(0);
    await screenshot(page, 'benefits');
    expect(await axeViolations(page)).toEqual([]);
    const card = offered.getByRole('listitem').filter({ hasText: '困难残疾人生活补贴' });
    await card.getByRole('button', { name: '去申请' }).click();
    await page.waitForURL(/\/items\/\w+051070007000\d\/apply$/);
    await page.context().close();
  });
});
