/**
 * The big-data centre at provincial scale (issue 15, "Benchmark"): BENCH_EVENTS (default
 * 10,000,000) case events of a synthetic province, seeded, generated straight into the analytics
 * store (DuckDB, the store's own tables) and as raw events into DuckDB and PostgreSQL (`COPY`).
 * Then, interleaved in rounds on the same machine:
 * - the dashboard's questions through the store's `cells` and the 堵点 of an item through its
 *   `bottlenecks` (the platform's code path), against the same questions over the raw events by
 *   DuckDB and by plain PostgreSQL `GROUP BY` — cold (first after opening) apart from warm;
 * - ingestion: events a second through the store's `apply`, in the rebuild's batches of ~2,000 (the
 *   first ten batches, cold, apart from five warm rounds of ten);
 * - freshness: an event appended to the outbox → visible in the dashboard's answer, with the
 *   outbox dispatcher and the analytics subscriber running (PostgreSQL server, the 10 M store).
 *
 *   npm run bench:analytics          BENCH_EVENTS, BENCH_PG_EVENTS (default 2,000,000), BENCH_SEED
 * Targets: dashboard p50 ≤ 50 ms and ≤ 1× DuckDB's raw scan, ingestion ≥ 20,000 events/s,
 * freshness ≤ 5 s. Figures are printed, never asserted.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { DuckDBInstance } from '@duckdb/node-api';
import { openDatabase, migrateToLatest } from '../server/src/platform/db/index.js';
import { appendEvent } from '../server/src/platform/outbox.js';
import { OutboxDispatcher } from '../server/src/platform/outbox-dispatcher.js';
import { CalendarService } from '../server/src/platform/calendar/calendar.service.js';
import { DuckDbStore, analyticsSubscriber, personKeyOf, type Slice } from '../server/src/modules/analytics/index.js';
import type { StoreChange } from '../server/src/modules/analytics/store/analytics-store.js';
import { approvedCase } from '../server/src/modules/analytics/analytics.test-kit.js';
import { startCluster } from '../scripts/pg-cluster.mjs';
import { printLoad, quantile, rounds, median } from './lib/report.js';
import { generateCases, RAW_EVENT, rawBottleneckSql, rawCellsSql } from './analytics-data.js';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000_000);
const PG_EVENTS = Math.min(EVENTS, Number(process.env.BENCH_PG_EVENTS ?? 2_000_000));
const SEED = Number(process.env.BENCH_SEED ?? 15);
const WARM_ROUNDS = 15;
const PG_ROUNDS = 3;

printLoad();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-abench-'));
fs.chmodSync(dir, 0o755);
const storePath = path.join(dir, 'analytics.duckdb');
const rawPath = path.join(dir, 'raw.duckdb');
const csvPath = path.join(dir, 'raw_event.csv');
const seconds = (start: number) => (performance.now() - start) / 1000;
const bar = (done: number, total: number, what: string) => {
  const share = Math.min(1, done / total);
  process.stderr.write(
    `\r[${'#'.repeat(Math.round(share * 30)).padEnd(30, '-')}] ${(share * 100).toFixed(0).padStart(3)}%  ${done.toLocaleString('en')} ${what}`,
  );
};

// 1. Generate: the store's tables and the raw events, in chunks of 100,000 cases (~770,000 events).
await (await DuckDbStore.open(storePath)).close();
let events = 0;
let cases = 0;
{
  const instance = await DuckDBInstance.create(storePath);
  const conn = await instance.connect();
  await conn.run(`ATTACH '${rawPath}' AS raw`);
  await conn.run(RAW_EVENT);
  const start = performance.now();
  while (events < EVENTS) {
    const chunk = Math.max(1, Math.min(100_000, Math.ceil((EVENTS - events) / 7.7)));
    events += await generateCases(conn, cases, cases + chunk, SEED);
    cases += chunk;
    bar(events, EVENTS, 'events generated');
  }
  process.stderr.write('\n');
  console.log(
    `generated ${events.toLocaleString('en')} events of ${cases.toLocaleString('en')} cases in ${seconds(start).toFixed(1)} s`,
  );
  const pgCases = Math.round((cases * PG_EVENTS) / events);
  await conn.run(`COPY (SELECT * FROM raw.raw_event WHERE case_id IN (SELECT 'c' || g FROM range(${pgCases}) t(g)))
                  TO '${csvPath}' (FORMAT csv, HEADER false)`);
  conn.closeSync();
  instance.closeSync();
}
fs.chmodSync(csvPath, 0o644);

// 2. PostgreSQL: the raw events by COPY into a plain table, indexed by item for the 堵点 question.
const cluster = await startCluster();
if (!cluster) throw new Error('bench:analytics needs a PostgreSQL server: apt-get install -y postgresql');
let admin = new pg.Client({ connectionString: cluster.url });
try {
  await admin.connect();
  await admin.query(RAW_EVENT.replace('raw.raw_event', 'raw_event'));
  let pgRows = 0;
  {
    const start = performance.now();
    const copied = await admin.query(`COPY raw_event FROM '${csvPath}' (FORMAT csv)`);
    pgRows = copied.rowCount ?? 0;
    const copyS = seconds(start);
    await admin.query('CREATE INDEX ON raw_event (item_code)');
    await admin.query('ANALYZE raw_event');
    console.log(
      `PostgreSQL: COPY ${pgRows.toLocaleString('en')} raw events in ${copyS.toFixed(1)} s (${Math.round(pgRows / copyS).toLocaleString('en')}/s), indexed in ${seconds(start).toFixed(1)} s in all`,
    );
  }
  fs.rmSync(csvPath);
  // Restarted, so its first answers are cold as far as its own buffers go (the OS page cache stays warm).
  await admin.end();
  cluster.stopServer();
  cluster.startServer();
  admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();

  // 3. The dashboard's questions, cold then warm, interleaved.
  interface Question {
    name: string;
    platform: (s: DuckDbStore) => Promise<unknown>;
    raw: (dialect: 'duckdb' | 'postgres') => string[];
  }
  const cells = (name: string, slice: Slice, by: 'region' | 'month' | 'department' | 'item'): Question => ({
    name,
    platform: (s) => s.cells(slice, by),
    raw: (dialect) => [
      rawCellsSql(dialect, {
        region: slice.regionPrefix!,
        by,
        ...(slice.from ? { from: slice.from, to: slice.to! } : {}),
      }),
    ],
  });
  const YEAR = { from: '2025-01-01', to: '2025-12-31' };
  const QUESTIONS: Question[] = [
    cells('province 2025 by city', { regionPrefix: '52', ...YEAR }, 'region'),
    cells('province 2025 by month', { regionPrefix: '52', ...YEAR }, 'month'),
    cells('province 2025 by department', { regionPrefix: '52', ...YEAR }, 'department'),
    cells('county 520305 by item', { regionPrefix: '520305' }, 'item'),
    {
      name: '堵点 of item I00042',
      platform: (s) => s.bottlenecks({ itemCode: 'I00042' }),
      raw: () => rawBottleneckSql('I00042'),
    },
  ];

  const store = await DuckDbStore.open(storePath);
  const rawInstance = await DuckDBInstance.create(rawPath);
  const rawConn = await rawInstance.connect();
  const timed = async (run: () => Promise<unknown>) => {
    const start = performance.now();
    await run();
    return performance.now() - start;
  };
  const engines = {
    platform: (q: Question) => timed(() => q.platform(store)),
    duckdbRaw: (q: Question) =>
      timed(async () => {
        for (const s of q.raw('duckdb')) await rawConn.runAndReadAll(s);
      }),
    postgres: (q: Question) =>
      timed(async () => {
        for (const s of q.raw('postgres')) await admin.query(s);
      }),
  };
  type Engine = keyof typeof engines;
  const samples = new Map<string, number[]>();
  const sample = (engine: Engine, q: Question, ms: number) => {
    const key = `${engine}|${q.name}`;
    samples.set(key, [...(samples.get(key) ?? []), ms]);
  };

  console.log(
    '\ncold (first answer after opening: DuckDB files just opened; PostgreSQL just restarted, OS cache warm):',
  );
  for (const q of QUESTIONS) {
    const figures = [];
    for (const engine of Object.keys(engines) as Engine[])
      figures.push(`${engine} ${(await engines[engine](q)).toFixed(1)} ms`);
    console.log(`  ${q.name}: ${figures.join(', ')}`);
  }

  console.log(
    `\nwarm, ${WARM_ROUNDS} rounds (PostgreSQL in the first ${PG_ROUNDS}, ${pgRows.toLocaleString('en')} events):`,
  );
  await rounds('dashboard time, platform ÷ DuckDB raw scan (all five questions)', WARM_ROUNDS, async (round) => {
    let platform = 0;
    let raw = 0;
    for (const q of QUESTIONS) {
      const p = await engines.platform(q);
      const r = await engines.duckdbRaw(q);
      sample('platform', q, p);
      sample('duckdbRaw', q, r);
      platform += p;
      raw += r;
      if (round <= PG_ROUNDS) sample('postgres', q, await engines.postgres(q));
    }
    return platform / raw;
  });
  console.log('\nper question, warm, ms (p50 / p99):');
  for (const q of QUESTIONS) {
    const f = (engine: Engine) => {
      const v = samples.get(`${engine}|${q.name}`) ?? [];
      return `${engine} ${quantile(v, 0.5).toFixed(1)} / ${quantile(v, 0.99).toFixed(1)}`;
    };
    const pgScale = events / pgRows;
    const pgMedian = median(samples.get(`postgres|${q.name}`) ?? []);
    console.log(
      `  ${q.name}: ${f('platform')}; ${f('duckdbRaw')}; ${f('postgres')} (≈ ${((pgMedian * pgScale) / 1000).toFixed(1)} s at ${events.toLocaleString('en')} events, linear)`,
    );
  }
  const dashboard = QUESTIONS.slice(0, 4).flatMap((q) => samples.get(`platform|${q.name}`)!);
  console.log(
    `dashboard questions through the store, all warm samples: p50 ${quantile(dashboard, 0.5).toFixed(1)} ms, p99 ${quantile(dashboard, 0.99).toFixed(1)} ms (target p50 ≤ 50 ms)`,
  );

  // 4. Ingestion through the store's apply: batches of 250 new cases (~2,000 events), as a rebuild applies them.
  const change = (batch: number): StoreChange => {
    const list = [];
    for (let i = 0; i < 250; i++) {
      const caseId = `n${batch}-${i}`;
      const types = [
        'submitted',
        'accepted',
        'stage-opened',
        'task-opened',
        'task-completed',
        'stage-completed',
        'approved',
        'delivered',
      ];
      list.push({
        record: approvedCase({
          caseId,
          itemCode: `I${String(i % 400).padStart(5, '0')}`,
          itemName: '事项',
          regionCode: '520101',
          departmentId: '520101-d1',
          departmentName: '部门1',
          personKey: `np${i}`,
          filedOn: '2026-11-02',
          acceptedOn: '2026-11-03',
          decidedOn: '2026-11-10',
          periodDay: '2026-11-03',
          workingDays: 5,
          promisedDays: 15,
          legalDays: 20,
        }),
        steps: types.map((type, seq) => ({
          caseId,
          seq: seq + 1,
          eventId: batch * 10_000 + i * 8 + seq,
          type,
          atMs: seq,
          itemCode: 'I00001',
        })),
        tasks: [
          {
            caseId,
            taskId: `nt${batch}-${i}`,
            itemCode: 'I00001',
            name: '审查',
            departmentId: '520101-d1',
            openedOn: '2026-11-03',
            completedOn: '2026-11-10',
            workingDays: 5,
            limitDays: 10,
            status: 'done',
            waitingDays: 1,
            parallelWaitDays: null,
            parallelHeldDays: null,
          },
        ],
      });
    }
    return { cases: list, ratings: [], watermark: batch };
  };
  let batch = 1;
  const tenBatches = async () => {
    const start = performance.now();
    for (let i = 0; i < 10; i++) await store.apply(change(batch++));
    return 20_000 / seconds(start);
  };
  console.log('');
  // The first writes after the questions (statements planned, appenders made, WAL started) apart.
  console.log(`ingestion, cold (the first 10 batches): ${(await tenBatches()).toFixed(0)} events/s`);
  await rounds('ingestion through apply, warm, events/s (10 batches of 2,000 events a round)', 5, tenBatches, 0);

  // 5. Freshness: the outbox dispatcher (polling every 500 ms) delivers a rating to the analytics subscriber.
  const freshName = `tongban_abench_${Date.now()}`;
  await admin.query(`CREATE DATABASE ${freshName}`);
  const database = await openDatabase({
    url: Object.assign(new URL(cluster.url), { pathname: `/${freshName}` }).toString(),
    poolSize: 4,
  });
  await migrateToLatest(database.db);
  const deps = {
    db: database.db,
    calendar: new CalendarService(database.db),
    store,
    personKey: personKeyOf(Buffer.alloc(32, 7)),
    minCell: 10,
    minPeople: 5,
  };
  const dispatcher = new OutboxDispatcher(database.db, {
    log: { info() {}, warn: console.warn, error: console.error },
  });
  dispatcher.subscribe(analyticsSubscriber(deps));
  dispatcher.start();
  const ratingsIn = async (region: string) => (await store.cells({ regionPrefix: region }, 'total'))[0]?.ratings ?? 0;
  console.log('');
  await rounds('freshness, event appended → in the dashboard answer, s', 5, async (round) => {
    const before = await ratingsIn('520101');
    const start = performance.now();
    await appendEvent(
      database.db,
      {
        topic: 'evaluation.rating-recorded',
        aggregateType: 'rating',
        aggregateId: `r${round}`,
        payload: {
          ratingId: `bench-r${round}`,
          caseId: `c${round}`,
          itemCode: 'I00001',
          departmentId: '520101-d1',
          regionCode: '520101',
          channel: 'online',
          level: 5,
          status: 'active',
          ratedAt: new Date().toISOString(),
          raterPersonId: `bench-p${round}`,
        },
      },
      null,
    );
    while ((await ratingsIn('520101')) === before) await new Promise((r) => setTimeout(r, 10));
    return seconds(start);
  });
  await dispatcher.stop();
  await database.close();
  await store.close();
  rawConn.closeSync();
  rawInstance.closeSync();
} finally {
  await admin.end().catch(() => undefined);
  cluster.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
printLoad('load average after');
