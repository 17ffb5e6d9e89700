/**
 * `PROCESSES` > 1 on the default DuckDB analytics store (PostgreSQL stage): the real server runs
 * two API processes. A DuckDB file admits one process — each API process opening it had the second
 * fail and be restarted forever — so the primary owns the store and feeds it, and both API processes
 * answer from it: the same figures, with every event, whichever process a connection reaches.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from './test/harness.js';
import { GENEROUS_LIMITS, register, registryPersons } from './test/people.js';
import { formlessCountyItem, submitCase } from './test/cases.js';
import { killHard, sparePort, startServer, stderrOf } from './test/processes.js';
import { withDatabase } from './test/template.js';
import { TEST_DATA_KEY } from './test/keys.js';

const onServer = Boolean(inject('databaseUrl'));
const METRICS = 'cluster-test-metrics-token';

/** The server's child processes (its API processes), by pid. */
const apiProcesses = (server: ChildProcess): string[] =>
  execFileSync('ps', ['-o', 'pid=', '--ppid', String(server.pid)], { encoding: 'utf8' })
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .sort();

describe.runIf(onServer)('two API processes on one DuckDB store', { timeout: 300_000 }, () => {
  let t: TestApp;
  let server: ChildProcess | undefined;
  let dataDir: string;
  beforeAll(async () => {
    t = await createTestApp({ env: GENEROUS_LIMITS });
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'tongban-cluster-'));
  });
  afterAll(async () => {
    if (server) await killHard(server);
    await t?.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('keeps both processes up and answers the same complete figures from either', async () => {
    const item = await formlessCountyItem(t);
    const name = (await sql<{ name: string }>`SELECT current_database() AS name`.execute(t.db)).rows[0]!.name;
    const port = await sparePort();
    const base = `http://127.0.0.1:${port}`;
    server = await startServer(
      {
        DATABASE_URL: withDatabase(inject('databaseUrl'), name),
        DATA_KEY: TEST_DATA_KEY,
        DATA_DIR: dataDir,
        STORAGE_DIR: path.join(dataDir, 'files'),
        // The production default: a DuckDB file under DATA_DIR (tests otherwise keep it in memory).
        ANALYTICS_DUCKDB: path.join(dataDir, 'analytics.duckdb'),
        ANALYTICS_MIN_CELL: '1',
        PROCESSES: '2',
        DATABASE_POOL_SIZE: '4',
        METRICS_TOKEN: METRICS,
      },
      port,
    );
    // Each process answers /readyz once it listens; wait for both.
    for (let i = 0; apiProcesses(server).length < 2; i++) {
      expect(i, 'two API processes').toBeLessThan(200);
      await new Promise((r) => setTimeout(r, 100));
    }
    const first = apiProcesses(server);

    // Three applications filed through the test app (which delivers nothing itself).
    const people = await registryPersons(t, 'any', 3);
    for (const [i, p] of people.entries()) await submitCase((await register(t, p)).c, item.code, `cluster-${i}`);

    // A fresh connection each time: node:cluster hands connections to the processes in turn.
    const ask = async () => {
      const res = await fetch(`${base}/api/analytics/indicators?region=${item.regionCode}`, {
        headers: { connection: 'close' },
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { watermark: number; cells: { filed: number | null }[] };
      return { watermark: body.watermark, filed: body.cells[0]?.filed ?? 0 };
    };
    // Until the analytics feed has every event (the backlog is read from the database by any process).
    const waiting = async () => {
      const res = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS}` } });
      const line = (await res.text()).match(
        /^tongban_outbox_(?:pending|retrying)\{subscriber="analytics\.feed"\} (\d+)$/gm,
      );
      return (line ?? []).reduce((n, l) => n + Number(l.split(' ').at(-1)), 0);
    };
    let fed = await ask();
    for (let i = 0; fed.filed < 3 || (await waiting()) > 0; i++) {
      expect(i, 'the primary feeds the store').toBeLessThan(300);
      await new Promise((r) => setTimeout(r, 100));
      fed = await ask();
    }
    fed = await ask();
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await ask());
    expect(answers).toEqual(Array.from({ length: 6 }, () => ({ watermark: fed.watermark, filed: 3 })));
    // The same two processes as at the start, and nothing went wrong on the way (a process that
    // fails to start prints its error here before it is replaced; libraries' warnings may be there).
    expect(apiProcesses(server)).toEqual(first);
    expect(stderrOf(server)).not.toMatch(/error/i);
    await expect(fs.stat(path.join(dataDir, 'analytics.duckdb'))).resolves.toBeTruthy();
  });
});
