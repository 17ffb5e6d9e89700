/**
 * Cases on a PostgreSQL server: 50 concurrent applicants each submit an application for a
 * two-stage item, upload its required materials, and a window clerk accepts it (one case = submit
 * + each upload + accept). BENCH_ROUNDS rounds of BENCH_SECONDS each, interleaved with rounds of
 * pgbench's default TPC-B-like workload on the same database, so both see the same machine; prints
 * the load first, cases/s and pgbench tps per round with their spread, the ratio, errors, and p50/p99
 * per request kind. After each round the bench waits until the outbox's subscribers have handled the
 * round's events (its /metrics backlog is 0): the sustained rate counts that time, the ratio uses it,
 * and pgbench never shares the machine with the platform's catching up.
 * Target (issue 18): ≥ 1,000 cases/s, ratio ≥ 0.25, no errors, p99 ≤ 150 ms.
 *   npm run bench:cases                       (starts a throwaway Debian PostgreSQL cluster)
 *   BENCH_DATABASE_URL=postgres://… npm run bench:cases   (an existing server; creates a database)
 *   BENCH_SOCKET=1 npm run bench:cases        (throwaway cluster reached through its Unix-domain socket,
 *                                              by the platform and pgbench alike)
 *   BENCH_STATEMENTS=1 npm run bench:cases    (throwaway cluster: statements per request kind from
 *                                              pg_stat_statements, after the rounds; BENCH_STATEMENTS_TOP=n
 *                                              lists n statements per phase, default 12)
 *   BENCH_PROFILE=dir npm run bench:cases     (the server's CPU profile; sum it with bench/profile-summary.ts)
 */
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import os from 'node:os';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase, migrateToLatest } from '../server/src/platform/db/index.js';
import { createFieldCipher } from '../server/src/platform/crypto/index.js';
import { listVillageAddresses, seedCatalog } from '../server/src/modules/catalog/index.js';
import { seedRegistries } from '../server/src/modules/exchange/index.js';
import { createStaff, enrolResidents, issueApiToken } from '../server/src/modules/identity/index.js';
import { startCluster } from '../scripts/pg-cluster.mjs';
import { formatSpread, printLoad, quantile, rounds, spread } from './lib/report.js';
import { materialFile } from './lib/material.js';
import { startBenchServer } from './lib/server.js';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const DATA_KEY = 'be4c'.repeat(16);
const PASSWORD = 'Bench2026pass';
const PORT = Number(process.env.BENCH_PORT ?? 3911);
/** Server processes (node:cluster): the platform's PROCESSES setting. */
const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 1);

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** The bench reads the outbox backlog from the server's /metrics. */
const METRICS_TOKEN = 'bench-metrics-0123456789';
const STATEMENTS = process.env.BENCH_STATEMENTS === '1';

printLoad();
if (STATEMENTS && !process.env.BENCH_DATABASE_URL)
  process.env.PG_EXTRA_OPTIONS = `${process.env.PG_EXTRA_OPTIONS ?? ''} -c shared_preload_libraries=pg_stat_statements`;
const cluster = process.env.BENCH_DATABASE_URL ? undefined : await startCluster();
/** BENCH_SOCKET=1: the platform and pgbench both reach the throwaway cluster through its Unix-domain socket. */
const SOCKET = process.env.BENCH_SOCKET === '1' && cluster !== undefined;
const adminUrl = process.env.BENCH_DATABASE_URL ?? (SOCKET ? cluster?.socketUrl : cluster?.url);
if (!adminUrl) throw new Error('No PostgreSQL: install Debian’s postgresql or set BENCH_DATABASE_URL');
const dbName = `tongban_bench_${Date.now()}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${dbName}`);
await admin.end();
const url = Object.assign(new URL(adminUrl), { pathname: `/${dbName}` }).toString();

