/**
 * Integration-test harness: a fresh database per test file (cloned from the seeded template), the
 * real application on top of it, and staff with API tokens.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { inject } from 'vitest';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { buildApp } from '../app.js';
import { loadConfig, type Config } from '../config.js';
import { openDatabase, type Database, type Db } from '../platform/db/index.js';
import { createStaff, issueApiToken, type StaffRole } from '../modules/identity/index.js';
import { TEMPLATE_DB, withDatabase } from './template.js';
import { TEST_DATA_KEY } from './keys.js';
import type { Resolve } from '../platform/net/index.js';

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  database: Database;
  /** The configuration the app was built with. */
  config: Config;
  /**
   * Creates a staff member and returns an Authorization header for them. Staff act for the
   * departments they belong to (none: for none); without `departmentIds` those of the department
   * roles (approver, head, registrar) belong to every department of their region, the others to none.
   */
  staff(
    roles: StaffRole[],
    regionCode?: string,
    departmentIds?: string[],
  ): Promise<{ id: string; authorization: string }>;
  close(): Promise<void>;
}

const DEPARTMENT_ROLES: readonly StaffRole[] = ['approver', 'department_head', 'registrar'];

async function departmentsWithin(db: Db, regionCode: string): Promise<string[]> {
  const rows = await sql<{
    id: string;
  }>`SELECT id FROM catalog.department WHERE region_code LIKE ${regionCode + '%'} ORDER BY id`.execute(db);
  return rows.rows.map((r) => r.id);
}

async function openTestDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const url = inject('databaseUrl');
  if (url) {
    const name = `tongban_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
    await admin.end();
    const database = await openDatabase({ url: withDatabase(url, name), poolSize: 5 });
    return {
      database,
      drop: async () => {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const snapshot = await fs.readFile(inject('pgliteSnapshot'));
  const database = await openDatabase({ dataDir: 'memory://', loadDataDir: new Blob([snapshot]) });
  return { database, drop: async () => {} };
}

export async function createTestApp(
  opts: {
    serveWeb?: boolean;
    env?: Record<string, string>;
    resolve?: Resolve;
    onRoute?: (route: RouteOptions) => void;
    now?: () => Date;
  } = {},
): Promise<TestApp> {
  const { database, drop } = await openTestDatabase();
  const files = await fs.mkdtemp(path.join(os.tmpdir(), 'tongban-files-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    SERVE_WEB: opts.serveWeb ? 'true' : 'false',
    SEED_DEMO: 'false',
    WORKERS: 'false',
    SESSION_CACHE_MS: '0',
    SEARCH_HOT_CACHE_MS: '0',
    DATA_KEY: TEST_DATA_KEY,
    STORAGE_DIR: files,
    ...opts.env,
  });
  const app = await buildApp({
    config,
    database,
    ...(opts.resolve ? { resolve: opts.resolve } : {}),
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.onRoute ? { onRoute: opts.onRoute } : {}),
  });
  await app.ready();
  let n = 0;
  return {
    app,
    db: database.db,
    database,
    config,
    async staff(roles, regionCode = '52', departmentIds) {
      const departments =
        departmentIds ??
        (roles.some((r) => DEPARTMENT_ROLES.includes(r)) ? await departmentsWithin(database.db, regionCode) : []);
      const id = await createStaff(database.db, {
        username: `t${++n}.${randomBytes(3).toString('hex')}`,
        displayName: `测试人员${n}`,
        regionCode,
        roles,
        departmentIds: departments,
      });
      return { id, authorization: `Bearer ${await issueApiToken(database.db, id, 'test')}` };
    },
    async close() {
      await app.close();
      await database.close();
      await drop();
      await fs.rm(files, { recursive: true, force: true });
    },
  };
}
