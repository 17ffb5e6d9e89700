/**
 * The documents a case produces, as a reader sees them: rendered by poppler and MuPDF with no font
 * error, the title inked where it belongs, the kind and number following the item's type.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { GENEROUS_LIMITS, register, registryPersons, type Client } from '../../test/people.js';
import { approveCase, submitCase } from '../../test/cases.js';
import { pdfSignatures, renderPdf } from '../../test/render-pdf.js';
import { TITLE_BOX } from '../../platform/documents/index.js';

let t: TestApp;
let applicant: Client;

/** A published county item of the given 事项类型 without an application form. */
async function countyItem(
  type: string,
  basicCode?: string,
): Promise<{ code: string; regionCode: string; departmentId: string }> {
  const row = await sql<{ code: string; regionCode: string; departmentId: string }>`
    SELECT i.code, i.region_code, i.department_id FROM catalog.item i
    JOIN catalog.item_version v ON v.item_id = i.id AND v.version = i.published_version
    JOIN catalog.search_doc s ON s.item_id = i.id
    WHERE length(i.region_code) = 6 AND s.item_type = ${type} AND jsonb_array_length(COALESCE(v.guide->'form', '[]'::jsonb)) = 0
      AND (${basicCode ?? null}::text IS NULL OR i.basic_code = ${basicCode ?? null})
    ORDER BY i.code LIMIT 1`.execute(t.db);
  return row.rows[0]!;
}

const decisionPdf = async (caseId: string) => {
  const res = await applicant.call('GET', `/api/cases/${caseId}/decision.pdf`);
  expect(res.statusCode, res.body).toBe(200);
  return res.rawPayload;
};
const decisionNo = async (caseId: string) =>
  (await sql<{ n: string }>`SELECT decision_no AS n FROM cases."case" WHERE id = ${caseId}`.execute(t.db)).rows[0]!.n;

/** Opens everywhere: no complaint from poppler or MuPDF, fonts embedded, the title readable and inked. */
async function expectReadable(pdf: Uint8Array, title: string, name: string) {
  const r = await renderPdf(pdf, { name });
  expect(r.errors).toEqual([]);
  expect(r.fonts.every((f) => f.embedded)).toBe(true);
  expect(r.text).toContain(title);
  const ink = r.ink(TITLE_BOX);
  expect(ink.poppler).toBeGreaterThan(0.05);
  expect(ink.mupdf).toBeGreaterThan(0.05);
  expect(pdf.byteLength).toBeLessThan(150_000);
  return r;
}

beforeAll(async () => {
  t = await createTestApp({ env: GENEROUS_LIMITS });
  const [p] = await registryPersons(t, 'any', 1);
  ({ c: applicant } = await register(t, p!));
});
afterAll(async () => t?.close());

