/**
 * 流程挖掘 through the API on a hand-built event log: thirteen cases of one item, three of which
 * loop through 补正 twice. The graph, its medians and the heat map below were computed by hand.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { formlessCountyItem } from '../../../test/cases.js';
import type { ProcessEdge } from '../../../../../contracts/analytics-process.js';
import type { StepRecord, StoreChange, TaskRecord } from '../store/analytics-store.js';
import { approvedCase } from '../analytics.test-kit.js';

let t: TestApp;
let item: { code: string; regionCode: string };
let departmentId: string;

/** Epoch ms of a Beijing wall-clock time. */
const at = (day: string, hm: string) => Date.parse(`${day}T${hm}:00+08:00`);

function handBuiltCase(i: number, log: [string, number][], task: { opened: string; done: string; days: number }) {
  const caseId = `dfg-${i}`;
  const record = approvedCase({
    caseId,
    itemCode: item.code,
    itemName: '手工事项',
    regionCode: item.regionCode,
    departmentId,
    departmentName: '手工部门',
    personKey: `person-${i}`,
    filedOn: task.opened,
    acceptedOn: task.opened,
    decidedOn: task.done,
    periodDay: task.opened,
    workingDays: task.days,
    legalDays: 20,
    materialsSaved: 0,
    visitsSaved: 0,
  });
  const steps: StepRecord[] = log.map(([type, atMs], seq) => ({
    caseId,
    seq,
    eventId: i * 100 + seq,
    type,
    atMs,
    itemCode: item.code,
  }));
  const tasks: TaskRecord[] = [
    {
      caseId,
      taskId: `${caseId}-task`,
      itemCode: item.code,
      name: '审查',
      departmentId,
      openedOn: task.opened,
      completedOn: task.done,
      workingDays: task.days,
      limitDays: 5,
      status: 'approved',
      waitingDays: null,
      parallelWaitDays: null,
      parallelHeldDays: null,
    },
  ];
  return { record, steps, tasks };
}

beforeAll(async () => {
  t = await createTestApp();
  item = await formlessCountyItem(t);
  departmentId = (
    await sql<{ departmentId: string }>`SELECT department_id FROM catalog.item WHERE code = ${item.code}`.execute(t.db)
  ).rows[0]!.departmentId;
  const cases: StoreChange['cases'] = [];
  // Ten cases straight through, in March: approved on Wednesday (five) or Thursday (five); an opinion in between is no step.
  for (let i = 0; i < 10; i++) {
    const done = i < 5 ? '2026-03-04' : '2026-03-05';
    cases.push(
      handBuiltCase(
        i,
        [
          ['submitted', at('2026-03-02', '09:00')],
          ['accepted', at('2026-03-02', '11:00')],
          ['stage-opened', at('2026-03-02', '11:00')],
          ['opinion', at('2026-03-03', '09:00')],
          ['task-approved', at(done, '10:00')],
          ['approved', at(done, '10:00')],
        ],
        { opened: '2026-03-02', done, days: i < 5 ? 2 : 3 },
      ),
    );
  }
  // Three cases in April asked twice for 补正 before acceptance: supplemented → supplement-requested is the loop back.
  for (let i = 10; i < 13; i++)
    cases.push(
      handBuiltCase(
        i,
        [
          ['submitted', at('2026-04-13', '09:00')],
          ['supplement-requested', at('2026-04-13', '10:00')],
          ['supplemented', at('2026-04-16', '10:00')],
          ['supplement-requested', at('2026-04-16', '15:00')],
          ['supplemented', at('2026-04-20', '10:00')],
          ['accepted', at('2026-04-20', '11:00')],
          ['stage-opened', at('2026-04-20', '11:00')],
          ['task-approved', at('2026-04-21', '10:00')],
          ['approved', at('2026-04-21', '10:00')],
        ],
        { opened: '2026-04-20', done: '2026-04-21', days: 1 },
      ),
    );
  await t.app.analytics.store.apply({ cases, ratings: [], watermark: 0 });
});
afterAll(async () => t?.close());

const get = (url: string, authorization?: string) =>
  t.app.inject({ method: 'GET', url, ...(authorization ? { headers: { authorization } } : {}) });

type Edge = ProcessEdge;
const edge = (body: { edges: Edge[] }, from: string, to: string) =>
  body.edges.find((e) => e.from === from && e.to === to);

