/**
 * The pre-aggregated cells answer exactly what counting the cases answers: random cases written in
 * random batches (cases written again move between months, outcomes, departments), then random
 * slices — regions, departments, items, periods starting and ending anywhere in a month — by every
 * grouping, both ways, in DuckDB in memory; the cells kept as delta rows and the cells folded after
 * almost every batch alike.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GROUPINGS, type CaseRecord, type Slice } from './analytics-store.js';
import { CUBE_TABLES, splitPeriod } from './cube-sql.js';
import { DuckDbStore } from './duckdb-store.js';

const REGIONS = ['520102', '520103', '520301', '522601'];
const DEPARTMENTS = ['d1', 'd2', 'd3'];
const ITEMS = ['I1', 'I2', 'I3', 'I4'];
const OUTCOMES = ['approved', 'refused', 'not_accepted', 'withdrawn', null] as const;
const dayOf = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

const aCase = fc
  .record({
    id: fc.integer({ min: 1, max: 150 }),
    region: fc.constantFrom(...REGIONS),
    department: fc.constantFrom(...DEPARTMENTS),
    item: fc.constantFrom(...ITEMS),
    channel: fc.constantFrom('online' as const, 'window' as const),
    person: fc.integer({ min: 1, max: 15 }),
    day: fc.integer({ min: 0, max: 100 }),
    accepted: fc.boolean(),
    outcome: fc.oneof({ arbitrary: fc.constant('approved' as const), weight: 3 }, fc.constantFrom(...OUTCOMES)),
    workingDays: fc.option(fc.integer({ min: 0, max: 12 }), { nil: null }),
    onTimeLegal: fc.option(fc.boolean(), { nil: null }),
    onTimePromised: fc.option(fc.boolean(), { nil: null }),
    immediate: fc.boolean(),
    online: fc.boolean(),
    rounds: fc.integer({ min: 0, max: 2 }),
    saved: fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 2 })),
  })
  .map((c): CaseRecord => {
    const filedOn = dayOf(c.day);
    const acceptedOn = c.accepted ? dayOf(c.day + 1) : null;
    return {
      caseId: `c${c.id}`,
      itemCode: c.item,
      itemName: `事项${c.item}`,
      regionCode: c.region,
      departmentId: c.department,
      departmentName: `部门${c.department}`,
      channel: c.channel,
      personKey: `p${c.person}`,
      status: c.outcome ?? 'in_progress',
      filedOn,
      acceptedOn,
      decidedOn: c.outcome ? dayOf(c.day + 3) : null,
      periodDay: acceptedOn ?? filedOn,
      outcome: c.outcome,
      workingDays: c.outcome ? c.workingDays : null,
      pausedDays: 0,
      promisedDays: 5,
      legalDays: 10,
      onTimePromised: c.onTimePromised,
      onTimeLegal: c.onTimeLegal,
      immediate: c.immediate,
      fullyOnline: c.online,
      supplementRounds: c.rounds,
      returns: 0,
      materialsSaved: c.saved[0],
      visitsSaved: c.saved[1],
      visitsNeeded: 1,
      homeRegion: null,
    };
  });

/** Mostly absent: a slice narrowed on every axis at once holds too few cases to tell anything. */
const sometimes = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, arb);
const aSlice: fc.Arbitrary<Slice> = fc
  .record({
    regionPrefix: fc.option(fc.constantFrom('52', '5201', '520102', '5226')),
    departmentIds: sometimes(fc.subarray(DEPARTMENTS, { minLength: 1 })),
    departmentId: sometimes(fc.constantFrom(...DEPARTMENTS)),
    itemCode: sometimes(fc.constantFrom(...ITEMS)),
    period: fc.option(fc.tuple(fc.integer({ min: -5, max: 110 }), fc.integer({ min: -5, max: 110 }))),
  })
  .map(({ period, ...s }) => {
    const slice: Slice = {};
    for (const [k, v] of Object.entries(s)) if (v !== undefined && v !== null) Object.assign(slice, { [k]: v });
    if (period) Object.assign(slice, { from: dayOf(Math.min(...period)), to: dayOf(Math.max(...period)) });
    return slice;
  });

