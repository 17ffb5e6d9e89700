/**
 * A mixed day at a provincial platform, open loop, on a PostgreSQL server with two API processes
 * (`PROCESSES=2`): for every application submitted, about fifty reads — searches, guide views,
 * the hot list, tracking and licence verifications — plus sign-ins, the window's acceptance and
 * two approvals (the second one decides and writes the sealed decision). Requests leave on a
 * schedule whatever the answers do (so a slow server is not hidden by a polite load generator),
 * and each step's latency runs from when it was due, not from when it was sent.
 *
 * Phases: a warm-up at a fifth of the peak; the peak held (BENCH_RATE submissions per second,
 * default 100: a large province's busiest second); then the rate raised by a quarter every step
 * until a step's p99 passes 300 ms, an error occurs, or less than 90 % of what was due completes —
 * the last step that held is the ceiling, refined by one step halfway to the rate that broke (a
 * step lost to one stall of the machine — see `isStall` — is run once more, both printed). Prints
 * per step p50/p99, errors and completed rates, and
 * where the machine's CPU went (each API process, the background process, PostgreSQL, the
 * load generator; bench/lib/cpu-share.ts).
 *   npm run bench:journey     (BENCH_RATE, BENCH_HOLD seconds, BENCH_STEP seconds, BENCH_SIGNINS per submission)
 *   BENCH_DATABASE_URL=postgres://… npm run bench:journey   (an existing server; creates a database)
 *   BENCH_PROFILE=dir npm run bench:journey   (each server process's CPU profile; bench/profile-summary.ts)
 *   BENCH_COSTS=1 npm run bench:journey   (first, each step run alone: CPU ms per step by role, and what an
 *                                          application with its reads costs in all — the ceiling that implies;
 *                                          BENCH_STATEMENTS=1 adds each step's statements from pg_stat_statements,
 *                                          the BENCH_STATEMENTS_TOP (6) heaviest)
 */
import http from 'node:http';
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase, migrateToLatest } from '../server/src/platform/db/index.js';
import { createFieldCipher } from '../server/src/platform/crypto/index.js';
import { listVillageAddresses, seedCatalog } from '../server/src/modules/catalog/index.js';
import { seedRegistries } from '../server/src/modules/exchange/index.js';
import { createStaff, enrolResidents, issueApiToken, type StaffRole } from '../server/src/modules/identity/index.js';
import { seedDemoLicenses } from '../server/src/modules/licenses/index.js';
import { startCluster } from '../scripts/pg-cluster.mjs';
import { benchQueries } from './catalog-fixture.js';
import { median, printLoad, quantile } from './lib/report.js';
import { materialFile } from './lib/material.js';
import { startBenchServer } from './lib/server.js';
import { cpuShares, cpuSpent } from './lib/cpu-share.js';
import { Rng } from '../server/src/platform/random/rng.js';
import { PG_STAT_STATEMENTS } from './lib/pg-cost.js';

const PEAK = Number(process.env.BENCH_RATE ?? 100);
const HOLD = Number(process.env.BENCH_HOLD ?? 20);
const STEP = Number(process.env.BENCH_STEP ?? 10);
const SIGNINS = Number(process.env.BENCH_SIGNINS ?? 0.2);
const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 2);
const APPLICANTS = Number(process.env.BENCH_APPLICANTS ?? 200);
/** With BENCH_COSTS=1, first what each step costs alone: CPU milliseconds per request, by role. */
const COSTS = process.env.BENCH_COSTS === '1';
/** With BENCH_COSTS=1 and BENCH_STATEMENTS=1 (a throwaway cluster), each step's heaviest statements too. */
const STATEMENTS = COSTS && process.env.BENCH_STATEMENTS === '1' && !process.env.BENCH_DATABASE_URL;
if (STATEMENTS) process.env.PG_EXTRA_OPTIONS = `${process.env.PG_EXTRA_OPTIONS ?? ''} ${PG_STAT_STATEMENTS}`;
const P99_CEILING_MS = 300;
/** Reads per submission, by kind: about fifty in all. */
const READS = { search: 20, guide: 15, hot: 3, track: 8, verify: 4 } as const;
const DATA_KEY = 'be4c'.repeat(16);
const PASSWORD = 'Bench2026pass';
const PORT = 3913;

