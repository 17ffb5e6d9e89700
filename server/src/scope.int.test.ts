/**
 * Data scope, through every route the API has: a clerk of another county and another resident
 * try every endpoint with the identifiers of one resident (account id, enterprise id, ID number)
 * and must neither see that resident's personal data nor their case (its tracking code, what its
 * form says) nor change anything of theirs; every route that names one of their records refuses
 * it, and every queue (each value of an enumerated query parameter) leaves it out. A clerk of the
 * resident's own county can see them, so the identifiers are live.
 *
 * The walk reads the routes from the OpenAPI document, so a route added later is walked too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from './test/harness.js';
import { client, GENEROUS_LIMITS, register, registryPersons, type Client, type RegistryPerson } from './test/people.js';

let t: TestApp;
let victim: RegistryPerson & {
  personId: string;
  enterpriseId: string;
  phone: string;
  caseId: string;
  trackingCode: string;
};
/** A value only the victim's case form holds. */
const FORM_MARKER = `scope-walk-${Date.now().toString(36)}`;
let ownClerk: string;
/** A window clerk of the region of the victim's case (which is the item's region). */
let caseClerk: string;
let caseRegion: string;

interface Operation {
  method: string;
  path: string;
  parameters?: { name: string; in: string; required?: boolean; schema?: { enum?: string[] } }[];
}

function operations(): Operation[] {
  const spec = t.app.swagger() as { paths: Record<string, Record<string, { parameters?: Operation['parameters'] }>> };
  return Object.entries(spec.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ method: method.toUpperCase(), path, parameters: op.parameters })),
  );
}

/** Every way to point the route at the victim: each path parameter takes each of their ids. */
function urlsFor(op: Operation): string[] {
  const ids = [victim.personId, victim.enterpriseId, victim.caseId];
  const pathParams = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  let paths = [op.path];
  for (const name of pathParams) paths = paths.flatMap((p) => ids.map((id) => p.replace(`{${name}}`, id)));
  const query = new URLSearchParams();
  for (const p of op.parameters ?? []) {
    if (p.in !== 'query') continue;
    if (/idNumber/i.test(p.name)) query.set(p.name, victim.idNumber);
    else if (p.name === 'reason') query.set(p.name, '越权测试核验');
    else if (/^(id|personId|enterpriseId|actorId|targetId)$/.test(p.name)) query.set(p.name, victim.personId);
    else if (p.name === 'q') query.set(p.name, victim.name);
  }
  // Each value of an enumerated parameter (queue=tasks, queue=window…) is a view of its own.
  let queries = [query];
  for (const p of op.parameters ?? []) {
    if (p.in !== 'query' || !p.schema?.enum) continue;
    queries = queries.flatMap((q) => p.schema!.enum!.map((v) => new URLSearchParams([...q, [p.name, v]])));
  }
  return paths.flatMap((p) => queries.map((q) => (q.size ? `${p}?${q}` : p)));
}

/** Routes that answer for any id by design (none yet): each needs a reason here. */
const PUBLIC_BY_ID = new Set<string>([]);

const bodyFor = () => ({
  enterpriseId: victim.enterpriseId,
  idNumber: victim.idNumber,
  name: victim.name,
  creditCode: '',
  scopes: ['apply'],
  expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
  reason: '越权测试',
});

async function victimState(): Promise<string> {
  const rows = await sql`
    SELECT a.real_name_level, a.phone_index, a.password_hash, a.active,
      (SELECT json_agg(json_build_object('p', g.person_id, 'r', g.role, 'x', g.revoked_at) ORDER BY g.id) FROM identity.enterprise_agent g WHERE g.enterprise_id = ${victim.enterpriseId}) AS agents,
      (SELECT json_agg(json_build_object('s', k.status, 'v', k.version, 'f', k.form) ORDER BY k.id) FROM cases."case" k WHERE k.applicant_person_id = ${victim.personId}) AS cases
    FROM identity.person_account a WHERE a.id = ${victim.personId}`.execute(t.db);
  return JSON.stringify(rows.rows);
}

function leaks(body: string): string[] {
  const masked = `${victim.idNumber.slice(0, 6)}********${victim.idNumber.slice(-4)}`;
  const phone = `${victim.phone.slice(0, 3)}****${victim.phone.slice(-4)}`;
  return [victim.idNumber, masked, phone, victim.phone, victim.trackingCode, FORM_MARKER].filter((s) =>
    body.includes(s),
  );
}