// Setup: catalogue, a small population, applicants, a window clerk, a two-stage process.
const database = await openDatabase({ url, poolSize: 4 });
await migrateToLatest(database.db);
await seedCatalog(database.db, { province: '52', now: new Date() });
const key = Buffer.from(DATA_KEY, 'hex');
const cipher = createFieldCipher({ suite: 'sm4', current: 'k1', keys: { k1: key }, indexKey: key });
await seedRegistries(database.db, cipher, {
  seed: 3,
  persons: CLIENTS * 3,
  enterprises: 10,
  villages: await listVillageAddresses(database.db, '52'),
  today: new Date(),
});
const residents = await enrolResidents({ db: database.db, cipher }, CLIENTS, PASSWORD);
const { rows: items } = await sql<{ code: string; regionCode: string; departmentId: string }>`
  SELECT i.code, i.region_code, i.department_id FROM catalog.item i JOIN catalog.item_version v ON v.item_id = i.id AND v.version = i.published_version
  WHERE length(i.region_code) = 6 AND jsonb_array_length(COALESCE(v.guide->'form', '[]'::jsonb)) = 0 ORDER BY i.code LIMIT 1`.execute(
  database.db,
);
const item = items[0]!;
// 材料齐全: each case gets a file for every material that is not optional before it is accepted.
const { rows: guideMaterials } = await sql<{ necessity: string }>`
  SELECT m->>'necessity' AS necessity FROM catalog.item i JOIN catalog.item_version v ON v.item_id = i.id AND v.version = i.published_version,
  jsonb_array_elements(v.guide->'materials') WITH ORDINALITY AS x(m, n) WHERE i.code = ${item.code} ORDER BY n`.execute(
  database.db,
);
const requiredMaterials = guideMaterials.flatMap((m, index) => (m.necessity === 'optional' ? [] : [index]));
const clerkId = await createStaff(database.db, {
  username: 'bench.clerk',
  displayName: '压测窗口',
  regionCode: item.regionCode,
  roles: ['window_clerk'],
});
const adminId = await createStaff(database.db, {
  username: 'bench.admin',
  displayName: '压测管理员',
  regionCode: '52',
  roles: ['catalog_admin'],
});
const clerk = `Bearer ${await issueApiToken(database.db, clerkId, 'bench')}`;
const catalogAdmin = `Bearer ${await issueApiToken(database.db, adminId, 'bench')}`;
await database.close();

// Whatever happens from here on, the throwaway cluster does not outlive the bench.
process.on('exit', () => cluster?.stop());
const { server, base } = await startBenchServer({
  databaseUrl: url,
  dataKey: DATA_KEY,
  port: PORT,
  processes: PROCESSES,
  poolSize: 20,
  env: { METRICS_TOKEN },
});

const json = async (res: Response) => {
  if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
  return res.status === 204 ? undefined : res.json();
};
const definition = {
  promisedLimitDays: 10,
  stages: [
    {
      key: 'review',
      name: '受理审查',
      tasks: [{ key: 'check', name: '材料审查', departmentId: item.departmentId, limitDays: 3 }],
    },
    {
      key: 'decide',
      name: '审查决定',
      tasks: [{ key: 'decide', name: '决定', departmentId: item.departmentId, limitDays: 5 }],
    },
  ],
};
await json(
  await fetch(`${base}/api/admin/cases/definitions/${item.code}`, {
    method: 'PUT',
    headers: { authorization: catalogAdmin, 'content-type': 'application/json' },
    body: JSON.stringify(definition),
  }),
);

// Each applicant signs in once (session cookie + CSRF token).
const sessions = await Promise.all(
  residents.map(async (r) => {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'password', account: r.idNumber, password: PASSWORD }),
    });
    const body = await json(res);
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    return { cookie, csrf: body.csrfToken as string };
  }),
);

