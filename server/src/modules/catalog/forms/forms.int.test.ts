/**
 * 空白表格 / 示例样表 from the guide and a theme's one application form, through the HTTP API on
 * the seeded catalogue; the PDFs rendered as a reader draws them.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { renderPdf } from '../../../test/render-pdf.js';
import { isValidIdNumber } from '../../../platform/validators/index.js';

let t: TestApp;
const codeOf = async (name: string) =>
  (
    await sql<{ code: string }>`
    SELECT i.code FROM catalog.item i JOIN catalog.item_version v ON v.item_id = i.id AND v.version = i.published_version
    WHERE v.name = ${name} ORDER BY i.code LIMIT 1`.execute(t.db)
  ).rows[0]!.code;
const pdf = async (code: string, kind: string) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/catalog/items/${code}/forms/${kind}.pdf` });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  return res.rawPayload;
};

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('blank and sample application forms', () => {
  it('prints the blank form of an item with every field label, its help and units', async () => {
    const code = await codeOf('最低生活保障审批');
    const r = await renderPdf(await pdf(code, 'blank'), { name: 'form-blank-dibao' });
    expect(r.errors).toEqual([]);
    expect(r.fonts.length).toBeGreaterThan(0);
    expect(r.fonts.every((f) => f.embedded)).toBe(true);
    const text = r.text.replace(/\s+/g, '');
    for (const label of [
      '最低生活保障审批申请表',
      '空白表格',
      '户主姓名',
      '户主公民身份号码',
      '户籍地址',
      '家庭月收入合计',
      '开户银行',
    ])
      expect(text).toContain(label);
    expect(text).toContain('元');
    expect(text).toContain('申请人（签名或盖章）');
    expect(text).not.toContain('样表');
  });

  it('fills the sample with values that pass the form’s own checks, marked 样表', async () => {
    const code = await codeOf('内地居民结婚登记');
    const r = await renderPdf(await pdf(code, 'sample'), { name: 'form-sample-marriage' });
    expect(r.errors).toEqual([]);
    const text = r.text.replace(/\s+/g, '');
    expect(text).toContain('示例样表');
    expect(text).toContain('男方姓名');
    const ids = text.match(/\d{17}[\dX]/g) ?? [];
    expect(ids.length).toBeGreaterThanOrEqual(2);
    expect(ids.every((id) => isValidIdNumber(id))).toBe(true);
  });

  it('prints the remarks box for an item without a form, and answers 404 for an unknown item', async () => {
    const formless = (
      await sql<{ code: string }>`
      SELECT i.code FROM catalog.item i JOIN catalog.item_version v ON v.item_id = i.id AND v.version = i.published_version
      WHERE jsonb_array_length(COALESCE(v.guide->'form', '[]'::jsonb)) = 0 ORDER BY i.code LIMIT 1`.execute(t.db)
    ).rows[0]!.code;
    expect((await renderPdf(await pdf(formless, 'blank'))).text).toContain('备注');
    const missing = await t.app.inject({ method: 'GET', url: `/api/catalog/items/${'1'.repeat(31)}/forms/blank.pdf` });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    const bad = await t.app.inject({ method: 'GET', url: `/api/catalog/items/${formless}/forms/filled.pdf` });
    expect(bad.statusCode).toBe(400);
  });
});

describe('a theme as one application', () => {
  it('asks each shared field once and lists every item’s own fields and materials', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/catalog/themes/newborn/application?region=520103' });
    expect(res.statusCode, res.body).toBe(200);
    const app = res.json() as {
      fields: { key: string; label: string; personal?: string }[];
      sharedKeys: string[];
      steps: { itemName: string; fieldKeys: string[]; materials: { name: string }[] }[];
    };
    const keys = app.fields.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(app.sharedKeys).toEqual(expect.arrayContaining(['babyName', 'motherName', 'motherIdNumber']));
    // A shared field takes the theme's label and the item's personal marking.
    expect(app.fields.find((f) => f.key === 'babyName')).toMatchObject({ label: '新生儿姓名', personal: 'name' });
    expect(app.steps.length).toBeGreaterThanOrEqual(4);
    for (const s of app.steps) {
      expect(s.materials.length, s.itemName).toBeGreaterThan(0);
      for (const k of s.fieldKeys) expect(keys).toContain(k);
      for (const k of s.fieldKeys) expect(app.sharedKeys).not.toContain(k);
    }
    const unknown = await t.app.inject({ method: 'GET', url: '/api/catalog/themes/no-such-theme/application' });
    expect(unknown.statusCode).toBe(404);
  });
});
