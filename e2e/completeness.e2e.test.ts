/**
 * 材料齐全 in real Chromium: a case filed without one of its materials cannot be accepted (the window
 * is told which); the window asks once (一次性告知); the applicant's file that is not really a PDF is
 * caught on the case page and explained; the real file and a 补正 note go in; the window sees the note
 * and the file marked 新, and accepts. Then a 容缺 material promised at submission is uploaded from the
 * case page after acceptance, with its due date shown. The wizard catches a renamed file too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { TestApp } from '../server/src/test/harness.js';
import {
  GENEROUS_LIMITS,
  register,
  registryPersons,
  type Client,
  type RegistryPerson,
} from '../server/src/test/people.js';
import { completeMaterials, sampleForm } from '../server/src/test/cases.js';
import { axeViolations } from './axe.js';
import { screenshot, keepFailureScreenshots, startPortal, type Portal } from './browser.js';
import { signIn, staffWithPassword, STAFF_PASSWORD } from './journey.js';

let portal: Portal;
let t: TestApp;
let base: string;
let person: RegistryPerson;
let applicant: Client;
const PASSWORD = 'Tongban2026';
const PDF = {
  name: '营业执照.pdf',
  mimeType: 'application/pdf',
  buffer: Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1'),
};
/** A Word document renamed to .pdf: the name says PDF, the bytes do not. */
const FAKE_PDF = {
  name: '改名的文件.pdf',
  mimeType: 'application/pdf',
  buffer: Buffer.from('PK\u0003\u0004word/document.xml this is a docx', 'latin1'),
};

const itemNamed = async (name: string) =>
  (
    await sql<{
      code: string;
      regionCode: string;
    }>`SELECT i.code, i.region_code FROM catalog.item i JOIN catalog.item_version v ON v.item_id = i.id AND v.version = i.published_version WHERE v.name = ${name} AND length(i.region_code) = 6 ORDER BY i.code LIMIT 1`.execute(
      t.db,
    )
  ).rows[0]!;

async function applyWithout(
  itemCode: string,
  key: string,
  leaveOut: string,
): Promise<{ caseId: string; trackingCode: string }> {
  const res = await applicant.call(
    'POST',
    '/api/cases',
    { itemCode, form: await sampleForm(t, itemCode) },
    { headers: { 'idempotency-key': `${key}-${Date.now()}` } },
  );
  expect(res.statusCode, res.body).toBe(201);
  await completeMaterials(applicant, res.json().caseId, [leaveOut]);
  return res.json();
}

async function applicantPage(path: string) {
  const page = await portal.newPage();
  await page.goto(`${base}/login?returnTo=${encodeURIComponent(path)}`);
  await page.getByLabel('账号', { exact: true }).fill(person.idNumber);
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL(`${base}${path}`);
  return page;
}

beforeAll(async () => {
  portal = await startPortal({ env: GENEROUS_LIMITS });
  ({ t, base } = portal);
  [person] = (await registryPersons(t, 'any', 1)) as [RegistryPerson];
  ({ c: applicant } = await register(t, person, PASSWORD));
});
afterAll(async () => portal?.close());
keepFailureScreenshots(() => portal);

