/**
 * The same change applied to the DuckDB store and to a ClickHouse server gives the same answers.
 * Runs where a ClickHouse server is reachable: CLICKHOUSE_URL=http://localhost:8123/tongban_test
 * (the database is emptied). Skipped otherwise — ClickHouse cannot be installed in every CI.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalyticsStore, StoreChange } from './analytics-store.js';
import { ClickHouseStore } from './clickhouse-store.js';
import { DuckDbStore } from './duckdb-store.js';

const url = process.env.CLICKHOUSE_URL;
if (!url) console.info('ClickHouse store tests skipped: set CLICKHOUSE_URL to a reachable server to run them.');

const record = (n: number, department: string, outcome: 'approved' | 'refused' | null) => ({
  record: {
    caseId: `ch-${n}`,
    itemCode: n % 2 ? 'ITEM1' : 'ITEM2',
    itemName: n % 2 ? '事项一' : '事项二',
    regionCode: '520102',
    departmentId: department,
    departmentName: `部门${department}`,
    channel: n % 3 ? ('online' as const) : ('window' as const),
    personKey: `p${n % 7}`,
    status: outcome ?? 'in_progress',
    filedOn: `2026-0${1 + (n % 3)}-05`,
    acceptedOn: `2026-0${1 + (n % 3)}-06`,
    decidedOn: outcome ? `2026-0${1 + (n % 3)}-20` : null,
    periodDay: `2026-0${1 + (n % 3)}-06`,
    outcome,
    workingDays: outcome ? n % 9 : null,
    pausedDays: 0,
    promisedDays: 5,
    legalDays: 10,
    onTimePromised: outcome ? n % 9 <= 5 : null,
    onTimeLegal: outcome ? true : null,
    immediate: n % 4 === 0,
    fullyOnline: n % 3 !== 0,
    supplementRounds: n % 5 === 0 ? 1 : 0,
    returns: 0,
    materialsSaved: n % 2,
    visitsSaved: n % 3,
    visitsNeeded: 1,
    homeRegion: null,
  },
  steps: ['submitted', 'accepted', 'approved'].map((type, seq) => ({
    caseId: `ch-${n}`,
    seq,
    eventId: n * 3 + seq,
    type,
    atMs: seq,
    itemCode: n % 2 ? 'ITEM1' : 'ITEM2',
  })),
  tasks: [],
});

const change: StoreChange = {
  cases: Array.from({ length: 40 }, (_, n) =>
    record(n, n % 2 ? 'A' : 'B', n % 6 === 0 ? null : n % 5 ? 'approved' : 'refused'),
  ),
  ratings: [],
  watermark: 40,
};

describe.skipIf(!url)('the ClickHouse store answers as the DuckDB store', () => {
  let ch: AnalyticsStore;
  let duck: AnalyticsStore;
  beforeAll(async () => {
    ch = await ClickHouseStore.open(url!);
    await ch.clear();
    duck = await DuckDbStore.open(':memory:');
    for (const store of [ch, duck]) await store.apply(change);
  });
  afterAll(async () => {
    await ch?.close();
    await duck?.close();
  });

  for (const by of ['total', 'region', 'department', 'item', 'channel', 'month'] as const)
    it(`gives the same cells by ${by}`, async () => {
      expect(await ch.cells({ regionPrefix: '5201' }, by)).toEqual(await duck.cells({ regionPrefix: '5201' }, by));
    });

  it('gives the same 堵点 and watermark', async () => {
    expect(await ch.bottlenecks({ itemCode: 'ITEM1' })).toEqual(await duck.bottlenecks({ itemCode: 'ITEM1' }));
    expect(await ch.watermark()).toBe(40);
  });
});
