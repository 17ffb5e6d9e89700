/**
 * Audited sharing queries against direct registry lookups, same run, same data, same concurrency.
 *
 * - audited: `querySharedData` — what `POST /api/exchange/query` runs: purpose and grant checks
 *   (one read of the grant with its resource), field selection, the registry read by blind index,
 *   decryption (and masking) of the phone, and the append to the hash-chained access log;
 * - direct: the same lookup on `exchange.person` by blind index, the same fields, the same
 *   decryption — what a department reading the registry table itself would do.
 * Then the access-log append alone: the platform audit chain (`appendAudit`, one head row locked
 * per append) against the exchange's own laned chain — the measurement behind the README's choice.
 *
 *   npm run bench:exchange                         (a throwaway PostgreSQL 15 server when Debian's is installed, else PGlite)
 *   DATABASE_URL=postgres://… npm run bench:exchange   (an existing server; creates and drops a database)
 *   BENCH_PGLITE=1 npm run bench:exchange           (embedded PGlite)
 * BENCH_CLIENTS (default 32) concurrent callers; BENCH_SECONDS (default 8) per path, measured in
 * alternating 1-second rounds so that both paths see the same machine (it is shared).
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

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 32);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const PERSONS = Number(process.env.BENCH_PERSONS ?? 5000);
const FIELDS = ['name', 'birthDate', 'alive', 'maritalStatus', 'phone'];
const key = Buffer.from('be4c'.repeat(16), 'hex');
const cipher = createFieldCipher({ suite: 'sm4', current: 'k1', keys: { k1: key }, indexKey: key });

// The database: an existing server, a throwaway one, or PGlite.
const usePglite = process.env.BENCH_PGLITE === '1';
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
const grantId = randomUUID();
await sql`INSERT INTO exchange.sharing_grant (id, resource_code, consumer_department_id, consumer_region_code, owner_department_id, owner_region_code, fields, purpose, legal_basis, status, requested_by, requested_at, expires_at, decided_by, decided_at)
  VALUES (${grantId}, 'population.person', ${hrss.id}, ${hrss.regionCode}, ${police.id}, ${police.regionCode}, ${sql.val(FIELDS)}::text[], '养老保险待遇资格认证', '《社会保险法》', 'approved', 'bench', now(), now() + interval '1 day', 'bench', now())`.execute(
  db,
);
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

async function audited(idNumber: string) {
  return (
    await querySharedData(
      deps,
      { kind: 'staff', actor: officer },
      { grantId, purpose: '办件 261123-K7Q2MX 待遇资格认证', subject: { idNumber }, fields: FIELDS },
    )
  ).record;
}

async function run(
  seconds: number,
  op: (i: number) => Promise<unknown>,
): Promise<{ perSecond: number; p50: number; p99: number }> {
  const latencies: number[] = [];
  let next = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        await op(next++);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  return { perSecond: latencies.length / seconds, p50: q(0.5), p99: q(0.99) };
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
const rounds = { direct: [] as Awaited<ReturnType<typeof run>>[], audited: [] as Awaited<ReturnType<typeof run>>[] };
for (let r = 0; r < SECONDS; r++) {
  rounds.direct.push(await run(1, (i) => direct(subject(i))));
  rounds.audited.push(await run(1, (i) => audited(subject(i))));
}
const combine = (rs: Awaited<ReturnType<typeof run>>[]) => {
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  return {
    perSecond: rs.reduce((n, r) => n + r.perSecond, 0) / rs.length,
    p50: median(rs.map((r) => r.p50)),
    p99: Math.max(...rs.map((r) => r.p99)),
  };
};
const d = combine(rounds.direct);
const a = combine(rounds.audited);
const ratios = rounds.audited.map((r, i) => r.perSecond / rounds.direct[i]!.perSecond);

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
  `${engine}; ${PERSONS} persons; ${CLIENTS} concurrent callers; ${SECONDS} s each in alternating 1 s rounds after a 2 s warm-up; fields ${FIELDS.join(',')}`,
);
console.log(`direct registry lookup (blind index, decrypt):          ${fmt(d)}`);
console.log(`audited sharing query (grant, fields, decrypt, log):    ${fmt(a)}`);
console.log(
  `ratio audited ÷ direct = ${(a.perSecond / d.perSecond).toFixed(3)} (per round ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}; target ≥ 0.5; X-Road ~0.11)`,
);
console.log(
  `access-log append alone: platform audit chain ${fmt(platformAppend)}; exchange laned chain ${fmt(laneAppend)}; ratio ${(laneAppend.perSecond / platformAppend.perSecond).toFixed(2)}`,
);
console.log(`access log rows written: ${chain.rows[0]!.n}`);
process.exit(0);
