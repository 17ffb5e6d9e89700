/**
 * Audited sharing queries against direct registry lookups, same run, same data, same concurrency.
 *
 * - audited: `querySharedData` — what `POST /api/exchange/query` runs: purpose and grant checks
 *   (the grant from memory, its live state read with the subject), field selection, the registry read by blind index,
 *   decryption (and masking) of the phone, and the append to the hash-chained access log;
 * - direct: the same lookup on `exchange.person` by blind index, the same fields, the same
 *   decryption — what a department reading the registry table itself would do.
 * Then the access-log append alone: the platform audit chain (`appendAudit`, one head row locked
 * per append) against the exchange's own laned chain — the measurement behind the README's choice.
 *
 *   npm run bench:exchange                         (a throwaway PostgreSQL 15 server when Debian's is installed, else PGlite)
 *   DATABASE_URL=postgres://… npm run bench:exchange   (an existing server; creates and drops a database)
 *   BENCH_PGLITE=1 npm run bench:exchange           (embedded PGlite)
 * BENCH_CLIENTS (default 32) concurrent callers; BENCH_SECONDS (default 8) rounds of 1 s per path,
 * alternating so that both paths see the same machine (it is shared); the ratio printed is the
 * median of the rounds, with their spread. Warm: the grant in memory (every query after a grant's
 * first). Cold: the first query of each of BENCH_COLD_GRANTS fresh grants with an empty cache,
 * against as many direct look-ups. Then where each path's cost goes: CPU per query here and in the
 * database server, and statements per query (pg_stat_statements on the throwaway server).
 */
import { systemResolve } from '../server/src/platform/net/index.js';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase, migrateToLatest, type Database } from '../server/src/platform/db/index.js';
import { createFieldCipher } from '../server/src/platform/crypto/index.js';
import { appendAudit, auditEntry } from '../server/src/platform/audit/index.js';
import { maskPhone } from '../server/src/platform/privacy/index.js';
import type { Actor } from '../server/src/platform/context.js';
import { listVillageAddresses, seedCatalog } from '../server/src/modules/catalog/index.js';
import { birthFacts, seedRegistries } from '../server/src/modules/exchange/index.js';
import { Departments } from '../server/src/modules/exchange/departments.js';
import { AccessChain } from '../server/src/modules/exchange/access-log/access-chain.js';
import { GrantCache } from '../server/src/modules/exchange/sharing/grant-cache.js';
import { querySharedData } from '../server/src/modules/exchange/sharing/query.service.js';
import { pickFields } from '../server/src/modules/exchange/sharing/field-selection.js';
import type { ExchangeDeps } from '../server/src/modules/exchange/exchange.deps.js';
import { startCluster } from '../scripts/pg-cluster.mjs';
import { printLoad, rounds, spread, formatSpread } from './lib/report.js';
import { costMeter, formatCost, PG_STAT_STATEMENTS } from './lib/pg-cost.js';

printLoad();

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 32);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const PERSONS = Number(process.env.BENCH_PERSONS ?? 5000);
const COLD_GRANTS = Number(process.env.BENCH_COLD_GRANTS ?? 512);
const FIELDS = ['name', 'birthDate', 'alive', 'maritalStatus', 'phone'];
const key = Buffer.from('be4c'.repeat(16), 'hex');
const cipher = createFieldCipher({ suite: 'sm4', current: 'k1', keys: { k1: key }, indexKey: key });

// The database: an existing server, a throwaway one, or PGlite.
const usePglite = process.env.BENCH_PGLITE === '1';
if (!usePglite && !process.env.DATABASE_URL) process.env.PG_EXTRA_OPTIONS ??= PG_STAT_STATEMENTS;
const cluster = usePglite || process.env.DATABASE_URL ? undefined : await startCluster();
const adminUrl: string | undefined = usePglite ? undefined : (process.env.DATABASE_URL ?? cluster?.url);
const dbName = `tongban_xbench_${Date.now()}`;
let database: Database;
if (adminUrl) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  database = await openDatabase({
    url: Object.assign(new URL(adminUrl), { pathname: `/${dbName}` }).toString(),
    poolSize: CLIENTS + 2,
  });
} else {
  database = await openDatabase({ dataDir: 'memory://' });
}
const { db } = database;
const engine = adminUrl
  ? `PostgreSQL server (${(await sql<{ serverVersion: string }>`SHOW server_version`.execute(db)).rows[0]!.serverVersion})${cluster ? ', throwaway: fsync off' : ''}`
  : 'PGlite (in process)';

