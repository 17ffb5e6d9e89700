/**
 * Indicators from a hand-built event log, counted by hand: five cases (one suspended for a hearing
 * over 中秋 and 国庆, one asked for 补正, one refused, one not accepted, one still open) and two
 * ratings, through the real record rule, the real calendar and DuckDB in memory.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../../../platform/calendar/working-calendar.js';
import type { CaseAnalyticsFacts } from '../../cases/index.js';
import { caseRecord, type ItemTerms } from '../feed/case-record.js';
import { DuckDbStore } from '../store/duckdb-store.js';
import type { RatingRecord } from '../store/analytics-store.js';
import { cellOf } from './indicators.service.js';

const calendar = new WorkingCalendar();
const at = (day: string, hour = 10) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);
const D1 = '00000000-0000-4000-8000-000000000001';
const D2 = '00000000-0000-4000-8000-000000000002';

let eventId = 0;
function aCase(
  id: string,
  o: {
    person: string;
    department: string;
    channel: 'online' | 'window';
    status: string;
    filed: string;
    accepted?: string;
    decided?: string;
    steps: [string, string][];
    pauses?: { startedOn: string; endedOn: string | null }[];
    saved?: [number, number];
  },
): CaseAnalyticsFacts {
  return {
    id,
    itemCode: 'ITEM1',
    itemName: '食品经营许可',
    itemType: '01',
    regionCode: '520102',
    departmentId: o.department,
    channel: o.channel,
    status: o.status as CaseAnalyticsFacts['status'],
    applicantPersonId: o.person,
    promisedDays: 5,
    submittedAt: at(o.filed),
    acceptedOn: o.accepted ?? null,
    decidedAt: o.decided ? at(o.decided) : null,
    materialsSaved: o.saved?.[0] ?? 0,
    visitsSaved: o.saved?.[1] ?? 0,
    events: o.steps.map(([type, day]) => ({ id: ++eventId, caseId: id, type, at: at(day), taskId: null })),
    pauses: (o.pauses ?? []).map((p) => ({ caseId: id, kind: 'hearing' as const, ...p })),
    tasks: [],
  };
}

const terms = (t: Partial<ItemTerms> = {}): ItemTerms => ({
  legalDays: 20,
  immediate: false,
  visits: 0,
  departmentName: '市场监管局',
  ...t,
});

const CASES: [CaseAnalyticsFacts, ItemTerms][] = [
  // Accepted Tue Sep 22 and suspended that day for a hearing until Fri Oct 9, decided Mon Oct 12:
  // working days in (Sep 22, Oct 12] = 9 (23, 24, 28, 29, 30, Oct 8, 9, Sat 10 调休, 12; 中秋 25–27
  // and 国庆 1–7 off), of which paused (Sep 22, Oct 9] = 7 → 2 working days.
  [
    aCase('a', {
      person: 'p1',
      department: D1,
      channel: 'online',
      status: 'approved',
      filed: '2026-09-21',
      accepted: '2026-09-22',
      decided: '2026-10-12',
      steps: [
        ['submitted', '2026-09-21'],
        ['accepted', '2026-09-22'],
        ['suspended', '2026-09-22'],
        ['resumed', '2026-10-09'],
        ['approved', '2026-10-12'],
      ],
      pauses: [{ startedOn: '2026-09-22', endedOn: '2026-10-09' }],
      saved: [2, 1],
    }),
    terms(),
  ],
  // 补正 once, accepted Mon Sep 21, decided Wed Sep 30: 22, 23, 24, 28, 29, 30 = 6 > 5 promised.
  [
    aCase('b', {
      person: 'p1',
      department: D1,
      channel: 'window',
      status: 'approved',
      filed: '2026-09-18',
      accepted: '2026-09-21',
      decided: '2026-09-30',
      steps: [
        ['submitted', '2026-09-18'],
        ['supplement-requested', '2026-09-18'],
        ['supplemented', '2026-09-21'],
        ['accepted', '2026-09-21'],
        ['approved', '2026-09-30'],
      ],
    }),
    terms({ immediate: true, visits: 1 }),
  ],
  // Refused after one working day.
  [
    aCase('c', {
      person: 'p2',
      department: D2,
      channel: 'online',
      status: 'refused',
      filed: '2026-09-23',
      accepted: '2026-09-23',
      decided: '2026-09-24',
      steps: [
        ['submitted', '2026-09-23'],
        ['accepted', '2026-09-23'],
        ['refused', '2026-09-24'],
      ],
    }),
    terms({ departmentName: '卫健局' }),
  ],
  [
    aCase('d', {
      person: 'p3',
      department: D2,
      channel: 'window',
      status: 'not_accepted',
      filed: '2026-09-22',
      decided: '2026-09-22',
      steps: [
        ['submitted', '2026-09-22'],
        ['not-accepted', '2026-09-22'],
      ],
    }),
    terms({ departmentName: '卫健局' }),
  ],
  [
    aCase('e', {
      person: 'p4',
      department: D2,
      channel: 'online',
      status: 'in_progress',
      filed: '2026-09-28',
      accepted: '2026-09-28',
      steps: [
        ['submitted', '2026-09-28'],
        ['accepted', '2026-09-28'],
      ],
    }),
    terms({ visits: 1, departmentName: '卫健局' }),
  ],
];

const rating = (id: string, caseId: string, level: number, person: string, department: string): RatingRecord => ({
  ratingId: id,
  caseId,
  itemCode: 'ITEM1',
  regionCode: '520102',
  departmentId: department,
  channel: 'pc',
  level,
  status: 'valid',
  ratedOn: '2026-10-12',
  personKey: person,
});

let store: DuckDbStore;
beforeAll(async () => {
  store = await DuckDbStore.open(':memory:');
  await store.apply({
    cases: CASES.map(([f, t]) => caseRecord(f, t, calendar, (p) => `k-${p}`)),
    ratings: [rating('r1', 'a', 5, 'k-p1', D1), rating('r2', 'b', 2, 'k-p1', D1)],
    watermark: 42,
  });
});
afterAll(async () => store?.close());

describe('indicators from a hand-built event log', () => {
  it('counts the working days of a case suspended over 中秋 and 国庆 without its pause', () => {
    const { record } = caseRecord(CASES[0]![0], CASES[0]![1], calendar, (p) => p);
    expect(record).toMatchObject({ workingDays: 2, pausedDays: 7, onTimePromised: true, onTimeLegal: true });
    expect(caseRecord(CASES[1]![0], CASES[1]![1], calendar, (p) => p).record).toMatchObject({
      workingDays: 6,
      onTimePromised: false,
      supplementRounds: 1,
    });
  });

  it('gives the hand-computed totals', async () => {
    const [total] = await store.cells({}, 'total');
    expect(cellOf(total!, 1, false)).toEqual({
      key: 'all',
      label: 'all',
      suppressed: false,
      people: 4,
      filed: 5,
      accepted: 4,
      completed: 3,
      onTimePromisedRate: 0.6667, // a (2 days) and c (1) of a, b, c
      onTimeLegalRate: 1,
      avgWorkingDays: 3, // (2 + 6 + 1) / 3
      p90WorkingDays: 6, // the ⌈0.9 × 3⌉ = 3rd of 1, 2, 6
      immediateShare: 0.25, // b of a, b, c, e
      fullyOnlineShare: 0.5, // a and c (online, no visit); e's item asks for a visit
      supplementRate: 0.2, // b of five
      refusalRate: 0.5, // c refused and d not accepted, of a, b, c, d
      materialsSaved: 2,
      visitsSaved: 1,
      ratings: 2,
      satisfaction: 0.5, // level 5 good, level 2 bad
      avgRating: 3.5,
      // No complaint, licence use or sharing read in this log.
      complaints: 0,
      complaintsPer10k: 0,
      complaintsOnTimeRate: null,
      licenseUses: 0,
      sharingReads: 0,
    });
    expect(await store.watermark()).toBe(42);
  });

  it('groups by department and by month, and filters by period', async () => {
    const byDepartment = await store.cells({}, 'department');
    expect(byDepartment.map((c) => [c.label, c.filed, c.completed, c.ratings])).toEqual([
      ['市场监管局', 2, 2, 2],
      ['卫健局', 3, 1, 0],
    ]);
    expect((await store.cells({}, 'month')).map((c) => [c.key, c.accepted, c.ratings])).toEqual([
      ['2026-09', 4, 0],
      ['2026-10', 0, 2],
    ]);
    const [late] = await store.cells({ from: '2026-09-23', to: '2026-09-30' }, 'total');
    expect([late!.filed, late!.accepted]).toEqual([2, 2]); // c and e (a counts on Sep 22, d on its filing day)
  });

  it('withholds a small cell from the public and shows it to staff', async () => {
    const [total] = await store.cells({ departmentIds: [D1] }, 'total');
    expect(total!.people).toBe(1);
    const open = cellOf(total!, 10, true);
    expect(open.suppressed).toBe(true);
    expect(Object.entries(open).filter(([k, v]) => !['key', 'label', 'suppressed'].includes(k) && v !== null)).toEqual(
      [],
    );
    expect(cellOf(total!, 10, false)).toMatchObject({ suppressed: false, filed: 2, completed: 2 });
  });
});
