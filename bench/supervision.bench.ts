/**
 * 电子监察 sweep at provincial scale: 1,000,000 open clocks across the demo province's cities and
 * counties on a PostgreSQL server; a full sweep (the first after a day without one: 10 % of the
 * clocks have crossed a moment, half into red and half into yellow) and a one-minute incremental
 * tick (1 % cross), each against a bare `SELECT count(*)` over the clock table in the same run (the
 * floor). Every crossing writes its warning and its outbox event, as in production; no clock row is
 * rewritten (the sweep is a watermark query over the precomputed moments).
 *
 *   npm run bench:supervision                         (a throwaway PostgreSQL 15 server)
 *   DATABASE_URL=postgres://… npm run bench:supervision   (an existing server; creates and drops a database)
 * BENCH_CLOCKS (default 1000000). Targets: full sweep ≤ 10 s, tick ≤ 0.5 s.
 */
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase, migrateToLatest } from '../server/src/platform/db/index.js';
import { sweep } from '../server/src/modules/supervision/index.js';
import { raiseStatement } from '../server/src/modules/supervision/clocks/sweep.js';
import { startCluster } from '../scripts/pg-cluster.mjs';

const CLOCKS = Number(process.env.BENCH_CLOCKS ?? 1_000_000);
const cluster = process.env.DATABASE_URL ? undefined : await startCluster();
const adminUrl = process.env.DATABASE_URL ?? cluster?.url;
if (!adminUrl) throw new Error('bench:supervision needs a PostgreSQL server: install postgresql or set DATABASE_URL');
const dbName = `tongban_sbench_${Date.now()}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${dbName}`);
const database = await openDatabase({
  url: Object.assign(new URL(adminUrl), { pathname: `/${dbName}` }).toString(),
  poolSize: 4,
});
const db = database.db;

const time = async <T>(run: () => Promise<T>): Promise<[number, T]> => {
  const start = performance.now();
  const out = await run();
  return [(performance.now() - start) / 1000, out];
};

try {
  await migrateToLatest(db);
  const t0 = new Date('2026-11-16T01:00:00Z');
  // Buckets of g % 100: 0–4 crossed into red an hour ago, 5–9 into yellow, 10 turns yellow within
  // the next minute, the rest later. 9 cities × 10 counties × 20 departments.
  const [loadS] = await time(async () => {
    for (let from = 1; from <= CLOCKS; from += 100_000) {
      const to = Math.min(CLOCKS, from + 99_999);
      await sql`
        INSERT INTO supervision.clock (id, kind, subject_id, reference, title, item_type, region_code, department_id,
          started_on, limit_days, due_on, yellow_at, red_at, state, updated_at)
        SELECT gen_random_uuid(), 'task', 'bench-' || g, 'B' || lpad(g::text, 8, '0'), '基准办件 · 审查', '01',
               '52' || lpad((g % 9 + 1)::text, 2, '0') || lpad((g / 9 % 10 + 1)::text, 2, '0'),
               md5('department-' || (g % 1800))::uuid, DATE '2026-11-02', 20, DATE '2026-11-30',
               CASE WHEN g % 100 < 10 THEN ${t0}::timestamptz - interval '1 day'
                    WHEN g % 100 = 10 THEN ${t0}::timestamptz + interval '1 second' * (1 + g % 59)
                    ELSE ${t0}::timestamptz + interval '2 days' END,
               CASE WHEN g % 100 < 5 THEN ${t0}::timestamptz - interval '1 hour' ELSE ${t0}::timestamptz + interval '14 days' END,
               'running', ${t0}
          FROM generate_series(${from}::int, ${to}::int) g`.execute(db);
    }
    await sql`ANALYZE supervision.clock`.execute(db);
  });
  const count = async () =>
    (await sql<{ n: number }>`SELECT count(*)::int AS n FROM supervision.clock`.execute(db)).rows[0]!.n;
  await count(); // warm
  const [floorS, n] = await time(count);
  if (process.env.BENCH_EXPLAIN) {
    const plan = await db
      .transaction()
      .execute((trx) =>
        sql<{ 'QUERY PLAN': string }>`EXPLAIN (ANALYZE, BUFFERS) ${raiseStatement(new Date(0), t0)}`.execute(trx),
      );
    console.log(plan.rows.map((r) => Object.values(r)[0]).join('\n'));
  }
  const [fullS, full] = await time(() => sweep(db, t0));
  const [tickS, tick] = await time(() => sweep(db, new Date(t0.getTime() + 60_000)));
  const [floor2S] = await time(count);
  const floor = Math.min(floorS, floor2S);
  const warnings = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM supervision.warning`.execute(db)).rows[0]!
    .n;
  const events = (
    await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM platform.outbox WHERE topic = 'supervision.warning-raised'`.execute(db)
  ).rows[0]!.n;
  const f = (s: number) => `${s.toFixed(3)} s`;
  console.log(`clocks: ${n.toLocaleString('en')} open (loaded in ${loadS.toFixed(1)} s)`);
  console.log(`floor  SELECT count(*) over the clock table: ${f(floor)}`);
  console.log(
    `full sweep: ${f(fullS)} — ${full.red.toLocaleString('en')} red + ${full.yellow.toLocaleString('en')} yellow; ${(fullS / floor).toFixed(1)}× the floor (target ≤ 10 s)`,
  );
  console.log(
    `tick (one minute, 1 %): ${f(tickS)} — ${tick.red} red + ${tick.yellow.toLocaleString('en')} yellow; ${(tickS / floor).toFixed(1)}× the floor (target ≤ 0.5 s)`,
  );
  console.log(
    `warnings ${warnings.toLocaleString('en')}, outbox events ${events.toLocaleString('en')} (one per department and level per batch)`,
  );
} finally {
  await database.close();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
  cluster?.stop();
}