// The load generator shares the two cores with the server and PostgreSQL: it uses node:http with
// kept-alive sockets, which costs about half the CPU per request of fetch().
const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS * 2 });
function post(
  url: string,
  headers: Record<string, string>,
  body: string | Buffer,
  method: 'POST' | 'PUT' = 'POST',
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${base}${url}`,
      {
        method,
        agent,
        headers: { 'content-type': 'application/json', ...headers, 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
const ok = (r: { status: number; body: string }) => {
  if (r.status >= 300) throw new Error(`${r.status} ${r.body}`);
  return r.status === 204 ? undefined : JSON.parse(r.body);
};

type Kind = 'submit' | 'upload' | 'accept';
type Session = { cookie: string; csrf: string };
/** Latencies (ms) per request kind, filled by the requests of a round. */
type Timings = Record<Kind, number[]>;
const timed = async <T>(timings: Timings | undefined, kind: Kind, request: () => Promise<T>): Promise<T> => {
  const t0 = performance.now();
  const result = await request();
  timings?.[kind].push(performance.now() - t0);
  return result;
};

const submit = (s: Session, timings?: Timings): Promise<string> =>
  timed(timings, 'submit', async () => {
    const submitted = ok(
      await post(
        '/api/cases',
        { cookie: s.cookie, 'x-csrf-token': s.csrf, 'idempotency-key': randomUUID() },
        JSON.stringify({ itemCode: item.code, form: { remarks: '压测' } }),
      ),
    );
    return submitted.caseId as string;
  });
const upload = (s: Session, caseId: string, index: number, timings?: Timings) =>
  timed(timings, 'upload', async () =>
    ok(
      await post(
        `/api/cases/${caseId}/materials/${index}`,
        { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/pdf' },
        materialFile(`${caseId} ${index}`),
        'PUT',
      ),
    ),
  );
const accept = (caseId: string, timings?: Timings) =>
  timed(timings, 'accept', async () => ok(await post(`/api/cases/${caseId}/accept`, { authorization: clerk }, '{}')));

async function oneCase(s: Session, timings: Timings): Promise<void> {
  const caseId = await submit(s, timings);
  for (const index of requiredMaterials) await upload(s, caseId, index, timings);
  await accept(caseId, timings);
}

interface Round {
  perSecond: number;
  errors: number;
  firstError: unknown;
  latencies: number[];
  timings: Timings;
}

/** A timed round with what came after it. */
interface Measured extends Round {
  /** Seconds after the round until the outbox's subscribers had handled its events. */
  catchUp: number;
  /** Cases ÷ (the round's seconds + catchUp). */
  sustained: number;
}

async function run(seconds: number): Promise<Round> {
  const latencies: number[] = [];
  const timings: Timings = { submit: [], upload: [], accept: [] };
  let errors = 0;
  let firstError: unknown;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    sessions.map(async (s) => {
      while (performance.now() < until) {
        const t0 = performance.now();
        try {
          await oneCase(s, timings);
          latencies.push(performance.now() - t0);
        } catch (e) {
          errors++;
          firstError ??= e;
        }
      }
    }),
  );
  return { perSecond: latencies.length / seconds, errors, firstError, latencies, timings };
}

/** Outbox events the server's subscribers have still to handle (new or waiting for a retry), from /metrics. */
async function backlog(): Promise<number> {
  const res = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  if (!res.ok) throw new Error(`/metrics answered ${res.status}`);
  return (await res.text())
    .split('\n')
    .filter((l) => /^tongban_outbox_(pending|retrying)\{/.test(l))
    .reduce((n, l) => n + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);
}

/**
 * Seconds until the reactions to the round's cases (分析, 电子监察 clocks, messages, 主动服务) have
 * all been handled: a case is only done when they are, so the sustained rate counts this time too,
 * and the pgbench round after it starts on a platform with nothing left to do.
 */
async function caughtUp(): Promise<number> {
  const t0 = performance.now();
  while ((await backlog()) > 0) await new Promise((r) => setTimeout(r, 100));
  return (performance.now() - t0) / 1000;
}

// pgbench's default TPC-B-like workload on the same database, run between the cases rounds.
const target = new URL(url);
const port = cluster ? String(cluster.port) : target.port;
const pgbenchBin = cluster ? path.join(cluster.bin, 'pgbench') : 'pgbench';
const asPostgres = (args: string[]) =>
  (cluster && process.getuid?.() === 0
    ? ['runuser', ['-u', 'postgres', '--', pgbenchBin, ...args]]
    : [pgbenchBin, args]) as [string, string[]];
const common = ['-h', SOCKET ? cluster!.socketDir : target.hostname, '-p', port || '5432', '-U', 'postgres'];
execFileSync(...asPostgres([...common, '-i', '-s', '5', '-q', dbName]), { stdio: 'ignore' });
const pgbench = (): number => {
  const out = execFileSync(...asPostgres([...common, '-c', '10', '-j', '2', '-T', String(SECONDS), dbName]), {
    encoding: 'utf8',
  });
  return Number(/tps = ([\d.]+)/.exec(out)?.[1]);
};

console.log(
  `item ${item.code}: two stages, ${requiredMaterials.length} required material file(s), ${CLIENTS} concurrent applicants, PostgreSQL server, ${PROCESSES} server process(es); ${ROUNDS} rounds of ${SECONDS} s after a 2 s warm-up, each followed by ${SECONDS} s of pgbench (TPC-B-like, 10 clients, scale 5)`,
);
await run(2); // warm-up
await caughtUp();
const caseRounds: Measured[] = [];
const tpsRounds: number[] = [];
const ratio = await rounds('ratio sustained cases/s ÷ pgbench tps', ROUNDS, async () => {
  const filed = await run(SECONDS);
  const catchUp = await caughtUp();
  const round: Measured = { ...filed, catchUp, sustained: filed.latencies.length / (SECONDS + catchUp) };
  const tps = pgbench();
  caseRounds.push(round);
  tpsRounds.push(tps);
  console.log(
    `    cases ${round.perSecond.toFixed(0)}/s while filing, reactions done ${round.catchUp.toFixed(1)} s later: ${round.sustained.toFixed(0)}/s sustained (errors ${round.errors}); pgbench ${tps.toFixed(0)} tps; load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  return round.sustained / tps;
});
const all = (pick: (r: Round) => number[]) => caseRounds.flatMap(pick);
const errors = caseRounds.reduce((n, r) => n + r.errors, 0);
const firstError = caseRounds.find((r) => r.firstError)?.firstError;
const ms = (values: number[]) =>
  `p50 ${quantile(values, 0.5).toFixed(1)} ms, p99 ${quantile(values, 0.99).toFixed(1)} ms`;
