/** Test helpers for the exchange: departments of the seeded catalogue, their staff, grants. */
import { sql } from 'kysely';
import { expect } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { TestApp } from '../../test/harness.js';
import { TEST_DATA_KEY } from '../../test/keys.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';

/** The id of a seeded department by its key (`gz-hrss`, `gy-police`…). */
export async function departmentId(t: TestApp, key: string): Promise<string> {
  const row = await sql<{ id: string }>`SELECT id FROM catalog.department WHERE key = ${key}`.execute(t.db);
  return row.rows[0]!.id;
}

let n = 0;
/** A member of staff of one department (its region, limited to it); returns the Authorization header. */
export async function departmentStaff(
  t: TestApp,
  key: string,
  roles: Parameters<TestApp['staff']>[0],
): Promise<{ id: string; authorization: string; departmentId: string }> {
  const row = await sql<{
    id: string;
    regionCode: string;
  }>`SELECT id, region_code FROM catalog.department WHERE key = ${key}`.execute(t.db);
  const d = row.rows[0]!;
  const staff = await t.staff(roles, d.regionCode);
  await sql`UPDATE identity.staff SET department_ids = ARRAY[${d.id}]::uuid[], display_name = ${`王${'小明大华'[++n % 4]}`} WHERE id = ${staff.id}`.execute(
    t.db,
  );
  return { ...staff, departmentId: d.id };
}

export async function call(
  t: TestApp,
  authorization: string,
  method: 'GET' | 'POST' | 'DELETE',
  url: string,
  payload?: object,
) {
  return t.app.inject({ method, url, headers: { authorization }, ...(payload ? { payload } : {}) });
}

/** A grant asked for by `consumer` and approved by the owner's data administrator. */
export async function approvedGrant(
  t: TestApp,
  consumer: { authorization: string; departmentId: string },
  owner: { authorization: string },
  resourceCode: string,
  fields: string[],
): Promise<string> {
  const asked = await call(t, consumer.authorization, 'POST', '/api/exchange/grants', {
    resourceCode,
    consumerDepartmentId: consumer.departmentId,
    fields,
    purpose: '养老保险待遇资格认证',
    legalBasis: '《社会保险法》第七十五条',
    expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
  });
  expect(asked.statusCode, asked.body).toBe(201);
  if (asked.json().status === 'approved') return asked.json().id;
  const approved = await call(t, owner.authorization, 'POST', `/api/exchange/grants/${asked.json().id}/approve`, {
    note: '同意',
  });
  expect(approved.statusCode, approved.body).toBe(200);
  return asked.json().id;
}

/** A second app instance on the test app's database, as another process of `PROCESSES` > 1 is (its own memory). */
export async function anotherNode(t: TestApp, env: Record<string, string> = {}): Promise<FastifyInstance> {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    SERVE_WEB: 'false',
    SEED_DEMO: 'false',
    WORKERS: 'false',
    SESSION_CACHE_MS: '0',
    DATA_KEY: TEST_DATA_KEY,
    ...env,
  });
  const app = await buildApp({ config, database: t.database });
  await app.ready();
  return app;
}