describe('decision documents follow the item type', { timeout: 60_000 }, () => {
  it('a public service (老年人优待证) gets a 办结通知书 numbered 办〔…〕, never a licence', async () => {
    // Decided through its stage: 秒批 needs complete materials at submission, and this item's photo
    // is uploaded after the case is created (the cases tests cover 秒批 itself).
    const item = await countyItem('20', '201070015000');
    const clerk = (await t.staff(['window_clerk'], item.regionCode)).authorization;
    const head = (await t.staff(['department_head'], item.regionCode)).authorization;
    const caseId = await submitCase(applicant, item.code, 'doc-kind-public-1', {});
    await approveCase(t, caseId, clerk, head);
    expect((await applicant.call('GET', `/api/cases/${caseId}`)).json()).toMatchObject({ status: 'approved' });

    const number = await decisionNo(caseId);
    expect(number).toMatch(/^办〔\d{4}〕\d{6}号$/);
    const r = await expectReadable(await decisionPdf(caseId), '办结通知书', 'decision-public-service');
    expect(r.text).toContain(number);
    expect(r.text).not.toContain('许可');
  });

  it('numbers a department’s decisions one after another, past six digits without cutting them', async () => {
    const item = await countyItem('01');
    const clerk = (await t.staff(['window_clerk'], item.regionCode)).authorization;
    const head = (await t.staff(['department_head'], item.regionCode)).authorization;
    const year = Number(
      (await sql<{ y: string }>`SELECT to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY') AS y`.execute(t.db)).rows[0]!
        .y,
    );
    const before = (
      await sql<{
        last: number;
      }>`SELECT last FROM cases.decision_seq WHERE department_id = ${item.departmentId} AND year = ${year}`.execute(
        t.db,
      )
    ).rows[0]?.last;
    await sql`INSERT INTO cases.decision_seq (department_id, year, last) VALUES (${item.departmentId}, ${year}, 999998)
      ON CONFLICT (department_id, year) DO UPDATE SET last = 999998`.execute(t.db);
    const numbers = [];
    for (const key of ['doc-number-1', 'doc-number-2']) {
      const caseId = await submitCase(applicant, item.code, key);
      await approveCase(t, caseId, clerk, head);
      numbers.push(await decisionNo(caseId));
    }
    expect(numbers).toEqual([`许〔${year}〕999999号`, `许〔${year}〕1000000号`]);
    // The other tests of the department go on from where they were.
    await sql`UPDATE cases.decision_seq SET last = ${before ?? 0} WHERE department_id = ${item.departmentId} AND year = ${year}`.execute(
      t.db,
    );
  });

  it('a 行政许可 approved through its stages gets a 准予行政许可决定书 numbered 许〔…〕', async () => {
    const item = await countyItem('01');
    const clerk = (await t.staff(['window_clerk'], item.regionCode)).authorization;
    const head = (await t.staff(['department_head'], item.regionCode)).authorization;
    const caseId = await submitCase(applicant, item.code, 'doc-kind-licence-1');
    await approveCase(t, caseId, clerk, head);
    const number = await decisionNo(caseId);
    expect(number).toMatch(/^许〔\d{4}〕\d{6}号$/);
    const pdf = await decisionPdf(caseId);
    const r = await expectReadable(pdf, '准予行政许可决定书', 'decision-licence-granted');
    expect(r.text).toContain(number);

    // 电子印章: signed by the deciding department (PAdES), valid as issued, broken by any change.
    const department = (
      await sql<{ name: string }>`SELECT name FROM catalog.department WHERE id = ${item.departmentId}`.execute(t.db)
    ).rows[0]!.name;
    const [signature, ...more] = await pdfSignatures(pdf);
    expect(more).toEqual([]);
    expect(signature).toMatchObject({
      signer: department,
      type: 'ETSI.CAdES.detached',
      validation: 'Signature is Valid.',
      wholeDocument: true,
    });
    const changed = Buffer.from(pdf);
    // A byte of the header's binary comment: inside the first signed range, harmless to parsing.
    changed[10] = changed[10]! ^ 0x01;
    const [broken] = await pdfSignatures(changed);
    expect(broken!.validation).not.toBe('Signature is Valid.');
    expect(broken!.validation).toMatch(/Invalid|mismatch/i);

    // The key is the department's, kept encrypted, and the same for its next document.
    const seals = await sql<{
      n: number;
      enc: string;
    }>`SELECT count(*)::int AS n, min(private_key_enc) AS enc FROM platform.document_seal WHERE department_id = ${item.departmentId}`.execute(
      t.db,
    );
    expect(seals.rows[0]!.n).toBe(1);
    expect(seals.rows[0]!.enc).not.toContain('PRIVATE KEY');
    const again = await pdfSignatures(await decisionPdf(caseId));
    expect(again[0]!.validation).toBe('Signature is Valid.');
  });

  it('不予受理 and 不予许可 render too, with the rights of appeal', async () => {
    const item = await countyItem('01');
    const clerk = (await t.staff(['window_clerk'], item.regionCode)).authorization;
    const head = (await t.staff(['department_head'], item.regionCode)).authorization;

    const rejected = await submitCase(applicant, item.code, 'doc-kind-reject-1');
    const no = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${rejected}/reject`,
      headers: { authorization: clerk },
      payload: {
        legalBasis: '《中华人民共和国行政许可法》第三十二条',
        explanation: '申请事项依法不属于本机关职权范围',
      },
    });
    expect(no.statusCode, no.body).toBe(204);
    const r1 = await expectReadable(await decisionPdf(rejected), '不予受理决定书', 'decision-not-accepted');
    expect(r1.text).toContain('行政复议');

    const refused = await submitCase(applicant, item.code, 'doc-kind-refuse-1');
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/cases/${refused}/accept`,
          headers: { authorization: clerk },
          payload: {},
        })
      ).statusCode,
    ).toBe(204);
    const task = (
      await t.app.inject({ method: 'GET', url: `/api/cases/${refused}`, headers: { authorization: clerk } })
    )
      .json()
      .tasks.find((k: { status: string }) => k.status === 'open');
    const r = await t.app.inject({
      method: 'POST',
      url: `/api/tasks/${task.id}/refuse`,
      headers: { authorization: head },
      payload: {
        version: task.version,
        opinion: '经营场所不符合要求',
        legalBasis: '《中华人民共和国行政许可法》第三十八条',
      },
    });
    expect(r.statusCode, r.body).toBe(204);
    const r2 = await expectReadable(await decisionPdf(refused), '不予行政许可决定书', 'decision-licence-refused');
    expect(r2.text).toContain('行政诉讼');
  });
});

