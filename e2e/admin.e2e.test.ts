/**
 * 管理后台 in real Chromium against the real server: a catalogue administrator edits a draft
 * item's guide (the server's validation problem shown next to its field) and submits it; a
 * reviewer approves it and it is found by portal search; the administrator gives the item a
 * process with two parallel tasks, exports it as BPMN 2.0 and imports the file again; a system
 * administrator's calendar override moves a computed deadline; a data administrator approves a
 * sharing request; a window clerk is told plainly that administration is not for them. Every
 * admin page is checked with axe (WCAG 2.1 AA) and saved as a screenshot.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { sql } from 'kysely';
import { generateSync } from 'otplib';
import type { TestApp } from '../server/src/test/harness.js';
import { GENEROUS_LIMITS, registryPersons, type RegistryPerson } from '../server/src/test/people.js';
import { makeCreditCode } from '../server/src/platform/validators/index.js';
import { axeViolations } from './axe.js';
import { screenshot, keepFailureScreenshots, startPortal, type Portal } from './browser.js';
import { chooseOption } from './journey.js';

let portal: Portal;
let t: TestApp;
let base: string;
let root: string;
const PASSWORD = 'Guanli2026x';
const NAME = '犀牛养殖许可';
let draft: { code: string; legalLimitDays: number; promisedLimitDays: number };
let otherDepartment: string;
/** A person of the population registry whose ID number the clerk's record is linked to. */
let registered: RegistryPerson;
let staff: Record<'catalog' | 'reviewer' | 'system' | 'data' | 'clerk', { username: string; secret: string | null }>;
/** Pages kept open across tests: an authenticator code is accepted once, so each account signs in once. */
let catalogPage: Page;

