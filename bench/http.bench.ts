/**
 * HTTP throughput of /api/catalog/search against a bare Fastify hello-world, both started by this
 * script as child processes and loaded in turn by autocannon from this process. Prints the ratio
 * (target ≥ 0.5).
 *   npm run bench:http      (BENCH_ITEMS, BENCH_SECONDS, BENCH_CONNECTIONS to tune)
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchQueries } from './catalog-fixture.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);

function start(script: string, port: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, script)], { env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('READY')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

async function load(url: string, paths: string[]) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, requests: paths.map((p) => ({ method: 'GET', path: p })) });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx, total: result.requests.total };
}

const hello = await start('servers/hello.ts', 3901);
const helloStats = await load('http://127.0.0.1:3901', ['/']);
hello.kill();

const tongban = await start('servers/tongban.ts', 3902);
const paths = benchQueries().slice(0, 50).map(({ q, region }) => `/api/catalog/search?q=${encodeURIComponent(q)}${region ? `&region=${region}` : ''}`);
const searchStats = await load('http://127.0.0.1:3902', paths);
tongban.kill();

const ratio = searchStats.rps / helloStats.rps;
console.log(`hello-world: ${helloStats.rps.toFixed(0)} req/s, p50 ${helloStats.p50} ms, p99 ${helloStats.p99} ms, errors ${helloStats.errors}`);
console.log(`/api/catalog/search: ${searchStats.rps.toFixed(0)} req/s, p50 ${searchStats.p50} ms, p99 ${searchStats.p99} ms, errors ${searchStats.errors}`);
console.log(`ratio search / hello-world = ${ratio.toFixed(2)} (target ≥ 0.5: ${ratio >= 0.5 ? 'met' : 'NOT met'})`);
process.exit(0);