describe('受理通知书', { timeout: 60_000 }, () => {
  it('the window prints a sealed receipt once accepted: tracking code, item, masked applicant, department, dates; strangers get 404', async () => {
    const item = await countyItem('01');
    const clerk = (await t.staff(['window_clerk'], item.regionCode)).authorization;
    const caseId = await submitCase(applicant, item.code, 'receipt-1');
    const receipt = (authorization: string) =>
      t.app.inject({ method: 'GET', url: `/api/cases/${caseId}/acceptance-receipt.pdf`, headers: { authorization } });

    const early = await receipt(clerk);
    expect(early.statusCode).toBe(409);
    expect(early.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(early.json().code).toBe('CASES.NOT_ACCEPTED_YET');

    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/cases/${caseId}/accept`,
          headers: { authorization: clerk },
          payload: {},
        })
      ).statusCode,
    ).toBe(204);
    const res = await receipt(clerk);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const c = (
      await sql<{
        trackingCode: string;
        itemName: string;
        applicantName: string;
        dueOn: string | null;
        promisedDays: number;
      }>`
      SELECT tracking_code, item_name, applicant_name, due_on::text, promised_days FROM cases."case" WHERE id = ${caseId}`.execute(
        t.db,
      )
    ).rows[0]!;
    const r = await expectReadable(res.rawPayload, '受理通知书', 'acceptance-receipt');
    const text = r.text.replace(/\s+/g, '');
    expect(text).toContain(c.trackingCode);
    expect(text).toContain(c.itemName.replace(/\s+/g, ''));
    expect(text).not.toContain(c.applicantName);
    expect(text).toContain(`${[...c.applicantName][0]}*`);
    if (c.dueOn) {
      const [y, m, d] = c.dueOn.split('-').map(Number);
      expect(text).toContain(`${y}年${m}月${d}日`);
    }
    expect((await pdfSignatures(res.rawPayload))[0]).toMatchObject({
      validation: 'Signature is Valid.',
      type: 'ETSI.CAdES.detached',
    });

    // The applicant may print it too; a clerk of another county may not see it.
    expect((await applicant.call('GET', `/api/cases/${caseId}/acceptance-receipt.pdf`)).statusCode).toBe(200);
    const stranger = (await t.staff(['window_clerk'], item.regionCode === '520102' ? '520103' : '520102'))
      .authorization;
    expect((await receipt(stranger)).statusCode).toBe(404);
  });
});
