/**
 * Cases on a PostgreSQL server: 50 concurrent applicants each submitting an application for a
 * two-stage item and a window clerk accepting it (submit + accept = one case), for BENCH_SECONDS
 * after a warm-up. Prints sustained cases per second, errors, p50/p99 of submit-and-accept, then
 * pgbench's default TPC-B-like figure on the same database in the same run, and the ratio.
 * Target: ≥ 500 submitted-and-accepted cases per second on a 2-core machine.
 *   npm run bench:cases                       (starts a throwaway Debian PostgreSQL cluster)
 *   BENCH_DATABASE_URL=postgres://… npm run bench:cases   (an existing server; creates a database)
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase, migrateToLatest } from '../server/src/platform/db/index.js';
import { createFieldCipher } from '../server/src/platform/crypto/index.js';
import { listVillageAddresses, seedCatalog } from '../server/src/modules/catalog/index.js';
import { seedRegistries } from '../server/src/modules/exchange/index.js';
import { createStaff, enrolResidents, issueApiToken } from '../server/src/modules/identity/index.js';
import { startCluster } from '../scripts/pg-cluster.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const DATA_KEY = 'be4c'.repeat(16);
const PASSWORD = 'Bench2026pass';
const PORT = 3911;
/** Server processes (node:cluster): the platform's PROCESSES setting. */
const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 1);

const cluster = process.env.BENCH_DATABASE_URL ? undefined : await startCluster();
const adminUrl = process.env.BENCH_DATABASE_URL ?? cluster?.url;
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
const materialFile = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x20), Buffer.from('\n%%EOF\n')]);
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

const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
const server: ChildProcess = spawn(
  process.execPath,
  [...profile, '--import', 'tsx', path.join(here, '../server/src/main.ts')],
  {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: url,
      DATABASE_POOL_SIZE: process.env.BENCH_POOL ?? '20',
      PROCESSES: String(PROCESSES),
      DATA_KEY,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      SERVE_WEB: 'false',
      SEED_DEMO: 'false',
      RATE_LIMIT_SIGN_IN: '100000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);
const base = `http://127.0.0.1:${PORT}`;
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${base}/healthz`)).ok) break;
  } catch {
    if (i > 200) throw new Error('the server did not start');
  }
  await new Promise((r) => setTimeout(r, 100));
}

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

async function oneCase(s: { cookie: string; csrf: string }): Promise<void> {
  const submitted = ok(
    await post(
      '/api/cases',
      { cookie: s.cookie, 'x-csrf-token': s.csrf, 'idempotency-key': randomUUID() },
      JSON.stringify({ itemCode: item.code, form: { remarks: '压测' } }),
    ),
  );
  for (const index of requiredMaterials) {
    ok(
      await post(
        `/api/cases/${submitted.caseId}/materials/${index}`,
        { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/pdf' },
        materialFile,
        'PUT',
      ),
    );
  }
  ok(await post(`/api/cases/${submitted.caseId}/accept`, { authorization: clerk }, '{}'));
}

async function run(seconds: number) {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: unknown;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    sessions.map(async (s) => {
      while (performance.now() < until) {
        const t0 = performance.now();
        try {
          await oneCase(s);
          latencies.push(performance.now() - t0);
        } catch (e) {
          errors++;
          firstError ??= e;
        }
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  return {
    cases: latencies.length,
    perSecond: latencies.length / seconds,
    errors,
    firstError,
    p50: q(0.5),
    p99: q(0.99),
  };
}

await run(2); // warm-up
const result = await run(SECONDS);
server.kill('SIGTERM');
await new Promise((r) => server.once('exit', r));

// pgbench's default TPC-B-like workload on the same database, same machine, right after.
const { port, hostname } = new URL(url);
const pgbenchBin = cluster ? path.join(cluster.bin, 'pgbench') : 'pgbench';
const asPostgres = (args: string[]) =>
  (cluster && process.getuid?.() === 0
    ? ['runuser', ['-u', 'postgres', '--', pgbenchBin, ...args]]
    : [pgbenchBin, args]) as [string, string[]];
const common = ['-h', hostname, '-p', port || '5432', '-U', 'postgres'];
execFileSync(...asPostgres([...common, '-i', '-s', '5', '-q', dbName]), { stdio: 'ignore' });
const out = execFileSync(...asPostgres([...common, '-c', '10', '-j', '2', '-T', String(SECONDS), dbName]), {
  encoding: 'utf8',
});
const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1]);
cluster?.stop();

console.log(
  `item ${item.code}: two stages, ${CLIENTS} concurrent applicants, ${SECONDS} s after a 2 s warm-up, PostgreSQL server, ${PROCESSES} server process(es)`,
);
console.log(
  `submitted, ${requiredMaterials.length} material file(s) uploaded and accepted: ${result.cases} cases, ${result.perSecond.toFixed(0)} cases/s, errors ${result.errors}${result.firstError ? ` (first: ${String(result.firstError).slice(0, 200)})` : ''}`,
);
console.log(`submit + accept latency p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms`);
console.log(
  `pgbench (TPC-B-like, 10 clients, scale 5): ${tps.toFixed(0)} tps; ratio cases/s ÷ pgbench tps = ${(result.perSecond / tps).toFixed(3)}`,
);
console.log(`target ≥ 500 cases/s: ${result.perSecond >= 500 ? 'met' : 'NOT met'}`);
process.exit(0);