describe('材料齐全', () => {
  it('takes a case missing a material through 一次性告知, a refused fake file, the real upload and acceptance', async () => {
    const item = await itemNamed('食品经营许可（变更）');
    const bag = (await applicant.call('GET', `/api/applications/${item.code}/materials`)).json();
    const missing = bag.materials.find(
      (m: { necessity: string; satisfiedBy: unknown }) => m.necessity === 'required' && !m.satisfiedBy,
    ).name as string;
    const { caseId, trackingCode } = await applyWithout(item.code, 'e2e-complete-0001', missing);

    // The window cannot accept: the server names the material.
    const clerk = await staffWithPassword(t, ['window_clerk'], item.regionCode);
    const desk = await portal.newPage();
    await signIn(desk, base, clerk.username, STAFF_PASSWORD, `/workbench/cases/${caseId}`);
    const review = desk.getByTestId('supplement-review');
    await review.getByText(`尚缺必需材料：${missing}`).waitFor();
    const actions = desk.getByRole('group', { name: '窗口操作' });
    await actions.getByRole('button', { name: /^受理/ }).click();
    await desk
      .getByRole('form', { name: new RegExp(`^受理 `) })
      .getByRole('button', { name: '受理', exact: true })
      .click();
    await desk
      .getByRole('alert')
      .filter({ hasText: `材料不齐，不能受理。尚缺：「${missing}」` })
      .waitFor();
    await screenshot(desk, 'complete-1-accept-refused');
    // 一次性告知.
    await actions.getByRole('button', { name: /^一次性告知补正/ }).click();
    await desk.getByLabel('第 1 项').fill(missing);
    await desk.getByLabel('其他说明（选填）').fill('请上传 PDF 格式的文件');
    await desk
      .getByRole('form', { name: /^一次性告知补正 / })
      .getByRole('button', { name: '一次性告知补正' })
      .click();
    await desk.getByText(`已发出一次性告知：${trackingCode}`).waitFor();

    // The applicant: the notice, an upload control per material, and a fake PDF explained in Chinese.
    const page = await applicantPage(`/me/cases/${caseId}`);
    const uploads = page.getByTestId('case-uploads');
    await uploads.getByText('请按一次性告知上传或更换材料，再提交补正说明。').waitFor();
    const row = uploads.getByRole('listitem').filter({ hasText: missing });
    await row.getByText('告知补正').waitFor();
    await row.locator('input[type=file]').setInputFiles(FAKE_PDF);
    await row
      .getByRole('alert')
      .filter({ hasText: `「${FAKE_PDF.name}」的扩展名是 PDF，但文件内容不是 PDF 文件` })
      .waitFor();
    expect(
      (
        await sql<{
          n: number;
        }>`SELECT count(*)::int AS n FROM cases.material WHERE case_id = ${caseId} AND name = ${missing}`.execute(t.db)
      ).rows[0]!.n,
    ).toBe(0);
    await screenshot(page, 'complete-2-fake-file');
    await row.locator('input[type=file]').setInputFiles(PDF);
    await row.getByText(`「${PDF.name}」已上传`).waitFor();
    await row.getByText('已提交').waitFor();
    await page.getByLabel('补正说明').fill('已上传营业执照扫描件');
    await page.getByRole('button', { name: '提交补正' }).click();
    await page.getByText('已提交补正，等待窗口重新受理。').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'complete-3-supplemented');

    // The window sees the note and the new file, and accepts.
    await desk.reload();
    await review.getByTestId('supplement-reply').getByText('已上传营业执照扫描件').waitFor();
    await review.getByRole('listitem').filter({ hasText: missing }).getByText('新', { exact: true }).waitFor();
    await review.getByText('必需材料已齐全。').waitFor();
    expect(await axeViolations(desk)).toEqual([]);
    await screenshot(desk, 'complete-4-window-review');
    await actions.getByRole('button', { name: /^受理/ }).click();
    await desk
      .getByRole('form', { name: new RegExp(`^受理 `) })
      .getByRole('button', { name: '受理', exact: true })
      .click();
    await desk.getByText(`已受理：${trackingCode}`).waitFor();
    expect(
      (await sql<{ status: string }>`SELECT status FROM cases."case" WHERE id = ${caseId}`.execute(t.db)).rows[0]!
        .status,
    ).toBe('in_progress');
    await desk.context().close();
    await page.context().close();
  });

  it('lets the applicant bring a 容缺 material after acceptance, with its due date shown', async () => {
    const item = await itemNamed('公共场所卫生许可');
    const guide = (await applicant.call('GET', `/api/applications/${item.code}/materials`)).json();
    const deferred = guide.materials.find((m: { necessity: string }) => m.necessity === 'deferrable');
    const { caseId } = await applyWithout(item.code, 'e2e-complete-0002', deferred.name);
    expect(
      (
        await applicant.call('POST', `/api/cases/${caseId}/materials/${deferred.index}/promise`, {
          promise: '检测报告十个工作日内补交',
        })
      ).statusCode,
    ).toBe(201);
    const clerk = await t.staff(['window_clerk'], item.regionCode);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/cases/${caseId}/accept`,
          headers: { authorization: clerk.authorization },
          payload: {},
        })
      ).statusCode,
    ).toBe(204);
    const dueOn = (
      await sql<{
        dueOn: string;
      }>`SELECT due_on::text AS "dueOn" FROM cases.material WHERE case_id = ${caseId} AND kind = 'promise'`.execute(
        t.db,
      )
    ).rows[0]!.dueOn;

    const page = await applicantPage(`/me/cases/${caseId}`);
    const uploads = page.getByTestId('case-uploads');
    await uploads.getByText('办件已受理。以下为您承诺容缺后补的材料，请在期限内上传。').waitFor();
    const row = uploads.getByRole('listitem').filter({ hasText: deferred.name });
    await row.getByText(`容缺承诺，须于 ${dueOn} 前补交`).waitFor();
    // Only the promised material may still come.
    expect(await uploads.getByRole('listitem').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'complete-5-promise-due');
    await row.locator('input[type=file]').setInputFiles({ ...PDF, name: '卫生检测报告.pdf' });
    // Fulfilled: nothing is left to bring, and the bag shows the file.
    await uploads.waitFor({ state: 'detached' });
    const bag = (await applicant.call('GET', `/api/cases/${caseId}/materials`)).json();
    expect(bag.openPromises).toEqual([]);
    await screenshot(page, 'complete-6-promise-fulfilled');
    await page.context().close();
  });

  it('catches a renamed file in the wizard and says why', async () => {
    const item = await itemNamed('食品经营许可（变更）');
    // The item serves enterprises only: its applicant is a legal representative acting for theirs.
    const [holder] = (await registryPersons(t, 'legal-representative', 1)) as [RegistryPerson];
    const { c } = await register(t, holder, PASSWORD);
    const company = (
      await sql<{
        creditCode: string;
      }>`SELECT credit_code FROM exchange.legal_entity WHERE legal_representative_id = ${holder.id} AND status = 'active' ORDER BY credit_code LIMIT 1`.execute(
        t.db,
      )
    ).rows[0]!;
    expect((await c.call('POST', '/api/enterprises', { creditCode: company.creditCode })).statusCode).toBe(201);
    const page = await portal.newPage();
    await page.goto(`${base}/login?returnTo=${encodeURIComponent(`/items/${item.code}/apply`)}`);
    await page.getByLabel('账号', { exact: true }).fill(holder.idNumber);
    await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: '填写表单' }).waitFor();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('heading', { level: 2, name: '申请材料' }).waitFor();
    const row = page.getByRole('list', { name: '申请材料清单' }).getByRole('listitem').first();
    await row.locator('input[type=file]').setInputFiles(FAKE_PDF);
    await row.getByRole('alert').filter({ hasText: '但文件内容不是 PDF 文件' }).waitFor();
    expect(await row.getByText(FAKE_PDF.name, { exact: true }).count()).toBe(0);
    await screenshot(page, 'complete-7-wizard-check');
    await page.context().close();
  });
});