async function api<T>(
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  authorization: string,
  payload?: unknown,
): Promise<T> {
  const res = await t.app.inject({
    method,
    url,
    headers: { authorization },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
  return res.json() as T;
}

async function createStaff(username: string, roles: string[], departmentIds: string[] = []) {
  const r = await api<{ totpUri: string | null }>('POST', '/api/admin/staff', root, {
    username,
    displayName: `测试${username}`,
    regionCode: '52',
    roles,
    departmentIds,
    password: PASSWORD,
  });
  return { username, secret: r.totpUri ? new URL(r.totpUri).searchParams.get('secret') : null };
}

async function signIn(page: Page, who: { username: string; secret: string | null }, returnTo: string): Promise<void> {
  await page.goto(`${base}/login?returnTo=${encodeURIComponent(returnTo)}`);
  await page.getByLabel('账号', { exact: true }).fill(who.username);
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  if (who.secret) {
    await page.getByLabel('动态口令', { exact: true }).fill(generateSync({ secret: who.secret }));
    await page.getByRole('button', { name: '登录', exact: true }).click();
  }
  await page.waitForURL(`${base}${returnTo}`);
}

async function expectAccessible(page: Page, name: string): Promise<void> {
  expect(await axeViolations(page), name).toEqual([]);
  await screenshot(page, `admin-${name}`);
}

const announced = (page: Page, text: string | RegExp) =>
  page.getByRole('status').filter({ hasText: text }).first().waitFor();
const menu = (page: Page) => page.getByRole('navigation', { name: '管理后台菜单' });

beforeAll(async () => {
  portal = await startPortal({ env: GENEROUS_LIMITS });
  ({ t, base } = portal);
  root = (await t.staff(['system_admin', 'catalog_admin'], '52')).authorization;
  [registered] = (await registryPersons(t, 'any', 1)) as [RegistryPerson];
  // A published province-level 承诺件 to copy into a new draft item.
  const source = await sql<{ code: string; departmentId: string }>`
    SELECT i.code, i.department_id FROM catalog.item i JOIN catalog.item_version v ON v.item_id = i.id AND v.version = i.published_version
    WHERE i.region_code = '52' AND v.guide->>'caseKind' = '2' AND (v.guide->>'promisedLimitDays')::int >= 5
    ORDER BY i.code LIMIT 1`.execute(t.db);
  const item = await api<
    Record<string, unknown> & { department: { id: string }; legalLimitDays: number; promisedLimitDays: number }
  >('GET', `/api/catalog/items/${source.rows[0]!.code}`, root);
  const created = await api<{ code: string }>('POST', '/api/admin/catalog/items', root, {
    departmentId: item.department.id,
    guide: { ...item, basicCode: 'E2EADMIN01', name: '测试事项（待改名）', keywords: [] },
  });
  draft = { code: created.code, legalLimitDays: item.legalLimitDays, promisedLimitDays: item.promisedLimitDays };
  otherDepartment = (
    await sql<{
      name: string;
    }>`SELECT name FROM catalog.department WHERE region_code = '52' AND id <> ${item.department.id} ORDER BY name LIMIT 1`.execute(
      t.db,
    )
  ).rows[0]!.name;

  // A sharing request of a conditional resource, made of the department the data administrator serves.
  const { resources } = await api<{
    resources: { code: string; sharingClass: string; owner: { id: string }; fields: { key: string }[] }[];
  }>('GET', '/api/exchange/resources', root);
  const conditional = resources.find((r) => r.sharingClass === 'conditional')!;
  const consumer = (
    await sql<{
      id: string;
    }>`SELECT id FROM catalog.department WHERE region_code = '52' AND id <> ${conditional.owner.id} ORDER BY name LIMIT 1`.execute(
      t.db,
    )
  ).rows[0]!.id;
  const requester = (await t.staff(['data_admin'], '52', [consumer])).authorization;
  await api('POST', '/api/exchange/grants', requester, {
    resourceCode: conditional.code,
    consumerDepartmentId: consumer,
    fields: conditional.fields.slice(0, 2).map((f) => f.key),
    purpose: '核验申请人信息（e2e）',
    legalBasis: '《政务信息资源共享管理暂行办法》',
    expiresAt: new Date(Date.now() + 180 * 86_400_000).toISOString(),
  });

  staff = {
    catalog: await createStaff('catalog.e2e', ['catalog_admin']),
    reviewer: await createStaff('reviewer.e2e', ['catalog_reviewer']),
    system: await createStaff('system.e2e', ['system_admin', 'supervisor']),
    data: await createStaff('data.e2e', ['data_admin'], [conditional.owner.id]),
    clerk: await createStaff('clerk.e2e', ['window_clerk']),
  };
});
afterAll(async () => portal?.close());
keepFailureScreenshots(() => portal);

describe('administration', () => {
  it('lets a catalogue administrator edit a draft guide, see the server’s problem at its field, and submit it', async () => {
    catalogPage = await portal.newPage();
    const page = catalogPage;
    await signIn(page, staff.catalog, '/admin');
    await page.getByRole('heading', { level: 1, name: '管理后台' }).waitFor();
    await menu(page).getByRole('link').first().waitFor();
    const links = await menu(page).getByRole('link').allInnerTexts();
    expect(links).toEqual(['事项管理', '主题管理', '流程定义', '客服未解答问题', '政策管理', '部门']);
    await expectAccessible(page, 'overview');

    await menu(page).getByRole('link', { name: '事项管理' }).click();
    await page.getByRole('heading', { level: 1, name: '事项管理' }).waitFor();
    await page.locator('.tb-admin-filter').getByText('草稿', { exact: true }).click();
    const row = page.getByRole('row').filter({ hasText: draft.code });
    await row.getByRole('link', { name: '测试事项（待改名）' }).waitFor();
    await expectAccessible(page, 'items');

    await row.getByRole('link', { name: '测试事项（待改名）' }).click();
    await page.waitForURL(`${base}/admin/items/${draft.code}`);
    await page.getByRole('heading', { level: 1, name: '测试事项（待改名）' }).waitFor();
    await page.getByLabel('事项名称', { exact: true }).fill(NAME);
    await page.getByLabel('受理条件 1', { exact: true }).fill('申请人具有合法的养殖场所');
    await page.getByRole('button', { name: '添加材料' }).click();
    const materials = await page.getByRole('group', { name: /^材料 \d+$/ }).count();
    const added = page.getByRole('group', { name: `材料 ${materials}` });
    await added.getByLabel('材料名称').fill('养殖场所平面图');
    // An application-form field holding personal data, marked so: stored encrypted, masked for supervisors.
    await page.getByRole('button', { name: '添加字段' }).click();
    const fieldCount = await page.getByRole('group', { name: /^字段 \d+$/ }).count();
    const field = page.getByRole('group', { name: `字段 ${fieldCount}` });
    await field.getByLabel('字段标识').fill('contactAddress');
    await field.getByLabel('字段名称').fill('联系人住址');
    await field.getByLabel('个人信息').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="地址"]').click();
    await field.locator('.ant-select').getByText('地址', { exact: true }).waitFor();
    await screenshot(page, 'admin-guide-personal-field');
    // Longer than the legal limit: the server refuses and says so next to the field.
    const promised = page.getByLabel('承诺时限（工作日）');
    await promised.fill(String(draft.legalLimitDays + 5));
    await page.getByRole('button', { name: '保存指南' }).click();
    const promisedItem = page.locator('.ant-form-item').filter({ has: promised });
    await promisedItem.locator('.ant-form-item-explain-error').filter({ hasText: '不得长于法定时限' }).waitFor();
    await page.getByRole('alert').filter({ hasText: '服务器指出' }).waitFor();
    await screenshot(page, 'admin-guide-problem');

    await promised.fill(String(draft.promisedLimitDays));
    await page.getByRole('button', { name: '保存指南' }).click();
    await announced(page, '已保存（第 1 版，草稿）');
    await page.getByLabel('意见或说明').fill('更名并补充材料');
    await page.getByRole('button', { name: '提交审核' }).click();
    await announced(page, '第 1 版已提交审核');
    await page.locator('.tb-admin-status').filter({ hasText: '审核中' }).first().waitFor();
    await expectAccessible(page, 'item-edit');

    const saved = await api<{
      item: { name: string; status: string; materials: { name: string }[]; form: { key: string }[] };
    }>('GET', `/api/admin/catalog/items/${draft.code}`, root);
    expect(saved.item).toMatchObject({ name: NAME, status: 'in_review' });
    expect(saved.item.materials.map((m) => m.name)).toContain('养殖场所平面图');
    expect(saved.item.form).toContainEqual(
      expect.objectContaining({ key: 'contactAddress', label: '联系人住址', personal: 'address' }),
    );
  });

  it('lets a reviewer approve it; the item is published and found by portal search', async () => {
    const page = await portal.newPage();
    await signIn(page, staff.reviewer, '/admin/items');
    await page.locator('.tb-admin-filter').getByText('审核中', { exact: true }).click();
    await page.getByRole('row').filter({ hasText: draft.code }).getByRole('link', { name: NAME }).click();
    await page.getByRole('heading', { level: 1, name: NAME }).waitFor();
    // A reviewer reads the guide but does not edit it.
    expect(await page.getByLabel('事项名称', { exact: true }).isDisabled()).toBe(true);
    await page.getByLabel('意见或说明').fill('符合要求，同意发布');
    await page.getByRole('button', { name: '审核通过并发布' }).click();
    await announced(page, '第 1 版已发布');
    await page.locator('.tb-admin-status').filter({ hasText: '已发布' }).first().waitFor();
    await screenshot(page, 'admin-item-published');

    await page.goto(`${base}/search?q=${encodeURIComponent(NAME)}`);
    await page.locator('.tb-hits .tb-hit__name a').filter({ hasText: NAME }).first().waitFor();
    await page.context().close();
  });

  it('saves a process with two parallel tasks, exports it as BPMN and imports the file again', async () => {
    const page = catalogPage;
    await menu(page).getByRole('link', { name: '流程定义' }).click();
    await page.getByRole('heading', { level: 1, name: '流程定义' }).waitFor();
    await page
      .getByRole('searchbox', { name: '搜索已发布事项' })
      .or(page.getByLabel('搜索已发布事项'))
      .first()
      .fill(NAME);
    await page.getByRole('button', { name: '搜索', exact: true }).click();
    await page.getByRole('list', { name: '搜索结果' }).getByRole('button', { name: NAME }).click();
    await page.getByRole('heading', { name: '当前流程（第 0 版）' }).waitFor();

    await page.getByRole('button', { name: '在环节 1 添加并联任务' }).click();
    const tasks = page.getByRole('list', { name: '环节 1 的并联任务' }).getByRole('listitem');
    expect(await tasks.count()).toBe(2);
    await page.getByLabel('任务 2 名称').fill('现场核查');
    await chooseOption(page, page.getByLabel('办理部门').nth(1), otherDepartment);
    await page.getByLabel('时限（工作日）').nth(1).fill('2');
    // Shorter than the path through the stages: every problem is named, at its field.
    await page.getByLabel('承诺时限（工作日）').fill('0');
    await page.getByRole('button', { name: '校验并保存' }).click();
    await page.getByRole('alert').filter({ hasText: '服务器指出' }).waitFor();
    await page
      .locator('.tb-admin-field.has-error')
      .filter({ has: page.getByLabel('承诺时限（工作日）') })
      .waitFor();
    await screenshot(page, 'admin-process-problem');
    await page.getByLabel('承诺时限（工作日）').fill(String(draft.promisedLimitDays));
    await page.getByRole('button', { name: '校验并保存' }).click();
    await announced(page, '已保存为第 1 版并启用');
    await page.getByRole('heading', { name: '当前流程（第 1 版）' }).waitFor();
    await expectAccessible(page, 'processes');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '导出 BPMN' }).click(),
    ]);
    const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'tongban-bpmn-')), `${draft.code}.bpmn`);
    await download.saveAs(file);
    const xml = await fs.readFile(file, 'utf8');
    expect(xml.match(/<(\w+:)?userTask\b/g)).toHaveLength(2);
    expect(xml).toContain('现场核查');

    await page.locator('input[type=file]').setInputFiles(file);
    await announced(page, '已导入 BPMN，保存为第 2 版并启用');
    await page.getByRole('heading', { name: '当前流程（第 2 版）' }).waitFor();
    expect(await tasks.count()).toBe(2);
    const active = await api<{
      version: number;
      definition: { stages: { tasks: { name: string; limitDays: number }[] }[] };
    }>('GET', `/api/admin/cases/definitions/${draft.code}`, root);
    expect(active.version).toBe(2);
    expect(active.definition.stages[0]!.tasks.map((x) => x.name)).toEqual(['审查', '现场核查']);
    await screenshot(page, 'admin-process-imported');

    // The themes and departments pages of the same administrator.
    await menu(page).getByRole('link', { name: '主题管理' }).click();
    await page.getByRole('heading', { level: 1, name: '主题管理' }).waitFor();
    await page.getByRole('row').nth(1).waitFor();
    await expectAccessible(page, 'themes');
    await page.getByRole('button', { name: /^编辑/ }).first().click();
    await page.getByRole('heading', { name: /^编辑主题/ }).waitFor();
    await expectAccessible(page, 'theme-edit');
    await menu(page).getByRole('link', { name: '部门' }).click();
    await page.getByRole('heading', { level: 1, name: '部门' }).waitFor();
    await page.getByRole('row').nth(1).waitFor();
    await expectAccessible(page, 'departments');
  });

  it('moves a computed deadline with a calendar override; staff, roles and the audit log for a system administrator', async () => {
    const page = await portal.newPage();
    await signIn(page, staff.system, '/workbench');
    await page.locator('main').getByRole('link', { name: '管理后台' }).click();
    await page.waitForURL(`${base}/admin`);
    await expect
      .poll(() => menu(page).getByRole('link').allInnerTexts())
      .toEqual(['政策管理', '人员与角色', '工作日历', '消息模板', '审计日志', '部门']);

    await menu(page).getByRole('link', { name: '工作日历' }).click();
    await page.getByRole('heading', { level: 1, name: '工作日历' }).waitFor();
    await page.getByLabel('年份').fill('2026');
    await page.getByRole('row').filter({ hasText: '国庆节' }).waitFor();
    const deadline = page.getByRole('form', { name: '时限试算' });
    await deadline.getByLabel('起算日期').fill('2026-03-02');
    await deadline.getByLabel('工作日数').fill('3');
    await deadline.getByRole('button', { name: '计算' }).click();
    await announced(page, '截止 2026-03-05');

    const add = page.getByRole('form', { name: '添加调整' });
    await add.getByLabel('日期').fill('2026-03-04');
    await add.getByLabel('名称').fill('本地休息日（e2e）');
    await add.getByRole('button', { name: '添加调整' }).click();
    await announced(page, '已添加 2026-03-04 的调整');
    await page.getByRole('row').filter({ hasText: '本地休息日（e2e）' }).waitFor();
    // The deadline check asks again: the day off pushes the due date by one working day.
    await announced(page, '截止 2026-03-06');
    expect((await api<{ due: string }>('GET', '/api/calendar/deadline?from=2026-03-02&workingDays=3', root)).due).toBe(
      '2026-03-06',
    );
    await expectAccessible(page, 'calendar');

    await page.getByRole('row').filter({ hasText: '本地休息日（e2e）' }).getByRole('button', { name: /删除/ }).click();
    await announced(page, '已删除 2026-03-04 的调整');
    await announced(page, '截止 2026-03-05');

    await menu(page).getByRole('link', { name: '人员与角色' }).click();
    await page.getByRole('heading', { level: 1, name: '人员与角色' }).waitFor();
    const clerkRow = page.getByRole('row').filter({ hasText: staff.clerk.username });
    await clerkRow.waitFor();
    await expectAccessible(page, 'staff');
    await clerkRow.getByRole('button', { name: /调整角色/ }).click();
    const editor = page.getByRole('form', { name: /调整角色/ });
    await editor.getByRole('checkbox', { name: '审批人员' }).waitFor();
    await expectAccessible(page, 'staff-roles');
    await editor.getByRole('checkbox', { name: '审批人员' }).check();
    await editor.getByRole('button', { name: '保存角色' }).click();
    await announced(page, /已调整 .* 的角色/);
    await clerkRow.getByText('综合窗口、审批人员').waitFor();

    // 实名关联 (亲属回避): a wrong check digit is caught at the field; the right number is kept masked.
    await clerkRow.getByRole('button', { name: /登记身份证号/ }).click();
    const idForm = page.getByRole('form', { name: /登记身份证号/ });
    const wrong = `${registered.idNumber.slice(0, 17)}${registered.idNumber.endsWith('0') ? '1' : '0'}`;
    await idForm.getByLabel('身份证号').fill(wrong);
    await idForm.getByRole('button', { name: '保存' }).click();
    await idForm.getByText('身份证号码不正确：请核对 18 位号码及最后一位校验码').waitFor();
    await idForm.getByLabel('身份证号').fill(registered.idNumber);
    await idForm.getByRole('button', { name: '保存' }).click();
    await announced(
      page,
      new RegExp(`的身份证号 ${registered.idNumber.slice(0, 6)}\\*+${registered.idNumber.slice(-4)}`),
    );
    await clerkRow.getByText('已登记').waitFor();
    expect(await page.getByText(registered.idNumber).count()).toBe(0);
    await screenshot(page, 'admin-staff-id-number');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'admin-staff-id-number-390');
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await clerkRow.getByRole('button', { name: /Record ID number/ }).click();
    await page.getByRole('form', { name: /Record ID number/ }).waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'admin-staff-id-number-390-en');
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.getByRole('button', { name: '中文', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '人员与角色' }).waitFor();

    const create = page.getByRole('form', { name: '新增人员' });
    await create.getByLabel('用户名').fill('new.admin.e2e');
    await create.getByLabel('姓名').fill('新任数据管理员');
    await create.getByLabel('初始密码').fill('Xinren2026x');
    await create.getByRole('checkbox', { name: '综合窗口' }).uncheck();
    await create.getByRole('checkbox', { name: '数据管理员' }).check();
    await create.getByRole('button', { name: '创建' }).click();
    await announced(page, '已创建 new.admin.e2e');
    await page.getByText('new.admin.e2e 的动态口令密钥（只显示这一次）').waitFor();
    await page.getByRole('row').filter({ hasText: 'new.admin.e2e' }).waitFor();
    await screenshot(page, 'admin-staff-created');

    await menu(page).getByRole('link', { name: '审计日志' }).click();
    await page.getByRole('heading', { level: 1, name: '审计日志' }).waitFor();
    await page.getByRole('row').filter({ hasText: '调整角色与数据范围' }).first().waitFor();
    await page.getByRole('button', { name: '校验审计链' }).click();
    await page.getByRole('status').filter({ hasText: '审计链完整' }).waitFor();
    await expectAccessible(page, 'audit');

    // 部门: a system administrator adds a department of the province and renames it.
    await menu(page).getByRole('link', { name: '部门' }).click();
    const newDepartment = page.getByRole('region', { name: '新增部门' });
    await newDepartment.getByLabel('部门名称').fill('贵州省统计局');
    await newDepartment.getByLabel('简称').fill('省统计局');
    await newDepartment.getByLabel(/部门标识/).fill('gz-statistics');
    // 类别 is chosen by its name from the catalogue's list.
    // (typed to filter: the list is virtual and shows only its first options)
    await newDepartment.getByLabel('类别').fill('统计');
    await page.locator('.ant-select-item-option', { hasText: '统计' }).click();
    await newDepartment.getByLabel('行政区划').fill('52');
    await newDepartment.getByLabel('统一社会信用代码').fill(makeCreditCode('1', '1', '520000', 'MB1C0999'));
    await newDepartment.getByRole('button', { name: '保存' }).click();
    await announced(page, '已新增部门：贵州省统计局');
    await page.getByLabel('按名称或信用代码筛选').fill('统计');
    await page.getByRole('row').filter({ hasText: '贵州省统计局' }).getByRole('button', { name: /修改/ }).click();
    const change = page.getByRole('region', { name: /修改：贵州省统计局/ });
    await change.getByLabel('电话').fill('0851-85000000');
    await change.getByRole('button', { name: '保存' }).click();
    await announced(page, '已保存：贵州省统计局');
    await expectAccessible(page, 'departments');
    await page.context().close();
  });

  it('lets a data administrator approve a sharing request made of their department', async () => {
    const page = await portal.newPage();
    await signIn(page, staff.data, '/admin/sharing');
    await page.getByRole('heading', { level: 1, name: '共享申请审批' }).waitFor();
    const card = page
      .getByRole('list', { name: '向本部门提出的申请' })
      .getByRole('listitem')
      .filter({ hasText: '核验申请人信息（e2e）' });
    await card.getByText('待审批').waitFor();
    await expectAccessible(page, 'sharing');
    await card.getByLabel(/审批意见/).fill('同意，仅限核验用途');
    await card.getByRole('button', { name: /^批准/ }).click();
    await page.getByRole('status').filter({ hasText: '已批准' }).first().waitFor();
    await card.getByText('已批准').waitFor();
    await page.getByRole('tab', { name: '本部门提出的申请', exact: true }).click();
    await page
      .getByRole('tabpanel')
      .getByText(/没有提出共享申请|申请部门|数据所属部门/)
      .first()
      .waitFor();
    await screenshot(page, 'admin-sharing');
    await page.context().close();
  });

  it('tells a member of staff without an administrative role that administration is not for them', async () => {
    const page = await portal.newPage();
    await signIn(page, staff.clerk, '/admin');
    await page.getByRole('alert').filter({ hasText: '您没有管理后台的权限' }).waitFor();
    expect(await menu(page).count()).toBe(0);
    await page.getByRole('link', { name: '返回工作台' }).waitFor();
    await expectAccessible(page, 'denied');
    await page.context().close();
  });
});