printLoad();
const cluster = process.env.BENCH_DATABASE_URL ? undefined : await startCluster();
const adminUrl = process.env.BENCH_DATABASE_URL ?? cluster?.url;
if (!adminUrl) throw new Error('No PostgreSQL: install Debian’s postgresql or set BENCH_DATABASE_URL');
const dbName = `tongban_journey_${Date.now()}`;
{
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
}
const url = Object.assign(new URL(adminUrl), { pathname: `/${dbName}` }).toString();

// The province: its catalogue, a population with enterprises (and their 营业执照), applicants,
// a window clerk and an approver in one county department, an item with a two-stage process.
const setupStarted = performance.now();
const database = await openDatabase({ url, poolSize: 4 });
const { db } = database;
await migrateToLatest(db);
await seedCatalog(db, { province: '52', now: new Date() });
const key = Buffer.from(DATA_KEY, 'hex');
const cipher = createFieldCipher({ suite: 'sm4', current: 'k1', keys: { k1: key }, indexKey: key });
await seedRegistries(db, cipher, {
  seed: 5,
  persons: APPLICANTS * 10,
  enterprises: 300,
  villages: await listVillageAddresses(db, '52'),
  today: new Date(),
});
const residents = await enrolResidents({ db, cipher }, APPLICANTS, PASSWORD);
await seedDemoLicenses(db, { cipher, auditKey: key, now: () => new Date(), signatureAlg: 'SM2' });
const licences = (
  await sql<{ number: string; signature: string }>`SELECT number, signature FROM licenses.license LIMIT 500`.execute(db)
).rows;
const guides = (
  await sql<{ code: string }>`SELECT code FROM catalog.item WHERE published_version IS NOT NULL ORDER BY code`.execute(
    db,
  )
).rows.map((r) => r.code);
const { rows: items } = await sql<{ code: string; regionCode: string; departmentId: string }>`
  SELECT i.code, i.region_code, i.department_id FROM catalog.item i JOIN catalog.item_version v ON v.item_id = i.id AND v.version = i.published_version
  WHERE length(i.region_code) = 6 AND jsonb_array_length(COALESCE(v.guide->'form', '[]'::jsonb)) = 0 ORDER BY i.code LIMIT 1`.execute(
  db,
);
const item = items[0]!;
const { rows: guideMaterials } = await sql<{ necessity: string }>`
  SELECT m->>'necessity' AS necessity FROM catalog.item i JOIN catalog.item_version v ON v.item_id = i.id AND v.version = i.published_version,
  jsonb_array_elements(v.guide->'materials') WITH ORDINALITY AS x(m, n) WHERE i.code = ${item.code} ORDER BY n`.execute(
  db,
);
const requiredMaterials = guideMaterials.flatMap((m, index) => (m.necessity === 'optional' ? [] : [index]));
const staff = async (
  username: string,
  roles: StaffRole[],
  regionCode = item.regionCode,
  departmentIds: string[] = [],
) =>
  `Bearer ${await issueApiToken(db, await createStaff(db, { username, displayName: username, regionCode, roles, departmentIds }), 'bench')}`;
const clerk = await staff('journey.clerk', ['window_clerk']);
// An approver sees the cases of the departments they belong to (the item's).
const approver = await staff('journey.approver', ['approver'], item.regionCode, [item.departmentId]);
const catalogAdmin = await staff('journey.admin', ['catalog_admin'], '52');
await database.close();
console.log(
  `setup: ${guides.length} published guides, ${licences.length} e-licences, ${residents.length} applicants, ` +
    `item ${item.code} (${requiredMaterials.length} required material(s)), ${((performance.now() - setupStarted) / 1000).toFixed(0)} s`,
);

const { server, base } = await startBenchServer({
  databaseUrl: url,
  dataKey: DATA_KEY,
  port: PORT,
  processes: PROCESSES,
  poolSize: 16,
  env: {
    // Residents reach the platform through the province's load balancer: one address each.
    TRUST_PROXY: 'loopback',
  },
});