await migrateToLatest(db);
await seedCatalog(db, { province: '52', now: new Date() });
await seedRegistries(db, cipher, {
  seed: 11,
  persons: PERSONS,
  enterprises: 50,
  villages: await listVillageAddresses(db, '52'),
  today: new Date(),
});

const departments = new Departments(db);
const hrss = (await departments.topOf('hrss'))!;
const police = (await departments.topOf('police'))!;
/** An approved grant of hrss on the population registry, written directly (the bench measures queries, not decisions). */
async function insertGrant(id: string) {
  await sql`INSERT INTO exchange.sharing_grant (id, resource_code, consumer_department_id, consumer_region_code, owner_department_id, owner_region_code, fields, purpose, legal_basis, status, requested_by, requested_at, expires_at, decided_by, decided_at)
    VALUES (${id}, 'population.person', ${hrss!.id}, ${hrss!.regionCode}, ${police!.id}, ${police!.regionCode}, ${sql.val(FIELDS)}::text[], '养老保险待遇资格认证', '《社会保险法》', 'approved', 'bench', now(), now() + interval '1 day', 'bench', now())`.execute(
    db,
  );
  return id;
}
const grantId = await insertGrant(randomUUID());
const coldGrants: string[] = [];
for (let i = 0; i < COLD_GRANTS * Math.max(1, Math.ceil(SECONDS / 3)); i++)
  coldGrants.push(await insertGrant(randomUUID()));
const idNumbers = (
  await sql<{ idNumberEnc: string }>`SELECT id_number_enc FROM exchange.person ORDER BY id`.execute(db)
).rows.map((r) => cipher.decrypt(r.idNumberEnc));

const deps: ExchangeDeps = {
  db,
  cipher,
  auditKey: key,
  indexKey: key,
  log: console,
  now: () => new Date(),
  identity: {
    registryPersonOf: async () => undefined,
    staffNames: async () => new Map(),
    verifyClientToken: async () => undefined,
  },
  outbound: { requireHttps: true, allowPrivate: false, resolve: systemResolve },
  departments,
  chain: new AccessChain(db, key),
  grants: new GrantCache(db),
};
const officer: Actor = {
  id: randomUUID(),
  kind: 'staff',
  roles: ['window_clerk'],
  regionScope: hrss.regionCode,
  departmentIds: [hrss.id],
};

async function direct(idNumber: string) {
  const p = await sql<{ personalEnc: string; alive: boolean; phoneEnc: string | null }>`
    SELECT personal_enc, alive, phone_enc FROM exchange.person WHERE id_number_index = ${cipher.blindIndex(idNumber)}`.execute(
    db,
  );
  const { personalEnc, phoneEnc, ...row } = p.rows[0]!;
  return pickFields(
    {
      ...birthFacts(idNumber),
      ...(JSON.parse(cipher.decrypt(personalEnc)) as Record<string, unknown>),
      ...row,
      phone: phoneEnc ? maskPhone(cipher.decrypt(phoneEnc)) : null,
    },
    FIELDS,
  );
}

async function audited(idNumber: string, grant = grantId) {
  return (
    await querySharedData(
      deps,
      { kind: 'staff', actor: officer },
      { grantId: grant, purpose: '办件 261123-K7Q2MX 待遇资格认证', subject: { idNumber }, fields: FIELDS },
    )
  ).record;
}

/** CLIENTS callers, each calling `op` again as soon as it answers, for `seconds` (or until `count` calls). */
async function run(
  seconds: number,
  op: (i: number) => Promise<unknown>,
  count = Number.POSITIVE_INFINITY,
): Promise<{ perSecond: number; p50: number; p99: number }> {
  const latencies: number[] = [];
  let next = 0;
  const t0 = performance.now();
  const until = t0 + seconds * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < until && next < count) {
        const t0 = performance.now();
        await op(next++);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = Math.min(seconds, (performance.now() - t0) / 1000);
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  return { perSecond: latencies.length / elapsed, p50: q(0.5), p99: q(0.99) };
}

const subject = (i: number) => idNumbers[(i * 7919) % idNumbers.length]!;
// Both answer the same record.
const sorted = (r: Record<string, unknown>) => JSON.stringify(Object.entries(r).sort(([x], [y]) => x.localeCompare(y)));
if (sorted(await direct(subject(1))) !== sorted(await audited(subject(1)))) {
  cluster?.stop();
  throw new Error('the two paths disagree');
}