beforeAll(async () => {
  t = await createTestApp({ env: GENEROUS_LIMITS });
  const [rep] = await registryPersons(t, 'legal-representative', 1);
  const { c, personId, phone } = await register(t, rep!);
  const credit = await sql<{
    creditCode: string;
  }>`SELECT credit_code FROM exchange.legal_entity WHERE legal_representative_id = ${rep!.id} AND status = 'active' LIMIT 1`.execute(
    t.db,
  );
  const claimed = await c.call('POST', '/api/enterprises', { creditCode: credit.rows[0]!.creditCode });
  expect(claimed.statusCode).toBe(201);
  // A case of theirs whose form carries their phone: reading it anywhere would be a leak.
  const item = await sql<{
    code: string;
    regionCode: string;
  }>`SELECT i.code, i.region_code FROM catalog.item i JOIN catalog.item_version v ON v.item_id = i.id AND v.version = i.published_version WHERE length(i.region_code) = 6 AND jsonb_array_length(COALESCE(v.guide->'form', '[]'::jsonb)) = 0 ORDER BY i.code LIMIT 1`.execute(
    t.db,
  );
  const submitted = await t.app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: {
      cookie: [...c.jar].map(([k, v]) => `${k}=${v}`).join('; '),
      'x-csrf-token': c.jar.get('tb_csrf')!,
      'idempotency-key': 'scope-walk-0001',
    },
    payload: { itemCode: item.rows[0]!.code, form: { remarks: `${FORM_MARKER} 联系电话 ${phone}` } },
  });
  expect(submitted.statusCode, submitted.body).toBe(201);
  victim = {
    ...rep!,
    personId,
    phone,
    enterpriseId: claimed.json().enterpriseId,
    caseId: submitted.json().caseId,
    trackingCode: submitted.json().trackingCode,
  };
  caseRegion = item.rows[0]!.regionCode;
  caseClerk = (await t.staff(['window_clerk'], caseRegion)).authorization;
  ownClerk = (await t.staff(['window_clerk'], victim.regionCode.slice(0, 6))).authorization;
});
afterAll(async () => t?.close());

describe('data scope across every route', () => {
  it('lets a clerk of the resident’s own county find them and their case (the identifiers are live)', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/admin/persons/${victim.personId}?reason=${encodeURIComponent('窗口核验')}`,
      headers: { authorization: ownClerk },
    });
    expect(res.statusCode).toBe(200);
    expect(leaks(res.body).length).toBeGreaterThan(0);
    const kase = await t.app.inject({
      method: 'GET',
      url: `/api/cases/${victim.caseId}`,
      headers: { authorization: caseClerk },
    });
    expect(kase.statusCode).toBe(200);
    expect(leaks(kase.body).length).toBeGreaterThan(0);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/cases/${victim.caseId}/materials`,
          headers: { authorization: caseClerk },
        })
      ).statusCode,
    ).toBe(200);
    const windowQueue = await t.app.inject({
      method: 'GET',
      url: '/api/tasks?queue=window',
      headers: { authorization: caseClerk },
    });
    expect(leaks(windowQueue.body)).toContain(victim.trackingCode);
  });

  const callers: {
    name: string;
    make: () => Promise<(method: string, url: string, body?: unknown) => Promise<{ statusCode: number; body: string }>>;
  }[] = [
    {
      name: 'a clerk of another county (every staff role)',
      make: async () => {
        // A county that is neither the resident's nor their case's.
        const county = ['520102', '520103', '520111', '520112'].find(
          (c) => !victim.regionCode.startsWith(c) && !caseRegion.startsWith(c),
        )!;
        const { authorization } = await t.staff(
          [
            'window_clerk',
            'approver',
            'department_head',
            'supervisor',
            'catalog_admin',
            'catalog_reviewer',
            'data_admin',
            'system_admin',
          ],
          county,
        );
        return (method, url, body) =>
          t.app.inject({
            method: method as 'GET',
            url,
            headers: { authorization },
            ...(body === undefined ? {} : { payload: body as object }),
          });
      },
    },
    {
      name: 'another resident',
      make: async () => {
        const [other] = await registryPersons(t, 'any', 1);
        const { c }: { c: Client } = await register(t, other!);
        return (method, url, body) => c.call(method as 'GET', url, body);
      },
    },
    {
      name: 'an anonymous caller',
      make: async () => (method, url, body) => client(t).call(method as 'GET', url, body),
    },
  ];

  for (const caller of callers) {
    it(`gives ${caller.name} nothing of the resident, through any route`, async () => {
      const call = await caller.make();
      const before = await victimState();
      const walked: string[] = [];
      for (const op of operations()) {
        if (op.path.startsWith('/api/auth/logout')) continue; // would end the caller's own session mid-walk
        for (const url of urlsFor(op)) {
          const res = await call(op.method, url, op.method === 'GET' || op.method === 'DELETE' ? undefined : bodyFor());
          walked.push(`${op.method} ${url}`);
          expect(leaks(res.body), `${op.method} ${url} → ${res.statusCode}`).toEqual([]);
          // A route that names one of the victim's records refuses it: the record itself, not only its personal data.
          if (op.path.includes('{') && !PUBLIC_BY_ID.has(op.path))
            expect(res.statusCode, `${op.method} ${url}`).toBeGreaterThanOrEqual(400);
        }
      }
      expect(await victimState()).toBe(before);
      // The walk covered the routes that hold personal data.
      expect(walked.some((w) => w.startsWith('GET /api/admin/persons/'))).toBe(true);
      expect(walked.some((w) => w.startsWith('POST /api/enterprises/'))).toBe(true);
      expect(walked).toContain(`GET /api/cases/${victim.caseId}`);
      expect(walked).toContain(`POST /api/cases/${victim.caseId}/accept`);
    }, 600_000); // thousands of requests: on a loaded machine this takes minutes
  }
});
