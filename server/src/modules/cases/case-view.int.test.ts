/**
 * The case as its readers see it (issue 10, finding 3): the form beside the item's field list,
 * identifiers masked to staff; each task with its stage's name; the licence a decided case produced.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { GENEROUS_LIMITS, register, registryPersons, type Client } from '../../test/people.js';
import { actForEnterprise, approveCase, foodLicenceForm, foodLicenceItem, submitCase } from '../../test/cases.js';

let t: TestApp;
let applicant: Client;
let creditCode: string;
let item: { code: string; regionCode: string };
let clerk: string;
let approver: string;

beforeAll(async () => {
  t = await createTestApp({ env: GENEROUS_LIMITS });
  const [rep] = await registryPersons(t, 'legal-representative', 1);
  ({ c: applicant } = await register(t, rep!));
  ({ creditCode } = await actForEnterprise(t, applicant, rep!.id));
  item = await foodLicenceItem(t);
  clerk = (await t.staff(['window_clerk'], item.regionCode)).authorization;
  approver = (await t.staff(['approver', 'department_head'], item.regionCode)).authorization;
});
afterAll(async () => t?.close());

const asStaff = async (caseId: string, authorization: string) =>
  (await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: { authorization } })).json();

describe('a case as its readers see it', () => {
  it('labels the form by the item’s fields, shows the applicant their form in full and staff identifiers masked', async () => {
    const caseId = await submitCase(applicant, item.code, 'case-view-form-0001', foodLicenceForm(creditCode));
    const own = (await applicant.call('GET', `/api/cases/${caseId}`)).json();
    expect(own.form.safetyManagerId).toBe('11010519491231002X');
    const fields = new Map(own.formFields.map((f: { key: string; label: string; type: string }) => [f.key, f]));
    expect(fields.get('safetyManagerId')).toMatchObject({ type: 'idNumber', label: expect.stringMatching(/身份证/) });
    expect(fields.get('area')).toMatchObject({ type: 'number', label: expect.stringMatching(/面积/) });

    const staffView = await asStaff(caseId, clerk);
    expect(staffView.formFields).toEqual(own.formFields);
    expect(staffView.form.safetyManagerId).toBe('110105********002X');
    expect(staffView.form.phone).toBe('138****5678');
    expect(staffView.form).toMatchObject({ operatorName: '黔味小吃', area: 60 });
    expect(JSON.stringify(staffView)).not.toContain('11010519491231002X');
  });

  it('names each task’s stage and links the decided case to the licence it produced', async () => {
    const caseId = await submitCase(applicant, item.code, 'case-view-licence-0001', foodLicenceForm(creditCode));
    expect((await applicant.call('GET', `/api/cases/${caseId}`)).json().licenses).toEqual([]);
    await approveCase(t, caseId, clerk, approver);
    await t.app.outbox.drain();

    const decided = await asStaff(caseId, approver);
    expect(decided.status).toBe('approved');
    expect(decided.tasks.length).toBeGreaterThan(0);
    for (const task of decided.tasks) {
      expect(task.stageName).toMatch(/\p{Script=Han}/u);
      expect(task.stageName).not.toBe(task.stage);
    }
    expect(decided.licenses).toEqual([
      {
        id: expect.any(String),
        number: expect.any(String),
        typeName: '食品经营许可证',
        status: 'valid',
        validUntil: expect.any(String),
      },
    ]);
    const own = (await applicant.call('GET', `/api/cases/${caseId}`)).json();
    expect(own.licenses).toEqual(decided.licenses);
    const wallet = (await applicant.call('GET', '/api/me/licenses')).json().licenses;
    expect(wallet.map((l: { id: string }) => l.id)).toContain(own.licenses[0].id);
  });

  it('keeps the case, its form and licence from another county’s staff', async () => {
    const caseId = await submitCase(applicant, item.code, 'case-view-refused-0001', foodLicenceForm(creditCode));
    const other = (await t.staff(['window_clerk', 'approver'], item.regionCode === '520102' ? '520103' : '520102'))
      .authorization;
    const res = await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: { authorization: other } });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('黔味小吃');
  });
});