let store: DuckDbStore;
/** The same, folding its cells' delta rows after almost every batch. */
let folding: DuckDbStore;
beforeAll(async () => {
  store = await DuckDbStore.open(':memory:');
  folding = await DuckDbStore.open(':memory:', { compactAfter: 1 });
});
afterAll(async () => {
  await store.close();
  await folding.close();
});

describe('pre-aggregated cells', () => {
  it('answer every slice and grouping as counting the cases does, while cases are written again', async () => {
    let watermark = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(aCase, { minLength: 1, maxLength: 80 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.tuple(aSlice, fc.constantFrom(...GROUPINGS)), { minLength: 3, maxLength: 6 }),
        async (batches, questions) => {
          await store.clear();
          await folding.clear();
          for (const batch of batches) {
            const change = {
              cases: batch.map((record) => ({ record, steps: [], tasks: [] })),
              ratings: [],
              watermark: ++watermark,
            };
            await store.apply(change);
            await folding.apply(change);
          }
          for (const [slice, by] of questions) {
            const counted = await store.cellsScanned(slice, by);
            expect(await store.cells(slice, by), JSON.stringify({ slice, by })).toEqual(counted);
            expect(await folding.cells(slice, by), `folded ${JSON.stringify({ slice, by })}`).toEqual(counted);
          }
        },
      ),
      // No shrinking: each try is a few DuckDB queries, and the failing slice is named in the message.
      { numRuns: 30, endOnFailure: true },
    );
  }, 120_000);

  it('are built from the cases when a store has cases but no cells (older stores, the benchmark)', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tongban-cube-'));
    const file = path.join(dir, 'analytics.duckdb');
    try {
      let fed = await DuckDbStore.open(file);
      const cases = fc.sample(aCase, { numRuns: 80, seed: 7 });
      await fed.apply({ cases: cases.map((record) => ({ record, steps: [], tasks: [] })), ratings: [], watermark: 1 });
      const before = await fed.cells({ regionPrefix: '52' }, 'month');
      const byItem = await fed.cells({ regionPrefix: '52' }, 'item');
      expect(before.reduce((n, c) => n + c.filed, 0)).toBe(new Set(cases.map((c) => c.caseId)).size);
      await fed.close();
      // The cells gone, as in a store written before them.
      const raw = await DuckDBInstance.create(file);
      const conn = await raw.connect();
      await conn.run(CUBE_TABLES.map((t) => `DELETE FROM ${t}`).join('; '));
      conn.closeSync();
      raw.closeSync();
      fed = await DuckDbStore.open(file);
      expect(await fed.cells({ regionPrefix: '52' }, 'month')).toEqual(before);
      expect(await fed.cells({ regionPrefix: '52' }, 'item')).toEqual(byItem);
      await fed.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('a period split into whole months and edge days', () => {
  it('keeps whole months whole and the rest as days', () => {
    expect(splitPeriod('2025-01-01', '2025-12-31')).toEqual({
      months: { from: '2025-01-01', to: '2025-12-01' },
      edges: [],
    });
    expect(splitPeriod('2025-01-15', '2025-03-10')).toEqual({
      months: { from: '2025-02-01', to: '2025-02-01' },
      edges: [
        { from: '2025-01-15', to: '2025-01-31' },
        { from: '2025-03-01', to: '2025-03-10' },
      ],
    });
    expect(splitPeriod('2025-01-15', '2025-01-20')).toEqual({
      months: null,
      edges: [{ from: '2025-01-15', to: '2025-01-20' }],
    });
    expect(splitPeriod('2024-02-10', '2024-02-29')).toEqual({
      months: null,
      edges: [{ from: '2024-02-10', to: '2024-02-29' }],
    });
    expect(splitPeriod(undefined, '2025-03-10')).toEqual({
      months: { to: '2025-02-01' },
      edges: [{ from: '2025-03-01', to: '2025-03-10' }],
    });
    expect(splitPeriod('2025-03-02', undefined)).toEqual({
      months: { from: '2025-04-01' },
      edges: [{ from: '2025-03-02', to: '2025-03-31' }],
    });
    expect(splitPeriod()).toEqual({ months: {}, edges: [] });
  });
});
