/**
 * 等待 and 并联等待 of a case's tasks, counted by hand on the real calendar: a review, then a stage of
 * two parallel tasks in two departments, one finished on a Friday and one the next Wednesday; then
 * the same through DuckDB in memory as an item's 堵点.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../../../platform/calendar/working-calendar.js';
import type { CaseAnalyticsFacts } from '../../cases/index.js';
import { DuckDbStore } from '../store/duckdb-store.js';
import { caseRecord } from './case-record.js';

const at = (day: string) => new Date(`${day}T10:00:00+08:00`);
const D1 = '00000000-0000-4000-8000-000000000001';
const D2 = '00000000-0000-4000-8000-000000000002';

const task = (id: string, stageIndex: number, name: string, departmentId: string, opened: string, done: string) => ({
  id,
  caseId: 'c1',
  stageIndex,
  name,
  departmentId,
  status: 'approved' as const,
  openedOn: opened,
  completedAt: at(done),
  limitDays: 5,
});

// Mon 2 Nov 2026 accepted; 审查 (D1) claimed Tue, done Wed 4; then in parallel 现场核查 (D1) claimed
// Thu 5, done Fri 6, and 消防审查 (D2) claimed Mon 9, done Wed 11 — the stage ends on the 11th.
const facts: CaseAnalyticsFacts = {
  id: 'c1',
  itemCode: 'ITEM1',
  itemName: '食品经营许可',
  itemType: '01',
  regionCode: '520102',
  departmentId: D1,
  channel: 'online',
  status: 'approved' as CaseAnalyticsFacts['status'],
  applicantPersonId: 'p1',
  promisedDays: 10,
  submittedAt: at('2026-11-01'),
  acceptedOn: '2026-11-02',
  decidedAt: at('2026-11-11'),
  materialsSaved: 0,
  visitsSaved: 0,
  events: [
    ['submitted', '2026-11-01', null],
    ['accepted', '2026-11-02', null],
    ['task-claimed', '2026-11-03', 't1'],
    ['task-approved', '2026-11-04', 't1'],
    ['task-claimed', '2026-11-05', 't2'],
    ['task-claimed', '2026-11-09', 't3'],
    ['task-approved', '2026-11-06', 't2'],
    ['task-approved', '2026-11-11', 't3'],
    ['approved', '2026-11-11', null],
  ].map(([type, day, taskId], i) => ({ id: i + 1, caseId: 'c1', type: type!, at: at(day!), taskId: taskId ?? null })),
  pauses: [],
  tasks: [
    task('t1', 0, '审查', D1, '2026-11-02', '2026-11-04'),
    task('t2', 1, '现场核查', D1, '2026-11-04', '2026-11-06'),
    task('t3', 1, '消防审查', D2, '2026-11-04', '2026-11-11'),
  ],
};
const terms = { legalDays: 20, immediate: false, visits: 0, departmentName: '市场监管局' };
const built = caseRecord(facts, terms, new WorkingCalendar(), (p) => `k-${p}`);

describe('等待 and 并联等待 of tasks', () => {
  it('counts the wait for a claim and for a parallel sibling in working days', () => {
    const byId = new Map(built.tasks.map((t) => [t.taskId, t]));
    // (2 Nov, 3 Nov]: 1 working day before the claim; not in a parallel stage.
    expect(byId.get('t1')).toMatchObject({
      workingDays: 2,
      waitingDays: 1,
      parallelWaitDays: null,
      parallelHeldDays: null,
    });
    // Done Fri 6: waited Mon 9, Tue 10, Wed 11 for 消防审查.
    expect(byId.get('t2')).toMatchObject({ workingDays: 2, waitingDays: 1, parallelWaitDays: 3, parallelHeldDays: 0 });
    // Claimed after Thu 5, Fri 6, Mon 9; the stage's last, it held 现场核查 up 3 working days.
    expect(byId.get('t3')).toMatchObject({ workingDays: 5, waitingDays: 3, parallelWaitDays: 0, parallelHeldDays: 3 });
  });

  describe('as an item’s 堵点', () => {
    let store: DuckDbStore;
    beforeAll(async () => {
      store = await DuckDbStore.open(':memory:');
      await store.apply({ cases: [built], ratings: [], watermark: 1 });
    });
    afterAll(async () => {
      await store.close();
    });

    it('names the department the parallel step waited for, and the waits for a claim', async () => {
      const b = await store.bottlenecks({ itemCode: 'ITEM1' });
      expect(b.parallel).toEqual([
        { departmentId: D2, tasks: 1, heldOthers: 1, avgHeldDays: 3, avgWaitedDays: 0 },
        { departmentId: D1, tasks: 1, heldOthers: 0, avgHeldDays: null, avgWaitedDays: 3 },
      ]);
      expect(b.steps.map((s) => [s.name, s.avgWaitingDays])).toEqual(
        expect.arrayContaining([
          ['审查', 1],
          ['现场核查', 1],
          ['消防审查', 3],
        ]),
      );
    });
  });
});