await run(2, (i) => direct(subject(i)));
await run(2, (i) => audited(subject(i)));
type Figures = Awaited<ReturnType<typeof run>>;
const combine = (rs: Figures[]) => ({
  perSecond: rs.reduce((n, r) => n + r.perSecond, 0) / rs.length,
  p50: spread(rs.map((r) => r.p50)).median,
  p99: Math.max(...rs.map((r) => r.p99)),
});

// Warm: the grant in memory; direct and audited in alternating 1 s rounds.
const warm = { direct: [] as Figures[], audited: [] as Figures[] };
const warmRatio = await rounds('warm ratio audited ÷ direct', SECONDS, async () => {
  const d = await run(1, (i) => direct(subject(i)));
  const a = await run(1, (i) => audited(subject(i)));
  warm.direct.push(d);
  warm.audited.push(a);
  return a.perSecond / d.perSecond;
});

// Cold: each grant's first query, with an empty cache (a new node), against as many direct look-ups.
const cold = { direct: [] as Figures[], audited: [] as Figures[] };
const coldRatio = await rounds('cold ratio audited ÷ direct', Math.max(1, Math.ceil(SECONDS / 3)), async (round) => {
  const grants = coldGrants.slice((round - 1) * COLD_GRANTS, round * COLD_GRANTS);
  deps.grants = new GrantCache(db);
  const d = await run(60, (i) => direct(subject(i + round * 7)), grants.length);
  const a = await run(60, (i) => audited(subject(i + round * 7), grants[i]!), grants.length);
  cold.direct.push(d);
  cold.audited.push(a);
  return a.perSecond / d.perSecond;
});

// Where the cost goes: CPU per query here and in the server, statements per query.
const meter = adminUrl ? await costMeter(db) : undefined;
const costs: string[] = [];
if (meter) {
  for (const [label, op] of [
    ['direct ', (i: number) => direct(subject(i))],
    ['audited', (i: number) => audited(subject(i))],
  ] as const) {
    await meter.start();
    const r = await run(2, op);
    costs.push(formatCost(label, await meter.stop(r.perSecond * 2)));
  }
}
const system = { id: 'bench', kind: 'staff' };
const platformAppend = await run(SECONDS / 2, () =>
  appendAudit(
    db,
    auditEntry(system, 'exchange.person-read', {
      targetType: 'person',
      targetId: randomUUID(),
      reason: '基准测试',
      detail: { fields: FIELDS },
    }),
    key,
  ),
);
const laneAppend = await run(SECONDS / 2, () =>
  deps.chain.append({
    at: new Date(),
    consumerDepartmentId: hrss.id,
    clientId: null,
    officerId: officer.id!,
    officerKind: 'staff',
    purpose: '基准测试',
    resourceCode: 'population.person',
    grantId,
    subjectKind: 'person',
    subjectKey: randomUUID(),
    fields: FIELDS,
  }),
);
const chain = await sql<{ n: number }>`SELECT count(*)::int AS n FROM exchange.access_log`.execute(db);

await database.close();
if (adminUrl) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
}
cluster?.stop();

const fmt = (r: { perSecond: number; p50: number; p99: number }) =>
  `${r.perSecond.toFixed(0)}/s (p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms)`;
console.log(
  `${engine}; ${PERSONS} persons; ${CLIENTS} concurrent callers; warm: ${SECONDS} alternating 1 s rounds per path after a 2 s warm-up; cold: ${COLD_GRANTS} fresh grants per round; fields ${FIELDS.join(',')}`,
);
console.log(`warm direct registry lookup (blind index, decrypt):       ${fmt(combine(warm.direct))}`);
console.log(`warm audited sharing query (grant, fields, decrypt, log): ${fmt(combine(warm.audited))}`);
console.log(`warm ratio audited ÷ direct = ${formatSpread(warmRatio)} (target ≥ 0.7; X-Road ~0.11)`);
console.log(`cold direct:  ${fmt(combine(cold.direct))}`);
console.log(`cold audited (first query of each grant, cache empty): ${fmt(combine(cold.audited))}`);
console.log(`cold ratio audited ÷ direct = ${formatSpread(coldRatio)}`);
for (const c of costs) console.log(c);
console.log(
  `access-log append alone: platform audit chain ${fmt(platformAppend)}; exchange laned chain ${fmt(laneAppend)}; ratio ${(laneAppend.perSecond / platformAppend.perSecond).toFixed(2)}`,
);
console.log(`access log rows written: ${chain.rows[0]!.n}`);
printLoad('load average after');
process.exit(0);
