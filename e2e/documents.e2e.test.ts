/**
 * 受理通知书 in real Chromium: the county window accepts a case on the workbench, the case page
 * offers the sealed receipt, and the PDF it opens renders in poppler and MuPDF with the tracking
 * code. The page is checked with axe and saved as a screenshot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { TestApp } from '../server/src/test/harness.js';
import { GENEROUS_LIMITS, register, registryPersons } from '../server/src/test/people.js';
import { submitCase } from '../server/src/test/cases.js';
import { pdfSignatures, renderPdf } from '../server/src/test/render-pdf.js';
import { axeViolations } from './axe.js';
import { screenshot, keepFailureScreenshots, startPortal, type Portal } from './browser.js';
import { signIn, STAFF_PASSWORD, staffWithPassword } from './journey.js';

let portal: Portal;
let t: TestApp;
let item: { code: string; regionCode: string };
let caseId: string;

beforeAll(async () => {
  portal = await startPortal({ env: GENEROUS_LIMITS });
  ({ t } = portal);
  const [person] = await registryPersons(t, 'any', 1);
  const { c: applicant } = await register(t, person!);
  item = (
    await sql<{ code: string; regionCode: string }>`
    SELECT i.code, i.region_code FROM catalog.item i JOIN catalog.item_version v ON v.item_id = i.id AND v.version = i.published_version
    WHERE length(i.region_code) = 6 AND jsonb_array_length(COALESCE(v.guide->'form', '[]'::jsonb)) = 0 ORDER BY i.code LIMIT 1`.execute(
      t.db,
    )
  ).rows[0]!;
  caseId = await submitCase(applicant, item.code, 'e2e-receipt-0001');
});
afterAll(async () => portal?.close());
keepFailureScreenshots(() => portal);

describe('受理通知书', () => {
  it('is offered on the workbench case page once accepted, and opens as a sealed PDF', async () => {
    const clerk = await staffWithPassword(t, ['window_clerk'], item.regionCode);
    const page = await portal.newPage();
    await signIn(page, portal.base, clerk.username, STAFF_PASSWORD, `/workbench/cases/${caseId}`);
    await page.getByRole('heading', { level: 2, name: '窗口操作' }).waitFor();
    expect(await page.getByRole('link', { name: '打印受理通知书（PDF）' }).count()).toBe(0);
    await page.getByRole('group', { name: '窗口操作' }).getByRole('button', { name: /^受理/ }).click();
    await page.getByRole('form', { name: /^受理/ }).getByRole('button', { name: '受理' }).click();
    const link = page.getByRole('link', { name: '打印受理通知书（PDF）' });
    await link.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'documents-workbench-receipt');

    const res = await page.request.get(new URL((await link.getAttribute('href'))!, portal.base).toString());
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    const pdf = await res.body();
    const rendered = await renderPdf(pdf, { name: 'documents-e2e-receipt' });
    expect(rendered.errors).toEqual([]);
    const { trackingCode } = (
      await sql<{ trackingCode: string }>`SELECT tracking_code FROM cases."case" WHERE id = ${caseId}`.execute(t.db)
    ).rows[0]!;
    expect(rendered.text).toContain('受理通知书');
    expect(rendered.text).toContain(trackingCode);
    expect((await pdfSignatures(pdf))[0]!.validation).toBe('Signature is Valid.');
    await page.context().close();
  });
});
