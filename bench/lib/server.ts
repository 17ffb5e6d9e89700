/**
 * The platform's server for a benchmark: `server/src/main.ts` in a child process with the server's
 * V8 flags, in production mode on a PostgreSQL database, quiet, without the web app or demo data,
 * sign-in unlimited, its data directory (files, analytics store) a fresh temporary one;
 * `BENCH_PROFILE=dir` makes each server process write its CPU profile there as it stops
 * (`bench/profile-summary.ts` sums one). Resolves once `/readyz` answers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVER_NODE_FLAGS, serverEnv } from '../../scripts/server-flags.mjs';

const main = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../server/src/main.ts');

export interface BenchServerOptions {
  databaseUrl: string;
  dataKey: string;
  port: number;
  processes: number;
  poolSize: number;
  /** More settings for this bench (they win over the defaults above). */
  env?: Record<string, string>;
}

export async function startBenchServer(o: BenchServerOptions): Promise<{ server: ChildProcess; base: string }> {
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  // Its files and analytics store start empty and go with it (in the checkout's ./data they piled
  // up from run to run, and each run's DuckDB store held every earlier run's events).
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tongban-bench-data-'));
  const server = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...profile, '--import', 'tsx', main], {
    env: {
      ...serverEnv(),
      NODE_ENV: 'production',
      DATABASE_URL: o.databaseUrl,
      DATABASE_POOL_SIZE: process.env.BENCH_POOL ?? String(o.poolSize),
      PROCESSES: String(o.processes),
      DATA_KEY: o.dataKey,
      DATA_DIR: dataDir,
      PORT: String(o.port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      SERVE_WEB: 'false',
      SEED_DEMO: 'false',
      RATE_LIMIT_SIGN_IN: '100000',
      ...o.env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // Whatever happens from here on, the server does not outlive the bench.
  process.on('exit', () => {
    server.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });
  const base = `http://127.0.0.1:${o.port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/readyz`)).ok) return { server, base };
    } catch {
      // A loaded shared machine may take a minute or two to start it.
      if (i > 3000 || server.exitCode !== null) throw new Error('the server did not start');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
