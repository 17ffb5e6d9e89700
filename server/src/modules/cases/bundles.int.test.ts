/**
 * Forms are closed: an item without a form takes remarks only; a theme application (一件事) is one
 * form — shared fields once, each item's own — checked as one, and its one tracking code answers
 * the progress of every case inside it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { GENEROUS_LIMITS, register, registryPersons, type Client } from '../../test/people.js';
import { formlessCountyItem, themeForm } from '../../test/cases.js';

let t: TestApp;
let applicant: Client;
let key = 0;
const apply = (url: string, body: object) =>
  applicant.call('POST', url, body, { headers: { 'idempotency-key': `bundles-test-${++key}` } });

beforeAll(async () => {
  t = await createTestApp({ env: GENEROUS_LIMITS });
  const [p] = await registryPersons(t, 'any', 1);
  ({ c: applicant } = await register(t, p!));
});
afterAll(async () => t?.close());

describe('closed forms', () => {
  it('refuses undeclared fields on an item without a form, naming each, and takes remarks', async () => {
    const item = await formlessCountyItem(t);
    const refused = await apply('/api/cases', { itemCode: item.code, form: { purpose: '新办', idNumber: 'x' } });
    expect(refused.statusCode).toBe(422);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ code: 'CASES.FORM_UNKNOWN_FIELD' });
    expect(refused.body).toMatch(/申请表中没有这些项目/);
    expect(
      refused
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['form.idNumber', 'form.purpose']);
    expect((await apply('/api/cases', { itemCode: item.code, form: { remarks: '下午到窗口' } })).statusCode).toBe(201);
  });
});

describe('一件事 as one application', () => {
  it('checks the bundle’s one form: unknown keys and missing shared fields are refused', async () => {
    const form = await themeForm(t, 'newborn', '520103');
    const unknown = await apply('/api/bundles', { theme: 'newborn', region: '520103', form: { ...form, pet: '猫' } });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({ code: 'CASES.FORM_UNKNOWN_FIELD' });
    const { babyName: _, ...withoutName } = form;
    const missing = await apply('/api/bundles', { theme: 'newborn', region: '520103', form: withoutName });
    expect(missing.statusCode).toBe(422);
    expect(missing.json()).toMatchObject({ code: 'CASES.FORM_INVALID' });
    expect(missing.json().errors.map((e: { field: string }) => e.field)).toEqual(['form.babyName']);
  });

  it('answers the bundle’s one tracking code with every case inside it, without personal data', async () => {
    const form = await themeForm(t, 'newborn', '520103', { babyName: '王小丫' });
    const res = await apply('/api/bundles', { theme: 'newborn', region: '520103', form });
    expect(res.statusCode, res.body).toBe(201);
    const { bundleId, trackingCode, cases } = res.json();
    expect(cases.length).toBe(4);

    const anonymous = await t.app.inject({ method: 'GET', url: `/api/track/${trackingCode}` });
    expect(anonymous.statusCode, anonymous.body).toBe(200);
    const tracked = anonymous.json();
    expect(tracked).toMatchObject({ kind: 'bundle', trackingCode, theme: '新生儿出生一件事', bundleId: null });
    expect(tracked.progress).toEqual({ done: 0, total: 4 });
    expect(tracked.cases.map((c: { itemName: string }) => c.itemName).sort()).toEqual(
      cases.map((c: { itemName: string }) => c.itemName).sort(),
    );
    expect(tracked.cases.filter((c: { waiting: boolean }) => c.waiting)).toHaveLength(3);
    expect(anonymous.body).not.toContain('王小丫');
    expect(anonymous.body).not.toContain(String(form.motherIdNumber));
    expect((await applicant.call('GET', `/api/track/${trackingCode.toLowerCase()}`)).json().bundleId).toBe(bundleId);

    // Each case holds the shared fields and its own item's, labelled.
    const birth = cases.find((c: { itemName: string }) => c.itemName.includes('出生医学证明'));
    const detail = (await applicant.call('GET', `/api/cases/${birth.caseId}`)).json();
    expect(detail.form.babyName).toBe('王小丫');
    // 发卡银行 is the 社会保障卡's field: in the bundle's form, not in the birth certificate's case.
    expect(form.bankName).toBeTruthy();
    expect(detail.form.bankName).toBeUndefined();
    expect(detail.formFields.map((f: { key: string }) => f.key)).toContain('babyWeight');
  });
});
