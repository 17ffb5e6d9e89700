/** Case steps through the API for tests that need a case in some state. */
import { sql } from 'kysely';
import type { ThemeApplication } from '../../../contracts/bundles.js';
import { sampleValues } from '../modules/catalog/index.js';
import { expect } from 'vitest';
import type { TestApp } from './harness.js';
import type { Client } from './people.js';

/** A published county item without an application form (any form data is accepted). */
export async function formlessCountyItem(
  t: TestApp,
  extra: 'post-and-pickup' | 'any' = 'any',
): Promise<{ code: string; regionCode: string }> {
  const delivery =
    extra === 'post-and-pickup'
      ? sql`AND v.guide->'deliveryMethods' ? 'post' AND v.guide->'deliveryMethods' ? 'pickup'`
      : sql``;
  const row = await sql<{ code: string; regionCode: string }>`
    SELECT i.code, i.region_code FROM catalog.item i JOIN catalog.item_version v ON v.item_id = i.id AND v.version = i.published_version
    WHERE length(i.region_code) = 6 AND jsonb_array_length(COALESCE(v.guide->'form', '[]'::jsonb)) = 0 ${delivery}
    ORDER BY i.code LIMIT 1`.execute(t.db);
  return row.rows[0]!;
}

/** A small file that passes the upload check as a PDF. */
export const tinyPdf = (): Buffer =>
  Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200, 0x20), Buffer.from('\n%%EOF\n')]);

/** As the applicant, uploads a file for every material the case still lacks (all but optional ones and those in `except`). */
export async function completeMaterials(applicant: Client, caseId: string, except: string[] = []): Promise<void> {
  const bag = await applicant.call('GET', `/api/cases/${caseId}/materials`);
  expect(bag.statusCode, bag.body).toBe(200);
  for (const m of bag.json().materials as { index: number; name: string; necessity: string; provided: unknown }[]) {
    if (m.provided || m.necessity === 'optional' || except.includes(m.name)) continue;
    const res = await applicant.call('PUT', `/api/cases/${caseId}/materials/${m.index}`, tinyPdf(), {
      headers: { 'content-type': 'application/pdf' },
    });
    expect(res.statusCode, res.body).toBe(201);
  }
}

/** Submits an application as the signed-in client with every required material; answers the new case's id. */
export async function submitCase(
  applicant: Client,
  itemCode: string,
  key: string,
  form: Record<string, unknown> = { remarks: '新办' },
): Promise<string> {
  const res = await applicant.call('POST', '/api/cases', { itemCode, form }, { headers: { 'idempotency-key': key } });
  expect(res.statusCode, res.body).toBe(201);
  await completeMaterials(applicant, res.json().caseId);
  return res.json().caseId;
}

/** The window accepts the case and every open task is approved, stage after stage, until it is decided. */
/** 受理 at the window (the clerk's authorization). */
export async function acceptCase(t: TestApp, caseId: string, clerk: string): Promise<void> {
  const accepted = await t.app.inject({
    method: 'POST',
    url: `/api/cases/${caseId}/accept`,
    headers: { authorization: clerk },
    payload: {},
  });
  expect(accepted.statusCode, accepted.body).toBe(204);
}

export async function approveCase(t: TestApp, caseId: string, clerk: string, approver: string): Promise<void> {
  await acceptCase(t, caseId, clerk);
  for (let round = 0; round < 10; round++) {
    const open = (await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: { authorization: clerk } }))
      .json()
      .tasks.filter((k: { status: string }) => k.status === 'open');
    if (open.length === 0) return;
    for (const task of open) {
      const r = await t.app.inject({
        method: 'POST',
        url: `/api/tasks/${task.id}/approve`,
        headers: { authorization: approver },
        payload: { version: task.version, opinion: '同意' },
      });
      expect(r.statusCode, r.body).toBe(204);
    }
  }
  throw new Error(`case ${caseId} was not decided after ten rounds of approvals`);
}

/** 食品经营许可（新办） of a district, as the applicant's enterprise files it (the form of the demo guide). */
export async function foodLicenceItem(t: TestApp): Promise<{ code: string; regionCode: string }> {
  const row = await sql<{ code: string; regionCode: string }>`
    SELECT i.code, i.region_code FROM catalog.item i JOIN catalog.item_version v ON v.item_id = i.id AND v.version = i.published_version
    WHERE v.name = '食品经营许可（新办）' AND length(i.region_code) = 6 ORDER BY i.code LIMIT 1`.execute(t.db);
  return row.rows[0]!;
}

export const foodLicenceForm = (creditCode: string) => ({
  operatorName: '黔味小吃',
  creditCode,
  premises: '贵阳市云岩区中华北路 1 号',
  area: 60,
  format: '餐饮服务经营者',
  items: '热食类食品制售',
  safetyManager: '王芳',
  safetyManagerId: '11010519491231002X',
  phone: '13812345678',
});

/** The registry's legal representative claims their enterprise and acts for it. */
export async function actForEnterprise(
  t: TestApp,
  c: Client,
  representativeId: string,
): Promise<{ enterpriseId: string; creditCode: string }> {
  const creditCode = (
    await sql<{
      creditCode: string;
    }>`SELECT credit_code FROM exchange.legal_entity WHERE legal_representative_id = ${representativeId} AND status = 'active' LIMIT 1`.execute(
      t.db,
    )
  ).rows[0]!.creditCode;
  const claimed = await c.call('POST', '/api/enterprises', { creditCode });
  expect(claimed.statusCode, claimed.body).toBe(201);
  const enterpriseId = claimed.json().enterpriseId as string;
  expect((await c.call('PUT', '/api/me/acting-for', { enterpriseId })).statusCode).toBe(200);
  return { enterpriseId, creditCode };
}

/**
 * A complete form for a theme application (一件事): the sample values of the shared fields and of
 * the fields of the steps applied for (the required ones and `include`), with `overrides`.
 */
export async function themeForm(
  t: TestApp,
  theme: string,
  region: string,
  overrides: Record<string, unknown> = {},
  include: string[] = [],
): Promise<Record<string, unknown>> {
  const res = await t.app.inject({ method: 'GET', url: `/api/catalog/themes/${theme}/application?region=${region}` });
  expect(res.statusCode, res.body).toBe(200);
  const app = res.json() as ThemeApplication;
  const keys = new Set([
    ...app.sharedKeys,
    ...app.steps.filter((s) => !s.optional || include.includes(s.basicCode)).flatMap((s) => s.fieldKeys),
  ]);
  return { ...sampleValues(app.fields.filter((f) => keys.has(f.key))), ...overrides };
}

/** A complete, valid form for a published item: the sample values of its application form (`{}` when it has none). */
export async function sampleForm(t: TestApp, itemCode: string): Promise<Record<string, unknown>> {
  const res = await t.app.inject({ method: 'GET', url: `/api/catalog/items/${itemCode}` });
  expect(res.statusCode, res.body).toBe(200);
  return sampleValues(res.json().form);
}