console.log(`cases/s while filing: median ${formatSpread(spread(caseRounds.map((r) => r.perSecond)), 0)}`);
console.log(
  `cases/s sustained (reactions included): median ${formatSpread(spread(caseRounds.map((r) => r.sustained)), 0)}`,
);
console.log(`pgbench tps: median ${formatSpread(spread(tpsRounds), 0)}`);
console.log(`errors ${errors}${firstError ? ` (first: ${String(firstError).slice(0, 200)})` : ''}`);
for (const kind of ['submit', 'upload', 'accept'] as const)
  console.log(`  ${kind}: ${ms(all((r) => r.timings[kind]))}`);
console.log(`  whole case (submit + uploads + accept, one after another): ${ms(all((r) => r.latencies))}`);
const p99 = Math.max(
  ...(['submit', 'upload', 'accept'] as const).map((k) =>
    quantile(
      all((r) => r.timings[k]),
      0.99,
    ),
  ),
);
const met = ratio.median >= 0.25 && spread(caseRounds.map((r) => r.sustained)).median >= 1000 && !errors && p99 <= 150;
console.log(
  `target ≥ 1,000 cases/s sustained, ratio ≥ 0.25, no errors, p99 per request ≤ 150 ms: ${met ? 'met' : 'NOT met'}`,
);
printLoad('load average after');

if (STATEMENTS && cluster) await printStatements();

server.kill('SIGTERM');
await new Promise((r) => server.once('exit', r));
process.exit(0);

/**
 * Statements per request kind, from pg_stat_statements: one applicant files STATEMENT_CASES cases
 * phase by phase (all submits, then all uploads, then all accepts), the statistics reset before
 * each phase. Statements of the outbox worker reacting to the phase's events are counted with it.
 */
async function printStatements(): Promise<void> {
  const n = 100;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  const s = sessions[0]!;
  const phase = async (label: string, requests: number, work: () => Promise<void>) => {
    await client.query('SELECT pg_stat_statements_reset()');
    await work();
    await new Promise((r) => setTimeout(r, 1500)); // the outbox worker's reactions to this phase
    const { rows } = await client.query<{ calls: string; total: number; query: string }>(
      `SELECT calls, total_exec_time AS total, regexp_replace(query, '\\s+', ' ', 'g') AS query FROM pg_stat_statements
       WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query !~ 'pg_stat_statements'
       ORDER BY calls DESC, total DESC`,
    );
    const calls = rows.reduce((c, r) => c + Number(r.calls), 0);
    const total = rows.reduce((t, r) => t + r.total, 0);
    console.log(
      `${label}: ${(calls / requests).toFixed(1)} statements (round trips) per request, ${(total / requests).toFixed(2)} ms of execution per request`,
    );
    for (const r of rows.slice(0, Number(process.env.BENCH_STATEMENTS_TOP ?? 12)))
      console.log(
        `  ${(Number(r.calls) / requests).toFixed(2).padStart(6)} × ${(r.total / Number(r.calls)).toFixed(3)} ms  ${r.query.slice(0, 130)}`,
      );
  };
  const ids: string[] = [];
  await phase('submit', n, async () => {
    for (let i = 0; i < n; i++) ids.push(await submit(s));
  });
  await phase('upload', n * requiredMaterials.length, async () => {
    for (const id of ids) for (const index of requiredMaterials) await upload(s, id, index);
  });
  await phase('accept', n, async () => {
    for (const id of ids) await accept(id);
  });
  await client.end();
}