// node:http with kept-alive sockets: about half the CPU per request of fetch(), and the load
// generator shares the two cores with both API processes and PostgreSQL.
// Requests take the kept-alive sockets in turn ('fifo'), as a province's load balancer spreads its
// many residents over the API processes: the agent's default ('lifo') reused the last socket, so
// at all but the highest rates one API process took nearly every request and the other idled
// (bench/lib/cpu-share.ts showed it: API 0 + 43 % of a core). Each phase starts on new sockets:
// one opened while an API process was still starting went to the other for good.
const newAgent = () => new http.Agent({ keepAlive: true, maxSockets: 256, scheduling: 'fifo' });
let agent = newAgent();
type Answer = { status: number; body: string; cookies: string };
function request(
  method: string,
  url: string,
  headers: Record<string, string>,
  body?: string | Buffer,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const sent =
      body === undefined
        ? headers
        : { 'content-type': 'application/json', ...headers, 'content-length': String(Buffer.byteLength(body)) };
    const req = http.request(`${base}${url}`, { method, agent, headers: sent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          cookies: (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; '),
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
const ok = (r: Answer) => {
  if (r.status >= 300) throw new Error(`${r.status} ${r.body.slice(0, 200)}`);
  return r.status === 204 ? undefined : JSON.parse(r.body);
};

let addressSeq = 0;
/** A resident's own address behind the province's load balancer (private ranges). */
const someone = () => {
  const n = addressSeq++ % 60_000;
  return { 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` };
};

type Session = { cookie: string; csrf: string; from: Record<string, string> };
async function signIn(r: { idNumber: string }): Promise<Session> {
  const from = someone();
  const res = await request(
    'POST',
    '/api/auth/login',
    from,
    JSON.stringify({ method: 'password', account: r.idNumber, password: PASSWORD }),
  );
  const body = ok(res) as { csrfToken: string };
  return { cookie: res.cookies, csrf: body.csrfToken, from };
}

// Half the applicants sign in once and apply all day; the other half are who the mix's sign-ins sign in.
const half = Math.ceil(residents.length / 2);
const sessions: Session[] = [];
for (let i = 0; i < half; i += 20)
  sessions.push(...(await Promise.all(residents.slice(i, Math.min(i + 20, half)).map(signIn))));
const signers = residents.slice(half);
ok(
  await request(
    'PUT',
    `/api/admin/cases/definitions/${item.code}`,
    { authorization: catalogAdmin },
    JSON.stringify({
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
    }),
  ),
);

const queries = benchQueries(7);
{
  const l = licences[0]!;
  const probe = ok(
    await request(
      'GET',
      `/api/licenses/verify?number=${encodeURIComponent(l.number)}&signature=${encodeURIComponent(l.signature)}`,
      someone(),
    ),
  ) as { result: string };
  console.log(`licence verification answers "${probe.result}" for a licence with its signature`);
}
const trackingCodes: string[] = [];
let seq = 0;
const pick = <T>(list: readonly T[]): T => list[seq++ % list.length]!;
/**
 * Guide views follow popularity, as a portal's page views do: Zipf (s = 1) over the published
 * guides in a fixed shuffled order, so the most read guide is read about 12,000 times as often as
 * the least (with ~12,000 guides, the 4,000 most read take ~89 % of views). Before 2026-12-05 the
 * bench read every guide in turn, as if all were read alike.
 */
const popularGuide = (() => {
  const rng = new Rng(2026);
  const order = [...guides];
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const cumulative: number[] = [];
  let sum = 0;
  for (let rank = 1; rank <= order.length; rank++) cumulative.push((sum += 1 / rank));
  return () => {
    const r = rng.next() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return order[lo]!;
  };
})();

type StepName = keyof typeof READS | 'signin' | 'submit' | 'accept' | 'view' | 'approve';
const STEPS: StepName[] = [
  'search',
  'guide',
  'hot',
  'track',
  'verify',
  'signin',
  'submit',
  'accept',
  'view',
  'approve',
];
const STEP_NAMES: Record<StepName, string> = {
  search: '搜索 search',
  guide: '办事指南 guide',
  hot: '热门 hot list',
  track: '办件查询 tracking',
  verify: '证照核验 verify',
  signin: '登录 sign-in',
  submit: '申报 submit + files',
  accept: '受理 accept',
  view: '审批查看 case view',
  approve: '审批 approve',
};
interface Phase {
  /** The load generator's own event-loop delay during the phase (ms): when high, lateness is the generator's. */
  generatorLag?: { p99: number; max: number };
  /** When (ms since the phase began) each request over the p99 ceiling was due: one burst, or spread out. */
  slowAt: number[];
  /** Where the machine's CPU went during the phase, by role (Linux). */
  cpu?: string;
  /** Idle CPU during the phase, % of one core. */
  idle?: number;
  started: number;
  latencies: Record<StepName, number[]>;
  errors: Record<StepName, number>;
  firstError?: string;
  due: number;
  decided: number;
}
const newPhase = (): Phase => ({
  latencies: Object.fromEntries(STEPS.map((s) => [s, []])) as unknown as Record<StepName, number[]>,
  errors: Object.fromEntries(STEPS.map((s) => [s, 0])) as Record<StepName, number>,
  due: 0,
  decided: 0,
  slowAt: [],
  started: performance.now(),
});
let inFlight = 0;

/** Runs one step, timing it from `due` (when it should have started), into the phase. */
async function step<T>(phase: Phase, name: StepName, due: number, run: () => Promise<T>): Promise<T | undefined> {
  inFlight++;
  try {
    const value = await run();
    const ms = performance.now() - due;
    phase.latencies[name].push(ms);
    if (ms > P99_CEILING_MS) phase.slowAt.push(due - phase.started);
    return value;
  } catch (e) {
    phase.errors[name]++;
    phase.firstError ??= `${name}: ${String(e).slice(0, 240)}`;
    return undefined;
  } finally {
    inFlight--;
  }
}

const reads: Record<keyof typeof READS, () => Promise<unknown>> = {
  search: async () => {
    const q = pick(queries);
    const region = q.region ? `&region=${q.region}` : '';
    return ok(await request('GET', `/api/catalog/search?q=${encodeURIComponent(q.q)}${region}`, someone()));
  },
  guide: async () => ok(await request('GET', `/api/catalog/items/${popularGuide()}`, someone())),
  hot: async () => ok(await request('GET', '/api/catalog/search/hot', someone())),
  track: async () =>
    trackingCodes.length ? ok(await request('GET', `/api/track/${pick(trackingCodes)}`, someone())) : undefined,
  verify: async () => {
    const l = pick(licences);
    const query = `number=${encodeURIComponent(l.number)}&signature=${encodeURIComponent(l.signature)}`;
    return ok(await request('GET', `/api/licenses/verify?${query}`, someone()));
  },
};

/** The applicant files the application and uploads its required materials. */
async function file(s: Session): Promise<{ caseId: string; trackingCode: string }> {
  const headers = { ...s.from, cookie: s.cookie, 'x-csrf-token': s.csrf };
  const submitted = ok(
    await request(
      'POST',
      '/api/cases',
      { ...headers, 'idempotency-key': randomUUID() },
      JSON.stringify({ itemCode: item.code, form: { remarks: '压测' } }),
    ),
  ) as { caseId: string; trackingCode: string };
  for (const index of requiredMaterials)
    ok(
      await request(
        'PUT',
        `/api/cases/${submitted.caseId}/materials/${index}`,
        { ...headers, 'content-type': 'application/pdf' },
        materialFile(`${submitted.caseId} ${index}`),
      ),
    );
  trackingCodes.push(submitted.trackingCode);
  if (trackingCodes.length > 5000) trackingCodes.splice(0, 1000);
  return submitted;
}
const accept = async (caseId: string) =>
  ok(await request('POST', `/api/cases/${caseId}/accept`, { authorization: clerk }, '{}'));
/** The approver opens the case and finds the task open for them. */
async function openTask(caseId: string): Promise<{ id: string; version: number }> {
  const view = ok(await request('GET', `/api/cases/${caseId}`, { authorization: approver })) as {
    tasks: { id: string; status: string; version: number }[];
  };
  const open = view.tasks.find((t) => t.status === 'open');
  if (!open) throw new Error('no open task');
  return open;
}
const approve = async (task: { id: string; version: number }) =>
  ok(
    await request(
      'POST',
      `/api/tasks/${task.id}/approve`,
      { authorization: approver },
      JSON.stringify({ version: task.version, opinion: '材料齐全，符合条件，同意。' }),
    ),
  );

/** An application: filed with its files by the applicant, accepted at the window, approved twice (the second decides). */
async function application(phase: Phase, due: number): Promise<void> {
  const filed = await step(phase, 'submit', due, () => file(pick(sessions)));
  if (!filed) return;
  const accepted = await step(phase, 'accept', performance.now(), () => accept(filed.caseId));
  if (accepted === undefined && phase.errors.accept) return;
  for (let stage = 0; stage < 2; stage++) {
    const task = await step(phase, 'view', performance.now(), () => openTask(filed.caseId));
    if (!task) return;
    if (!(await step(phase, 'approve', performance.now(), () => approve(task).then(() => true)))) return;
  }
  phase.decided++;
}

/** Sends the mix at `rate` submissions per second for `seconds`, then waits for what is in flight. */
async function runPhase(rate: number, seconds: number): Promise<Phase> {
  const phase = newPhase();
  agent.destroy();
  agent = newAgent();
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const cpu = cpuShares(server.pid);
  const rates: [StepName | 'application', number][] = [
    ['application', rate],
    ['signin', rate * SIGNINS],
    ...(Object.entries(READS) as [StepName, number][]).map(([k, n]) => [k, rate * n] as [StepName, number]),
  ];
  const owed = new Map<string, number>(rates.map(([k]) => [k, 0]));
  const pending: Promise<unknown>[] = [];
  const start = performance.now();
  let last = start;
  while (performance.now() - start < seconds * 1000) {
    await new Promise((r) => setTimeout(r, 5));
    const now = performance.now();
    const dt = (now - last) / 1000;
    last = now;
    for (const [kind, perSecond] of rates) {
      let n = owed.get(kind)! + perSecond * dt;
      for (; n >= 1; n--) {
        if (kind === 'application') {
          phase.due++;
          pending.push(application(phase, now));
        } else if (kind === 'signin') {
          pending.push(step(phase, 'signin', now, () => signIn(pick(signers))));
        } else {
          const read = reads[kind as keyof typeof READS];
          pending.push(step(phase, kind, now, read));
        }
      }
      owed.set(kind, n);
    }
  }
  await Promise.all(pending);
  ({ line: phase.cpu, idle: phase.idle } = cpu.stop());
  lag.disable();
  phase.generatorLag = { p99: lag.percentile(99) / 1e6, max: lag.max / 1e6 };
  return phase;
}

function report(label: string, rate: number, seconds: number, phase: Phase): { held: boolean; stall: boolean } {
  console.log(
    `\n${label}: ${rate.toFixed(0)} submissions/s offered (≈${(rate * (1 + SIGNINS + 50 + 4)).toFixed(0)} requests/s) for ${seconds} s`,
  );
  console.log('step                     done/s     p50 ms   p99 ms   errors');
  let held = true;
  for (const name of STEPS) {
    const l = phase.latencies[name];
    const p99 = quantile(l, 0.99);
    if (l.length && p99 > P99_CEILING_MS) held = false;
    if (phase.errors[name]) held = false;
    console.log(
      `${STEP_NAMES[name].padEnd(22)} ${(l.length / seconds).toFixed(1).padStart(8)} ${quantile(l, 0.5).toFixed(1).padStart(10)} ${p99.toFixed(1).padStart(8)} ${String(phase.errors[name]).padStart(8)}`,
    );
  }
  const share = phase.due ? phase.decided / phase.due : 1;
  if (share < 0.9) held = false;
  console.log(`decided ${phase.decided} of ${phase.due} applications due (${(share * 100).toFixed(1)} %)`);
  if (phase.firstError) console.log(`first error: ${phase.firstError}`);
  const { p99: lagP99 = 0, max: lagMax = 0 } = phase.generatorLag ?? {};
  const slow = phase.slowAt.length
    ? `; over ${P99_CEILING_MS} ms: ${phase.slowAt.length}, due ${(Math.min(...phase.slowAt) / 1000).toFixed(1)}–${(Math.max(...phase.slowAt) / 1000).toFixed(1)} s into the step`
    : '';
  console.log(`load generator's event-loop delay p99 ${lagP99.toFixed(0)} ms, max ${lagMax.toFixed(0)} ms${slow}`);
  if (phase.cpu) console.log(phase.cpu);
  console.log(held ? 'held: every step p99 ≤ 300 ms, no error' : 'NOT held');
  return { held, stall: !held && isStall(phase) };
}

/**
 * A step lost to one stall of the machine, not to load: no error, nearly everything decided, every
 * request over the ceiling due within a quarter of a second, while at least a quarter of the CPU
 * stood idle. This shared machine stalls now and then (every step's p99 and the load generator's
 * own event loop jump at the same instant); such a step is run once more, and both are printed.
 */
function isStall(phase: Phase): boolean {
  const errors = Object.values(phase.errors).some((n) => n > 0);
  const spread = phase.slowAt.length ? Math.max(...phase.slowAt) - Math.min(...phase.slowAt) : Number.POSITIVE_INFINITY;
  return (
    !errors &&
    phase.decided >= 0.9 * phase.due &&
    spread <= 250 &&
    (phase.idle ?? 0) >= (os.availableParallelism() * 100) / 4
  );
}

/** Runs a step, and once more if it was lost to a stall (see `isStall`). */
async function runStep(label: string, rate: number, seconds: number): Promise<boolean> {
  const first = report(label, rate, seconds, await runPhase(rate, seconds));
  if (!first.stall) return first.held;
  return report(`${label} again (the first lost to one stall)`, rate, seconds, await runPhase(rate, seconds)).held;
}

/**
 * Runs `count` of one step alone, `concurrency` at a time, and answers the CPU it took per step by
 * role (ms), less what the idle platform spends in the same time (the background's polls), after
 * the reactions it caused have settled.
 */
const statements = STATEMENTS ? new pg.Client({ connectionString: url }) : undefined;
/** What the idle platform spent in each second measured before a step (ms per role). */
const idleSeconds: { api: number; background: number; postgres: number; generator: number }[] = [];
async function costOf(count: number, concurrency: number, run: () => Promise<unknown>) {
  const idle = cpuSpent(server.pid);
  await new Promise((r) => setTimeout(r, 1000));
  const base = idle.spent();
  idleSeconds.push(base);
  if (statements) await statements.query('SELECT pg_stat_statements_reset()');
  const meter = cpuSpent(server.pid);
  const t0 = performance.now();
  let left = count;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (left-- > 0) await run();
    }),
  );
  // The background's reactions (outbox subscribers, the analytics feed's linger) come after.
  await new Promise((r) => setTimeout(r, 2000));
  const spent = meter.spent();
  const seconds = (performance.now() - t0) / 1000;
  const per = (ms: number, idleMs: number) => Math.max(0, ms - idleMs * seconds) / count;
  return {
    api: per(spent.api, base.api),
    background: per(spent.background, base.background),
    postgres: per(spent.postgres, base.postgres),
    generator: per(spent.generator, base.generator),
    statements: statements ? await heaviestStatements(count) : [],
  };
}

/** The statements of the last measurement by execution time per step (the idle platform's polls included). */
async function heaviestStatements(count: number): Promise<string[]> {
  const { rows } = await statements!.query<{ calls: string; total: number; query: string }>(
    `SELECT calls, total_exec_time AS total, regexp_replace(query, '\\s+', ' ', 'g') AS query FROM pg_stat_statements
     WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query !~ 'pg_stat_statements'
     ORDER BY total DESC`,
  );
  const calls = rows.reduce((c, r) => c + Number(r.calls), 0);
  const total = rows.reduce((t, r) => t + r.total, 0);
  return [
    `    ${(calls / count).toFixed(1)} statements, ${(total / count).toFixed(2)} ms of execution per step; the heaviest:`,
    ...rows
      .slice(0, Number(process.env.BENCH_STATEMENTS_TOP ?? 6))
      .map(
        (r) =>
          `    ${(Number(r.calls) / count).toFixed(2).padStart(6)} × ${(r.total / Number(r.calls)).toFixed(3)} ms  ${r.query.slice(0, 110)}`,
      ),
  ];
}

if (COSTS) {
  if (statements) {
    await statements.connect();
    await statements.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  }
  console.log('\nCPU per step run alone, after a warm-up (ms; API processes summed; less the idle platform)');
  console.log('step                          API  background  PostgreSQL  generator   total   × mix');
  let perApplication = 0;
  const row = (name: string, perMix: number, c: Awaited<ReturnType<typeof costOf>>) => {
    const total = c.api + c.background + c.postgres + c.generator;
    perApplication += total * perMix;
    console.log(
      `${name.padEnd(28)} ${[c.api, c.background, c.postgres, c.generator, total].map((v) => v.toFixed(2).padStart(10)).join('')} ${(total * perMix).toFixed(1).padStart(7)}`,
    );
    for (const line of c.statements) console.log(line);
  };
  /** Each of `items` through `run`, `concurrency` at a time, after `warm` (a quarter of them) as a warm-up. */
  const measure = async <T>(
    items: T[],
    concurrency: number,
    run: (item: T) => Promise<unknown>,
    warm = Math.ceil(items.length / 4),
  ) => {
    let next = 0;
    const each = async () => run(items[next++ % items.length]!);
    await costOf(warm, concurrency, each);
    next = 0;
    return costOf(items.length, concurrency, each);
  };
  // The application stage by stage, each over the same cases (a fresh batch after the warm-up's).
  const APPLICATIONS = 80;
  const filed: { caseId: string }[] = [];
  row(
    STEP_NAMES.submit,
    1,
    await measure(Array.from({ length: APPLICATIONS }), 4, async () => filed.push(await file(pick(sessions)))),
  );
  const warmCases = filed.slice(0, -APPLICATIONS).map((f) => f.caseId);
  const batch = filed.slice(-APPLICATIONS).map((f) => f.caseId);
  /** A stage over the warm-up's cases, then measured over the batch's. */
  const stage = async (name: string, perMix: number, run: (caseId: string) => Promise<unknown>) => {
    const over = (cases: string[]) => {
      let i = 0;
      return costOf(cases.length, 4, async () => run(cases[i++]!));
    };
    await over(warmCases);
    row(name, perMix, await over(batch));
  };
  await stage(STEP_NAMES.accept, 1, accept);
  for (const order of ['1st', 'decides'])
    await stage(`view + approve (${order})`, 1, async (id) => approve(await openTask(id)));
  row(STEP_NAMES.signin, SIGNINS, await measure(signers, 2, signIn));
  // Verification warms over every licence twice: all day, counters scan the same licences again and
  // again, and each process keeps what it checked (signatureHolds); a first check against a key
  // builds its table (~8 ms).
  for (const [kind, n] of Object.entries(READS) as [keyof typeof READS, number][])
    row(
      STEP_NAMES[kind],
      n,
      await measure(Array.from({ length: 600 }), 8, reads[kind], kind === 'verify' ? 2 * licences.length : 150),
    );
  // The idle platform's own spending (the background's polls and timers) is taken out of each step
  // above, but it is spent all the same: what is left of the cores is what applications can use.
  const idleMs = (role: keyof (typeof idleSeconds)[number]) => median(idleSeconds.map((b) => b[role]));
  const idleTotal = idleMs('api') + idleMs('background') + idleMs('postgres') + idleMs('generator');
  console.log(
    `the idle platform, per second (median of ${idleSeconds.length}; taken out above): API ${idleMs('api').toFixed(0)}, ` +
      `background ${idleMs('background').toFixed(0)}, PostgreSQL ${idleMs('postgres').toFixed(0)}, generator ${idleMs('generator').toFixed(0)} ms`,
  );
  console.log(
    `per application with its ~50 reads: ${perApplication.toFixed(0)} ms of CPU — at most ${((os.availableParallelism() * 1000 - idleTotal) / perApplication).toFixed(1)} applications/s on ${os.availableParallelism()} cores, after the idle platform's ${idleTotal.toFixed(0)} ms a second`,
  );
}

report('warm-up', PEAK / 5, 5, await runPhase(PEAK / 5, 5));
const peakHeld = await runStep('peak', PEAK, HOLD);
let ceiling = peakHeld ? PEAK : 0;
let rate = peakHeld ? PEAK * 1.25 : PEAK * 0.8;
// Up from the peak while it holds; down from it while it does not, to find the ceiling either way.
let lowest = rate;
let steps = 0;
for (; steps < 12 && rate >= 0.5; steps++) {
  lowest = Math.min(lowest, rate);
  const held = await runStep(`step ${steps + 1}`, rate, STEP);
  if (peakHeld) {
    if (!held) break;
    ceiling = rate;
    rate *= 1.25;
  } else {
    if (held) {
      ceiling = rate;
      break;
    }
    rate *= 0.8;
  }
}
// One more step halfway (geometrically) between the ceiling and the rate above it that broke.
if (ceiling) {
  const between = ceiling * Math.sqrt(1.25);
  if (
    await runStep(`step ${steps + 2} (between ${ceiling.toFixed(1)} and ${(ceiling * 1.25).toFixed(1)})`, between, STEP)
  )
    ceiling = between;
}
console.log(
  `\ntarget: hold ${PEAK} submissions/s with ~50 reads each, p99 ≤ ${P99_CEILING_MS} ms per step, no error — ${peakHeld ? 'met' : 'NOT met'}`,
);
console.log(
  `ceiling on this machine (${PROCESSES} API processes, PostgreSQL server): ${ceiling ? `${ceiling.toFixed(1)} submissions/s` : `below ${lowest.toFixed(1)} submissions/s`}`,
);
printLoad('load average after');
server.kill('SIGTERM');
await new Promise((r) => server.once('exit', r));
cluster?.stop();
process.exit(0);
