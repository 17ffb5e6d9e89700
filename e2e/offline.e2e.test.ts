/**
 * The portal as an installed app on a phone (390×844): Chromium finds the web manifest valid and
 * the portal installable; the service worker takes the page over; a tracking page (全程一码) once
 * loaded shows again — its progress and code — after the phone goes offline and reloads, and the
 * home page still starts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestApp } from '../server/src/test/harness.js';
import { completeMaterials, formlessCountyItem } from '../server/src/test/cases.js';
import { register, registryPersons, GENEROUS_LIMITS, type RegistryPerson } from '../server/src/test/people.js';
import { keepFailureScreenshots, screenshot, startPortal, type Portal } from './browser.js';

let portal: Portal;
let t: TestApp;
let base: string;
let trackingCode: string;

beforeAll(async () => {
  portal = await startPortal({ env: GENEROUS_LIMITS });
  ({ t, base } = portal);
  const [person] = (await registryPersons(t, 'any', 1)) as [RegistryPerson];
  const { c: applicant } = await register(t, person);
  const item = await formlessCountyItem(t);
  const res = await applicant.call(
    'POST',
    '/api/cases',
    { itemCode: item.code, form: { remarks: '新办' } },
    { headers: { 'idempotency-key': 'offline-e2e-1' } },
  );
  expect(res.statusCode, res.body).toBe(201);
  await completeMaterials(applicant, res.json().caseId);
  trackingCode = res.json().trackingCode;
});
afterAll(async () => portal?.close());
keepFailureScreenshots(() => portal);

/** Until the service worker controls the page (it claims open pages when it activates). */
const controlled = (page: Page) =>
  page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });

describe('installable, and the tracking page offline', () => {
  it('has a valid manifest with icons, and Chromium sees the portal as installable', async () => {
    const page = await portal.newPage({ width: 390, height: 844 });
    await page.goto(`${base}/`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await controlled(page);
    const cdp = await page.context().newCDPSession(page);
    const manifest = await cdp.send('Page.getAppManifest');
    expect(manifest.url).toBe(`${base}/manifest.webmanifest`);
    expect(manifest.errors).toEqual([]);
    const parsed = JSON.parse(manifest.data ?? '{}') as { name: string; display: string; icons: { sizes: string }[] };
    expect(parsed.name).toContain('通办');
    expect(parsed.display).toBe('standalone');
    expect(parsed.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    // The test's browser context is an incognito one, where nothing installs: every other reason counts.
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors.filter((e) => e.errorId !== 'in-incognito')).toEqual([]);
    await page.close();
  });

  it('shows a tracking page loaded once again after going offline, and the home page still starts', async () => {
    const page = await portal.newPage({ width: 390, height: 844 });
    const context = page.context();
    await page.goto(`${base}/track/${trackingCode}`);
    await page.getByText(trackingCode).first().waitFor();
    await controlled(page);
    // Loaded once more with the worker in charge: this time the answer passes through it.
    await page.reload();
    const steps = page.getByRole('heading', { name: '办理进度' });
    await steps.waitFor();

    await context.setOffline(true);
    expect(
      await page.evaluate(() =>
        fetch('/healthz').then(
          () => 'online',
          () => 'offline',
        ),
      ),
    ).toBe('offline');
    await page.reload();
    await page.getByRole('heading', { name: '全程一码', level: 1 }).waitFor();
    await steps.waitFor();
    await expect(page.getByText(trackingCode).first().isVisible()).resolves.toBe(true);
    await screenshot(page, 'offline-tracking-390');

    await page.goto(`${base}/`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await context.setOffline(false);
    await page.close();
  });
});