describe('GET /api/analytics/process', () => {
  it('draws staff the real process against the defined one, with the 补正 loop marked', async () => {
    const supervisor = await t.staff(['supervisor'], item.regionCode);
    const res = await get(`/api/analytics/process?item=${item.code}`, supervisor.authorization);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ view: 'staff', cases: 13, item: { code: item.code } });
    expect(body.item.name).not.toBe(item.code);
    const shape = (from: string, to: string) => {
      const e = edge(body, from, to);
      return e && [e.count, e.medianHours, e.medianWorkingDays, e.defined];
    };
    expect(shape('submitted', 'accepted')).toEqual([10, 2, 0, true]);
    expect(shape('accepted', 'stage-opened')).toEqual([13, 0, 0, true]);
    // 23 h (1 day) ×3, 47 h (2) ×5, 71 h (3) ×5: the seventh of thirteen.
    expect(shape('stage-opened', 'task-approved')).toEqual([13, 47, 2, true]);
    expect(shape('task-approved', 'approved')).toEqual([13, 0, 0, true]);
    expect(shape('submitted', 'supplement-requested')).toEqual([3, 1, 0, false]);
    // Monday → Thursday 72 h (3 working days) ×3, Thursday → Monday 91 h (2) ×3: the lower middle.
    expect(shape('supplement-requested', 'supplemented')).toEqual([6, 72, 2, false]);
    expect(shape('supplemented', 'supplement-requested')).toEqual([3, 5, 0, false]);
    expect(shape('supplemented', 'accepted')).toEqual([3, 1, 0, false]);
    expect(body.edges).toHaveLength(8);
    expect(body.edges.some((e: Edge) => e.from === 'opinion' || e.to === 'opinion')).toBe(false);
    expect(body.defined).toContainEqual({ from: 'submitted', to: 'accepted' });
    expect(body.heat).toEqual([
      expect.objectContaining({ step: '审查', month: '2026-03', tasks: 10, avgWorkingDays: 2.5, suppressed: false }),
      expect.objectContaining({ step: '审查', month: '2026-04', tasks: 3, avgWorkingDays: 1, suppressed: false }),
    ]);
    expect(body.heat[0].department).not.toMatch(/^[0-9a-f-]{36}$|^$/);
    // Named in English too: the step by the terms of procedure, the department by its kind and place.
    expect(body.heat[0].stepEn).toBe('Review');
    expect(body.heat[0].departmentEn).toMatch(/^[A-Z][A-Za-z' -]+$/);
  });

  it('withholds from the public every edge and cell of fewer than ten people', async () => {
    const res = await get(`/api/analytics/process?item=${item.code}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ view: 'public', cases: 13, minCell: 10 });
    expect(edge(body, 'submitted', 'accepted')).toMatchObject({ count: 10, suppressed: false });
    expect(edge(body, 'supplemented', 'supplement-requested')).toEqual({
      from: 'supplemented',
      to: 'supplement-requested',
      defined: false,
      suppressed: true,
      count: null,
      medianHours: null,
      medianWorkingDays: null,
    });
    expect(body.heat[1]).toMatchObject({ month: '2026-04', suppressed: true, tasks: null, avgWorkingDays: null });
    expect(res.body).not.toMatch(/person-/);
  });

  it('keeps staff to their scope and refuses a malformed item', async () => {
    const elsewhere = await t.staff(['supervisor'], item.regionCode === '520103' ? '520102' : '520103');
    const refused = await get(
      `/api/analytics/process?item=${item.code}&region=${item.regionCode}`,
      elsewhere.authorization,
    );
    expect(refused.statusCode, refused.body).toBe(403);
    expect(refused.json().code).toBe('ANALYTICS.OUT_OF_SCOPE');
    expect((await get('/api/analytics/process?item=no%20such')).statusCode).toBe(400);
  });
});

describe('GET /api/analytics/region-tiles', () => {
  it("places the province's prefectures on the tile map with both names", async () => {
    const res = await get('/api/analytics/region-tiles');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.region).toEqual({ code: '52', name: '贵州省', nameEn: 'Guizhou Province' });
    expect(body.tiles).toContainEqual({
      code: '5201',
      name: '贵阳市',
      nameEn: 'Guiyang',
      short: '贵阳',
      shortEn: 'Guiyang',
      x: 2,
      y: 1,
    });
    expect((await get('/api/analytics/region-tiles?region=99')).statusCode).toBe(404);
  });
});
