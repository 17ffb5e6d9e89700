/**
 * The server survives its PostgreSQL server going away and coming back: readiness turns false and
 * then true, requests answer 503 (never a crash or an unhandled rejection), the outbox dispatcher
 * backs off and resumes, and no search-log entry is lost. PostgreSQL stage only: it stops and
 * starts a throwaway cluster of its own (the suite's shared one keeps serving the other files).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { startCluster } from '../../../../scripts/pg-cluster.mjs';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { migrateToLatest, openDatabase, type Database } from './index.js';
import { TEST_DATA_KEY } from '../../test/keys.js';

const onServer = Boolean(inject('databaseUrl'));
const TOKEN = 'restart-test-metrics-token';

/** Polls `check` until it holds, for at most `ms` (the test's bound, not a timing assertion). */
async function eventually(check: () => Promise<boolean> | boolean, ms: number, what: string): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.runIf(onServer)('the PostgreSQL server restarts under a running API', () => {
  let cluster: Awaited<ReturnType<typeof startCluster>>;
  let database: Database;
  let app: FastifyInstance;
  let files: string;
  const rejections: unknown[] = [];
  const onRejection = (e: unknown) => rejections.push(e);

  beforeAll(async () => {
    process.on('unhandledRejection', onRejection);
    cluster = await startCluster();
    database = await openDatabase({ url: cluster!.url, poolSize: 4 });
    await migrateToLatest(database.db);
    files = await fs.mkdtemp(path.join(os.tmpdir(), 'tongban-files-'));
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      SERVE_WEB: 'false',
      SEED_DEMO: 'false',
      WORKERS: 'true',
      DATA_KEY: TEST_DATA_KEY,
      STORAGE_DIR: files,
      METRICS_TOKEN: TOKEN,
    });
    app = await buildApp({ config, database });
    await app.ready();
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
    cluster?.stop();
    await fs.rm(files, { recursive: true, force: true });
    process.off('unhandledRejection', onRejection);
  });

  const get = (url: string) =>
    app.inject({ method: 'GET', url, headers: url === '/metrics' ? { authorization: `Bearer ${TOKEN}` } : {} });

  it('answers 503 while the database is away, then serves again with nothing lost', async () => {
    expect((await get('/readyz')).statusCode).toBe(200);
    expect((await get('/api/catalog/search?q=%E5%BC%80%E9%A5%AD%E5%BA%97')).statusCode).toBe(200);

    cluster!.stopServer();
    const ready = await get('/readyz');
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ code: 'PLATFORM.DATABASE_UNAVAILABLE' });
    expect(ready.headers['retry-after']).toBeDefined();
    expect((await get('/healthz')).statusCode).toBe(200);
    const departments = await get('/api/catalog/departments');
    expect(departments.statusCode).toBe(503);
    expect(departments.json()).toMatchObject({ code: 'PLATFORM.DATABASE_UNAVAILABLE' });
    // The outbox dispatcher fails its polls and backs off (it keeps running: no crash).
    await eventually(() => app.outbox.consecutiveFailures >= 2, 20_000, 'the outbox dispatcher noticed the outage');
    const down = (await get('/metrics')).body;
    expect(down).toMatch(/^tongban_database_up 0$/m);

    cluster!.startServer();
    await eventually(async () => (await get('/readyz')).statusCode === 200, 30_000, 'ready again');
    expect((await get('/api/catalog/departments')).statusCode).toBe(200);
    await eventually(() => app.outbox.consecutiveFailures === 0, 40_000, 'the outbox dispatcher resumed');
    expect((await get('/metrics')).body).toMatch(/^tongban_database_up 1$/m);

    // Two more searches; every one of the three reaches the log once the flush gets through.
    for (let i = 0; i < 2; i++)
      expect((await get('/api/catalog/search?q=%E5%BC%80%E9%A5%AD%E5%BA%97')).statusCode).toBe(200);
    const logged = async () =>
      Number(
        (
          await sql<{
            n: number | null;
          }>`SELECT sum(count)::int AS n FROM catalog.search_log WHERE query = '开饭店'`.execute(database.db)
        ).rows[0]?.n ?? 0,
      );
    await eventually(async () => (await logged()) >= 3, 20_000, 'the search log written');
    expect(await logged()).toBe(3);
    expect(rejections).toEqual([]);
  });
});
