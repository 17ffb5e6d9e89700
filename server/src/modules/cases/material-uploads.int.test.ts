/**
 * An upload is written in one statement guarded by what the request read (the case's status and
 * the entry that stood); requests that meet at the same moment still leave one current entry per
 * material with the others kept as history, one event per upload, and no upload after acceptance.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { GENEROUS_LIMITS, register, registryPersons, type Client } from '../../test/people.js';
import { acceptCase, completeMaterials, formlessCountyItem, tinyPdf } from '../../test/cases.js';

let t: TestApp;
let applicant: Client;
let item: { code: string; regionCode: string };

beforeAll(async () => {
  t = await createTestApp({ env: GENEROUS_LIMITS });
  const [person] = await registryPersons(t, 'any', 1);
  ({ c: applicant } = await register(t, person!));
  item = await formlessCountyItem(t);
});
afterAll(async () => t?.close());

const pdf = (n: number) => Buffer.concat([tinyPdf(), Buffer.from(`%${n}\n`)]);
const upload = (caseId: string, index: number, bytes: Buffer) =>
  applicant.call('PUT', `/api/cases/${caseId}/materials/${index}`, bytes, {
    headers: { 'content-type': 'application/pdf' },
  });

async function apply(key: string): Promise<string> {
  const res = await applicant.call(
    'POST',
    '/api/cases',
    { itemCode: item.code, form: { remarks: '新办' } },
    { headers: { 'idempotency-key': key } },
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json().caseId;
}

describe('uploads at the same moment', () => {
  it('keeps one current entry per material, the rest as history, with one event per upload', async () => {
    const caseId = await apply('uploads-meet-01');
    const results = await Promise.all([1, 2, 3, 4].map((n) => upload(caseId, 0, pdf(n))));
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201, 201]);
    const entries = await sql<{ id: string; current: boolean }>`
      SELECT id, superseded_at IS NULL AS current FROM cases.material WHERE case_id = ${caseId} AND material_index = 0`.execute(
      t.db,
    );
    expect(entries.rows).toHaveLength(4);
    expect(entries.rows.filter((e) => e.current)).toHaveLength(1);
    expect(results.map((r) => r.json().materialId).sort()).toEqual(entries.rows.map((e) => e.id).sort());
    const events = await sql<{ replaced: string | null }>`
      SELECT detail->>'replaced' AS replaced FROM cases.event WHERE case_id = ${caseId} AND type = 'material-added'`.execute(
      t.db,
    );
    // The first found nothing standing; each later one replaced an upload.
    expect(events.rows.map((e) => e.replaced ?? 'nothing').sort()).toEqual(['nothing', 'upload', 'upload', 'upload']);
  });

  it('refuses an upload once the case is accepted, and writes nothing', async () => {
    const caseId = await apply('uploads-meet-02');
    await completeMaterials(applicant, caseId);
    await acceptCase(t, caseId, (await t.staff(['window_clerk'], item.regionCode)).authorization);
    const late = await upload(caseId, 0, pdf(9));
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('CASES.MATERIALS_CLOSED');
    const added = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM cases.material WHERE case_id = ${caseId} AND material_index = 0`.execute(t.db);
    expect(added.rows[0]!.n).toBe(1);
  });
});
