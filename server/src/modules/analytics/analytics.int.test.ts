/**
 * The big-data centre through the API on a real database: cases and a rating flow from the outbox
 * into the store; the store rebuilt from the PostgreSQL event log equals the fed one; the public
 * sees a cell of three people withheld, a supervisor of the region sees it, others see nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { GENEROUS_LIMITS, register, registryPersons, type Client } from '../../test/people.js';
import { approveCase, formlessCountyItem, submitCase } from '../../test/cases.js';
import { sql } from 'kysely';
import { appendEvent } from '../../platform/outbox.js';
import { TEST_DATA_KEY } from '../../test/keys.js';
import { recordLicenseUse } from '../licenses/index.js';
import { DuckDbStore, rebuildStore } from './index.js';
import { approvedCase } from './analytics.test-kit.js';

let t: TestApp;
let residents: Client[];
let item: { code: string; regionCode: string };
let departmentId: string;
const caseIds: string[] = [];

beforeAll(async () => {
  t = await createTestApp({ env: GENEROUS_LIMITS });
  residents = [];
  for (const p of await registryPersons(t, 'any', 3)) residents.push((await register(t, p)).c);
  item = await formlessCountyItem(t);
  const clerk = (await t.staff(['window_clerk'], item.regionCode)).authorization;
  const approver = (await t.staff(['approver'], item.regionCode)).authorization;
  for (const [i, r] of residents.entries()) caseIds.push(await submitCase(r, item.code, `analytics-case-${i}`));
  await approveCase(t, caseIds[0]!, clerk, approver);
  await approveCase(t, caseIds[1]!, clerk, approver);
  const rated = await residents[0]!.call('POST', `/api/cases/${caseIds[0]}/rating`, { level: 5 });
  expect(rated.statusCode, rated.body).toBe(201);
  // 投诉 about case 1, answered by the county's head; a licence read in case 0 (免提交); a sharing read.
  const complaint = await residents[1]!.call('POST', '/api/complaints', {
    kind: 'complaint',
    subject: '办理进度慢',
    content: '希望加快办理。',
    caseId: caseIds[1],
  });
  expect(complaint.statusCode, complaint.body).toBe(201);
  const head = (await t.staff(['department_head'], item.regionCode)).authorization;
  const answered = await t.app.inject({
    method: 'POST',
    url: `/api/supervision/complaints/${complaint.json().id}/answer`,
    headers: { authorization: head },
    payload: { version: 1, reply: '已加快办理' },
  });
  expect(answered.statusCode, answered.body).toBeLessThan(300);
  await t.app.outbox.drain();
  departmentId = (await t.app.analytics.store.cells({ regionPrefix: item.regionCode }, 'department'))[0]!.key;
  const { rows } = await sql<{ id: string }>`SELECT id FROM licenses.license ORDER BY id LIMIT 1`.execute(t.db);
  await recordLicenseUse(
    t.db,
    { licenseId: rows[0]!.id, departmentId, staffId: null, caseId: caseIds[0]!, purpose: '免提交', at: new Date() },
    Buffer.from(TEST_DATA_KEY, 'hex'),
  );
  await appendEvent(
    t.db,
    {
      topic: 'exchange.data-shared',
      aggregateType: 'exchange.access',
      aggregateId: '9:1',
      payload: {
        lane: 9,
        seq: 1,
        consumerDepartmentId: departmentId,
        resourceCode: 'population.person',
        officerKind: 'staff',
        at: new Date().toISOString(),
      },
    },
    null,
  );
  // Since 0067 reads come one event per statement of the chain (the older event above: a rebuild reads both).
  await appendEvent(
    t.db,
    {
      topic: 'exchange.reads-shared',
      aggregateType: 'exchange.access',
      aggregateId: '9:2',
      payload: {
        reads: [
          {
            lane: 9,
            seq: 2,
            consumerDepartmentId: departmentId,
            resourceCode: 'population.person',
            officerKind: 'client',
            at: new Date().toISOString(),
          },
          {
            lane: 9,
            seq: 3,
            consumerDepartmentId: departmentId,
            resourceCode: 'population.person',
            officerKind: 'client',
            at: new Date().toISOString(),
          },
        ],
      },
    },
    null,
  );
  await t.app.outbox.drain();
});
afterAll(async () => t?.close());

const get = (url: string, authorization?: string) =>
  t.app.inject({ method: 'GET', url, ...(authorization ? { headers: { authorization } } : {}) });

describe('analytics store', () => {
  it('is fed by the outbox, and a rebuild from the event log gives the same store', async () => {
    const [cell] = await t.app.analytics.store.cells({ regionPrefix: item.regionCode }, 'total');
    expect(cell).toMatchObject({ people: 3, filed: 3, accepted: 2, completed: 2, approved: 2, ratings: 1 });
    expect(cell).toMatchObject({
      complaints: 1,
      complaintsAnswered: 1,
      complaintsOnTime: 1,
      licenseUses: 1,
      sharingReads: 3,
    });
    const fed = await t.app.analytics.store.dump();
    expect(fed.complaint_fact).toEqual([expect.objectContaining({ status: 'answered', department_id: departmentId })]);
    expect(fed.license_use).toHaveLength(1);
    expect(fed.sharing_read).toEqual(
      ['9:1', '9:2', '9:3'].map((id) => expect.objectContaining({ read_id: id, resource_code: 'population.person' })),
    );
    expect(fed.case_step!.length).toBeGreaterThan(6);
    expect(fed.task_fact!.length).toBeGreaterThanOrEqual(2);

    const fresh = await DuckDbStore.open(':memory:');
    try {
      const seen: number[] = [];
      const progress = await rebuildStore({ ...t.app.analytics, store: fresh }, t.db, (p) => seen.push(p.done), 7);
      expect(progress.done).toBe(progress.total);
      expect(seen.length).toBeGreaterThan(1);
      expect(await fresh.dump()).toEqual(fed);
      expect(await fresh.watermark()).toBe(await t.app.analytics.store.watermark());
    } finally {
      await fresh.close();
    }
  });
});

describe('GET /api/analytics/indicators', () => {
  it('withholds a cell of three people from the public', async () => {
    const res = await get(`/api/analytics/indicators?region=${item.regionCode}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ view: 'public', minCell: 10, region: { code: item.regionCode } });
    expect(body.cells).toEqual([
      expect.objectContaining({ suppressed: true, people: null, filed: null, accepted: null }),
    ]);
    expect(res.body).not.toMatch(/person|applicant/i);
  });

  it('shows the same cell in full to a supervisor of the region, by department', async () => {
    const supervisor = await t.staff(['supervisor'], item.regionCode);
    const res = await get(`/api/analytics/indicators?by=department`, supervisor.authorization);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ view: 'staff', region: { code: item.regionCode } });
    const [cell] = res.json().cells;
    expect(cell).toMatchObject({ suppressed: false, people: 3, filed: 3, completed: 2, onTimePromisedRate: 1 });
    expect(cell).toMatchObject({
      complaints: 1,
      complaintsPer10k: 3333.33,
      complaintsOnTimeRate: 1,
      licenseUses: 1,
      sharingReads: 3,
    });
    expect(cell.label).not.toMatch(/^[0-9a-f-]{36}$/);
    // Named in English as the catalogue names it (the place, then the kind of department).
    expect(cell.labelEn).toMatch(/^[A-Z][A-Za-z ,'-]+$/);
    const regions = (await get(`/api/analytics/indicators?by=region&region=${item.regionCode.slice(0, 4)}`)).json();
    expect(regions.cells.map((c: { key: string }) => c.key)).toEqual([item.regionCode]);
    expect(regions.cells[0].labelEn).toMatch(/ (District|County|City)$/);
  });

  it('keeps staff to their scope', async () => {
    const elsewhere = await t.staff(['supervisor'], item.regionCode === '520103' ? '520102' : '520103');
    const refused = await get(`/api/analytics/indicators?region=${item.regionCode}`, elsewhere.authorization);
    expect(refused.statusCode, refused.body).toBe(403);
    expect(refused.json().code).toBe('ANALYTICS.OUT_OF_SCOPE');
    const headOfNone = await t.staff(['department_head'], item.regionCode, []);
    const none = await get(`/api/analytics/indicators`, headOfNone.authorization);
    expect(none.statusCode, none.body).toBe(200);
    expect(none.json().cells).toEqual([]);
  });

  it('refuses a malformed region', async () => {
    const res = await get(`/api/analytics/indicators?region=52abc`);
    expect(res.statusCode).toBe(400);
  });
});

describe('GET /api/analytics/bottlenecks', () => {
  it('shows staff the dwell of each step and the directly-follows graph; not the public', async () => {
    const supervisor = await t.staff(['supervisor'], item.regionCode);
    const res = await get(`/api/analytics/bottlenecks?item=${item.code}`, supervisor.authorization);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.cases).toBe(3);
    expect(body.steps[0]).toMatchObject({ tasks: 2, open: 0 });
    expect(body.steps[0].department).not.toBe('');
    expect(body.follows).toContainEqual({ from: 'submitted', to: 'accepted', count: 2 });
    expect(body.supplementRounds).toEqual([{ rounds: 0, cases: 3 }]);
    expect((await get(`/api/analytics/bottlenecks?item=${item.code}`)).statusCode).toBe(403);
  });
});

describe('secondary suppression through the API', () => {
  // Hand-built store rows in 522631 (no case of the other tests there): departments of 3, 12 and 30 people.
  it('does not let by=total minus the published departments reveal a department of 3', async () => {
    const region = '522631';
    const record = (department: string, n: number) => ({
      record: approvedCase({
        caseId: `supp-${department}-${n}`,
        itemCode: 'SUPP1',
        itemName: '补充抑制测试事项',
        regionCode: region,
        departmentId: `dept-${department}`,
        departmentName: `部门${department}`,
        personKey: `supp-person-${department}-${n}`,
      }),
      steps: [],
      tasks: [],
    });
    const sizes = { A: 3, B: 12, C: 30 };
    const cases = Object.entries(sizes).flatMap(([d, size]) => Array.from({ length: size }, (_, i) => record(d, i)));
    await t.app.analytics.store.apply({ cases, ratings: [], watermark: 0 });

    const total = (await get(`/api/analytics/indicators?region=${region}&by=total`)).json().cells[0];
    const res = await get(`/api/analytics/indicators?region=${region}&by=department`);
    expect(res.statusCode, res.body).toBe(200);
    const cells = res.json().cells as { label: string; suppressed: boolean; filed: number | null }[];
    expect(total.filed).toBe(45);
    expect(cells.map((c) => [c.label, c.suppressed, c.filed])).toEqual([
      ['部门A', true, null],
      ['部门B', true, null],
      ['部门C', false, 30],
    ]);
    expect(total.filed - 30).not.toBe(3);
  });
});
