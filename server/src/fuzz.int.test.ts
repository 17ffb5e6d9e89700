/**
 * The campaign kept in the suite (issue 11): requests generated from /openapi.json over every
 * route and method, with hostile values, as an anonymous caller, a resident and a member of staff
 * with every role. No answer may be a 5xx, and a batch of state-changing requests that were all
 * refused must leave every table as it was (row count and newest row version of each table,
 * outbox included).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from './test/harness.js';
import { GENEROUS_LIMITS, register, registryPersons, type Client } from './test/people.js';
import { formlessCountyItem, submitCase } from './test/cases.js';
import { operationsOf, requestsFor, type FuzzRequest } from './test/fuzz.js';
import { STAFF_ROLES } from './modules/identity/index.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261203);
/** Requests per operation and caller: 168 operations × 3 callers × 5 ≈ 2,500 requests. */
const PER_OPERATION = 5;
/** Signing out would end the resident's session for the rest of the campaign. */
const SKIPPED = new Set(['POST /api/auth/logout']);
/**
 * Tables a refused request may write by design: a signed-in caller's session records when it was
 * last seen (at most once a minute, whatever the answer); the search log is written in the
 * background, by earlier successful searches.
 */
const MAY_CHANGE_WHEN_REFUSED = new Set(['identity.session', 'catalog.search_log']);

let t: TestApp;
let resident: Client;
let staff: string;
const known: Record<string, string[]> = {};
beforeAll(async () => {
  t = await createTestApp({ env: GENEROUS_LIMITS });
  const [person] = await registryPersons(t, 'any', 1);
  resident = (await register(t, person!)).c;
  const item = await formlessCountyItem(t);
  const caseId = await submitCase(resident, item.code, 'fuzz-case');
  const staffMember = await t.staff([...STAFF_ROLES], item.regionCode);
  staff = staffMember.authorization;
  const tracking = await sql<{
    trackingCode: string;
  }>`SELECT tracking_code FROM cases."case" WHERE id = ${caseId}`.execute(t.db);
  const theme = await sql<{ slug: string }>`SELECT slug FROM catalog.theme ORDER BY slug LIMIT 1`.execute(t.db);
  Object.assign(known, {
    id: [caseId, staffMember.id, '00000000-0000-4000-8000-000000000000'],
    itemCode: [item.code],
    code: [item.code, tracking.rows[0]!.trackingCode],
    slug: theme.rows.map((r) => r.slug),
    index: ['0', '1'],
  });
}, 180_000);
afterAll(async () => t?.close());

/** The last fingerprint and the snapshot it was taken in. */
let last: { snapshot: string; tables: Map<string, string> } | undefined;

/**
 * Row count and newest row version (xmin) of every table of the platform's schemas. Counting every
 * table is slow on a PostgreSQL server, so it is done again only when a transaction id was handed
 * out since the last count: every write takes one, so the same snapshot (no id handed out, none in
 * progress) means the same tables.
 */
async function fingerprint(): Promise<Map<string, string>> {
  const snapshot = (await sql<{ s: string }>`SELECT pg_current_snapshot()::text AS s`.execute(t.db)).rows[0]!.s;
  const quiet = snapshot.endsWith(':');
  if (quiet && last?.snapshot === snapshot) return last.tables;
  const tables = await sql<{ name: string }>`
    SELECT table_schema || '.' || table_name AS name FROM information_schema.tables
    WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') AND table_schema NOT LIKE 'pg_%'
    ORDER BY 1`.execute(t.db);
  const parts = tables.rows
    .filter((r) => !MAY_CHANGE_WHEN_REFUSED.has(r.name))
    .map((r) => {
      const [schema, table] = r.name.split('.') as [string, string];
      return sql`SELECT ${r.name} AS name, count(*)::text || '/' || coalesce(max(xmin::text::bigint), 0)::text AS state FROM ${sql.id(schema, table)}`;
    });
  const rows = await sql<{ name: string; state: string }>`${sql.join(parts, sql` UNION ALL `)}`.execute(t.db);
  const counted = new Map(rows.rows.map((r) => [r.name, r.state]));
  last = quiet ? { snapshot, tables: counted } : undefined;
  return counted;
}

function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after].filter(([name, state]) => before.get(name) !== state).map(([name]) => name);
}

type Caller = 'anonymous' | 'resident' | 'staff';

async function send(caller: Caller, r: FuzzRequest): Promise<{ statusCode: number; body: string }> {
  const payload = r.payload === undefined ? undefined : JSON.stringify(r.payload);
  const headers: Record<string, string> = {
    ...r.headers,
    ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
  };
  const method = r.method as 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  if (caller === 'resident')
    return resident.call(method, r.url, payload === undefined ? undefined : r.payload, { headers });
  if (caller === 'staff') headers.authorization = staff;
  return t.app.inject({ method, url: r.url, headers, ...(payload === undefined ? {} : { payload }) });
}

describe('fuzzing every route from /openapi.json', () => {
  it('answers no 5xx, and requests that were refused write nothing', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const operations = operationsOf(doc).filter((op) => !SKIPPED.has(`${op.method} ${op.path}`));
    expect(operations.length).toBeGreaterThan(100);
    const serverErrors: string[] = [];
    const writesWhenRefused: string[] = [];
    let sent = 0;
    let refusedBatches = 0;
    let state: Map<string, string> | undefined;
    for (const [i, op] of operations.entries()) {
      for (const [c, caller] of (['anonymous', 'resident', 'staff'] as const).entries()) {
        const requests = requestsFor(op, known, SEED + i * 7 + c, PER_OPERATION);
        const before = state ?? (await fingerprint());
        state = undefined;
        let allRefused = true;
        for (const r of requests) {
          const res = await send(caller, r);
          sent++;
          if (res.statusCode >= 500)
            serverErrors.push(
              `${caller} ${r.method} ${r.url.slice(0, 160)} [${r.mutated}] → ${res.statusCode} ${res.body.slice(0, 200)}`,
            );
          if (res.statusCode < 400) allRefused = false;
        }
        // Reads may record that they were refused (the audit log); state-changing requests may not write.
        if (!allRefused || op.method === 'GET') continue;
        refusedBatches++;
        state = await fingerprint();
        const tables = changed(before, state);
        if (tables.length > 0) writesWhenRefused.push(`${caller} ${op.method} ${op.path}: ${tables.join(', ')}`);
      }
    }
    expect(serverErrors, serverErrors.join('\n')).toEqual([]);
    expect(writesWhenRefused, writesWhenRefused.join('\n')).toEqual([]);
    expect(sent).toBe(operations.length * 3 * PER_OPERATION);
    // Most state-changing batches are wholly refused, so the write check is not vacuous.
    expect(refusedBatches).toBeGreaterThan(operations.filter((op) => op.method !== 'GET').length);
  }, 300_000);
});
